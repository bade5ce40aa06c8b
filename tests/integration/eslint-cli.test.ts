// The packed package as users install it, driven through the real ESLint CLI: ESLint 10 and ESLint 9 (flat config),
// ESLint 9 in eslintrc mode with `legacy-recommended`, `defineConfig`, and a typed consumer `eslint.config.ts`.
// Every run lints a copy of examples/next-app and must report exactly what the in-repo run reports.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createConsumer, exampleApp, flatConfig, repoRoot, type Consumer } from './consumer.js';

interface JsonMessage {
  ruleId: string | null;
  messageId?: string;
  line: number;
  column: number;
  fatal?: boolean;
  message: string;
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
}

/** Runs the consumer's ESLint CLI with `-f json`; exit code 1 (problems found) still yields the JSON on stdout. */
function runEslint(consumer: Consumer, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): JsonResult[] {
  const env = { ...process.env, ...options.env };
  if (options.env?.ESLINT_USE_FLAT_CONFIG === undefined) delete env.ESLINT_USE_FLAT_CONFIG;
  try {
    const stdout = execFileSync(process.execPath, [consumer.eslintBin, '-f', 'json', ...args], {
      cwd: options.cwd ?? consumer.dir,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(stdout) as JsonResult[];
  } catch (error) {
    const { status, stdout, stderr } = error as { status?: number; stdout?: string; stderr?: string };
    if (status === 1 && stdout) return JSON.parse(stdout) as JsonResult[];
    throw new Error(`eslint ${args.join(' ')} exited ${String(status)}\n${stderr ?? ''}`, { cause: error });
  }
}

/** `file:line:column ruleId messageId` for every message, paths relative to `root`, sorted. */
function findings(results: readonly { filePath: string; messages: readonly JsonMessage[] }[], root: string): string[] {
  return results
    .flatMap((result) =>
      result.messages.map(
        (message) =>
          `${relative(root, result.filePath).split(sep).join('/')}:${message.line}:${message.column} ${String(message.ruleId)} ${String(message.messageId)}`,
      ),
    )
    .sort();
}

/** The in-repo run: the repository's ESLint and the built plugin, same config as `flatConfig('recommended')`. */
async function inRepoFindings(): Promise<string[]> {
  const { default: plugin } = (await import(pathToFileURL(join(repoRoot, 'dist/index.js')).href)) as {
    default: { configs: Record<'recommended', Linter.Config> };
  };
  const eslint = new ESLint({
    cwd: exampleApp,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
      plugin.configs.recommended,
    ],
  });
  return findings(await eslint.lintFiles(['.']), exampleApp);
}

const ACTION = `'use server'
import { db } from './db'
export async function deleteInvoice(id: string) {
  await db.invoice.delete({ where: { id } })
}
`;
const DB = `export const db = { invoice: { delete: async (_: unknown) => ({}) } }\n`;

const LEGACY_RC = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['clerk'],
  extends: ['plugin:clerk/legacy-recommended'],
};

const TYPED_CONFIG = `import type { Linter } from 'eslint';
import clerk from 'eslint-plugin-clerk';
const name: string = clerk.meta.name;
const configs: Linter.Config[] = [clerk.configs.recommended, clerk.configs.strict, clerk.configs.all];
const legacy: Linter.LegacyConfig = clerk.configs['legacy-recommended'];
export default [...configs, { settings: { name, legacy } }];
`;

const TSCONFIG_OPTIONS = {
  target: 'es2022',
  lib: ['es2023'],
  module: 'nodenext',
  moduleResolution: 'nodenext',
  strict: true,
  noEmit: true,
  types: [],
};

const consumers = {} as Record<9 | 10, Consumer>;
let expected: string[] = [];

beforeAll(async () => {
  const files = {
    'eslint.config.js': flatConfig('recommended'),
    'single/actions.ts': ACTION,
    'single/db.ts': DB,
    'single/eslint.config.js': `import tsParser from '@typescript-eslint/parser';
import clerk from 'eslint-plugin-clerk';
export default [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, clerk.configs.recommended];
`,
    'define/actions.ts': ACTION,
    'define/db.ts': DB,
    'define/eslint.config.js': `import { defineConfig } from 'eslint/config';
import tsParser from '@typescript-eslint/parser';
import clerk from 'eslint-plugin-clerk';
export default defineConfig([
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  clerk.configs.recommended,
  { files: ['db.ts'], extends: [clerk.configs.strict] },
]);
`,
    'typed/eslint.config.ts': TYPED_CONFIG,
  };
  consumers[10] = createConsumer({ eslint: 10, withExample: 'app', files });
  consumers[9] = createConsumer({ eslint: 9, withExample: 'app', files: { ...files, '.eslintrc.json': JSON.stringify(LEGACY_RC) } });
  expected = await inRepoFindings();
});

afterAll(() => {
  consumers[10]?.cleanup();
  consumers[9]?.cleanup();
});

describe('the packed package', () => {
  it('ships the build, types and docs, and not the sources, tests or source maps', () => {
    const files = execFileSync('tar', ['-tzf', consumers[10].tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/docs/rules/require-server-action-auth.md');
    expect(files).toContain('package/README.md');
    expect(files).toContain('package/LICENSE');
    expect(files.filter((file) => file.startsWith('package/src/') || file.startsWith('package/tests/'))).toEqual([]);
    expect(files.filter((file) => file.startsWith('package/examples/') || file.startsWith('package/bench/'))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it('the in-repo run finds many different mistakes in the example (so the comparisons below mean something)', () => {
    expect(expected.length).toBeGreaterThanOrEqual(20);
    const rules = new Set(expected.map((finding) => finding.split(' ')[1]));
    expect(rules.size).toBeGreaterThanOrEqual(10);
    for (const rule of rules) expect(rule).toMatch(/^clerk\//);
  });
});

describe.each([10, 9] as const)('ESLint %i CLI, flat config', (major) => {
  it('runs the consumer’s own ESLint major', () => {
    const version = execFileSync(process.execPath, [consumers[major].eslintBin, '--version'], { encoding: 'utf8' });
    expect(version).toMatch(new RegExp(`^v${major}\\.`));
  });

  it('reports on the example exactly what the in-repo run reports', () => {
    // Run from the app's root, as `npm run lint` does (paths the rules classify are relative to the cwd).
    const app = join(consumers[major].dir, 'app');
    expect(findings(runEslint(consumers[major], ['.'], { cwd: app }), app)).toEqual(expected);
  });

  it('works as `export default [clerk.configs.recommended]`', () => {
    const dir = join(consumers[major].dir, 'single');
    const results = runEslint(consumers[major], ['actions.ts', 'db.ts'], { cwd: dir });
    expect(findings(results, dir)).toEqual(['actions.ts:3:23 clerk/require-server-action-auth missingAuth']);
  });

  it('works inside defineConfig, directly and through extends', () => {
    const dir = join(consumers[major].dir, 'define');
    const results = runEslint(consumers[major], ['actions.ts', 'db.ts'], { cwd: dir });
    expect(results.map((result) => relative(dir, result.filePath))).toEqual(['actions.ts', 'db.ts']);
    expect(results.map((result) => result.messages.map((message) => message.messageId))).toEqual([['missingAuth'], []]);
  });

  it(`type-checks a consumer eslint.config.ts using the configs (tsc --noEmit${major === 10 ? ', skipLibCheck off' : ''})`, () => {
    // The library check (the plugin's .d.ts pull in @typescript-eslint/utils and typescript's own types) costs
    // ~15 s, so it runs once, on ESLint 10; ESLint 9 checks the consumer file against its own `Linter` types.
    const typed = join(consumers[major].dir, 'typed');
    writeFileSync(
      join(typed, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...TSCONFIG_OPTIONS, skipLibCheck: major === 9 },
        files: ['eslint.config.ts'],
      }),
    );
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', typed], { encoding: 'utf8' });
  }, 180_000);
});

describe('ESLint 9 CLI, eslintrc mode with plugin:clerk/legacy-recommended', () => {
  const EXT = ['--ext', '.js,.jsx,.mjs,.cjs,.ts,.tsx'];
  const env = { ESLINT_USE_FLAT_CONFIG: 'false' };

  // eslintrc loads plugins with require(); the ESM package answers it through its `module.exports` export.
  it('loads the packed plugin with require() and reports exactly what the in-repo run reports', () => {
    const app = join(consumers[9].dir, 'app');
    expect(findings(runEslint(consumers[9], [...EXT, '.'], { cwd: app, env }), app)).toEqual(expected);
  });
});
