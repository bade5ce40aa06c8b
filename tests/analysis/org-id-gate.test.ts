import { join } from 'node:path';

import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import { importsMayMention, isModuleCached } from '../../src/analysis/cross-file.js';
import { ORG_ID_TEXT } from '../../src/analysis/session-values.js';
import plugin from '../../src/index.js';
import { tempProject } from '../temp-project.js';

// Class 8 (`checkTenantScoping`) asks whether an entry point works in an organization: it reads the session's orgId
// itself or through helpers it calls, two deep. No entry point of a file can when neither the file nor a project
// module within two imports names orgId (or is a barrel), and then the question, which parses the helpers, is not
// asked.

const { root, write, remove } = tempProject('clerk-org-id-gate-');
afterAll(remove);
write('package.json', JSON.stringify({ dependencies: { '@clerk/nextjs': '^6.0.0' } }));
write('tsconfig.json', JSON.stringify({ compilerOptions: { paths: { '@lib/*': ['./lib/*'] } } }));
const session = write('lib/session.ts', `import { auth } from '@clerk/nextjs/server'\nexport async function requireUser() {\n  const { userId } = await auth()\n  if (!userId) throw new Error('Unauthorized')\n  return userId\n}\n`);
const users = write('lib/users.ts', `import { requireUser } from './session'\nexport async function signedIn() {\n  return requireUser()\n}\n`);
const org = write('lib/org.ts', `import { auth } from '@clerk/nextjs/server'\nexport async function requireOrg() {\n  const { orgId } = await auth()\n  if (!orgId) throw new Error('No organization')\n  return orgId\n}\n`);
const inOrg = write('lib/in-org.ts', `import { requireOrg } from './org'\nexport async function inOrganization() {\n  return requireOrg()\n}\n`);
write('lib/farther.ts', `import { inOrganization } from './in-org'\nexport async function deep() {\n  return inOrganization()\n}\n`);
write('lib/barrel.ts', `export { signedIn } from './users'\n`);

const action = (helper: string, from: string) =>
  `'use server'\nimport { ${helper} } from '${from}'\nexport async function getIssues(sprintId: string) {\n  await ${helper}()\n  return db.issue.findMany({ where: { sprintId } })\n}\n`;

describe('importsMayMention', () => {
  const file = join(root, 'app/actions.ts');
  it('finds orgId in a project module one or two imports away, through tsconfig paths', () => {
    expect(importsMayMention(file, action('requireOrg', '@lib/org'), ORG_ID_TEXT, 2)).toBe(true);
    expect(importsMayMention(file, action('inOrganization', '../lib/in-org'), ORG_ID_TEXT, 2)).toBe(true);
    expect(importsMayMention(file, action('inOrganization', '../lib/in-org'), ORG_ID_TEXT, 1)).toBe(false);
  });

  it('is false past the bound and for modules that do not name it; true for a barrel', () => {
    expect(importsMayMention(file, action('deep', '@lib/farther'), ORG_ID_TEXT, 2)).toBe(false);
    expect(importsMayMention(file, action('signedIn', '@lib/users'), ORG_ID_TEXT, 2)).toBe(false);
    expect(importsMayMention(file, action('signedIn', '@lib/barrel'), ORG_ID_TEXT, 2)).toBe(true);
    expect(importsMayMention(file, action('x', 'some-package'), ORG_ID_TEXT, 2)).toBe(false);
  });
});

describe('checkTenantScoping', () => {
  const lint = (code: string, path: string) =>
    new Linter({ cwd: root })
      .verify(
        code,
        [{ files: ['**/*.ts'], plugins: { clerk: plugin }, languageOptions: { parser }, rules: { 'clerk/no-org-id-from-request': ['error', { checkTenantScoping: true }] } }],
        write(path, code),
      )
      .map((message) => message.messageId ?? message.message);

  it('does not parse helpers to ask about an organization no module within reach names', () => {
    expect(lint(action('signedIn', '@lib/users'), 'app/users/actions.ts')).toEqual([]);
    expect(isModuleCached(users)).toBe(false);
    expect(isModuleCached(session)).toBe(false);
  });

  it('still follows helpers that do, and reports', () => {
    expect(lint(action('inOrganization', '@lib/in-org'), 'app/org/actions.ts')).toEqual(['recordNotTiedToOrganization']);
    expect(isModuleCached(inOrg)).toBe(true);
    expect(isModuleCached(org)).toBe(true);
  });
});
