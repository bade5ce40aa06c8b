// The editor path (issue 8, part 2): the ESLint language server that VS Code's ESLint extension runs
// (`vscode-eslint-language-server` from vscode-langservers-extracted), driven over stdio like an editor drives it,
// against a consumer project that installed the packed plugin. Every expectation is computed from the consumer's
// own ESLint CLI (`-f json-with-metadata`, `--fix-dry-run`), so the editor must show exactly what the CLI reports
// and its quick fixes must produce exactly the text ESLint's fixes and suggestions produce.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type Consumer, createConsumer, flatConfig } from './consumer.js';
import {
  type CodeAction,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
  LspClient,
  applyTextEdits,
  editsFor,
} from './lsp-client.js';

const ACTIONS = 'app/app/actions/invoices.ts'; // three require-server-action-auth findings, each with a suggestion
const ROUTE = 'app/app/api/admin/users/route.ts'; // two require-await-auth findings, each with an autofix
const AUTOFIX = 'autofix/invoices.ts'; // the same actions under `settings.clerk.autofix: true`

const AUTOFIX_CONFIG = flatConfig().replace(
  'clerk.configs.recommended,\n',
  'clerk.configs.recommended,\n  { settings: { clerk: { autofix: true } } },\n',
);

interface CliSuggestion {
  desc: string;
  fix: { range: [number, number]; text: string };
}
interface CliMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: { range: [number, number]; text: string };
  suggestions?: CliSuggestion[];
}
interface CliResult {
  filePath: string;
  messages: CliMessage[];
  output?: string;
}
interface CliReport {
  results: CliResult[];
  metadata: { rulesMeta: Record<string, { docs?: { url?: string } }> };
}

interface InitializeResult {
  capabilities: {
    diagnosticProvider?: unknown;
    codeActionProvider?: { codeActionKinds?: string[] };
    executeCommandProvider?: { commands: string[] };
  };
}

/** What VS Code's ESLint extension answers to `workspace/configuration` (its defaults, flat config, fix on save). */
function editorSettings(workspace: string) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: { uri: pathToFileURL(workspace).href, name: 'consumer' },
  };
}

const ERROR = 1; // DiagnosticSeverity.Error
const lspSeverity = (severity: 1 | 2) => (severity === 2 ? ERROR : 2);

function applyFix(text: string, fix: { range: [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/** The CLI's view of the files (each under the eslint.config.js nearest to it), with rule metadata. */
function cli(consumer: Consumer, files: string[], extra: string[] = []) {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [consumer.eslintBin, '-f', 'json-with-metadata', ...extra, ...files], {
      cwd: consumer.dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // Exit code 1 means "there are findings"; anything else is a real failure.
    const failure = error as { status?: number; stdout?: string; stderr?: string };
    if (failure.status !== 1 || !failure.stdout) throw new Error(`eslint failed: ${failure.stderr ?? String(error)}`);
    stdout = failure.stdout;
  }
  const report = JSON.parse(stdout) as CliReport;
  const results = new Map<string, CliResult>(report.results.map((result) => [relative(consumer.dir, result.filePath), result]));
  expect([...results.keys()].sort()).toEqual([...files].sort());
  return { results, report };
}

/** The diagnostic an editor shows for an ESLint message: 0-based positions, code = rule id, link to the docs. */
function expectedDiagnostic(message: CliMessage, report: CliReport) {
  const url = message.ruleId === null ? undefined : report.metadata.rulesMeta[message.ruleId]?.docs?.url;
  return {
    code: message.ruleId,
    message: message.message,
    severity: lspSeverity(message.severity),
    source: 'eslint',
    range: {
      start: { line: message.line - 1, character: message.column - 1 },
      end: { line: (message.endLine ?? message.line) - 1, character: (message.endColumn ?? message.column) - 1 },
    },
    ...(url === undefined ? {} : { codeDescription: { href: url } }),
  };
}

const byPosition = (a: { range: Diagnostic['range'] }, b: { range: Diagnostic['range'] }) =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/** Process ids whose working directory is inside `dir` (Linux /proc; empty elsewhere). */
function processesIn(dir: string): number[] {
  if (!existsSync('/proc/self/cwd')) return [];
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      if (cwd === dir || cwd.startsWith(`${dir}/`)) found.push(Number(entry));
    } catch {
      // Gone already, or not ours to inspect.
    }
  }
  return found;
}

describe('the ESLint language server (VS Code ESLint extension) on a consumer of the packed plugin', () => {
  let consumer: Consumer;
  let client: LspClient;
  let capabilities: InitializeResult['capabilities'];
  /** Every `workspace/applyEdit` the server sent, answered `{ applied: true }` as an editor does. */
  const appliedEdits: WorkspaceEdit[] = [];
  /** Every `eslint/openDoc` request (the "Show documentation" action). */
  const openedDocs: string[] = [];
  const versions = new Map<string, number>();
  const published = new Map<string, Diagnostic[]>();
  /** The consumer's ESLint CLI on the three files: plain, and with `--fix-dry-run` (its `output` is the fixed text). */
  let lint: ReturnType<typeof cli>;
  let lintFixed: ReturnType<typeof cli>;
  const cliResult = (run: ReturnType<typeof cli>, file: string) => run.results.get(file)!;

  const uriOf = (file: string) => pathToFileURL(join(consumer.dir, file)).href;
  const textOf = (file: string) => readFileSync(join(consumer.dir, file), 'utf8');

  /** Opens (or reopens, fresh) a file from disk as VS Code does when a tab is opened. */
  function open(file: string, text = textOf(file)): { uri: string; text: string; version: number } {
    const uri = uriOf(file);
    if (versions.has(uri)) client.notify('textDocument/didClose', { textDocument: { uri } });
    const version = (versions.get(uri) ?? 0) + 1;
    versions.set(uri, version);
    published.delete(uri);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version, text } });
    return { uri, text, version };
  }

  /** Replaces the whole document text (an edit in the editor). */
  function change(uri: string, text: string): number {
    const version = (versions.get(uri) ?? 0) + 1;
    versions.set(uri, version);
    published.delete(uri);
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /**
   * The diagnostics the editor shows for a document. This server version announces `diagnosticProvider`, so the
   * editor pulls them (`textDocument/diagnostic`, LSP 3.17); a server that pushes `textDocument/publishDiagnostics`
   * instead is waited for.
   */
  async function diagnostics(uri: string): Promise<Diagnostic[]> {
    if (capabilities.diagnosticProvider !== undefined) {
      const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
        textDocument: { uri },
      });
      expect(report.kind).toBe('full');
      return report.items;
    }
    const ready = published.get(uri);
    if (ready) return ready;
    const pushed = await client.waitForNotification<{ uri: string; diagnostics: Diagnostic[] }>(
      'textDocument/publishDiagnostics',
      (params) => params.uri === uri,
    );
    return pushed.diagnostics;
  }

  function codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[] | null> {
    return client.request<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], triggerKind: 1 },
    });
  }

  async function fixAllOnSave(uri: string): Promise<CodeAction[] | null> {
    return client.request<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.eslint'], triggerKind: 2 },
    });
  }

  /**
   * Runs a code action as the editor does: its own edit if it has one, else its command through
   * `workspace/executeCommand`, capturing the `workspace/applyEdit` the server sends back. Returns the text edits.
   */
  async function perform(action: CodeAction, uri: string): Promise<TextEdit[]> {
    if (action.edit) return editsFor(action.edit, uri);
    if (!action.command) throw new Error(`code action "${action.title}" has neither an edit nor a command`);
    const before = appliedEdits.length;
    const { command, arguments: args } = action.command;
    await client.request('workspace/executeCommand', { command, arguments: args });
    const edits = appliedEdits.slice(before);
    expect(edits, `workspace/applyEdit requests for "${action.title}"`).toHaveLength(1);
    return editsFor(edits[0]!, uri);
  }

  beforeAll(async () => {
    consumer = createConsumer({
      eslint: 10,
      withExample: 'app',
      files: { 'eslint.config.js': flatConfig(), 'autofix/eslint.config.js': AUTOFIX_CONFIG },
    });
    cpSync(join(consumer.dir, ACTIONS), join(consumer.dir, AUTOFIX));
    lint = cli(consumer, [ACTIONS, ROUTE, AUTOFIX]);
    lintFixed = cli(consumer, [ACTIONS, ROUTE, AUTOFIX], ['--fix-dry-run']);

    const require = createRequire(import.meta.url);
    const manifestPath = require.resolve('vscode-langservers-extracted/package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
    const serverBin = join(dirname(manifestPath), manifest.bin['vscode-eslint-language-server']!);
    client = new LspClient(process.execPath, [serverBin, '--stdio'], consumer.dir);

    client.onRequest('workspace/configuration', (params) =>
      (params as { items: unknown[] }).items.map(() => editorSettings(consumer.dir)),
    );
    client.onRequest('workspace/applyEdit', (params) => {
      appliedEdits.push((params as { edit: WorkspaceEdit }).edit);
      return { applied: true };
    });
    client.onRequest('eslint/openDoc', (params) => {
      openedDocs.push((params as { url: string }).url);
      return {};
    });
    // Requests an editor acknowledges. Anything else (`eslint/noLibrary`, `eslint/noConfig`, `eslint/probeFailed`:
    // the server could not lint) is answered null by the client and shows up in the transcript of the failing test.
    for (const method of ['client/registerCapability', 'window/workDoneProgress/create', 'workspace/diagnostic/refresh']) {
      client.onRequest(method, () => null);
    }
    client.onNotification('textDocument/publishDiagnostics', (params) => {
      const { uri, diagnostics: items } = params as { uri: string; diagnostics: Diagnostic[] };
      published.set(uri, items);
    });

    const root = pathToFileURL(consumer.dir).href;
    const initialized = await client.request<InitializeResult>('initialize', {
      processId: process.pid, // the server exits by itself if this process dies
      clientInfo: { name: 'eslint-plugin-clerk language-server test' },
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'consumer' }],
      initializationOptions: {},
      capabilities: {
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { didSave: true },
          diagnostic: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true },
          codeAction: {
            isPreferredSupport: true,
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
          },
        },
      },
    });
    capabilities = initialized.capabilities;
    client.notify('initialized', {});
  });

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      console.error(`language server transcript:\n${client.transcript()}`);
    });
  });

  afterAll(async () => {
    if (client) {
      await client.stop().catch(() => undefined);
      client.kill();
    }
    consumer?.cleanup();
  });

  it('announces quick fixes, fix-all on save and the fix commands', () => {
    expect(capabilities.codeActionProvider?.codeActionKinds).toEqual(['quickfix', 'source.fixAll.eslint']);
    expect(capabilities.executeCommandProvider?.commands).toEqual(
      expect.arrayContaining(['eslint.applySingleFix', 'eslint.applySuggestion', 'eslint.applyAllFixes']),
    );
  });

  it.each([
    [ACTIONS, ['clerk/require-server-action-auth', 'clerk/require-server-action-auth', 'clerk/require-server-action-auth']],
    [ROUTE, ['clerk/require-await-auth', 'clerk/require-await-auth']],
    [AUTOFIX, ['clerk/require-server-action-auth', 'clerk/require-server-action-auth', 'clerk/require-server-action-auth']],
  ])('shows the CLI findings of %s, at the same ranges', async (file, rules) => {
    const result = cliResult(lint, file);
    const { report } = lint;
    expect(result.messages.map((message) => message.ruleId)).toEqual(rules);

    const { uri } = open(file);
    const shown = await diagnostics(uri);
    expect(shown.map((diagnostic) => diagnostic.code)).toEqual(rules);
    expect(
      shown
        .map(({ code, message, severity, source, range, codeDescription }) => {
          return { code, message, severity, source, range, codeDescription };
        })
        .sort(byPosition),
    ).toEqual(result.messages.map((message) => expectedDiagnostic(message, report)).sort(byPosition));
    for (const diagnostic of shown) {
      expect(diagnostic.codeDescription?.href).toBe(
        `https://github.com/eslint-plugin-clerk/eslint-plugin-clerk/blob/main/docs/rules/${String(diagnostic.code).slice('clerk/'.length)}.md`,
      );
    }
  });

  it('offers the suggestion as a quick fix whose edit is exactly the suggestion; the finding goes away', async () => {
    const result = cliResult(lint, ACTIONS);
    const missing = result.messages.find((message) => message.messageId === 'missingAuth');
    expect(missing?.fix, 'require-server-action-auth has no autofix by default').toBeUndefined();
    const suggestion = missing?.suggestions?.[0];
    expect(suggestion?.desc).toBe('Insert an authentication guard at the top of `deleteInvoice`.');

    const { uri, text } = open(ACTIONS);
    const shown = await diagnostics(uri);
    const diagnostic = shown.find((candidate) => candidate.range.start.line === missing!.line - 1);
    expect(diagnostic?.code).toBe('clerk/require-server-action-auth');

    const actions = (await codeActions(uri, diagnostic!)) ?? [];
    expect(actions.map((action) => action.title)).toEqual([
      `${suggestion!.desc} (clerk/require-server-action-auth)`,
      'Disable clerk/require-server-action-auth for this line',
      'Disable clerk/require-server-action-auth for the entire file',
      'Show documentation for clerk/require-server-action-auth',
    ]);
    const quickFix = actions[0]!;
    expect(quickFix.kind).toBe('quickfix');
    expect(quickFix.isPreferred, 'a suggestion is never the preferred (Ctrl+.) fix').toBeFalsy();
    expect(quickFix.diagnostics).toEqual([diagnostic]);
    expect(quickFix.command?.command).toBe('eslint.applySuggestion');

    const fixed = applyTextEdits(text, await perform(quickFix, uri));
    expect(fixed).toBe(applyFix(text, suggestion!.fix));
    expect(fixed).toContain(
      "export async function deleteInvoice(id: string) {\n  const { userId } = await auth()\n  if (!userId) throw new Error('Unauthorized')\n  await db.invoice.delete",
    );

    // The edited document re-lints: that finding is gone, the other two remain.
    change(uri, fixed);
    expect((await diagnostics(uri)).map((remaining) => remaining.range.start.line)).toEqual(
      result.messages.filter((message) => message !== missing).map((message) => message.line - 1 + 2),
    );

    // "Show documentation" asks the editor to open the rule's page.
    const docs = actions[3]!;
    open(ACTIONS);
    await diagnostics(uri);
    expect(docs.command?.command).toBe('eslint.openRuleDoc');
    await client.request('workspace/executeCommand', { command: docs.command!.command, arguments: docs.command!.arguments });
    expect(openedDocs.at(-1)).toBe(diagnostic!.codeDescription?.href);
  });

  it('offers an autofix as the preferred quick fix, and applies exactly the fix', async () => {
    const result = cliResult(lint, ROUTE);
    const missingAwait = result.messages.find((message) => message.messageId === 'missingAwait');
    expect(missingAwait?.fix).toBeDefined();

    const { uri, text } = open(ROUTE);
    const diagnostic = (await diagnostics(uri)).find((candidate) => candidate.range.start.line === missingAwait!.line - 1);
    expect(diagnostic?.code).toBe('clerk/require-await-auth');

    const actions = (await codeActions(uri, diagnostic!)) ?? [];
    const titles = actions.map((action) => action.title);
    expect(titles).toContain('Fix this clerk/require-await-auth problem');
    expect(titles).toContain('Fix all clerk/require-await-auth problems');
    expect(titles).toContain('Fix all auto-fixable problems');
    const fix = actions.find((action) => action.title === 'Fix this clerk/require-await-auth problem')!;
    expect(fix.isPreferred).toBe(true);
    expect(fix.command?.command).toBe('eslint.applySingleFix');

    const fixed = applyTextEdits(text, await perform(fix, uri));
    expect(fixed).toBe(applyFix(text, missingAwait!.fix!));
    expect(fixed).toContain('const { userId, orgRole } = await auth()');
  });

  it('fixes on save (source.fixAll.eslint) exactly as `eslint --fix` does, and never inserts auth guards by default', async () => {
    const route = cliResult(lintFixed, ROUTE);
    expect(route.output).toContain('(await clerkClient()).users');
    const { uri: routeUri, text: routeText } = open(ROUTE);
    await diagnostics(routeUri);
    const [routeFixAll] = (await fixAllOnSave(routeUri)) ?? [];
    expect(routeFixAll?.kind).toBe('source.fixAll.eslint');
    expect(applyTextEdits(routeText, await perform(routeFixAll!, routeUri))).toBe(route.output);

    // Suggestions only: nothing for fix-on-save to do, so the auth guard is never written behind the user's back.
    const actions = cliResult(lintFixed, ACTIONS);
    expect(actions.output, 'eslint --fix changes nothing').toBeUndefined();
    const { uri } = open(ACTIONS);
    await diagnostics(uri);
    const onSave = (await fixAllOnSave(uri)) ?? [];
    for (const action of onSave) expect(await perform(action, uri), action.title).toEqual([]);
  });

  it('with settings.clerk.autofix, the guard becomes the preferred fix and fix-on-save writes it', async () => {
    const result = cliResult(lint, AUTOFIX);
    const fixedByCli = cliResult(lintFixed, AUTOFIX).output;
    // Two guards inserted next to createInvoice's own; archiveInvoice's late auth.protect() is moved up, not duplicated.
    expect(fixedByCli?.match(/if \(!userId\) throw new Error\('Unauthorized'\)/gu)).toHaveLength(3);
    expect(fixedByCli).toContain('export async function archiveInvoice(id: string) {\n  await auth.protect()\n  await db.invoice.update(');

    const { uri, text } = open(AUTOFIX);
    const shown = await diagnostics(uri);
    const missing = result.messages.find((message) => message.messageId === 'missingAuth')!;
    expect(missing.fix).toBeDefined();
    const diagnostic = shown.find((candidate) => candidate.range.start.line === missing.line - 1)!;
    const actions = (await codeActions(uri, diagnostic)) ?? [];
    const fix = actions.find((action) => action.title === 'Fix this clerk/require-server-action-auth problem');
    expect(fix?.isPreferred).toBe(true);
    expect(applyTextEdits(text, await perform(fix!, uri))).toBe(applyFix(text, missing.fix!));

    const [onSave] = (await fixAllOnSave(uri)) ?? [];
    expect(applyTextEdits(text, await perform(onSave!, uri))).toBe(fixedByCli);
  });

  it('shuts down cleanly on shutdown/exit and leaves no process behind', async () => {
    const pid = client.child.pid!;
    if (existsSync('/proc/self/cwd')) expect(processesIn(consumer.dir), 'the check sees the running server').toContain(pid);
    expect(await client.stop()).toBe(0);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(processesIn(consumer.dir)).toEqual([]);
  });
});
