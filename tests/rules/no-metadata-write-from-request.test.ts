import rule from '../../src/rules/no-metadata-write-from-request.js';
import { fixture, ruleTester } from '../rule-tester.js';
import { invalid } from './no-metadata-write-from-request.invalid.js';

const actions = fixture('app/actions.ts');

ruleTester.run('no-metadata-write-from-request', rule, {
  valid: [
    {
      name: 'a copy of server-side defaults (Object.fromEntries of a constant) is not the caller\'s data',
      filename: fixture('app/actions.ts'),
      code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'
const DEFAULTS = { theme: 'light', onboarded: false }
export async function resetPreferences() {
  const { userId } = await auth.protect()
  await (await clerkClient()).users.updateUserMetadata(userId, { publicMetadata: Object.fromEntries(Object.entries(DEFAULTS)) })
}
`,
    },
    {
      name: "Clerk's RBAC guide: setRole guarded by an awaited session-claims helper",
      filename: actions,
      code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'
const checkRole = async (role: string) => (await auth()).sessionClaims?.metadata?.role === role
export async function setRole(formData: FormData) {
  if (!(await checkRole('admin'))) return { message: 'Not Authorized' }
  const client = await clerkClient()
  await client.users.updateUserMetadata(formData.get('id') as string, { publicMetadata: { role: formData.get('role') } })
}`,
    },
    {
      name: "Clerk's RBAC guide: checkRole imported from the project's utils",
      filename: actions,
      code: `'use server'
import { clerkClient } from '@clerk/nextjs/server'
import { checkRole } from '@/lib/roles'
export async function setRole(formData: FormData) {
  if (!(await checkRole('admin'))) return { message: 'Not Authorized' }
  const client = await clerkClient()
  await client.users.updateUserMetadata(formData.get('id') as string, { publicMetadata: { role: formData.get('role') } })
}`,
    },
    {
      name: 'has() and auth.protect({ role }) before the write',
      filename: actions,
      code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'
export async function a(id: string, role: string) {
  const { has } = await auth()
  if (!has({ role: 'org:admin' })) throw new Error('Forbidden')
  await (await clerkClient()).users.updateUserMetadata(id, { publicMetadata: { role } })
}
export async function b(id: string, role: string) {
  await auth.protect({ permission: 'org:users:manage' })
  await (await clerkClient()).users.updateUserMetadata(id, { privateMetadata: { role } })
}`,
    },
    {
      name: 'the caller writes their own unsafe metadata, or server-chosen public metadata',
      filename: actions,
      code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'
export async function saveTheme(theme: string) {
  const { userId } = await auth.protect()
  await (await clerkClient()).users.updateUserMetadata(userId, { unsafeMetadata: { theme } })
}
export async function completeOnboarding() {
  const { userId } = await auth.protect()
  await (await clerkClient()).users.updateUserMetadata(userId, { publicMetadata: { onboardingComplete: true } })
}`,
    },
    {
      name: 'a configured authorisation function, and code outside entry points',
      filename: actions,
      settings: { clerk: { authFunctions: ['requireAdmin'] } },
      code: `'use server'
import { clerkClient } from '@clerk/nextjs/server'
export async function promote(id: string) {
  await requireAdmin()
  await (await clerkClient()).users.updateUserMetadata(id, { publicMetadata: { role: 'admin' } })
}
async function internal(id: string, meta: object) {
  await (await clerkClient()).users.updateUserMetadata(id, { publicMetadata: meta })
}`,
    },
    {
      name: 'a look-alike users API that is not Clerk',
      filename: actions,
      code: `'use server'
import { db } from '@/db'
export async function update(id: string, data: object) {
  await db.users.updateUser(id, { publicMetadata: data })
}`,
    },
  ],
  invalid,
});
