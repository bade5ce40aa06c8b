// The README's Next.js section, followed literally: a project laid out the way create-next-app 16 writes it
// (package.json, tsconfig.json, eslint.config.mjs with eslint-config-next, ESLint 9), the plugin installed from the
// packed tarball, and the README's own config block pasted into eslint.config.mjs. The planted Clerk mistakes must be
// reported, next to eslint-config-next's own rules, with no parsing error.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Consumer, createConsumer } from './consumer.js';
import { CREATE_NEXT_APP, readmeNextConfig } from './create-next-app.js';

interface Message {
  ruleId: string | null;
  message: string;
  line: number;
  fatal?: boolean;
}

describe("the README's Next.js setup, in a project as create-next-app 16 writes it", () => {
  let consumer: Consumer;
  let results: { filePath: string; messages: Message[] }[];

  beforeAll(() => {
    consumer = createConsumer({ eslint: 9, files: { ...CREATE_NEXT_APP, 'eslint.config.mjs': readmeNextConfig() } });
    const run = () =>
      execFileSync(process.execPath, [consumer.eslintBin, '-f', 'json', '.'], { cwd: consumer.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout: string;
    try {
      stdout = run();
    } catch (error) {
      // Exit status 1: findings (expected). Anything else (2: a config or crash) fails with ESLint's own words.
      const failure = error as { status?: number; stdout?: string; stderr?: string };
      if (failure.status !== 1) throw new Error(`eslint exited ${failure.status}: ${failure.stderr ?? ''}`);
      stdout = failure.stdout ?? '';
    }
    results = JSON.parse(stdout) as typeof results;
  }, 120_000);

  afterAll(() => consumer?.cleanup());

  const findings = () =>
    results.flatMap((result) => result.messages.map((message) => ({ ...message, file: result.filePath.slice(consumer.dir.length + 1) })));

  it('uses eslint.config.mjs only, as the README says', () => {
    expect(existsSync(join(consumer.dir, 'eslint.config.mjs'))).toBe(true);
    expect(existsSync(join(consumer.dir, 'eslint.config.js'))).toBe(false);
    expect(readmeNextConfig()).toContain('clerk.configs.recommended');
  });

  it('parses every file: no parsing error, no fatal message', () => {
    expect(findings().filter((message) => message.ruleId === null || message.fatal === true)).toEqual([]);
  });

  it('reports the Clerk mistakes', () => {
    const clerk = findings()
      .filter((message) => message.ruleId?.startsWith('clerk/'))
      .map((message) => `${message.file}:${message.line} ${message.ruleId}`);
    expect(clerk.sort()).toEqual(['app/actions.ts:5 clerk/require-server-action-auth', 'app/api/invoices/route.ts:3 clerk/require-route-handler-auth']);
  });

  it("keeps eslint-config-next's own rules", () => {
    expect(findings().map((message) => message.ruleId)).toContain('@next/next/no-img-element');
  });
});
