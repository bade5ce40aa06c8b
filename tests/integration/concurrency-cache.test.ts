// ESLint `--concurrency` and `--cache` with the packed plugin on a copy of examples/next-app: worker threads, cached
// runs and one process per file must all report exactly what one plain run reports, which shows the rules keep no
// mutable state from one file to the next. Whether a file was re-linted is read from ESLint's `--debug` log rather
// than from wall time, so that the cache assertions do not depend on machine load.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createConsumer, flatConfig, type Consumer } from './consumer.js';

interface JsonMessage {
  ruleId: string | null;
  messageId?: string;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: unknown;
  suggestions?: unknown[];
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
}
interface Run {
  results: JsonResult[];
  /** ESLint's `--debug` log (stderr). */
  log: string;
  ms: number;
}

const env: NodeJS.ProcessEnv = { ...process.env };
delete env.ESLINT_USE_FLAT_CONFIG;

/** The consumer's ESLint CLI with `-f json`, from the example copy's root; exit code 1 means findings. */
function eslint(consumer: Consumer, args: string[], cwd = join(consumer.dir, 'app')): Run {
  const started = performance.now();
  const run = spawnSync(process.execPath, [consumer.eslintBin, '-f', 'json', ...args], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Math.round(performance.now() - started);
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint ${args.join(' ')} exited ${String(run.status)}\n${run.stderr}`);
  return { results: JSON.parse(run.stdout) as JsonResult[], log: run.stderr, ms };
}

/** The same CLI, asynchronously (for one process per file, two at a time). */
function eslintAsync(consumer: Consumer, args: string[]): Promise<JsonResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [consumer.eslintBin, '-f', 'json', ...args], { cwd: join(consumer.dir, 'app'), env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status === 0 || status === 1) resolve(JSON.parse(stdout) as JsonResult[]);
      else reject(new Error(`eslint ${args.join(' ')} exited ${String(status)}\n${stderr}`));
    });
  });
}

/** Every detail of every message (location, rule, text, fix, suggestions), paths relative to `root`, sorted. */
function findings(results: readonly JsonResult[], root: string): string[] {
  return results
    .flatMap((result) =>
      result.messages.map((message) =>
        [
          `${relative(root, result.filePath).split(sep).join('/')}:${message.line}:${message.column}-${String(message.endLine)}:${String(message.endColumn)}`,
          String(message.ruleId),
          String(message.messageId),
          message.message,
          `fix=${JSON.stringify(message.fix ?? null)}`,
          `suggestions=${JSON.stringify(message.suggestions ?? [])}`,
        ].join(' '),
      ),
    )
    .sort();
}

/** Files ESLint linted (not served from the cache) in a `--debug` run, relative to `root`. */
function linted(log: string, root: string): string[] {
  return [...log.matchAll(/File "([^"]+)" linted in/g)].map((match) => relative(root, match[1]!).split(sep).join('/')).sort();
}
function skipped(log: string, root: string): string[] {
  return [...log.matchAll(/Skipping file since it hasn't changed: (.+)$/gm)]
    .map((match) => relative(root, match[1]!.trim()).split(sep).join('/'))
    .sort();
}

/** A project whose Server Action is guarded only through a helper in another module (crossFile analysis). */
const CROSS_FILE = {
  'crossfile/package.json': JSON.stringify({ name: 'crossfile', private: true, dependencies: { '@clerk/nextjs': '^6.39.0' } }),
  'crossfile/lib/require-user.ts': `import { auth } from '@clerk/nextjs/server'

export async function requireUser() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  return userId
}
`,
  'crossfile/lib/db.ts': `export const db = { invoice: { delete: async (_query: unknown) => ({ id: 'inv_1' }) } }\n`,
  'crossfile/app/actions.ts': `'use server'

import { db } from '../lib/db'
import { requireUser } from '../lib/require-user'

export async function deleteInvoice(id: string) {
  const userId = await requireUser()
  await db.invoice.delete({ where: { id, userId } })
}
`,
};
const HELPER_WITHOUT_CHECK = `export async function requireUser() {
  return 'anonymous'
}
`;

const consumers = {} as Record<9 | 10, Consumer>;
const plain = {} as Record<9 | 10, Run>;

beforeAll(() => {
  for (const major of [10, 9] as const) {
    consumers[major] = createConsumer({
      eslint: major,
      withExample: 'app',
      files: { 'eslint.config.js': flatConfig('recommended'), ...CROSS_FILE },
    });
    plain[major] = eslint(consumers[major], ['.']);
  }
});

afterAll(() => {
  consumers[10]?.cleanup();
  consumers[9]?.cleanup();
});

describe.each([10, 9] as const)('ESLint %i', (major) => {
  const app = () => join(consumers[major].dir, 'app');

  it('a plain run finds many mistakes in the example (so the comparisons mean something)', () => {
    const found = findings(plain[major].results, app());
    expect(found.length).toBeGreaterThanOrEqual(20);
    expect(new Set(found.map((finding) => finding.split(' ')[1])).size).toBeGreaterThanOrEqual(10);
  });

  it('--concurrency=2 lints on two worker threads and reports exactly what the plain run reports', () => {
    const run = eslint(consumers[major], ['--concurrency=2', '--debug', '.']);
    expect(run.log).toMatch(/Linting using 2 worker thread\(s\)/);
    expect(findings(run.results, app())).toEqual(findings(plain[major].results, app()));
  });

  it('--cache: the first run lints every file, the second lints none, and both report what the plain run reports', () => {
    const cache = join(consumers[major].dir, `.eslintcache-${major}`);
    const files = plain[major].results.map((result) => relative(app(), result.filePath).split(sep).join('/')).sort();
    const expected = findings(plain[major].results, app());

    const first = eslint(consumers[major], ['--cache', '--cache-location', cache, '--debug', '.']);
    expect(existsSync(cache)).toBe(true);
    expect(linted(first.log, app())).toEqual(files);
    expect(findings(first.results, app())).toEqual(expected);

    const second = eslint(consumers[major], ['--cache', '--cache-location', cache, '--debug', '.']);
    expect(linted(second.log, app())).toEqual([]);
    expect(skipped(second.log, app())).toEqual(files);
    expect(findings(second.results, app())).toEqual(expected);

    // Also with worker threads on top of the cache.
    const threaded = eslint(consumers[major], ['--cache', '--cache-location', cache, '--concurrency=2', '.']);
    expect(findings(threaded.results, app())).toEqual(expected);
    console.info(`ESLint ${major}: plain ${plain[major].ms} ms, cold cache ${first.ms} ms, warm cache ${second.ms} ms`);
  });

  it('--cache after one file changes: only that file is re-linted, and the results equal a fresh run', () => {
    const cache = join(consumers[major].dir, `.eslintcache-change-${major}`);
    const changed = 'app/actions/invoices.ts';
    const path = join(app(), changed);
    const original = readFileSync(path, 'utf8');
    eslint(consumers[major], ['--cache', '--cache-location', cache, '.']);
    try {
      // A new unguarded Server Action at the end of the file.
      writeFileSync(path, `${original}\nexport async function archiveInvoice(id: string) {\n  await db.invoice.update({ where: { id }, data: { archived: true } })\n}\n`);
      const cached = eslint(consumers[major], ['--cache', '--cache-location', cache, '--debug', '.']);
      expect(linted(cached.log, app())).toEqual([changed]);
      const fresh = eslint(consumers[major], ['.']);
      expect(findings(cached.results, app())).toEqual(findings(fresh.results, app()));

      // Only the changed file's findings differ from before, by the one new finding.
      const before = findings(plain[major].results, app());
      const after = findings(cached.results, app());
      expect(after.filter((finding) => !finding.startsWith(`${changed}:`))).toEqual(before.filter((finding) => !finding.startsWith(`${changed}:`)));
      const added = after.filter((finding) => !before.includes(finding));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatch(/^app\/actions\/invoices\.ts:\d+:\d+-\S+ clerk\/require-server-action-auth missingAuth /);
    } finally {
      writeFileSync(path, original);
    }
  });
});

describe('ESLint 10, one process per file', () => {
  it('linting each file in its own process reports exactly what one run over all files reports', async () => {
    const consumer = consumers[10];
    const app = join(consumer.dir, 'app');
    const files = plain[10].results.map((result) => relative(app, result.filePath));
    expect(files.length).toBeGreaterThanOrEqual(20);
    const separate: JsonResult[] = [];
    const queue = [...files];
    const worker = async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) separate.push(...(await eslintAsync(consumer, [file])));
    };
    await Promise.all([worker(), worker()]);
    expect(separate.map((result) => relative(app, result.filePath)).sort()).toEqual([...files].sort());
    expect(findings(separate, app)).toEqual(findings(plain[10].results, app));
  }, 180_000);
});

describe('ESLint 10 --cache and auth helpers in other modules', () => {
  // ESLint caches each file's results by that file's own content and the config. The rules follow auth helpers
  // imported from the project (settings.clerk.crossFile, on by default), so a change to the helper alone does not
  // re-lint its callers: the cached run keeps the old, now wrong, result until the caller changes or the cache is
  // cleared. This pins that limitation (it is ESLint's cache model, not rule state) so the README can state it.
  it('a cached run keeps a caller’s result when only the imported guard changes; a plain run sees the change', () => {
    const consumer = consumers[10];
    const project = join(consumer.dir, 'crossfile');
    const cache = join(consumer.dir, '.eslintcache-crossfile');
    const helper = join(project, 'lib/require-user.ts');
    const original = readFileSync(helper, 'utf8');
    // `file ruleId messageId`
    const rules = (run: Run) =>
      findings(run.results, project).map((finding) => {
        const [location, ruleId, messageId] = finding.split(' ');
        return `${location!.split(':')[0]!} ${ruleId!} ${messageId!}`;
      });

    expect(rules(eslint(consumer, ['--cache', '--cache-location', cache, '.'], project))).toEqual([]);
    try {
      writeFileSync(helper, HELPER_WITHOUT_CHECK);
      const fresh = eslint(consumer, ['.'], project);
      expect(rules(fresh)).toEqual(['app/actions.ts clerk/require-server-action-auth missingAuth']);
      const cached = eslint(consumer, ['--cache', '--cache-location', cache, '--debug', '.'], project);
      expect(linted(cached.log, project)).toEqual(['lib/require-user.ts']);
      expect(rules(cached)).toEqual([]);
    } finally {
      writeFileSync(helper, original);
    }
  });
});
