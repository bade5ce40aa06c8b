import rule from '../../src/rules/require-server-action-auth.js';
import { fixture, ruleTester } from '../rule-tester.js';

// Helpers live in tests/fixtures/v7/lib; tests/fixtures/v7/tsconfig.json maps `@/*` to `./*`.
const actions = fixture('app/actions.ts');

ruleTester.run('require-server-action-auth across files', rule, {
  valid: [
    {
      name: 'a fetching helper imported through a tsconfig alias, checked by the caller',
      filename: actions,
      code: `'use server'
import { currentProfile } from '@/lib/current-profile'
export async function f() {
  const profile = await currentProfile()
  if (!profile) return { error: 'Unauthorized' }
  await db.x.delete({ where: { profileId: profile.id } })
}`,
    },
    {
      name: 'a guard imported by relative path that itself calls a guard in a third module',
      filename: actions,
      code: `'use server'
import { requireUser } from '../lib/require-user'
export async function f() {
  const userId = await requireUser()
  await db.x.delete({ where: { userId } })
}`,
    },
    {
      name: 'a default-exported guard resolved through a folder index',
      filename: actions,
      code: `'use server'
import guard from '../lib/guards'
export async function f() {
  await guard()
  await db.x.delete()
}`,
    },
    {
      name: 'an inline server action in a page using the imported fetcher',
      filename: fixture('app/profile/page.tsx'),
      code: `import { currentProfile } from '@/lib/current-profile'
export default function Page() {
  async function save(formData: FormData) {
    'use server'
    const profile = await currentProfile()
    if (!profile) throw new Error('Unauthorized')
    await db.profile.update({ where: { id: profile.id }, data: { name: formData.get('name') } })
  }
  return <form action={save} />
}`,
    },
  ],
  invalid: [
    {
      name: 'the imported fetcher result is never checked',
      filename: actions,
      code: `'use server'
import { currentProfile } from '@/lib/current-profile'
export async function f() {
  const profile = await currentProfile()
  await db.x.delete({ where: { profileId: profile?.id } })
}`,
      errors: [
        {
          messageId: 'uncheckedAuth',
          line: 3,
          column: 23,
          suggestions: [
            {
              messageId: 'addAuthCheck',
              output: `'use server'
import { currentProfile } from '@/lib/current-profile'
export async function f() {
  const profile = await currentProfile()
  if (!profile) throw new Error('Unauthorized')
  await db.x.delete({ where: { profileId: profile?.id } })
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'an imported function that does not authenticate, a missing module, and crossFile off',
      filename: actions,
      settings: { clerk: { crossFile: false } },
      code: `'use server'
import { requireUser } from '../lib/require-user'
export async function f() {
  await requireUser()
  await db.x.delete()
}`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 3,
          column: 23,
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `'use server'
import { requireUser } from '../lib/require-user'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await requireUser()
  await db.x.delete()
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a helper that does not authenticate is not trusted',
      filename: actions,
      code: `'use server'
import { notAGuard } from '@/lib/require-user'
import { missing } from '@/lib/does-not-exist'
export async function f() {
  await notAGuard()
  await missing()
  await db.x.delete()
}`,
      errors: [
        {
          messageId: 'missingAuth',
          line: 4,
          column: 23,
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `'use server'
import { notAGuard } from '@/lib/require-user'
import { missing } from '@/lib/does-not-exist'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await notAGuard()
  await missing()
  await db.x.delete()
}`,
            },
          ],
        },
      ],
    },
  ],
});
