// CI output: `eslint -f @microsoft/eslint-formatter-sarif -o eslint.sarif`, as a GitHub code scanning workflow runs it,
// on a copy of examples/next-app in a consumer with the packed plugin. The SARIF must describe each reporting clerk
// rule (description and doc URL from the rule's meta) and place each result where ESLint's JSON output does.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createConsumer, flatConfig, type Consumer } from './consumer.js';

interface JsonMessage {
  ruleId: string | null;
  message: string;
  severity: number;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
}
interface SarifRegion {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}
interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; index: number }; region?: SarifRegion } }[];
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version?: string; rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } };
    artifacts?: { location: { uri: string } }[];
    results: SarifResult[];
    invocations?: unknown[];
  }[];
}
interface RuleMeta {
  meta: { docs: { description: string; url: string } };
}

const DOCS = 'https://github.com/eslint-plugin-clerk/eslint-plugin-clerk/blob/main/docs/rules/';

let consumer: Consumer;
let app: string;

/** The consumer's ESLint CLI from the example copy's root; exit code 1 only means it found problems. */
function eslint(args: string[]): string {
  try {
    return execFileSync(process.execPath, [consumer.eslintBin, ...args], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { status, stdout, stderr } = error as { status?: number; stdout?: string; stderr?: string };
    if (status === 1) return stdout ?? '';
    throw new Error(`eslint ${args.join(' ')} exited ${String(status)}\n${stderr ?? ''}`, { cause: error });
  }
}

let json: JsonResult[];
let sarif: SarifLog;
let rules: Record<string, RuleMeta>;

beforeAll(async () => {
  consumer = createConsumer({ eslint: 10, withExample: 'app', files: { 'eslint.config.js': flatConfig('recommended') } });
  app = join(consumer.dir, 'app');
  json = JSON.parse(eslint(['-f', 'json', '.'])) as JsonResult[];
  const output = join(consumer.dir, 'eslint.sarif');
  eslint(['-f', '@microsoft/eslint-formatter-sarif', '-o', output, '.']);
  sarif = JSON.parse(readFileSync(output, 'utf8')) as SarifLog;
  // The packed plugin's own rule metadata, as installed in the consumer.
  const entry = join(consumer.dir, 'node_modules/eslint-plugin-clerk/dist/index.js');
  ({ rules } = ((await import(pathToFileURL(entry).href)) as { default: { rules: Record<string, RuleMeta> } }).default);
});

afterAll(() => consumer?.cleanup());

const relativePath = (path: string) => relative(app, path).split(sep).join('/');

describe('eslint -f @microsoft/eslint-formatter-sarif on the example', () => {
  it('resolves the formatter from the consumer project (linked there, nothing above the temp dir to fall back on)', () => {
    const formatter = 'node_modules/@microsoft/eslint-formatter-sarif/package.json';
    expect(existsSync(join(consumer.dir, formatter))).toBe(true);
    for (let dir = dirname(consumer.dir); dir !== dirname(dir); dir = dirname(dir)) {
      expect(existsSync(join(dir, formatter)), dir).toBe(false);
    }
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]!.tool.driver.name).toBe('ESLint');
    const version = execFileSync(process.execPath, [consumer.eslintBin, '--version'], { encoding: 'utf8' }).trim();
    expect(`v${String(sarif.runs[0]!.tool.driver.version)}`).toBe(version);
    // No internal errors or parse failures (they would be tool notifications instead of results).
    expect(sarif.runs[0]!.invocations).toBeUndefined();
  });

  it('lists every reporting clerk rule, once, with its meta.docs description and doc URL as helpUri', () => {
    const reporting = [...new Set(json.flatMap((result) => result.messages.map((message) => message.ruleId)))].sort();
    expect(reporting.length).toBeGreaterThanOrEqual(10);
    const listed = sarif.runs[0]!.tool.driver.rules;
    expect(listed.map((rule) => rule.id).sort()).toEqual(reporting);
    for (const rule of listed) {
      expect(rule.id).toMatch(/^clerk\//);
      const name = rule.id.slice('clerk/'.length);
      const docs = rules[name]?.meta.docs;
      expect(docs, rule.id).toBeDefined();
      expect(rule.shortDescription?.text, rule.id).toBe(docs!.description);
      expect(rule.helpUri, rule.id).toBe(docs!.url);
      expect(rule.helpUri, rule.id).toBe(`${DOCS}${name}.md`);
      // The page the link points to ships in the package (and is the repository's docs/rules/<name>.md).
      expect(existsSync(join(consumer.dir, 'node_modules/eslint-plugin-clerk/docs/rules', `${name}.md`)), rule.id).toBe(true);
    }
  });

  it('places each result at the file, line and column of the ESLint JSON run', () => {
    const run = sarif.runs[0]!;
    const key = (file: string, line?: number, column?: number, endLine?: number, endColumn?: number, rule?: string) =>
      `${file}:${String(line)}:${String(column)}-${String(endLine)}:${String(endColumn)} ${String(rule)}`;
    const expected = json
      .flatMap((result) =>
        result.messages.map((message) =>
          key(relativePath(result.filePath), message.line, message.column, message.endLine, message.endColumn, message.ruleId ?? ''),
        ),
      )
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(20);

    const actual = run.results.map((result) => {
      expect(result.locations).toHaveLength(1);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(artifactLocation.uri).toMatch(/^file:\/\//);
      // The artifact index points at the same file in run.artifacts.
      expect(run.artifacts?.[artifactLocation.index]?.location.uri).toBe(artifactLocation.uri);
      const file = fileURLToPath(artifactLocation.uri);
      expect(file.startsWith(app + sep), file).toBe(true);
      return key(relativePath(file), region?.startLine, region?.startColumn, region?.endLine, region?.endColumn, result.ruleId);
    });
    expect(actual.sort()).toEqual(expected);
  });

  it('carries each finding’s message, severity level and rule index', () => {
    const run = sarif.runs[0]!;
    const messages = new Map<string, JsonMessage>(
      json.flatMap((result) =>
        result.messages.map((message) => [`${result.filePath}:${message.line}:${message.column} ${String(message.ruleId)}`, message] as const),
      ),
    );
    for (const result of run.results) {
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      const file = fileURLToPath(artifactLocation.uri);
      const message = messages.get(`${file}:${String(region?.startLine)}:${String(region?.startColumn)} ${String(result.ruleId)}`);
      expect(message, `${file} ${String(result.ruleId)}`).toBeDefined();
      expect(result.message.text).toBe(message!.message);
      expect(result.level).toBe(message!.severity === 2 ? 'error' : 'warning');
      expect(run.tool.driver.rules[result.ruleIndex!]?.id).toBe(result.ruleId);
      // The uri names the file as written (file URLs escape characters such as the brackets of `[id]`).
      expect(artifactLocation.uri.endsWith(pathToFileURL(file).href.slice(pathToFileURL(app).href.length))).toBe(true);
    }
  });
});
