// The `clerk-lint` command, run as users run it: the built bin in a child process (`npm run build` first; `npm test`
// does). Findings on the example app are compared with an in-process ESLint run of the same plugin build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import * as parser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ClerkPlugin } from '../src/index.js';
import { createConsumer } from './integration/consumer.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const app = join(repoRoot, 'examples/next-app');
const work = mkdtempSync(join(tmpdir(), 'eslint-plugin-clerk-cli-'));
// The tests run a snapshot of the built package (bin, dist, package.json; node_modules linked), so that a rebuild
// of dist/ while they run (`npm run build` cleans it first) cannot pull the files from under them.
const snapshot = join(work, 'eslint-plugin-clerk');
const bin = join(snapshot, 'bin/clerk-lint.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function clerkLint(args: string[], options: { cwd?: string; env?: Record<string, string>; nodeArgs?: string[] } = {}): Run {
  const { status, stdout, stderr } = spawnSync(process.execPath, [...(options.nodeArgs ?? []), bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CLERK_LINT_DEBUG: '', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status, stdout, stderr };
}

/** A fresh project folder in the temp dir, outside any git work tree and without node_modules above it. */
function project(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

// A realistic-looking (not placeholder) secret key: clerk/no-hardcoded-keys reports it in any file.
const SECRET = `export const secretKey = 'sk_live_Ab3dEf9hIjK2mNoP7rStUvWx';\n`;
const CLEAN = 'export const answer = 42;\n';

type Finding = string;
const key = (file: string, message: { line: number; column: number; ruleId: string | null; messageId?: string }) =>
  `${file}:${message.line}:${message.column} ${message.ruleId} ${message.messageId}`;

function jsonFindings(stdout: string, base: string): Finding[] {
  const results = JSON.parse(stdout) as ESLint.LintResult[];
  return results.flatMap((result) => result.messages.map((message) => key(relative(base, result.filePath), message))).sort();
}

let plugin: ClerkPlugin;
let reference: ESLint.LintResult[];
let referenceFindings: Finding[];

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'dist/cli/clerk-lint.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  for (const path of ['bin', 'dist', 'package.json']) cpSync(join(repoRoot, path), join(snapshot, path), { recursive: true });
  // node_modules for the bin's imports; src for the source maps of the in-process import below.
  for (const path of ['node_modules', 'src']) symlinkSync(join(repoRoot, path), join(snapshot, path));
  // The same build the bin runs, so that the comparison is about the command, not about source edits since.
  plugin = ((await import(pathToFileURL(join(snapshot, 'dist/index.js')).href)) as { default: ClerkPlugin }).default;
  // tests/example-app.test.ts's config.
  const config: Linter.Config[] = [
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    plugin.configs.recommended,
  ];
  const eslint = new ESLint({ cwd: app, overrideConfigFile: true, overrideConfig: config });
  reference = await eslint.lintFiles(['.']);
  referenceFindings = reference.flatMap((result) => result.messages.map((message) => key(relative(app, result.filePath), message))).sort();
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('clerk-lint on examples/next-app', () => {
  it('reports the same findings as ESLint with the recommended config, without loading the example eslint.config.js', () => {
    const run = clerkLint(['examples/next-app', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(jsonFindings(run.stdout, app)).toEqual(referenceFindings);
    const rules = new Set(referenceFindings.map((finding) => finding.split(' ')[1]));
    for (const rule of [
      'clerk/require-server-action-auth',
      'clerk/require-route-handler-auth',
      'clerk/require-webhook-verification',
      'clerk/no-hardcoded-keys',
    ]) {
      expect(rules).toContain(rule);
    }
    // Every file ESLint lints, the example's eslint.config.js among them (linted as a source file, not loaded).
    const files = (JSON.parse(run.stdout) as ESLint.LintResult[]).map((result) => relative(app, result.filePath)).sort();
    expect(files).toEqual(reference.map((result) => relative(app, result.filePath)).sort());
    expect(files).toContain('eslint.config.js');
  });

  it('groups findings by rule with file:line:col, then prints a summary table (stylish, the default)', () => {
    // --exit-zero, as `npm run demo` runs it: the findings are printed, the exit status is 0.
    const run = clerkLint(['--exit-zero', 'examples/next-app']);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    const byRule = new Map<string, ESLint.LintResult[]>();
    for (const result of reference) {
      for (const message of result.messages) byRule.set(message.ruleId!, [...(byRule.get(message.ruleId!) ?? []), result]);
    }
    for (const [rule, results] of byRule) {
      const header = lines.indexOf(`${rule} (${results.length})`);
      expect(header, rule).toBeGreaterThanOrEqual(0);
      const group = lines.slice(header + 1, lines.indexOf('', header));
      const expected = reference.flatMap((result) =>
        result.messages
          .filter((message) => message.ruleId === rule)
          .map((message) => `examples/next-app/${relative(app, result.filePath)}:${message.line}:${message.column} ${message.message}`),
      );
      expect(group.map((line) => line.trim().replace(/\s+/u, ' ')).sort()).toEqual(expected.sort());
      const files = new Set(results.map((result) => result.filePath)).size;
      expect(lines, rule).toContainEqual(expect.stringMatching(new RegExp(`^${rule}\\s+${results.length}\\s+${files}$`, 'u')));
    }
    expect(lines).toContainEqual(expect.stringMatching(/^Rule\s+Findings\s+Files$/u));
    const filesWithFindings = reference.filter((result) => result.messages.length > 0).length;
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^Total\\s+${referenceFindings.length}\\s+${filesWithFindings}$`, 'u')));
    expect(run.stdout).toContain(
      `${referenceFindings.length} findings in ${filesWithFindings} of ${reference.length} files in examples/next-app with the recommended preset.`,
    );
  });

  it('writes SARIF 2.1.0 with the rules (description, help URI) and each finding at its location', () => {
    // The repository has @microsoft/eslint-formatter-sarif installed, so this is the project-formatter path.
    const run = clerkLint(['examples/next-app', '-f', 'sarif']);
    expect(run.status).toBe(1);
    expect(sarifFindings(run.stdout, app)).toEqual(referenceFindings.map((finding) => finding.replace(/ \w+$/u, '')));
  });
});

function ruleDocs(id: string): { description?: string; url?: string; strictOptions?: unknown[] } {
  const rules = plugin.rules as Record<string, { meta?: { docs?: object } } | undefined>;
  return rules[id.replace(/^clerk\//u, '')]?.meta?.docs ?? {};
}

/** `file:line:col ruleId` of each SARIF result, after checking the rule descriptors against the plugin's meta. */
function sarifFindings(stdout: string, base: string): string[] {
  const log = JSON.parse(stdout) as {
    version: string;
    runs: {
      tool: { driver: { rules: { id: string; shortDescription?: { text: string }; helpUri?: string }[] } };
      results: {
        ruleId: string;
        ruleIndex: number;
        message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
      }[];
    }[];
  };
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  const [run] = log.runs;
  for (const rule of run!.tool.driver.rules) {
    const docs = ruleDocs(rule.id);
    expect(docs.description, rule.id).toBeTruthy();
    expect(rule.shortDescription?.text, rule.id).toBe(docs.description);
    expect(rule.helpUri, rule.id).toBe(docs.url);
  }
  return run!.results
    .map((result) => {
      expect(run!.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      return `${relative(base, fileURLToPath(artifactLocation.uri))}:${region.startLine}:${region.startColumn} ${result.ruleId}`;
    })
    .sort();
}

describe('clerk-lint on other projects', () => {
  it('exits 0 on a clean project and 1 on findings', () => {
    const clean = clerkLint([project('clean', { 'a.ts': CLEAN, 'b.jsx': 'export const B = () => <p>hi</p>;\n' })]);
    expect(clean).toMatchObject({ status: 0, stderr: '' });
    expect(clean.stdout).toMatch(/^No findings: linted 2 files in .* with the recommended preset\.\n$/u);
    const dirty = clerkLint(['.'], { cwd: project('dirty', { 'keys.ts': SECRET }) });
    expect(dirty.status).toBe(1);
    expect(dirty.stdout).toContain('clerk/no-hardcoded-keys (1)\n  keys.ts:1:26  Clerk secret key');
    expect(dirty.stdout).toContain('1 finding in 1 of 1 file in . with the recommended preset.');
    const empty = clerkLint(['.'], { cwd: project('empty', { 'README.md': '# Nothing to lint\n' }) });
    expect(empty).toMatchObject({ status: 0, stdout: 'Nothing to audit: no JavaScript or TypeScript files in .\n' });
  });

  it('writes SARIF itself when the project has no SARIF formatter', () => {
    const dir = project('sarif', { 'keys.ts': SECRET, 'nested/keys.js': SECRET });
    const run = clerkLint([dir, '--format=sarif']);
    expect(run.status).toBe(1);
    expect(sarifFindings(run.stdout, dir)).toEqual(['keys.ts:1:26 clerk/no-hardcoded-keys', 'nested/keys.js:1:26 clerk/no-hardcoded-keys']);
    // The built-in writer lists every rule that ran, not only those with findings.
    const log = JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } } }[] };
    expect(log.runs[0]!.tool.driver.rules.map((rule) => rule.id).sort()).toEqual(Object.keys(plugin.configs.recommended.rules!).sort());
  });

  it('ignores the project eslint config and the noise of directives for rules it does not load', () => {
    const dir = project('own-config', {
      'eslint.config.js': `throw new Error('the project config must not be loaded');\n`,
      'keys.ts': `/* eslint-env node */\n// eslint-disable-next-line @typescript-eslint/no-explicit-any\n${SECRET}`,
    });
    const run = clerkLint([dir, '-f', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(jsonFindings(run.stdout, dir)).toEqual(['keys.ts:3:26 clerk/no-hardcoded-keys clerkSecretKey']);
  });

  it('respects .gitignore files, root and nested, with negation', () => {
    const dir = project('gitignored', {
      '.gitignore': '# build artefacts\n*.generated.ts\n/scratch\nsecrets/*\n!secrets/keep.ts\n',
      'src/keys.ts': SECRET,
      'src/api.generated.ts': SECRET,
      'scratch/keys.ts': SECRET,
      'secrets/local.ts': SECRET,
      'secrets/keep.ts': SECRET,
      'packages/web/.gitignore': 'fixtures/\n',
      'packages/web/fixtures/keys.ts': SECRET,
      'packages/web/keys.ts': SECRET,
    });
    const run = clerkLint([dir, '-f', 'json']);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as ESLint.LintResult[]).map((result) => relative(dir, result.filePath)).sort()).toEqual([
      'packages/web/keys.ts',
      'secrets/keep.ts',
      'src/keys.ts',
    ]);
  });

  it("applies the .gitignore files of the enclosing git repository, unless one ignores the linted folder as a whole", () => {
    const repo = project('enclosing-repo', {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '*.generated.ts\nvendor-apps/\n',
      'apps/web/keys.ts': SECRET,
      'apps/web/api.generated.ts': SECRET,
      'vendor-apps/shop/keys.ts': SECRET,
      'vendor-apps/shop/api.generated.ts': SECRET,
    });
    const files = (dir: string) => (JSON.parse(clerkLint([dir, '-f', 'json']).stdout) as ESLint.LintResult[]).map((result) => relative(dir, result.filePath)).sort();
    expect(files(join(repo, 'apps/web'))).toEqual(['keys.ts']);
    // Asked for by name, a folder git ignores is linted as if it were a repository of its own.
    expect(files(join(repo, 'vendor-apps/shop'))).toEqual(['api.generated.ts', 'keys.ts']);
  });

  it('scans .env files git would commit for Clerk secrets and public-prefixed secrets, masked; ignored files and templates are skipped', () => {
    const live = 'sk_live_Ab3dEf9hIjK2mNoP7rStUvWx';
    const test = 'sk_test_Zy9xWv8uTs7rQp6oNm5lKj4i';
    const dir = project('env-files', {
      '.gitignore': '.env.local\n',
      '.env': `# CLERK_SECRET_KEY=${live}\nCLERK_SECRET_KEY=${live}\nNEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_test_Y2xlcmsuZXhhbXBsZS5jb20k\n`,
      '.env.production': `export NEXT_PUBLIC_CLERK_SECRET_KEY=${test}\nCLERK_WEBHOOK_SIGNING_SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n`,
      '.env.local': `CLERK_SECRET_KEY=${live}\n`,
      '.env.example': `CLERK_SECRET_KEY=${live}\n`,
      'src/index.ts': CLEAN,
    });
    const run = clerkLint([dir, '-f', 'json']);
    expect(run.status).toBe(1);
    expect(jsonFindings(run.stdout, dir)).toEqual([
      '.env.production:1:1 clerk/no-public-secret-env undefined',
      '.env.production:1:37 clerk/no-hardcoded-keys undefined',
      '.env.production:2:30 clerk/no-hardcoded-keys undefined',
      '.env:2:18 clerk/no-hardcoded-keys undefined',
    ]);
    expect(run.stdout).not.toContain(live);
    expect(run.stdout).not.toContain(test);
    expect(run.stdout).toContain('sk_live_…UvWx');
    // Without any .env file, the same project is clean.
    expect(clerkLint([project('no-env', { 'src/index.ts': CLEAN }), '-f', 'json']).status).toBe(0);
  });

  it('skips node_modules and build output, but not Next.js routes named like build output', () => {
    const dir = project('skipped', {
      'node_modules/pkg/index.js': SECRET,
      'packages/ui/node_modules/pkg/index.js': SECRET,
      '.next/server/app.js': SECRET,
      'dist/index.js': SECRET,
      'packages/ui/build/index.js': SECRET,
      'coverage/lcov-report/x.js': SECRET,
      'out/page.js': SECRET,
      '.turbo/cache.js': SECRET,
      '.vercel/output/fn.js': SECRET,
      'app/api/build/route.ts': SECRET,
      'src/app/out/page.tsx': SECRET,
      'lib/keys.ts': SECRET,
    });
    const run = clerkLint([dir, '-f', 'json']);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as ESLint.LintResult[]).map((result) => relative(dir, result.filePath)).sort()).toEqual([
      'app/api/build/route.ts',
      'lib/keys.ts',
      'src/app/out/page.tsx',
    ]);
  });

  it('--strict uses the strict preset and its stricter rule options', () => {
    const dir = project('strict', {
      'clerk.ts': `import { createClerkClient } from '@clerk/backend';\n\nexport const clerk = createClerkClient({ publishableKey: 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20kZGV2NDI' });\n`,
    });
    const recommended = clerkLint([dir, '-f', 'json']);
    expect(recommended.status).toBe(0);
    expect(jsonFindings(recommended.stdout, dir)).toEqual([]);
    // checkPublishableKeys is one of no-hardcoded-keys' strictOptions.
    expect(ruleDocs('clerk/no-hardcoded-keys').strictOptions).toEqual([{ checkPublishableKeys: true }]);
    const strict = clerkLint([dir, '--strict', '-f', 'json']);
    expect(strict.status).toBe(1);
    expect(jsonFindings(strict.stdout, dir)).toEqual(['clerk.ts:3:58 clerk/no-hardcoded-keys testPublishableKey']);
    expect(clerkLint([dir, '--strict']).stdout).toContain('with the strict preset.');
  });

  it('shows progress on stderr for trees over 300 files, and not for small ones', () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 400; index += 1) files[`src/module-${String(index).padStart(3, '0')}.js`] = `export const value${index} = ${index};\n`;
    const dir = project('large', files);
    const run = clerkLint([dir, '-f', 'json']);
    expect(run.status).toBe(0);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'clerk-lint: linted 100/400 files',
      'clerk-lint: linted 200/400 files',
      'clerk-lint: linted 300/400 files',
      'clerk-lint: linted 400/400 files',
    ]);
    // stdout stays machine-readable.
    expect(JSON.parse(run.stdout)).toHaveLength(400);
    expect(clerkLint([project('small', { 'a.js': CLEAN })]).stderr).toBe('');
  });
});

describe('clerk-lint usage errors and crashes', () => {
  it.each([
    [['--bogus'], `clerk-lint: unknown option '--bogus'`],
    [['does-not-exist'], 'clerk-lint: no such directory: does-not-exist'],
    [['package.json'], 'clerk-lint: not a directory: package.json'],
    [['--format', 'xml'], `clerk-lint: unknown format 'xml' (expected stylish, json, sarif)`],
    [['-f'], 'clerk-lint: -f needs a value: stylish, json, sarif'],
    [['a', 'b'], 'clerk-lint: expected one directory, got 2: a b'],
  ])('%j exits 2 with a one-line message and a hint', (args, message) => {
    const run = clerkLint(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${message}\nRun 'clerk-lint --help' for usage.\n`);
  });

  it('--help and --version', () => {
    const help = clerkLint(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: clerk-lint \[options\] \[dir\]\n/u);
    for (const flag of ['--strict', '--format', '--exit-zero', '--help', '--version']) expect(help.stdout).toContain(flag);
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(clerkLint(['-v'])).toMatchObject({ status: 0, stdout: `eslint-plugin-clerk ${version}, ESLint ${ESLint.version}\n` });
  });

  it('turns a crash inside ESLint into a clear message and exit 2; the stack only with CLERK_LINT_DEBUG', () => {
    // Make ESLint throw as it does when a rule crashes.
    const preload = join(work, 'crash.mjs');
    writeFileSync(
      preload,
      `import { createRequire } from 'node:module';
const { ESLint } = createRequire(${JSON.stringify(join(repoRoot, 'package.json'))})('eslint');
ESLint.prototype.lintFiles = async function () {
  throw new TypeError("Cannot read properties of undefined (reading 'type')\\nOccurred while linting /project/app/page.tsx:3\\nRule: \\"clerk/require-server-action-auth\\"");
};
`,
    );
    const nodeArgs = ['--import', pathToFileURL(preload).href];
    const run = clerkLint(['examples/next-app'], { nodeArgs });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`clerk-lint: ESLint failed: Cannot read properties of undefined (reading 'type')\nOccurred while linting /project/app/page.tsx:3\nRule: "clerk/require-server-action-auth"\n`);
    expect(run.stderr).toContain('Set CLERK_LINT_DEBUG=1 to see the stack trace.');
    expect(run.stderr).not.toContain('    at ');
    const debug = clerkLint(['examples/next-app'], { nodeArgs, env: { CLERK_LINT_DEBUG: '1' } });
    expect(debug.status).toBe(2);
    expect(debug.stderr).toContain('    at ');
  });
});

describe('clerk-lint from the packed package', () => {
  it('runs from node_modules/eslint-plugin-clerk on ESLint 9, with the same findings', () => {
    const consumer = createConsumer({ eslint: 9, withExample: 'app' });
    try {
      const manifest = JSON.parse(readFileSync(join(consumer.dir, 'node_modules/eslint-plugin-clerk/package.json'), 'utf8')) as {
        bin: Record<string, string>;
      };
      const packedBin = join(consumer.dir, 'node_modules/eslint-plugin-clerk', manifest.bin['clerk-lint']!);
      expect(readFileSync(packedBin, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/u);
      const { status, stdout, stderr } = spawnSync(process.execPath, [packedBin, 'app', '-f', 'json'], { cwd: consumer.dir, encoding: 'utf8' });
      expect(stderr).toBe('');
      expect(status).toBe(1);
      expect(jsonFindings(stdout, join(consumer.dir, 'app'))).toEqual(referenceFindings.filter((finding) => !finding.startsWith('eslint.config.js')));
      const version = spawnSync(process.execPath, [packedBin, '--version'], { cwd: consumer.dir, encoding: 'utf8' });
      expect(version.stdout).toMatch(/, ESLint 9\./u);
    } finally {
      consumer.cleanup();
    }
  });
});
