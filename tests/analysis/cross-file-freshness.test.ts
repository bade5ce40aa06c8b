import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { tempProject } from '../temp-project.js';

// What the linter learned about imported helpers is shared between files for at most a second (FRESH_MS), so an
// editor sees an edit to a helper, also one two imports away, on the next lint after that.
const { root, write, remove } = tempProject('clerk-fresh-');
afterAll(remove);

const action = `'use server'
import { requireUser } from '../../lib/guard'
export async function remove(id: string) {
  await requireUser()
  await db.item.delete({ where: { id } })
}
`;

function findings(linter: Linter, file: string): string[] {
  return linter
    .verify(
      action,
      [
        {
          files: ['**/*.ts'],
          plugins: { clerk: plugin },
          languageOptions: { parser },
          rules: { 'clerk/require-server-action-auth': 'error' },
        },
      ],
      file,
    )
    .map((message) => message.messageId ?? message.message);
}

describe('imported helpers across edits', () => {
  it('sees an edit to a helper two imports away once the shared answers are older than a second', async () => {
    write('package.json', JSON.stringify({ dependencies: { '@clerk/nextjs': '^6.0.0' } }));
    write('lib/guard.ts', `import { ensureSignedIn } from './inner'\nexport async function requireUser() {\n  const userId = await ensureSignedIn()\n  return userId\n}\n`);
    write('lib/inner.ts', `import { auth } from '@clerk/nextjs/server'\nexport async function ensureSignedIn() {\n  const { userId } = await auth()\n  if (!userId) throw new Error('Unauthorized')\n  return userId\n}\n`);
    const linter = new Linter({ cwd: root });
    const first = join(root, 'app/a/actions.ts');
    const second = join(root, 'app/b/actions.ts');
    expect(findings(linter, first)).toEqual([]);
    // The inner helper stops checking the session.
    write('lib/inner.ts', `export async function ensureSignedIn() {\n  return 'anonymous'\n}\n`);
    await sleep(1100);
    expect(findings(linter, second)).toEqual(['missingAuth']);
    expect(findings(linter, first)).toEqual(['missingAuth']);
  });
});
