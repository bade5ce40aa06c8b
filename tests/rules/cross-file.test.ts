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
    {
      name: 'a next-safe-action client whose use() middleware checks the session (imported through an alias)',
      filename: actions,
      code: `'use server'
import { z } from 'zod'
import { authActionClient } from '@/lib/safe-action'
export const createTodo = authActionClient
  .schema(z.object({ title: z.string() }))
  .action(async ({ parsedInput, ctx }) => {
    await db.todo.create({ data: { title: parsedInput.title, userId: ctx.userId } })
  })`,
    },
    {
      name: 'an imported higher-order function that checks the session before calling the action',
      filename: actions,
      code: `'use server'
import { withAuth } from '../lib/with-auth'
export const deletePost = withAuth(async (userId: string, id: string) => {
  await db.post.delete({ where: { id, authorId: userId } })
})`,
    },
    {
      name: 'a same-file higher-order function that checks the session',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
const authed = (fn: (userId: string) => Promise<void>) => async () => {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  return fn(userId)
}
export const purge = authed(async (userId) => {
  await db.note.deleteMany({ where: { userId } })
})`,
    },
    {
      name: 'a guard re-exported (and renamed) through a barrel',
      filename: actions,
      code: `'use server'
import { requireUserId } from '@/lib/auth'
export async function f() {
  const userId = await requireUserId()
  await db.x.delete({ where: { userId } })
}`,
    },
  ],
  invalid: [
    {
      name: 'an action client whose middleware does not check the session',
      filename: actions,
      code: `'use server'
import { loggedActionClient } from '@/lib/safe-action'
export const createTodo = loggedActionClient.action(async ({ parsedInput }) => {
  await db.todo.create({ data: parsedInput })
})`,
      errors: [{ messageId: 'missingAuth', suggestions: [{ messageId: 'addAuthGuard', output: `'use server'
import { loggedActionClient } from '@/lib/safe-action'
import { auth } from '@clerk/nextjs/server'
export const createTodo = loggedActionClient.action(async ({ parsedInput }) => {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.todo.create({ data: parsedInput })
})` }] }],
    },
    {
      name: 'a higher-order function that does not check the session',
      filename: actions,
      code: `'use server'
import { withLogging } from '../lib/with-auth'
export const deletePost = withLogging(async (id: string) => {
  await db.post.delete({ where: { id } })
})`,
      errors: [{ messageId: 'missingAuth', suggestions: [{ messageId: 'addAuthGuard', output: `'use server'
import { withLogging } from '../lib/with-auth'
import { auth } from '@clerk/nextjs/server'
export const deletePost = withLogging(async (id: string) => {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.post.delete({ where: { id } })
})` }] }],
    },
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
