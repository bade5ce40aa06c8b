import rule from '../../src/rules/valid-settings.js';
import { fixture, ruleTester } from '../rule-tester.js';

const actions = fixture('app/actions.ts');
const code = `'use server'
export async function remove() { await db.x.deleteMany() }
`;
const KEYS = '`version`, `authFunctions`, `authWrappers`, `autofix`, `webhookVerifiers`, `crossFile`';

ruleTester.run('valid-settings', rule, {
  valid: [
    { name: 'no settings at all', filename: actions, code },
    { name: 'settings.clerk absent, other plugins configured', filename: actions, code, settings: { next: { rootDir: 'apps/web' } } },
    { name: 'settings.clerk null', filename: actions, code, settings: { clerk: null } },
    {
      name: 'every key, valid',
      filename: actions,
      code,
      settings: {
        clerk: {
          version: 6,
          authFunctions: ['requireUser', { name: 'requireAdmin', from: '@/lib/auth' }],
          authWrappers: ['withAuth'],
          autofix: false,
          webhookVerifiers: ['verifyClerkWebhook'],
          crossFile: true,
        },
      },
    },
    { name: "version 'detect'", filename: actions, code, settings: { clerk: { version: 'detect' } } },
  ],
  invalid: [
    {
      name: 'a wrong value is named with the shape expected, once, at the top of the file',
      filename: actions,
      code,
      settings: { clerk: { version: 'six' } },
      errors: [
        {
          messageId: 'invalidSettings',
          data: { message: "`settings.clerk.version` must be a Clerk SDK major such as 6, or 'detect'; got \"six\"." },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: 'a typo in a key is named with the keys expected',
      filename: actions,
      code,
      settings: { clerk: { authFuntions: ['requireUser'] } },
      errors: [{ messageId: 'invalidSettings', data: { message: `Unknown key \`settings.clerk.authFuntions\`; expected one of ${KEYS}.` } }],
    },
    {
      name: 'settings.clerk that is not an object',
      filename: actions,
      code,
      settings: { clerk: 'on' },
      errors: [{ messageId: 'invalidSettings' }],
    },
  ],
});
