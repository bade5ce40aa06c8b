// Pre-commit: a git repository whose pre-commit hook runs lint-staged with `{ "*.{ts,tsx}": "eslint --fix" }`,
// as husky would install it, and the packed plugin in `clerk.configs.recommended`. Autofixable findings are fixed
// and committed; a finding with only a suggestion blocks the commit with the rule's message, unless the team
// promotes suggestions to autofixes with `settings.clerk.autofix`.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createConsumer, flatConfig, type Consumer } from './consumer.js';

interface Fix {
  range: [number, number];
  text: string;
}
interface JsonMessage {
  ruleId: string | null;
  messageId?: string;
  message: string;
  line: number;
  column: number;
  fix?: Fix;
  suggestions?: { desc: string; fix: Fix }[];
}

/** Only the missing `await` on `auth()`: require-await-auth fixes it without opting in. */
const MISSING_AWAIT = `import { auth } from '@clerk/nextjs/server'

export async function GET() {
  const { userId } = auth()
  if (!userId) return new Response('Unauthorized', { status: 401 })
  return Response.json({ userId })
}
`;

/** A Server Action that never checks auth: require-server-action-auth only suggests the guard. */
const UNGUARDED_ACTION = `'use server'

import { db } from '../../lib/db'

export async function deleteInvoice(id: string) {
  await db.invoice.delete({ where: { id } })
}
`;

const DB = `export const db = { invoice: { delete: async (_: unknown) => ({}) } }\n`;

// Isolated from the machine's git configuration (hooksPath, signing, templates); identity is set in the repo.
const gitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  FORCE_COLOR: '0',
  NO_COLOR: '1',
};
// Not the test runner's environment: with NODE_ENV=test lint-staged switches to its own test renderer.
for (const name of ['ESLINT_USE_FLAT_CONFIG', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID']) delete gitEnv[name];

let consumer: Consumer;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: consumer.dir, env: gitEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `git commit`, which runs the pre-commit hook; returns its exit status and everything it printed. */
function commit(message: string): { status: number; output: string } {
  try {
    const stdout = execFileSync('git', ['commit', '-m', message], { cwd: consumer.dir, env: gitEnv, encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, output: stdout };
  } catch (error) {
    const { status, stdout, stderr } = error as { status: number | null; stdout?: string; stderr?: string };
    return { status: status ?? -1, output: `${stdout ?? ''}${stderr ?? ''}` };
  }
}

/** The consumer's ESLint on one file, JSON, as it is in the working tree. */
function lint(path: string): JsonMessage[] {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [consumer.eslintBin, '-f', 'json', path], { cwd: consumer.dir, env: gitEnv, encoding: 'utf8' });
  } catch (error) {
    const result = error as { status?: number; stdout?: string; stderr?: string };
    if (result.status !== 1 || !result.stdout) throw new Error(`eslint exited ${String(result.status)}\n${result.stderr ?? ''}`);
    stdout = result.stdout;
  }
  const [file] = JSON.parse(stdout) as { messages: JsonMessage[] }[];
  return file!.messages;
}

function apply(source: string, fix: Fix): string {
  return source.slice(0, fix.range[0]) + fix.text + source.slice(fix.range[1]);
}

const head = () => git('rev-parse', 'HEAD').trim();
const committed = (path: string) => git('show', `HEAD:${path}`);

beforeAll(() => {
  consumer = createConsumer({
    eslint: 10,
    packageJson: { 'lint-staged': { '*.{ts,tsx}': 'eslint --fix' } },
    files: { 'eslint.config.js': flatConfig('recommended'), 'lib/db.ts': DB, '.gitignore': 'node_modules/\n' },
  });
  // What `npm install` would create: lint-staged runs `eslint` from node_modules/.bin.
  const bin = join(consumer.dir, 'node_modules/.bin');
  mkdirSync(bin);
  symlinkSync('../eslint/bin/eslint.js', join(bin, 'eslint'));
  symlinkSync('../lint-staged/bin/lint-staged.js', join(bin, 'lint-staged'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Pre-commit Test');
  git('config', 'user.email', 'pre-commit@example.com');
  git('add', '.');
  git('commit', '-q', '-m', 'project');
  // The hook husky would install (`npx lint-staged`), written directly: node on lint-staged's bin.
  const hook = join(consumer.dir, '.git/hooks/pre-commit');
  consumer.write('.git/hooks/pre-commit', `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} node_modules/lint-staged/bin/lint-staged.js\n`);
  chmodSync(hook, 0o755);
});

afterAll(() => consumer?.cleanup());

describe('git commit with lint-staged running `eslint --fix`', () => {
  it('fixes a staged file whose finding is autofixable, and the commit proceeds with the fixed content', () => {
    const path = 'app/api/me/route.ts';
    consumer.write(path, MISSING_AWAIT);
    const messages = lint(path);
    expect(messages.map((message) => `${message.ruleId} ${message.messageId}`)).toEqual(['clerk/require-await-auth missingAwait']);
    const fix = messages[0]!.fix;
    expect(fix, 'require-await-auth fixes a missing await without opting in').toBeDefined();
    const fixed = apply(MISSING_AWAIT, fix!);
    expect(fixed).toContain('const { userId } = await auth()');

    const before = head();
    git('add', path);
    const result = commit('add /api/me');
    expect(result.status, result.output).toBe(0);
    expect(head()).not.toBe(before);
    expect(committed(path)).toBe(fixed);
    expect(readFileSync(join(consumer.dir, path), 'utf8')).toBe(fixed);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('blocks the commit of a staged file whose finding only has a suggestion, printing the rule’s message', () => {
    const path = 'app/actions/invoices.ts';
    consumer.write(path, UNGUARDED_ACTION);
    const messages = lint(path);
    expect(messages.map((message) => `${message.ruleId} ${message.messageId}`)).toEqual([
      'clerk/require-server-action-auth missingAuth',
    ]);
    expect(messages[0]!.fix).toBeUndefined();
    expect(messages[0]!.suggestions?.length).toBeGreaterThan(0);

    const before = head();
    git('add', path);
    try {
      const result = commit('add invoice actions');
      expect(result.status, result.output).not.toBe(0);
      expect(head()).toBe(before);
      // As ESLint's default (stylish) formatter prints it: without the final period.
      expect(result.output).toContain(messages[0]!.message.replace(/\.$/, ''));
      expect(result.output).toContain('clerk/require-server-action-auth');
      // Nothing was changed behind the developer's back: the file is still staged as written.
      expect(git('diff', '--cached', '--name-only').trim()).toBe(path);
      expect(git('show', `:${path}`)).toBe(UNGUARDED_ACTION);
      expect(readFileSync(join(consumer.dir, path), 'utf8')).toBe(UNGUARDED_ACTION);
    } finally {
      git('rm', '-q', '--cached', '--ignore-unmatch', path);
      rmSync(join(consumer.dir, path), { force: true });
    }
  });

  it('with settings.clerk.autofix, the suggested guard is applied and the commit proceeds', () => {
    const path = 'app/actions/billing.ts';
    consumer.write(path, UNGUARDED_ACTION);
    const [message] = lint(path);
    const expected = apply(UNGUARDED_ACTION, message!.suggestions![0]!.fix);
    expect(expected).toContain('await auth()');

    // The team opts in (committed like any config change; the hook has no staged ts files to check).
    consumer.write(
      'eslint.config.js',
      flatConfig('recommended').replace(/\];\n$/, '  { settings: { clerk: { autofix: true } } },\n];\n'),
    );
    git('add', 'eslint.config.js');
    expect(commit('promote clerk suggestions to autofixes').status).toBe(0);
    expect(git('show', '--name-only', '--format=', 'HEAD').trim()).toBe('eslint.config.js');
    expect(lint(path).map((promoted) => promoted.fix)).toEqual([message!.suggestions![0]!.fix]);

    const before = head();
    git('add', path);
    const result = commit('add invoice actions');
    expect(result.status, result.output).toBe(0);
    expect(head()).not.toBe(before);
    expect(committed(path)).toBe(expected);
    expect(committed(path)).not.toBe(UNGUARDED_ACTION);
    expect(lint(path)).toEqual([]);
  });
});
