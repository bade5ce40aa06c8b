// The editor's first diagnostics (issue 21): VS Code's ESLint language server (vscode-eslint-language-server) on a
// project as create-next-app 16 writes it, with the README's Next.js config, and the same config without the
// plugin. Measured: the time from opening app/actions.ts in a fresh server to its first diagnostics (the server
// loads ESLint, the config, eslint-config-next and the plugin), then each re-lint after an edit (warm, p50/p99).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { expect, it } from 'vitest';

import { createConsumer } from '../../tests/integration/consumer.js';
import { CREATE_NEXT_APP, readmeNextConfig } from '../../tests/integration/create-next-app.js';
import { type Diagnostic, LspClient } from '../../tests/integration/lsp-client.js';

const EDITS = 40;

function serverBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('vscode-langservers-extracted/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifestPath), manifest.bin['vscode-eslint-language-server']!);
}

async function measure(config: string): Promise<{ first: number; warm: number[]; clerk: number }> {
  const consumer = createConsumer({ eslint: 9, files: { ...CREATE_NEXT_APP, 'eslint.config.mjs': config } });
  const client = new LspClient(process.execPath, [serverBin(), '--stdio'], consumer.dir);
  try {
    const settings = {
      validate: 'on', packageManager: 'npm', useESLintClass: false, useFlatConfig: true, experimental: { useFlatConfig: false },
      codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
      codeActionOnSave: { mode: 'all' }, format: false, quiet: false, onIgnoredFiles: 'off', options: {}, rulesCustomizations: [],
      run: 'onType', problems: { shortenToSingleLine: false }, nodePath: null,
      workspaceFolder: { uri: pathToFileURL(consumer.dir).href, name: 'app' },
    };
    client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => settings));
    for (const method of ['client/registerCapability', 'window/workDoneProgress/create', 'workspace/diagnostic/refresh']) client.onRequest(method, () => null);
    const root = pathToFileURL(consumer.dir).href;
    await client.request('initialize', {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'app' }],
      capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
    });
    client.notify('initialized', {});
    const uri = pathToFileURL(join(consumer.dir, 'app/actions.ts')).href;
    const text = CREATE_NEXT_APP['app/actions.ts']!;
    const pull = () => client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }, 120_000);
    let start = performance.now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    const firstReport = await pull();
    const first = performance.now() - start;
    const warm: number[] = [];
    for (let version = 2; version < EDITS + 2; version += 1) {
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: `${text}\n// edit ${version}\n` }] });
      start = performance.now();
      await pull();
      warm.push(performance.now() - start);
    }
    return { first, warm, clerk: firstReport.items.filter((item) => String(item.code).startsWith('clerk/')).length };
  } finally {
    await client.stop();
    consumer.cleanup();
  }
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

it('first diagnostics and re-lint latency, with and without the plugin', async () => {
  const withPlugin = readmeNextConfig();
  const without = withPlugin.replace("import clerk from 'eslint-plugin-clerk';\n", '').replace('  clerk.configs.recommended,\n', '');
  expect(without).not.toContain('clerk');
  const rows: string[] = [];
  for (const [label, config] of [['without the plugin', without], ['with the plugin (recommended)', withPlugin]] as const) {
    const result = await measure(config);
    rows.push(`${label}: first diagnostics ${result.first.toFixed(0)} ms (Clerk findings ${result.clerk}); re-lint after an edit p50 ${percentile(result.warm, 50).toFixed(1)} ms, p99 ${percentile(result.warm, 99).toFixed(1)} ms`);
  }
  console.log(rows.join('\n'));
});
