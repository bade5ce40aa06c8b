// The information configurations of bench/worker.mjs that take rules out of `all` one at a time, to say what each
// rule's strict options cost (docs/development.md, "What `all` adds over `recommended` on (b)").
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { generatedCorpus } from '../generated-corpus.js';

const root = join(import.meta.dirname, '../..');

describe('bench/worker.mjs clerk-all-as-recommended=…', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clerk-bench-configs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const list = join(dir, 'list.json');
  writeFileSync(list, JSON.stringify(generatedCorpus(join(dir, 'corpus'), 80, 3)));
  const messages = (config: string): number => {
    // ESLint lints only files under its cwd: the worker runs from the corpus folder.
    const out = execFileSync(process.execPath, [join(root, 'bench/worker.mjs'), config, list, '--sequential'], { cwd: join(dir, 'corpus'), encoding: 'utf8' });
    const result = JSON.parse(out) as { messages: number; crashes: number; unlinted: number };
    expect(result.crashes).toBe(0);
    expect(result.unlinted).toBe(0);
    return result.messages;
  };

  it("drops a rule's strict options, not only restates its severity", () => {
    const all = messages('clerk-all');
    // The generated middleware protects routes whose handlers do not check the session: findings only with
    // `checkMiddlewareOnly` (strict). Naming the severity alone, as `recommended` does, would keep that option on.
    expect(messages('clerk-all-as-recommended=require-route-handler-auth')).toBeLessThan(all);
    // A rule `recommended` leaves out (require-page-auth) is turned off.
    expect(messages('clerk-all-as-recommended=require-page-auth')).toBeLessThan(all);
    // Every rule as `recommended` sets it is `recommended`.
    const rules = ['no-hardcoded-keys', 'no-org-id-from-request', 'no-secrets-in-client', 'no-swallowed-auth-redirect', 'no-user-object-role-checks', 'require-page-auth', 'require-route-handler-auth', 'require-webhook-verification'];
    expect(messages(`clerk-all-as-recommended=${rules.join('+')}`)).toBe(messages('clerk-recommended'));
  });

  it('names a rule that is not in all in a clear message', () => {
    expect(() => execFileSync(process.execPath, [join(root, 'bench/worker.mjs'), 'clerk-all-as-recommended=no-such-rule', list], { cwd: join(dir, 'corpus'), stdio: 'pipe' })).toThrow(
      /not a rule of all: clerk\/no-such-rule/u,
    );
  });
});
