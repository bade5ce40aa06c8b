import type { ValidTestCase } from '@typescript-eslint/rule-tester';

import type { Options } from '../../src/rules/require-server-action-auth.js';
import { fixture } from '../rule-tester.js';

const actions = fixture('app/actions.ts');

export const valid: ValidTestCase<Options>[] = [
  {
    name: 'invalid settings: the rule skips the file silently (clerk/valid-settings reports them, once)',
    filename: actions,
    settings: { clerk: { version: 'six' } },
    code: `'use server'
export async function remove() { await db.x.deleteMany() }
`,
  },
  {
    name: 'await auth.protect() as a statement',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function deleteInvoice(id: string) {
  await auth.protect()
  await db.invoice.delete({ where: { id } })
}`,
  },
  {
    name: 'auth.protect() result destructured, with a role',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function deleteInvoice(id: string) {
  const { userId } = await auth.protect({ role: 'org:admin' })
  await db.invoice.delete({ where: { id, userId } })
}`,
  },
  {
    name: 'auth() with !userId and throw',
    filename: actions,
    code: `'use server';
import { auth } from '@clerk/nextjs/server';
export async function createTodo(formData: FormData) {
  const { userId } = await auth();
  if (!userId) throw new Error('Unauthorized');
  await db.todo.create({ data: { userId, title: formData.get('title') } });
}`,
  },
  {
    name: 'v7 isAuthenticated with a return',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function createTodo() {
  const { isAuthenticated, userId } = await auth()
  if (!isAuthenticated) {
    return { error: 'You must be signed in' }
  }
  await db.todo.create({ data: { userId } })
}`,
  },
  {
    name: 'renamed import',
    filename: actions,
    code: `'use server'
import { auth as getSession } from '@clerk/nextjs/server'
export async function f() {
  const session = await getSession()
  if (!session.userId) throw new Error('no')
  await db.x.delete()
}`,
  },
  {
    name: 'namespace import with a redirect from next/navigation',
    filename: actions,
    code: `'use server'
import * as clerk from '@clerk/nextjs/server'
import { redirect } from 'next/navigation'
export async function f() {
  const { userId } = await clerk.auth()
  if (!userId) redirect('/sign-in')
  await db.x.delete()
}`,
  },
  {
    name: 'v5 synchronous auth()',
    filename: fixture('app/actions.ts', 5),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = auth()
  if (!userId) throw new Error('no')
  await db.x.delete()
}`,
  },
  {
    name: 'v5 auth().protect()',
    filename: fixture('app/actions.ts', 5),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  auth().protect()
  await db.x.delete()
}`,
  },
  {
    name: 'currentUser() null check',
    filename: actions,
    code: `'use server'
import { currentUser } from '@clerk/nextjs/server'
export async function f() {
  const user = await currentUser()
  if (!user) return null
  await db.profile.update({ where: { id: user.id } })
}`,
  },
  {
    name: 'same-file guard helper that throws',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
async function requireUser() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  return userId
}
export async function f() {
  const userId = await requireUser()
  await db.x.delete({ where: { userId } })
}`,
  },
  {
    name: 'same-file fetching helper whose result the caller checks',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
const currentProfile = async () => {
  const { userId } = await auth()
  if (!userId) return null
  return db.profile.findUnique({ where: { userId } })
}
export async function f() {
  const profile = await currentProfile()
  if (!profile) return { error: 'Unauthorized' }
  await db.x.delete({ where: { profileId: profile.id } })
}`,
  },
  {
    name: 'helpers calling helpers, cycle-safe',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
async function a(n: number): Promise<string> { if (n > 3) return b(n); return a(n + 1) }
async function b(n: number): Promise<string> { return a(n) }
async function requireAdmin() {
  await auth.protect({ role: 'org:admin' })
}
async function requireAdminTwice() { await requireAdmin() }
export async function f() {
  await requireAdminTwice()
  await db.x.delete(await a(1))
}`,
  },
  {
    name: 'configured auth wrapper',
    filename: actions,
    settings: { clerk: { authWrappers: ['withAuth', 'authActionClient'] } },
    code: `'use server'
import { withAuth, authActionClient } from '@/lib/safe-action'
export const f = withAuth(async (userId: string) => {
  await db.x.delete({ where: { userId } })
})
export const g = authActionClient.schema(schema).action(async ({ parsedInput, ctx }) => {
  await db.x.create({ data: parsedInput })
})`,
  },
  {
    name: 'configured auth function, by import source',
    filename: actions,
    settings: { clerk: { authFunctions: [{ name: 'requireUser', from: '@/lib/auth' }] } },
    code: `'use server'
import { requireUser } from '@/lib/auth'
export async function f() {
  const user = await requireUser()
  await db.x.delete({ where: { userId: user.id } })
}`,
  },
  {
    name: 'revalidate-only and redirect-only actions are public by design',
    filename: actions,
    code: `'use server'
import { revalidatePath, revalidateTag } from 'next/cache'
import { redirect } from 'next/navigation'
export async function refresh() {
  revalidatePath('/')
  revalidateTag('posts')
}
export async function goHome() {
  redirect('/')
}
export async function setTheme(theme: string) {
  ;(await cookies()).set('theme', theme.trim())
}`,
  },
  {
    name: 'exports of a module without a use server directive are not actions',
    filename: actions,
    code: `import { db } from '@/db'
export async function deleteAll() { await db.x.deleteMany() }`,
  },
  {
    name: "'use server' after an import is not a directive",
    filename: actions,
    code: `import { db } from '@/db'
'use server'
export async function deleteAll() { await db.x.deleteMany() }`,
  },
  {
    name: 'publicFunctions option (glob)',
    filename: actions,
    options: [{ publicFunctions: ['subscribe*'] }],
    code: `'use server'
export async function subscribeToNewsletter(email: string) {
  await db.subscriber.create({ data: { email } })
}`,
  },
  {
    name: 'has() check counts as authentication and authorisation',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { has } = await auth()
  if (!has({ permission: 'org:invoices:delete' })) return { error: 'Forbidden' }
  await db.invoice.deleteMany()
}`,
  },
  {
    name: 'an || chain holding a guard',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId, orgId } = await auth()
  if (!userId || !orgId) throw new Error('no org')
  await db.x.delete({ where: { orgId } })
}`,
  },
  {
    name: '== null and === false guards',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (userId == null) throw new Error('no')
  await db.x.delete()
}
export async function g() {
  const { isAuthenticated } = await auth()
  if (isAuthenticated === false) throw new Error('no')
  await db.x.delete()
}`,
  },
  {
    name: '=== null is fine when only session tokens are accepted',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (userId === null) throw new Error('no')
  await db.x.delete()
}`,
  },
  {
    name: 'role from verified session claims',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
import { redirect } from 'next/navigation'
export async function setRole(formData: FormData) {
  const { sessionClaims } = await auth()
  if (sessionClaims?.metadata?.role !== 'admin') redirect('/')
  await clerk.users.updateUserMetadata(formData.get('id'), { publicMetadata: { role: 'admin' } })
}`,
  },
  {
    name: 'reading and validating input before the guard is not work',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f(formData: FormData) {
  const title = formData.get('title')?.toString().trim()
  const input = schema.parse({ title })
  const { userId } = await auth()
  if (!userId) throw new Error('no')
  await db.x.create({ data: { ...input, userId } })
}`,
  },
  {
    name: 'export list of checked local functions',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
async function a() { await auth.protect(); await db.x.delete() }
const b = async () => { await auth.protect(); await db.y.delete() }
export { a, b as removeY }`,
  },
  {
    name: 'positive guard around the work',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (userId) {
    await db.x.delete({ where: { userId } })
  }
}`,
  },
  {
    name: 'inline server action with its own check',
    filename: fixture('app/page.tsx'),
    code: `import { auth } from '@clerk/nextjs/server'
export default async function Page() {
  async function remove(id: string) {
    'use server'
    await auth.protect()
    await db.x.delete({ where: { id } })
  }
  return <form action={remove} />
}`,
  },
  {
    name: 'a non-auth wrapper whose callback checks',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export const f = withLogging(async () => {
  await auth.protect()
  await db.x.delete()
})`,
  },
  {
    name: 'guard inside try, and a check-then-else structure',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  try {
    const { userId } = await auth()
    if (!userId) {
      throw new Error('Unauthorized')
    } else {
      await db.x.delete()
    }
  } catch (error) {
    return { error: String(error) }
  }
}`,
  },
  {
    name: 'type-only exports and non-function exports are ignored',
    filename: actions,
    code: `'use server'
export type State = { error?: string }
export interface Props { id: string }`,
  },
  {
    name: 'guard in both branches of an if',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f(fast: boolean) {
  if (fast) {
    await auth.protect()
  } else {
    const { userId } = await auth()
    if (!userId) throw new Error('no')
  }
  await db.x.delete()
}`,
  },
  {
    name: 'an awaited async role helper that returns a comparison of session claims',
    filename: actions,
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
const checkRole = async (role: string) => {
  const { sessionClaims } = await auth()
  return sessionClaims?.metadata?.role === role
}
export async function removeRole(formData: FormData) {
  if (!(await checkRole('admin'))) {
    return { message: 'Not Authorized' }
  }
  await clerk.users.updateUserMetadata(String(formData.get('id')), { publicMetadata: { role: null } })
}`,
  },
];
