import rule from '../../src/rules/require-await-auth.js';
import { fixture, ruleTester } from '../rule-tester.js';
import { invalid } from './require-await-auth.invalid.js';

const file = fixture('app/api/x/route.ts');

ruleTester.run('require-await-auth', rule, {
  valid: [
    {
      name: 'awaited, returned, chained and combined calls',
      filename: file,
      code: `import { auth, currentUser, clerkClient } from '@clerk/nextjs/server'
export async function a() {
  const { userId } = await auth()
  const user = await currentUser()
  const client = await clerkClient()
  const [session, me] = await Promise.all([auth(), currentUser()])
  auth().then((s) => s.userId)
  const pending = auth()
  const later = await pending
  await auth.protect()
  return currentUser()
}
export const b = () => auth()
void auth.protect()`,
    },
    {
      name: 'v5 project: auth() is synchronous, and await on it is harmless',
      filename: fixture('app/api/x/route.ts', 5),
      code: `import { auth, clerkClient } from '@clerk/nextjs/server'
export function a() {
  const { userId } = auth()
  auth().protect()
  return clerkClient.users.getUserList()
}
export async function b() { const { userId } = await auth() }`,
    },
    {
      name: 'settings.clerk.version 5 wins over detection',
      filename: file,
      settings: { clerk: { version: 5 } },
      code: `import { auth } from '@clerk/nextjs/server'
export function a() { return auth().userId }`,
    },
    {
      name: 'synchronous APIs: getAuth in pages API and Express',
      filename: fixture('pages/api/x.ts'),
      code: `import { getAuth } from '@clerk/nextjs/server'
import { getAuth as expressAuth } from '@clerk/express'
export default function handler(req, res) {
  const { userId } = getAuth(req)
  const other = expressAuth(req).userId
}`,
    },
    {
      name: 'look-alikes: a local auth function, and another package',
      filename: file,
      code: `import { auth as nextAuth } from '@/auth'
async function auth() { return { userId: 'x' } }
export function a() { const s = nextAuth(); return s.user }`,
    },
    {
      name: 'async helpers awaited in conditions, and helpers that do not call Clerk',
      filename: file,
      code: `import { auth } from '@clerk/nextjs/server'
const checkRole = async (role: string) => (await auth()).sessionClaims?.metadata?.role === role
const isFeatureOn = async () => true
export async function a() {
  if (!(await checkRole('admin'))) return
  if (!isFeatureOn()) return
  return checkRole('admin')
}`,
    },
    {
      name: 'clerkClient() called, and middleware that awaits',
      filename: fixture('middleware.ts'),
      code: `import { clerkClient, clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware(async (auth, req) => {
  const { userId } = await auth()
  if (req.nextUrl.pathname.startsWith('/admin')) await auth.protect()
  const client = await clerkClient()
})`,
    },
    {
      name: 'passing a promise to another function is not judged',
      filename: file,
      code: `import { currentUser } from '@clerk/nextjs/server'
export function Page() { const user = use(currentUser()); return cache(currentUser) }`,
    },
    {
      name: 'an imported sync helper in a condition',
      filename: fixture('app/admin/page.tsx'),
      code: `import { isAdminEmail } from '@/lib/roles'
export default function Page({ email }: { email: string }) {
  if (!isAdminEmail(email)) return null
  return <p>admin</p>
}`,
    },
    {
      name: 'an imported async helper, awaited',
      filename: fixture('app/admin/page.tsx'),
      code: `import { redirect } from 'next/navigation'
import { checkRole } from '@/lib/roles'
export default async function Page() {
  if (!(await checkRole('admin'))) redirect('/')
  return <p>admin</p>
}`,
    },
    {
      name: 'a helper reaching Clerk through another project module, awaited',
      filename: fixture('app/admin/actions.ts'),
      code: `import { isAdmin, isStaff } from '@/lib/chain/roles'
export async function f() {
  if (!(await isAdmin())) throw new Error('Forbidden')
  if (!(await isStaff())) throw new Error('Forbidden')
}`,
    },
    {
      name: 'a sync helper in a condition, even when the functions it calls reach Clerk',
      filename: file,
      code: `import { auth } from '@clerk/nextjs/server'
async function getSession() { return auth() }
function hasSessionHelper() { void getSession(); return true }
export async function f() { if (!hasSessionHelper()) return null }`,
    },
    {
      name: 'async helper chains that never reach Clerk, in this file and across modules',
      filename: fixture('app/admin/actions.ts'),
      code: `import { auth } from '@clerk/nextjs/server'
import { isBetaEnabled } from '@/lib/chain/roles'
async function loadFlag() { return true }
async function isFeatureOn() { return loadFlag() }
export async function f() {
  const { userId } = await auth()
  if (!isBetaEnabled()) return null
  if (!isFeatureOn()) return null
  return userId
}`,
    },
    {
      name: 'chains longer than two calls beyond the helper are not followed (documented bound)',
      filename: fixture('app/admin/actions.ts'),
      code: `import { auth } from '@clerk/nextjs/server'
import { hasBetaAccess } from '@/lib/chain/roles'
async function a() { return auth() }
async function b() { return a() }
async function c() { return b() }
async function helper() { return c() }
export async function f() {
  if (!hasBetaAccess()) return null
  if (!helper()) return null
}`,
    },
    {
      name: 'mutually recursive async helpers that never reach Clerk',
      filename: file,
      code: `import { auth } from '@clerk/nextjs/server'
async function ping(n: number): Promise<boolean> { return n > 0 && pong(n - 1) }
async function pong(n: number): Promise<boolean> { return ping(n) }
export async function f() { await auth(); if (!ping(3)) return null }`,
    },
  ],
  invalid: [
    ...invalid,
    {
      name: "Clerk's RBAC guide without await: the helper is imported and the file has no Clerk import",
      filename: fixture('app/admin/page.tsx'),
      code: `import { redirect } from 'next/navigation'
import { checkRole } from '@/lib/roles'
export default async function AdminDashboard() {
  if (!checkRole('admin')) redirect('/')
  return <p>admin</p>
}`,
      output: `import { redirect } from 'next/navigation'
import { checkRole } from '@/lib/roles'
export default async function AdminDashboard() {
  if (!await checkRole('admin')) redirect('/')
  return <p>admin</p>
}`,
      errors: [{ messageId: 'helperNotAwaited', data: { name: 'checkRole', text: "!checkRole('admin')" } }],
    },
    {
      name: 'the same helper reached through a barrel (export * from)',
      filename: fixture('app/admin/page.tsx'),
      code: `import { checkRole } from '@/lib/auth'
export default async function AdminDashboard() {
  if (!checkRole('admin')) return null
  return <p>admin</p>
}`,
      output: `import { checkRole } from '@/lib/auth'
export default async function AdminDashboard() {
  if (!await checkRole('admin')) return null
  return <p>admin</p>
}`,
      errors: [{ messageId: 'helperNotAwaited' }],
    },
    {
      name: 'an imported helper that reaches Clerk only through a helper in another project module',
      filename: fixture('app/admin/actions.ts'),
      code: `import { isAdmin } from '@/lib/chain/roles'
export async function f() { if (!isAdmin()) throw new Error('Forbidden') }`,
      output: `import { isAdmin } from '@/lib/chain/roles'
export async function f() { if (!await isAdmin()) throw new Error('Forbidden') }`,
      errors: [
        {
          messageId: 'helperNotAwaited',
          data: { name: 'isAdmin', text: '!isAdmin()' },
          line: 2,
          column: 34,
          suggestions: [],
        },
      ],
    },
    {
      name: 'two calls beyond the helper (same module, then an import), in a sync function: suggestion',
      filename: fixture('app/admin/actions.ts'),
      code: `import { isStaff } from '../../lib/chain/roles'
export function f() { return isStaff() ? 'staff' : 'guest' }`,
      output: null,
      errors: [
        {
          messageId: 'helperNotAwaited',
          data: { name: 'isStaff', text: 'isStaff()' },
          line: 2,
          column: 30,
          suggestions: [
            {
              messageId: 'addAwait',
              output: `import { isStaff } from '../../lib/chain/roles'
export async function f() { return await isStaff() ? 'staff' : 'guest' }`,
            },
          ],
        },
      ],
    },
    {
      name: 'a local async helper that calls another local async helper that calls auth()',
      filename: file,
      code: `import { auth } from '@clerk/nextjs/server'
async function getSession() { return auth() }
const isAdmin = async () => (await getSession()).sessionClaims?.metadata?.role === 'admin'
export async function f() {
  if (!isAdmin() || !getSession()) return null
}`,
      output: `import { auth } from '@clerk/nextjs/server'
async function getSession() { return auth() }
const isAdmin = async () => (await getSession()).sessionClaims?.metadata?.role === 'admin'
export async function f() {
  if (!await isAdmin() || !await getSession()) return null
}`,
      errors: [
        {
          messageId: 'helperNotAwaited',
          data: { name: 'isAdmin', text: '!isAdmin() || !getSession()' },
          line: 5,
          column: 8,
          suggestions: [],
        },
        {
          messageId: 'helperNotAwaited',
          data: { name: 'getSession', text: '!isAdmin() || !getSession()' },
          line: 5,
          column: 22,
          suggestions: [],
        },
      ],
    },
  ],
});
