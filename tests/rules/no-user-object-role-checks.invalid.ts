import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/no-user-object-role-checks.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "a decision through a variable: const isAdmin = user?.unsafeMetadata.role === 'admin'; if (!isAdmin) redirect('/')",
    filename: fixture("app/admin/page.tsx"),
    code: `import { currentUser } from '@clerk/nextjs/server'
import { redirect } from 'next/navigation'
export default async function AdminPage() {
  const user = await currentUser()
  const isAdmin = user?.unsafeMetadata.role === 'admin'
  if (!isAdmin) redirect('/')
  return <main />
}
`,
    output: null,
    errors: [{ messageId: 'unsafeMetadataDecision', line: 5, suggestions: [] }],
  },
  {
    name: "no repair where a missing claim would let the caller through: a deny-list test, a sync helper, a user the caller names",
    filename: fixture("app/actions.ts"),
    options: [{ serverPublicMetadata: 'all' }],
    code: `'use server'
import { currentUser, clerkClient } from '@clerk/nextjs/server'
export async function post(text: string) {
  const user = await currentUser()
  if (user?.publicMetadata.role === 'banned') throw new Error('Banned')
  await db.post.create({ data: { text } })
}
export async function promote(id: string) {
  const target = await (await clerkClient()).users.getUser(id)
  if (target.publicMetadata.role !== 'admin') throw new Error('Not an admin')
  await db.audit.create({ data: { id } })
}
function isAdmin(user: Awaited<ReturnType<typeof currentUser>>) {
  return user?.publicMetadata.role === 'admin'
}
`,
    output: null,
    errors: [
      { messageId: 'userObjectRole', line: 5, suggestions: [] },
      { messageId: 'userObjectRole', line: 10, suggestions: [] },
    ],
  },
  {
    name: "serverPublicMetadata: 'mutations': publicMetadata.role of currentUser() guards a delete; the suggestion reads the role claim from the session token",
    filename: fixture("app/actions.ts"),
    options: [{ serverPublicMetadata: 'mutations' }],
    code: `'use server'
import { auth, currentUser } from '@clerk/nextjs/server'

export async function deleteProject(id: string) {
  const { has } = await auth()
  const user = await currentUser()
  if (user?.publicMetadata.role !== 'admin') throw new Error('Forbidden')
  await db.project.delete({ where: { id } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'userObjectRole',
        line: 7,
        column: 7,
        suggestions: [
          { messageId: 'useSessionClaims', output: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function deleteProject(id: string) {
  const { has, sessionClaims } = await auth()
  if ((sessionClaims?.metadata as UserPublicMetadata | undefined)?.role !== 'admin') throw new Error('Forbidden')
  await db.project.delete({ where: { id } })
}
` },
        ],
      },
    ],
  },
  {
    name: "unsafeMetadata in any decision",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { currentUser } from '@clerk/nextjs/server'
export async function purge() {
  const user = await currentUser()
  if (user?.unsafeMetadata.isAdmin) await db.everything.deleteMany()
}
`,
    output: null,
    errors: [
      {
        messageId: 'unsafeMetadataDecision',
        line: 5,
        column: 7,
        suggestions: [{ messageId: 'useSessionClaims', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function purge() {
  const { sessionClaims } = await auth()
  if ((sessionClaims?.metadata as UserPublicMetadata | undefined)?.isAdmin) await db.everything.deleteMany()
}
` }],
      },
    ],
  },
  {
    name: "a role from a user object the caller sent",
    filename: fixture("app/api/ban/route.ts"),
    code: `import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  await auth.protect()
  const { user, id } = await req.json()
  if (user.isAdmin) await db.user.update({ where: { id }, data: { banned: true } })
  return new Response(null, { status: 204 })
}
`,
    output: null,
    errors: [
      {
        messageId: 'requestUserRole',
        line: 5,
        column: 7,
        suggestions: [],
      },
    ],
  },
  {
    name: "serverPublicMetadata: 'mutations': getUser() result and a User-typed parameter, with a role helper",
    filename: fixture("app/actions.ts"),
    options: [{ serverPublicMetadata: 'mutations' }],
    code: `'use server'
import { clerkClient, type User } from '@clerk/nextjs/server'
function isAdmin(user: User) {
  return user.publicMetadata.role === 'admin'
}
export async function promote(id: string) {
  const target = await (await clerkClient()).users.getUser(id)
  if (target.publicMetadata.roles) await db.audit.create({ data: { id } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'userObjectRole',
        line: 8,
        column: 7,
        suggestions: [],
      },
    ],
  },
  {
    name: "strict (checkClientGates): a browser-side role decision that sends a privileged request",
    filename: fixture("app/components/admin-tools.tsx"),
    options: [{ checkClientGates: true }],
    code: `'use client'
import { useUser } from '@clerk/nextjs'
import axios from 'axios'
export function BanButton({ id }: { id: string }) {
  const { user } = useUser()
  const ban = async () => {
    if (user?.publicMetadata.role === 'admin') await fetch('/api/ban', { method: 'POST', body: id })
  }
  return user?.publicMetadata.role === 'admin' ? <button onClick={() => axios.delete(\`/api/users/\${id}\`)}>Delete</button> : null
}
`,
    output: null,
    errors: [
      { messageId: 'clientOnlyGate', line: 7, column: 9, suggestions: [] },
      { messageId: 'clientOnlyGate', line: 9, column: 10, suggestions: [] },
    ],
  },
  {
    name: "serverPublicMetadata: 'all': every server read that decides",
    filename: fixture("app/page.tsx"),
    options: [{ serverPublicMetadata: 'all' }],
    code: `import { currentUser } from '@clerk/nextjs/server'
export default async function Page() {
  const user = await currentUser()
  return <p>{user?.publicMetadata.role === 'admin' ? 'Admin' : 'Member'}</p>
}
`,
    output: null,
    errors: [{ messageId: 'userObjectRole', line: 4, column: 14, suggestions: [{ messageId: 'useSessionClaims', output: `import { auth } from '@clerk/nextjs/server'
export default async function Page() {
  const { sessionClaims } = await auth()
  return <p>{(sessionClaims?.metadata as UserPublicMetadata | undefined)?.role === 'admin' ? 'Admin' : 'Member'}</p>
}
` }] }],
  },
  {
    name: "strict (checkClientGates): a browser-side role decision before calling a Server Action",
    filename: fixture("app/components/ban.tsx"),
    options: [{ checkClientGates: true }],
    code: `'use client'
import { useUser } from '@clerk/nextjs'
import { banUser } from '../admin/ban-actions'
import { formatName } from '../admin/format'
export function Ban({ id }: { id: string }) {
  const { user } = useUser()
  const onBan = () => {
    if (user?.publicMetadata.role === 'admin') banUser(id)
    if (user?.publicMetadata.role === 'editor') formatName(id)
  }
  return <button onClick={onBan}>Ban</button>
}
`,
    output: null,
    errors: [{ messageId: 'clientOnlyGate', line: 8, column: 9, suggestions: [] }],
  },
  {
    name: "unsafeMetadata: a role-like field decides even when it only renders; any field deciding server-side control flow",
    filename: fixture("app/components/admin-link.tsx"),
    code: `import { currentUser } from '@clerk/nextjs/server'
import { redirect } from 'next/navigation'
export default async function Page() {
  const user = await currentUser()
  if (!user?.unsafeMetadata.onboarded) redirect('/onboarding')
  return <nav>{user?.unsafeMetadata.isAdmin && <a href="/admin">Admin</a>}</nav>
}
`,
    output: null,
    errors: [
      { messageId: 'unsafeMetadataDecision', line: 5, column: 8, suggestions: [{ messageId: 'useSessionClaims', output: `import { currentUser, auth } from '@clerk/nextjs/server'
import { redirect } from 'next/navigation'
export default async function Page() {
  const { sessionClaims } = await auth()
  const user = await currentUser()
  if (!(sessionClaims?.metadata as UserPublicMetadata | undefined)?.onboarded) redirect('/onboarding')
  return <nav>{user?.unsafeMetadata.isAdmin && <a href="/admin">Admin</a>}</nav>
}
` }] },
      { messageId: 'unsafeMetadataDecision', line: 6, column: 16, suggestions: [] },
    ],
  },

];
