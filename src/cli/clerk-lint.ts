/**
 * `clerk-lint [dir]`: audits a project with the plugin's `recommended` (or `strict`) preset, independent of the
 * project's own ESLint setup. The bin shim (bin/clerk-lint.js) calls `main` and exits with its status.
 *
 * ESLint, the TypeScript parser and the plugin are imported lazily, so that `--help` and usage errors are fast
 * and a missing peer dependency becomes a one-line message instead of a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';

import type { ESLint as ESLintClass, Linter, Rule } from 'eslint';

import type { ClerkPlugin } from '../index.js';
import { type CliOptions, parseArgs, USAGE } from './args.js';
import { scanEnvFile } from './env-files.js';
import { collectFiles } from './files.js';
import { displayPath, formatStylish, keepClerkMessages } from './report.js';
import { formatSarif, loadProjectSarifFormatter } from './sarif.js';

export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Files per `lintFiles` call; progress is reported after each batch. */
export const BATCH_SIZE = 100;
/** Above this many files, progress is shown even when stderr is not a terminal (CI logs). */
export const PROGRESS_THRESHOLD = 300;

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

const packageJson = createRequire(import.meta.url)('../../package.json') as { version: string };
const ISSUES_URL = 'https://github.com/eslint-plugin-clerk/eslint-plugin-clerk/issues';

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    // A bug in clerk-lint itself: still one clear message, the stack only on request.
    return fail(io, `internal error: ${errorMessage(error)}`, error, `Please report it at ${ISSUES_URL}.`);
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return usageError(io, parsed.error);
  const { options } = parsed;
  if (options.help) {
    io.stdout.write(USAGE);
    return EXIT_CLEAN;
  }
  if (options.version) {
    const eslintVersion = await import('eslint').then(({ ESLint }) => `, ESLint ${ESLint.version}`).catch(() => '');
    io.stdout.write(`eslint-plugin-clerk ${packageJson.version}${eslintVersion}\n`);
    return EXIT_CLEAN;
  }
  const root = resolve(io.cwd, options.dir);
  const kind = pathKind(root);
  if (kind === 'missing') return usageError(io, `no such directory: ${options.dir}`);
  if (kind === 'file') return usageError(io, `not a directory: ${options.dir}`);

  const modules = await loadModules(io);
  if (modules === undefined) return EXIT_ERROR;

  const { files, unreadable, envFiles } = collectFiles(root);
  for (const dir of unreadable) io.stderr.write(`clerk-lint: skipped ${displayPath(io.cwd, dir)}: cannot read the folder\n`);

  const config = lintConfig(modules, options.preset);
  let results: ESLintClass.LintResult[];
  let eslint: ESLintClass;
  const restoreWarnings = silenceESLintEnvWarnings();
  try {
    eslint = new modules.ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config, warnIgnored: false, errorOnUnmatchedPattern: false });
    results = await lintInBatches(eslint, files, io);
  } catch (error) {
    return fail(
      io,
      `ESLint failed: ${errorMessage(error)}`,
      error,
      `If a clerk/ rule is named above, this is a bug in eslint-plugin-clerk: please report it at ${ISSUES_URL}.`,
    );
  } finally {
    restoreWarnings();
  }
  results = [...results, ...envFileResults(envFiles, config)].map(keepClerkMessages).sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));

  try {
    io.stdout.write(await format(options, { eslint, results, root, config, io, fileCount: files.length + envFiles.length, ESLint: modules.ESLint }));
  } catch (error) {
    return fail(io, `could not write the ${options.format} output: ${errorMessage(error)}`, error);
  }
  const findings = results.some((result) => result.messages.length > 0);
  return findings && !options.exitZero ? EXIT_FINDINGS : EXIT_CLEAN;
}

interface Modules {
  ESLint: typeof ESLintClass;
  parser: Linter.Parser;
  plugin: ClerkPlugin;
}

async function loadModules(io: CliIo): Promise<Modules | undefined> {
  const load = async <T>(name: string, importer: () => Promise<T>, hint: string): Promise<T | undefined> => {
    try {
      return await importer();
    } catch (error) {
      fail(io, `cannot load ${name}: ${errorMessage(error).split('\n')[0]}`, error, hint);
      return undefined;
    }
  };
  const eslint = await load('eslint', () => import('eslint'), 'Install ESLint 9 or 10 next to eslint-plugin-clerk: npm install --save-dev eslint');
  if (eslint === undefined) return undefined;
  const parser = await load(
    '@typescript-eslint/parser',
    () => import('@typescript-eslint/parser'),
    'TypeScript files need the typescript package: npm install --save-dev typescript',
  );
  if (parser === undefined) return undefined;
  const plugin = await load('eslint-plugin-clerk', () => import('../index.js'), `Please report it at ${ISSUES_URL}.`);
  if (plugin === undefined) return undefined;
  return { ESLint: eslint.ESLint, parser: parser as Linter.Parser, plugin: plugin.default };
}

/** The whole config: the project's eslint.config.* is never loaded (`overrideConfigFile: true`). */
function lintConfig({ parser, plugin }: Modules, preset: CliOptions['preset']): Linter.Config[] {
  return [
    {
      name: 'clerk-lint/typescript',
      files: ['**/*.{ts,tsx,mts,cts}'],
      languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      name: 'clerk-lint/javascript',
      files: ['**/*.{js,jsx,mjs,cjs}'],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    // Directives about the project's other rules are not ours to judge.
    { name: 'clerk-lint/directives', linterOptions: { reportUnusedDisableDirectives: 'off' } },
    plugin.configs[preset],
  ];
}

async function lintInBatches(eslint: ESLintClass, files: readonly string[], io: CliIo): Promise<ESLintClass.LintResult[]> {
  const tty = io.stderr.isTTY === true;
  const showProgress = tty || files.length > PROGRESS_THRESHOLD;
  const results: ESLintClass.LintResult[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    results.push(...(await eslint.lintFiles(files.slice(start, start + BATCH_SIZE))));
    if (!showProgress) continue;
    const line = `clerk-lint: linted ${Math.min(start + BATCH_SIZE, files.length)}/${files.length} files`;
    io.stderr.write(tty ? `\r${line}` : `${line}\n`);
  }
  // On a terminal the progress line is rewritten in place; clear it before the report.
  if (showProgress && tty && files.length > 0) io.stderr.write('\r\u001B[K');
  return results;
}

interface FormatInput {
  eslint: ESLintClass;
  ESLint: typeof ESLintClass;
  results: ESLintClass.LintResult[];
  root: string;
  config: Linter.Config[];
  io: CliIo;
  fileCount: number;
}

async function format(options: CliOptions, { eslint, ESLint, results, root, config, io, fileCount }: FormatInput): Promise<string> {
  switch (options.format) {
    case 'json':
      return `${await (await eslint.loadFormatter('json')).format(results)}\n`;
    case 'sarif': {
      const projectFormatter = loadProjectSarifFormatter(root);
      if (projectFormatter !== undefined) {
        const output = projectFormatter(results, { cwd: root, rulesMeta: eslint.getRulesMetaForResults(results) });
        return output.endsWith('\n') ? output : `${output}\n`;
      }
      return formatSarif(results, enabledRulesMeta(config), ESLint.version);
    }
    case 'stylish':
      return formatStylish(results, {
        cwd: io.cwd,
        dirLabel: relative(io.cwd, root) === '' ? '.' : displayPath(io.cwd, root),
        preset: options.preset,
        fileCount,
      });
  }
}

/** `meta` of every rule the preset turns on, by rule id. */
function enabledRulesMeta(config: readonly Linter.Config[]): Record<string, Rule.RuleMetaData> {
  const meta: Record<string, Rule.RuleMetaData> = {};
  for (const entry of config) {
    const rules = entry.plugins?.clerk?.rules;
    if (rules === undefined) continue;
    for (const [id, setting] of Object.entries(entry.rules ?? {})) {
      const severity = Array.isArray(setting) ? setting[0] : setting;
      const rule = rules[id.replace(/^clerk\//u, '')];
      if (severity === 'off' || severity === 0 || rule === undefined || typeof rule === 'function') continue;
      meta[id] = rule.meta ?? {};
    }
  }
  return meta;
}

function pathKind(path: string): 'missing' | 'file' | 'directory' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/**
 * ESLint 9 warns on stderr, through `process.emitWarning`, for every `/* eslint-env *\/` comment; those comments
 * belong to the project's own setup, not to this audit. Other warnings pass through.
 */
function silenceESLintEnvWarnings(): () => void {
  const original = process.emitWarning;
  const filtered = (warning: string | Error, ...rest: unknown[]) => {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: unknown } | undefined)?.type;
    if (type === 'ESLintEnvWarning') return;
    (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  };
  process.emitWarning = filtered as typeof process.emitWarning;
  return () => {
    process.emitWarning = original;
  };
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`clerk-lint: ${message}\nRun 'clerk-lint --help' for usage.\n`);
  return EXIT_ERROR;
}

function fail(io: CliIo, message: string, error: unknown, hint?: string): number {
  io.stderr.write(`clerk-lint: ${message}\n`);
  if (hint !== undefined) io.stderr.write(`${hint}\n`);
  if (io.env.CLERK_LINT_DEBUG && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
  else io.stderr.write('Set CLERK_LINT_DEBUG=1 to see the stack trace.\n');
  return EXIT_ERROR;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/** `.env*` files scanned for Clerk secrets, as lint results of the rules that report the same in code (when enabled). */
function envFileResults(envFiles: readonly string[], config: readonly Linter.Config[]): ESLintClass.LintResult[] {
  const enabled = new Set(config.flatMap((entry) => Object.keys(entry.rules ?? {})));
  return envFiles.flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return [];
    }
    const messages = scanEnvFile(text).filter((message) => message.ruleId !== null && enabled.has(message.ruleId));
    if (messages.length === 0) return [];
    return [
      {
        filePath: file,
        messages,
        suppressedMessages: [],
        errorCount: messages.length,
        fatalErrorCount: 0,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        usedDeprecatedRules: [],
      },
    ];
  });
}
