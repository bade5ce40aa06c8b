// Parity between oxlint's JS plugin host and ESLint. The packed plugin, installed in a consumer project, is loaded
// by oxlint through `"jsPlugins": ["eslint-plugin-clerk"]` with the rules of `clerk.configs.recommended` (read
// from the built plugin), and by the ESLint 10 CLI with `flatConfig('recommended')`. Both lint a copy of
// examples/next-app, a copy of tests/fixtures, and every rule test case written out as a file inside its own copy
// of the fixture project it names (so Clerk version detection, the tsconfig alias and the cross-file helpers in
// lib/ are what the rule test sees); cases with rule options or settings get them in both configs. Findings (file,
// start and end, rule, severity, message text) and autofix output must be identical, except for the named
// differences below.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Consumer, createConsumer, flatConfig, repoRoot } from './consumer.js';
import { collectRuleTestCases, fixturesDir, type RuleTestCase } from './rule-cases.js';

interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
}

interface KnownDifference {
  name: string;
  reason: string;
  /** Whether a finding that only one side reports is this difference; any other finding must match exactly. */
  explains: (file: string) => boolean;
}

/**
 * Rule test case files whose findings depend on another module of their project: they import one by a relative
 * path or the tsconfig alias, or their project has a middleware.ts / proxy.ts.
 */
const readsOtherModules = new Set<string>();

/**
 * Differences per install, each with why. The test asserts that only these differ (a difference anywhere else
 * fails) and that each still happens (a stale entry fails: remove it here and from the README's oxlint section).
 */
const KNOWN_DIFFERENCES: Record<'project' | 'pluginOnly', KnownDifference[]> = {
  // A typical project: eslint and @typescript-eslint/parser installed next to oxlint.
  project: [],
  // Only oxlint and the plugin (with its own dependencies) installed.
  pluginOnly: [
    {
      name: 'other modules of the project cannot be parsed',
      reason:
        "oxlint's host parses only the linted file (`languageOptions.parser.parse` throws, there is no " +
        "`parseForESLint`), so the plugin borrows `@typescript-eslint/parser` and ESLint's `SourceCode` from the " +
        'project to read imported auth helpers and middleware.ts. Without them a guard imported from lib/ does ' +
        "not count, and routes and pages covered by the middleware's protection read as unprotected.",
      explains: (file) => readsOtherModules.has(file),
    },
  ],
};

const key = (finding: Finding) =>
  `${finding.file}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.rule} (${finding.severity}) ${finding.message}`;

/** The items of `a` left after removing one match in `b` for each item of `b` (multiset difference). */
function without(a: string[], b: string[]): string[] {
  const counts = new Map<string, number>();
  for (const item of b) counts.set(item, (counts.get(item) ?? 0) + 1);
  return a.filter((item) => {
    const count = counts.get(item) ?? 0;
    if (count === 0) return true;
    counts.set(item, count - 1);
    return false;
  });
}

/**
 * Where a rule test case lives in the consumer: `cases/<id>/`, holding a copy of the fixture project the case's
 * file name is in (the nearest folder with a package.json inside tests/fixtures), the file at the same place.
 */
function caseFile(testCase: RuleTestCase): { dir: string; file: string; project: string | undefined } {
  const dir = `cases/${testCase.id}`;
  const filename = testCase.filename;
  if (filename === undefined || relative(fixturesDir, filename).startsWith('..')) {
    return { dir, file: `${dir}/${filename?.split(/[\\/]/u).pop() ?? 'file.tsx'}`, project: undefined };
  }
  let project = dirname(filename);
  while (project !== fixturesDir && !existsSync(join(project, 'package.json'))) project = dirname(project);
  if (project === fixturesDir) return { dir, file: `${dir}/${relative(fixturesDir, filename)}`, project: undefined };
  return { dir, file: `${dir}/${relative(project, filename)}`, project };
}

/** Whether a middleware.ts or proxy.ts sits in a folder from `file`'s up to `root` (or in its src/). */
function hasMiddleware(root: string, file: string): boolean {
  for (let dir = dirname(file); dir.startsWith(root); dir = dirname(dir)) {
    for (const base of [dir, join(dir, 'src')]) {
      if (['middleware', 'proxy'].some((name) => ['ts', 'js', 'mjs'].some((ext) => existsSync(join(base, `${name}.${ext}`))))) return true;
    }
  }
  return false;
}

/** 1-based line and column of a UTF-16 offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function run(bin: string, args: string[], cwd: string): string {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // Both exit 1 when they report errors; anything else is a crash or a configuration error.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${bin} exited ${result.status}:\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

/** ESLint's findings, and the files it has an autofix for. */
function eslintFindings(project: string, files: string[]): { findings: Finding[]; fixable: string[] } {
  const results = JSON.parse(run(join(project, 'node_modules/eslint/bin/eslint.js'), ['--format', 'json', ...files], project)) as {
    filePath: string;
    messages: { ruleId: string | null; severity: number; message: string; line: number; column: number; endLine?: number; endColumn?: number; fix?: unknown }[];
  }[];
  const findings = results.flatMap((result) =>
    result.messages.map((message) => ({
      file: relative(project, result.filePath),
      line: message.line,
      column: message.column,
      endLine: message.endLine ?? message.line,
      endColumn: message.endColumn ?? message.column,
      rule: message.ruleId ?? '(fatal)',
      severity: message.severity === 2 ? ('error' as const) : ('warning' as const),
      message: message.message,
    })),
  );
  const fixable = results.filter((result) => result.messages.some((message) => message.fix !== undefined));
  return { findings, fixable: fixable.map((result) => relative(project, result.filePath)) };
}

function oxlintFindings(project: string, files: string[]): Finding[] {
  const output = JSON.parse(run(join(project, 'node_modules/oxlint/bin/oxlint'), ['--format', 'json', ...files], project)) as {
    diagnostics: {
      message: string;
      code?: string;
      severity: string;
      filename: string;
      labels?: { span: { offset: number; length: number } }[];
    }[];
  };
  return output.diagnostics.map((diagnostic) => {
    // `clerk(rule)` → `clerk/rule`, as ESLint spells rule ids.
    const rule = diagnostic.code?.replace(/^(.+)\((.+)\)$/u, '$1/$2') ?? '(fatal)';
    const base = { file: diagnostic.filename, rule, severity: diagnostic.severity as Finding['severity'], message: diagnostic.message };
    const span = diagnostic.labels?.[0]?.span;
    if (span === undefined) return { ...base, line: 0, column: 0, endLine: 0, endColumn: 0 };
    // Spans are UTF-8 byte offsets (the example has non-ASCII comments); ESLint counts UTF-16 code units.
    const bytes = readFileSync(join(project, diagnostic.filename));
    const text = bytes.toString('utf8');
    const start = position(text, bytes.subarray(0, span.offset).toString('utf8').length);
    const end = position(text, bytes.subarray(0, span.offset + span.length).toString('utf8').length);
    return { ...base, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  });
}

/**
 * A project next to the consumer whose sources are the consumer's (linked, not copied: fewer files to write and
 * delete) and whose node_modules holds only the given entries.
 */
function sharedSourcesProject(consumer: Consumer, name: string, modules: Record<string, string>): string {
  const target = join(dirname(consumer.dir), name);
  mkdirSync(target);
  for (const entry of readdirSync(consumer.dir)) {
    if (entry !== 'node_modules') symlinkSync(join(consumer.dir, entry), join(target, entry));
  }
  for (const [entry, source] of Object.entries(modules)) {
    mkdirSync(dirname(join(target, 'node_modules', entry)), { recursive: true });
    symlinkSync(source, join(target, 'node_modules', entry));
  }
  return target;
}

describe('oxlint with jsPlugins: ["eslint-plugin-clerk"] and the recommended rules reports what ESLint reports', () => {
  let consumer: Consumer;
  let cases: RuleTestCase[];
  let recommended: Record<string, unknown>;
  let caseFiles: Map<string, RuleTestCase>;
  let linted: string[];
  let eslint: Finding[];
  let eslintFixable: string[];
  let oxlint: Finding[];

  beforeAll(async () => {
    cases = await collectRuleTestCases();
    consumer = createConsumer({ withExample: 'app' });
    cpSync(fixturesDir, join(consumer.dir, 'fixtures'), { recursive: true });
    // A middleware that does not parse, on purpose (read by the rule for the cases that copy its project, below):
    // not linted itself, as the whole fixtures folder is.
    rmSync(join(consumer.dir, 'fixtures/middleware/broken/middleware.ts'));
    caseFiles = new Map();
    for (const testCase of cases) {
      const { dir, file, project } = caseFile(testCase);
      if (project !== undefined) cpSync(project, join(consumer.dir, dir), { recursive: true });
      consumer.write(file, testCase.code);
      caseFiles.set(file, testCase);
      if (/\bfrom\s+['"](?:\.|@\/|~\/)/u.test(testCase.code) || hasMiddleware(join(consumer.dir, dir), join(consumer.dir, file))) {
        readsOtherModules.add(file);
      }
    }

    const { default: plugin } = (await import(
      pathToFileURL(join(consumer.dir, 'node_modules/eslint-plugin-clerk/dist/index.js')).href
    )) as { default: { configs: { recommended: { rules: Record<string, unknown> } } } };
    recommended = plugin.configs.recommended.rules;
    // oxlint's own rules off (`plugins: []` drops the default native plugins, the category turns off the rest),
    // so only the Clerk rules report.
    const oxlintConfig = (rules: Record<string, unknown>, settings?: Record<string, unknown>) =>
      `${JSON.stringify({ plugins: [], categories: { correctness: 'off' }, jsPlugins: ['eslint-plugin-clerk'], rules: { ...recommended, ...rules }, ...(settings ? { settings } : {}) }, null, 2)}\n`;
    consumer.write('.oxlintrc.json', oxlintConfig({}));

    // Cases with rule options or settings, or of a rule the preset leaves off: a flat config entry for ESLint, a
    // nested config for oxlint (oxlint's `overrides` cannot carry settings, and a nested config replaces the root
    // one, so it repeats everything).
    const eslintEntries: Record<string, unknown>[] = [];
    for (const testCase of cases) {
      const ruleId = `clerk/${testCase.rule}`;
      const ruleOff = !(ruleId in recommended);
      if (testCase.options === undefined && testCase.settings === undefined && !ruleOff) continue;
      const { dir } = caseFile(testCase);
      const rules = testCase.options === undefined && !ruleOff ? {} : { [ruleId]: ['error', ...(testCase.options ?? [])] };
      eslintEntries.push({ files: [`${dir}/**`], rules, ...(testCase.settings ? { settings: testCase.settings } : {}) });
      consumer.write(`${dir}/.oxlintrc.json`, oxlintConfig(rules, testCase.settings));
    }
    consumer.write('eslint.config.js', flatConfig('recommended').replace(/\];\n$/u, `  ...${JSON.stringify(eslintEntries, null, 2)},\n];\n`));

    // Each case project's lib/ helpers are linted once, in fixtures/, not once per case.
    linted = ['app', 'fixtures', ...caseFiles.keys()];
    ({ findings: eslint, fixable: eslintFixable } = eslintFindings(consumer.dir, linted));
    oxlint = oxlintFindings(consumer.dir, linted);
  }, 240_000);

  afterAll(() => consumer?.cleanup());

  /** Findings only one side reports, and the known differences that explain them. */
  const expectDifferences = (actual: Finding[], expected: KnownDifference[]) => {
    const eslintKeys = eslint.map(key);
    const oxlintKeys = actual.map(key);
    const differing = [
      ...without(eslintKeys, oxlintKeys).map((finding) => `only ESLint: ${finding}`),
      ...without(oxlintKeys, eslintKeys).map((finding) => `only oxlint: ${finding}`),
    ];
    const explainedBy = (finding: string) => {
      const file = /^only \w+: (.+?):\d+:\d+-/u.exec(finding)?.[1] ?? '';
      return expected.find((difference) => difference.explains(file));
    };
    expect(differing.filter((finding) => explainedBy(finding) === undefined).sort()).toEqual([]);
    const stale = expected.filter((difference) => !differing.some((finding) => explainedBy(finding) === difference));
    expect(stale.map((difference) => difference.name)).toEqual([]);
  };

  it('the case projects reproduce the rule tests: under ESLint each invalid case is reported by its rule, no valid one', () => {
    expect(cases.length).toBeGreaterThan(200);
    const reported = new Set(
      eslint.filter((finding) => finding.rule === `clerk/${caseFiles.get(finding.file)?.rule}`).map((finding) => caseFiles.get(finding.file)?.id),
    );
    const wrong = cases.filter((testCase) => reported.has(testCase.id) !== testCase.id.includes('/invalid-'));
    expect(wrong.map((testCase) => `${testCase.id} ${testCase.name ?? ''}`)).toEqual([]);
    expect(cases.flatMap((testCase) => testCase.unmodelled.map((property) => `${testCase.id}: ${property}`))).toEqual([]);
  });

  it('oxlint runs every recommended rule and nothing else, without parse errors', () => {
    const reporting = new Set(oxlint.map((finding) => finding.rule));
    expect(Object.keys(recommended).filter((rule) => !reporting.has(rule))).toEqual([]);
    expect(oxlint.filter((finding) => !finding.rule.startsWith('clerk/'))).toEqual([]);
    expect(eslint.filter((finding) => !finding.rule.startsWith('clerk/'))).toEqual([]);
  });

  it('same findings as ESLint in a project with eslint and @typescript-eslint/parser installed', () => {
    expect(eslint.length).toBeGreaterThan(150);
    expectDifferences(oxlint, KNOWN_DIFFERENCES.project);
  });

  it('same findings apart from the listed differences when only oxlint and the plugin are installed', () => {
    // The plugin is copied, not linked: Node resolves a linked package's imports from its real path, where
    // eslint and the parser are installed.
    // The plugin's own dependencies but the parser (and its dependencies'), as npm would install them: read from
    // package.json, so a new dependency is installed here too (get-tsconfig's resolve-pkg-maps by hand).
    const { dependencies } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const own = [...Object.keys(dependencies).filter((name) => name !== '@typescript-eslint/parser'), 'resolve-pkg-maps', 'oxlint'];
    const bare = sharedSourcesProject(consumer, 'plugin-only', Object.fromEntries(own.map((name) => [name, join(repoRoot, 'node_modules', name)])));
    cpSync(join(consumer.dir, 'node_modules/eslint-plugin-clerk'), join(bare, 'node_modules/eslint-plugin-clerk'), { recursive: true });
    expectDifferences(oxlintFindings(bare, linted), KNOWN_DIFFERENCES.pluginOnly);
  });

  // Last: it rewrites the consumer's files.
  it('`oxlint --fix` writes what `eslint --fix` writes', () => {
    expect(eslintFixable.length).toBeGreaterThan(3);
    const dryRun = JSON.parse(run(consumer.eslintBin, ['--fix-dry-run', '--format', 'json', ...eslintFixable], consumer.dir)) as {
      filePath: string;
      output?: string;
    }[];
    const fixedByESLint = new Map(dryRun.flatMap((result) => (result.output === undefined ? [] : [[relative(consumer.dir, result.filePath), result.output] as const])));
    expect([...fixedByESLint.keys()].sort()).toEqual([...eslintFixable].sort());
    const read = (file: string) => readFileSync(join(consumer.dir, file), 'utf8');
    const files = [...new Set([...eslint, ...oxlint].map((finding) => finding.file))];
    const expected = new Map(files.map((file) => [file, fixedByESLint.get(file) ?? read(file)]));
    run(join(consumer.dir, 'node_modules/oxlint/bin/oxlint'), ['--fix', ...linted], consumer.dir);
    const differing = files.filter((file) => read(file) !== expected.get(file));
    expect(differing.map((file) => ({ file, eslint: expected.get(file), oxlint: read(file) }))).toEqual([]);
  });
});
