import rule from '../../src/rules/no-user-object-role-checks.js';
import { fixture, ruleTester } from '../rule-tester.js';
import { invalid } from './no-user-object-role-checks.invalid.js';

const actions = fixture('app/actions.ts');

ruleTester.run('no-user-object-role-checks', rule, {
  valid: [
    {
      name: 'through a variable: a display choice from unsafeMetadata, and a publicMetadata role (trusted by default)',
      filename: fixture('app/admin/page.tsx'),
      code: `import { currentUser } from '@clerk/nextjs/server'
import { redirect } from 'next/navigation'
export default async function AdminPage() {
  const user = await currentUser()
  const theme = user?.unsafeMetadata.theme
  const isAdmin = user?.publicMetadata.role === 'admin'
  if (!isAdmin) redirect('/')
  return <main className={theme === 'dark' ? 'dark' : ''} />
}`,
    },
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
      name: 'by default, a role read off a fresh backend user (only the backend writes publicMetadata): fastcart authSeller',
      filename: fixture('lib/authSeller.ts'),
      code: `import { clerkClient } from '@clerk/nextjs/server'
const authSeller = async (userId: string) => {
  try {
    const client = await clerkClient()
    const user = await client.users.getUser(userId)
    if (user.publicMetadata.role === 'seller') return true
    return false
  } catch (error) {
    return false
  }
}
export default authSeller`,
    },
    {
      name: 'by default, Express middleware deciding on the backend user (lms protectEducator)',
      filename: fixture('server/middlewares/auth.ts'),
      code: `import { clerkClient } from '@clerk/express'
export const protectEducator = async (req, res, next) => {
  const response = await clerkClient.users.getUser(req.auth.userId)
  if (response.publicMetadata.role !== 'educator') return res.json({ success: false, message: 'Unauthorized Access' })
  await db.audit.create({ data: { userId: req.auth.userId } })
  next()
}`,
    },
    {
      name: 'by default, currentUser() role guarding a delete',
      filename: actions,
      code: `'use server'
import { currentUser } from '@clerk/nextjs/server'
export async function deleteProject(id: string) {
  const user = await currentUser()
  if (user?.publicMetadata.role !== 'admin') throw new Error('Forbidden')
  await db.project.delete({ where: { id } })
}`,
    },
    {
      name: 'checkClientGates: UI flags and links from the browser user are not decisions on requests (lms, fastcart AppContext)',
      filename: fixture('app/context/app-context.tsx'),
      options: [{ checkClientGates: true }],
      code: `'use client'
import { useUser } from '@clerk/nextjs'
import { useState } from 'react'
export function useApp() {
  const { user } = useUser()
  const [isSeller, setIsSeller] = useState(false)
  const fetchUserData = async () => {
    if (user?.publicMetadata.role === 'seller') setIsSeller(true)
    const { data } = await fetch('/api/user/data').then((r) => r.json())
    return data
  }
  const link = user?.publicMetadata.role === 'admin' && <a href="/admin">Admin</a>
  return { isSeller, fetchUserData, link }
}`,
    },
    {
      name: 'checkClientGates: a GET fetch behind the gate',
      filename: fixture('app/components/stats.tsx'),
      options: [{ checkClientGates: true }],
      code: `'use client'
import { useUser } from '@clerk/nextjs'
export function Stats() {
  const { user } = useUser()
  const load = () => { if (user?.publicMetadata.role === 'admin') return fetch('/api/stats', { method: 'GET' }) }
  return <button onClick={load}>Stats</button>
}`,
    },
    {
      name: 'metadata shown, not decided on: onboarding flags and themes choosing what to render, text, src',
      filename: fixture('app/components/welcome.tsx'),
      code: `'use client'
import { useUser } from '@clerk/nextjs'
export function Welcome() {
  const { user } = useUser()
  return (
    <div className={user?.unsafeMetadata.theme === 'dark' ? 'bg-black' : 'bg-white'}>
      {!user?.unsafeMetadata.onboarded && <a href="/onboarding">Finish setting up</a>}
      {user?.unsafeMetadata.bio ? <p>{String(user.unsafeMetadata.bio)}</p> : null}
      <img src={String(user?.unsafeMetadata.avatar)} alt="" />
      <p>{String(user?.publicMetadata.role)}</p>
    </div>
  )
}`,
    },
    {
      name: 'a server component choosing a banner from unsafeMetadata',
      filename: fixture('app/dashboard/page.tsx'),
      code: `import { currentUser } from '@clerk/nextjs/server'
export default async function Page() {
  const user = await currentUser()
  return <main>{user?.unsafeMetadata.newsletter ? <span>Subscribed</span> : <a href="/subscribe">Subscribe</a>}</main>
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
