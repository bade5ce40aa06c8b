import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'eslint-plugin-clerk-pack-'));
const consumer = join(work, 'consumer');
let tarball = '';

const ACTION = `'use server'
import { db } from './db'
export async function deleteInvoice(id: string) {
  await db.invoice.delete({ where: { id } })
}
`;

function eslint(args: string[]): { filePath: string; messages: { ruleId: string; messageId: string }[] }[] {
  try {
    return JSON.parse(
      execFileSync(process.execPath, [join(consumer, 'node_modules/eslint/bin/eslint.js'), '-f', 'json', ...args], {
        cwd: consumer,
        encoding: 'utf8',
      }),
    );
  } catch (error) {
    // ESLint exits 1 when it finds problems; its JSON is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (stdout) return JSON.parse(stdout);
    throw error;
  }
}

beforeAll(() => {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  ) as { filename: string }[];
  tarball = join(work, (packed as { filename: string }).filename);
  // Install the tarball as a consumer would get it; its dependencies come from this repository's install
  // (linked), so that the test needs no network.
  const pluginDir = join(consumer, 'node_modules', 'eslint-plugin-clerk');
  mkdirSync(pluginDir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pluginDir, '--strip-components=1']);
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry.startsWith('.') || entry === 'eslint-plugin-clerk') continue;
    symlinkSync(join(root, 'node_modules', entry), join(consumer, 'node_modules', entry));
  }
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(join(consumer, 'actions.ts'), ACTION);
  writeFileSync(join(consumer, 'db.ts'), `export const db = { invoice: { delete: async (_: unknown) => ({}) } }\n`);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package', () => {
  it('ships the build, types and docs, and not the sources or tests', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/docs/rules/require-server-action-auth.md');
    expect(files).toContain('package/README.md');
    expect(files).toContain('package/LICENSE');
    expect(files.some((file) => file.startsWith('package/src/') || file.startsWith('package/tests/'))).toBe(false);
    expect(files.some((file) => file.endsWith('.map'))).toBe(false);
  });

  it('works as `export default [clerk.configs.recommended]`', () => {
    writeFileSync(
      join(consumer, 'eslint.config.js'),
      `import tsParser from '@typescript-eslint/parser';
import clerk from 'eslint-plugin-clerk';
export default [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, clerk.configs.recommended];
`,
    );
    const [result] = eslint(['actions.ts']);
    expect(result?.messages.map((message) => `${message.ruleId} ${message.messageId}`)).toEqual([
      'clerk/require-server-action-auth missingAuth',
    ]);
  });

  it('works inside defineConfig, directly and through extends', () => {
    writeFileSync(
      join(consumer, 'eslint.config.js'),
      `import { defineConfig } from 'eslint/config';
import tsParser from '@typescript-eslint/parser';
import clerk from 'eslint-plugin-clerk';
export default defineConfig([
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  clerk.configs.recommended,
  { files: ['db.ts'], extends: [clerk.configs.strict] },
]);
`,
    );
    const results = eslint(['actions.ts', 'db.ts']);
    expect(results.map((result) => result.messages.map((message) => message.messageId))).toEqual([['missingAuth'], []]);
  });

  it('exposes meta and configs, and type-checks in a consumer eslint.config.ts', () => {
    writeFileSync(
      join(consumer, 'eslint.config.ts'),
      `import type { Linter } from 'eslint';
import clerk from 'eslint-plugin-clerk';
const name: string = clerk.meta.name;
const configs: Linter.Config[] = [clerk.configs.recommended, clerk.configs.strict, clerk.configs.all];
const legacy: Linter.LegacyConfig = clerk.configs['legacy-recommended'];
export default [...configs, { settings: { name, legacy } }];
`,
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: false, types: [] },
        files: ['eslint.config.ts'],
      }),
    );
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', consumer], { encoding: 'utf8' });
  });
});
