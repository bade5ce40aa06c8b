import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/no-user-object-role-checks.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "publicMetadata.role of currentUser() guards a delete; has() suggestion when has is in scope",
    filename: fixture("app/actions.ts"),
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
          { messageId: 'useHas', output: `'use server'
import { auth, currentUser } from '@clerk/nextjs/server'

export async function deleteProject(id: string) {
  const { has } = await auth()
  const user = await currentUser()
  if (!has({ role: 'org:admin' })) throw new Error('Forbidden')
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
        suggestions: [],
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
    name: "getUser() result and a User-typed parameter, with a role helper",
    filename: fixture("app/actions.ts"),
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
    name: "strict: client-side gates and every server read",
    filename: fixture("app/components/nav.tsx"),
    options: [{"checkClientGates":true,"serverPublicMetadata":"all"}],
    code: `'use client'
import { useUser } from '@clerk/nextjs'
export function Nav() {
  const { user } = useUser()
  return <nav>{user?.publicMetadata.role === 'admin' && <a href="/admin">Admin</a>}</nav>
}
`,
    output: null,
    errors: [
      {
        messageId: 'clientOnlyGate',
        line: 5,
        column: 16,
        suggestions: [],
      },
    ],
  },

];
