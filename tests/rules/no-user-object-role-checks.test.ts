import rule from '../../src/rules/no-user-object-role-checks.js';
import { fixture, ruleTester } from '../rule-tester.js';
import { invalid } from './no-user-object-role-checks.invalid.js';

const actions = fixture('app/actions.ts');

ruleTester.run('no-user-object-role-checks', rule, {
  valid: [
    {
      name: "Clerk's documented checks: sessionClaims, orgRole, has(), auth.protect({ role })",
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function a(id: string) {
  const { sessionClaims, orgRole, has } = await auth()
  if (sessionClaims?.metadata?.role !== 'admin') throw new Error('Forbidden')
  if (orgRole !== 'org:admin') throw new Error('Forbidden')
  if (!has({ role: 'org:admin' })) throw new Error('Forbidden')
  await auth.protect({ role: 'org:admin' })
  await db.project.delete({ where: { id } })
}`,
    },
    {
      name: "roles from the app's own database",
      filename: actions,
      code: `'use server'
export async function a(id: string) {
  const member = await db.member.findFirst({ where: { id } })
  if (member?.role === 'ADMIN') await db.project.delete({ where: { id } })
}`,
    },
    {
      name: 'a display-only read of a Clerk user role (no mutation guarded)',
      filename: fixture('app/page.tsx'),
      code: `import { currentUser } from '@clerk/nextjs/server'
export default async function Page() {
  const user = await currentUser()
  return <p>{user?.publicMetadata.role === 'admin' ? 'Admin' : 'Member'}</p>
}`,
    },
    {
      name: 'client gates are only reported with checkClientGates (strict)',
      filename: fixture('app/components/nav.tsx'),
      code: `'use client'
import { useUser } from '@clerk/nextjs'
export function Nav() {
  const { user } = useUser()
  return <nav>{user?.publicMetadata.role === 'admin' && <a href="/admin">Admin</a>}</nav>
}`,
    },
    {
      name: "serverPublicMetadata: 'allow'",
      filename: actions,
      options: [{ serverPublicMetadata: 'allow' }],
      code: `'use server'
import { currentUser } from '@clerk/nextjs/server'
export async function a() {
  const user = await currentUser()
  if (user?.publicMetadata.isAdmin) await db.x.delete()
}`,
    },
    {
      name: 'a non-Clerk User type in a library function (not an entry point)',
      filename: fixture('lib/projects.ts'),
      code: `import type { User } from '@/types'
export async function removeProject(id: string, actor: User) {
  if (actor.isAdmin) await db.x.delete({ where: { id } })
}`,
    },
  ],
  invalid,
});
