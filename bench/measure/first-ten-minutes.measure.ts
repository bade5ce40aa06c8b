// The first ten minutes of a new user (issue 21): a project as create-next-app 16 writes it, the plugin from
// `npm pack`, the README's Next.js config block; a real `npm install` from the registry, then `npx eslint .`
// (create-next-app's `npm run lint`). Prints the time of each step and the first Clerk finding.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { expect, it } from 'vitest';

import { packPlugin } from '../../tests/integration/consumer.js';
import { CREATE_NEXT_APP, readmeNextConfig } from '../../tests/integration/create-next-app.js';

it('npm install, then the first correct finding', () => {
  const work = mkdtempSync(join(tmpdir(), 'clerk-first-ten-minutes-'));
  try {
    const app = join(work, 'my-app');
    for (const [path, content] of Object.entries({ ...CREATE_NEXT_APP, 'eslint.config.mjs': readmeNextConfig() })) {
      mkdirSync(dirname(join(app, path)), { recursive: true });
      writeFileSync(join(app, path), content);
    }
    copyFileSync(packPlugin(work), join(app, 'eslint-plugin-clerk.tgz'));
    const time = <T>(label: string, run: () => T): T => {
      const start = performance.now();
      const value = run();
      console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
      return value;
    };
    time('npm install (from the registry)', () =>
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, stdio: 'inherit' }),
    );
    // One copy of typescript-eslint's parser and utils: the plugin's ranges dedupe with eslint-config-next's.
    const copies = (name: string) =>
      execFileSync('find', ['node_modules', '-path', `*/${name}/package.json`, '-not', '-path', '*/dist/*'], { cwd: app, encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    for (const name of ['@typescript-eslint/parser', '@typescript-eslint/utils']) console.log(`${name}: ${copies(name).join(', ')}`);
    const output = time('npx eslint . (create-next-app: npm run lint)', () => {
      try {
        return execFileSync('npx', ['eslint', '-f', 'json', '.'], { cwd: app, encoding: 'utf8' });
      } catch (error) {
        return (error as { stdout: string }).stdout;
      }
    });
    const results = JSON.parse(output) as { filePath: string; messages: { ruleId: string | null; line: number; message: string }[] }[];
    const clerk = results.flatMap((result) => result.messages.filter((m) => m.ruleId?.startsWith('clerk/')).map((m) => `${result.filePath.slice(app.length + 1)}:${m.line} ${m.ruleId}`));
    console.log(`Clerk findings: ${clerk.join(', ')}`);
    console.log(`parse errors: ${results.flatMap((result) => result.messages.filter((m) => m.ruleId === null)).length}`);
    expect(clerk.length).toBeGreaterThan(0);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
