import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/require-server-action-auth.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "session read inside a try whose catch carries on: the check would be swallowed, so a whole guard goes first",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function archive(id: string) {
  try {
    const { userId } = await auth()
    await db.invoice.update({ where: { id, userId }, data: { archived: true } })
  } catch (error) {
    console.error(error)
  }
  await db.auditLog.create({ data: { action: 'archive', id } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'uncheckedAuth',
        suggestions: [
          { messageId: 'addAuthGuard', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function archive(id: string) {
  const { userId: clerkUserId } = await auth()
  if (!clerkUserId) throw new Error('Unauthorized')
  try {
    const { userId } = await auth()
    await db.invoice.update({ where: { id, userId }, data: { archived: true } })
  } catch (error) {
    console.error(error)
  }
  await db.auditLog.create({ data: { action: 'archive', id } })
}
` },
        ],
      },
    ],
  },
  {
    name: "session read inside a try that ends the action: a throwing check there still stops the work",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function archive(id: string) {
  try {
    const { userId } = await auth()
    await db.invoice.update({ where: { id, userId }, data: { archived: true } })
  } catch (error) {
    return { error: 'Could not archive' }
  }
}
`,
    output: null,
    errors: [
      {
        messageId: 'uncheckedAuth',
        suggestions: [
          { messageId: 'addAuthCheck', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function archive(id: string) {
  try {
    const { userId } = await auth()
    if (!userId) throw new Error('Unauthorized')
    await db.invoice.update({ where: { id, userId }, data: { archived: true } })
  } catch (error) {
    return { error: 'Could not archive' }
  }
}
` },
        ],
      },
    ],
  },
  {
    name: "no authentication: adds the import to an existing Clerk import and the guard",
    filename: fixture("app/actions.ts"),
    code: `'use server'

import { currentUser } from '@clerk/nextjs/server'
import { db } from '@/db'

export async function deleteInvoice(id: string) {
  await db.invoice.delete({ where: { id } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 6,
        column: 23,
        suggestions: [
          { messageId: 'addAuthGuard', output: `'use server'

import { currentUser, auth } from '@clerk/nextjs/server'
import { db } from '@/db'

export async function deleteInvoice(id: string) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.invoice.delete({ where: { id } })
}
` },
        ],
      },
    ],
  },
  {
    name: "no Clerk import yet: adds one after the last import, in the file style (semicolons, double quotes)",
    filename: fixture("app/actions.ts"),
    code: `"use server";

import { db } from "@/db";

export async function deleteInvoice(id: string) {
  await db.invoice.delete({ where: { id } });
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 5,
        column: 23,
        suggestions: [
          { messageId: 'addAuthGuard', output: `"use server";

import { db } from "@/db";
import { auth } from "@clerk/nextjs/server";

export async function deleteInvoice(id: string) {
  const { userId } = await auth();
  if (!userId) throw new Error("Unauthorized");
  await db.invoice.delete({ where: { id } });
}
` },
        ],
      },
    ],
  },
  {
    name: "renamed import is reused, and a clashing userId parameter gets another name",
    filename: fixture("app/actions.ts"),
    code: `'use server';
import { auth as clerkAuth } from '@clerk/nextjs/server';

export async function remove(userId: string) {
  await db.x.delete({ where: { userId } });
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 4,
        column: 23,
        suggestions: [
          { messageId: 'addAuthGuard', output: `'use server';
import { auth as clerkAuth } from '@clerk/nextjs/server';

export async function remove(userId: string) {
  const { userId: clerkUserId } = await clerkAuth();
  if (!clerkUserId) throw new Error('Unauthorized');
  await db.x.delete({ where: { userId } });
}
` },
        ],
      },
    ],
  },
  {
    name: "namespace import is reused",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import * as clerk from '@clerk/nextjs/server'
export async function remove() {
  await db.x.deleteMany()
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 3,
        column: 23,
        suggestions: [
          { messageId: 'addAuthGuard', output: `'use server'
import * as clerk from '@clerk/nextjs/server'
export async function remove() {
  const { userId } = await clerk.auth()
  if (!userId) throw new Error('Unauthorized')
  await db.x.deleteMany()
}
` },
        ],
      },
    ],
  },
  {
    name: "v5: the guard uses synchronous auth()",
    filename: fixture("app/actions.ts", 5),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function remove() {
  await db.x.deleteMany()
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 3,
        column: 23,
        suggestions: [
          { messageId: 'addAuthGuard', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function remove() {
  const { userId } = auth()
  if (!userId) throw new Error('Unauthorized')
  await db.x.deleteMany()
}
` },
        ],
      },
    ],
  },
  {
    name: "settings.clerk.version overrides detection",
    filename: fixture("app/actions.ts"),
    settings: {"clerk":{"version":5}},
    code: `'use server'
export async function remove() {
  await db.x.deleteMany()
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 2,
        column: 23,
        suggestions: [
          { messageId: 'addAuthGuard', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function remove() {
  const { userId } = auth()
  if (!userId) throw new Error('Unauthorized')
  await db.x.deleteMany()
}
` },
        ],
      },
    ],
  },
  {
    name: "export list, one-line body, and a non-auth wrapper with an expression-bodied arrow",
    filename: fixture("app/actions.ts"),
    code: `'use server'
async function a() { await db.x.delete() }
export { a as removeAll }
export const f = withLogging(async () => db.y.delete())
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 3,
        column: 10,
        suggestions: [
          { messageId: 'addAuthGuard', output: `'use server'
import { auth } from '@clerk/nextjs/server'
async function a() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.x.delete()
}
export { a as removeAll }
export const f = withLogging(async () => db.y.delete())
` },
        ],
      },
      {
        messageId: 'missingAuth',
        line: 4,
        column: 14,
        suggestions: [
          { messageId: 'addAuthGuard', output: `'use server'
import { auth } from '@clerk/nextjs/server'
async function a() { await db.x.delete() }
export { a as removeAll }
export const f = withLogging(async () => {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  return db.y.delete()
})
` },
        ],
      },
    ],
  },
  {
    name: "default export",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export default async function (formData: FormData) {
  await db.thing.create({ data: { name: formData.get('name') } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 3,
        column: 8,
        suggestions: [
          { messageId: 'addAuthGuard', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export default async function (formData: FormData) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.thing.create({ data: { name: formData.get('name') } })
}
` },
        ],
      },
    ],
  },
  {
    name: "inline server actions in a server component",
    filename: fixture("app/page.tsx"),
    code: `import { auth } from '@clerk/nextjs/server'
export default async function Page() {
  async function remove(id: string) {
    'use server'
    await db.x.delete({ where: { id } })
  }
  return <form action={remove} />
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 3,
        column: 18,
        suggestions: [
          { messageId: 'addAuthGuard', output: `import { auth } from '@clerk/nextjs/server'
export default async function Page() {
  async function remove(id: string) {
    'use server'
    const { userId } = await auth()
    if (!userId) throw new Error('Unauthorized')
    await db.x.delete({ where: { id } })
  }
  return <form action={remove} />
}
` },
        ],
      },
    ],
  },
  {
    name: "auth fetched but never checked (destructured, object, and missing userId)",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  await db.x.delete({ where: { userId } })
}
export async function g() {
  const session = await auth()
  await db.x.delete({ where: { userId: session.userId } })
}
export async function h() {
  const { orgId } = await auth()
  await db.x.delete({ where: { orgId } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'uncheckedAuth',
        line: 3,
        column: 23,
        suggestions: [
          { messageId: 'addAuthCheck', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.x.delete({ where: { userId } })
}
export async function g() {
  const session = await auth()
  await db.x.delete({ where: { userId: session.userId } })
}
export async function h() {
  const { orgId } = await auth()
  await db.x.delete({ where: { orgId } })
}
` },
        ],
      },
      {
        messageId: 'uncheckedAuth',
        line: 7,
        column: 23,
        suggestions: [
          { messageId: 'addAuthCheck', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  await db.x.delete({ where: { userId } })
}
export async function g() {
  const session = await auth()
  if (!session.userId) throw new Error('Unauthorized')
  await db.x.delete({ where: { userId: session.userId } })
}
export async function h() {
  const { orgId } = await auth()
  await db.x.delete({ where: { orgId } })
}
` },
        ],
      },
      {
        messageId: 'uncheckedAuth',
        line: 11,
        column: 23,
        suggestions: [
          { messageId: 'addAuthCheck', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  await db.x.delete({ where: { userId } })
}
export async function g() {
  const session = await auth()
  await db.x.delete({ where: { userId: session.userId } })
}
export async function h() {
  const { orgId, userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.x.delete({ where: { orgId } })
}
` },
        ],
      },
    ],
  },
  {
    name: "a guard that does not exit is no check",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth, currentUser } from '@clerk/nextjs/server'
export async function f() {
  const user = await currentUser()
  if (!user) console.warn('anonymous')
  await db.x.update({ data: { name: 'x' } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'uncheckedAuth',
        line: 3,
        column: 23,
        suggestions: [
          { messageId: 'addAuthCheck', output: `'use server'
import { auth, currentUser } from '@clerk/nextjs/server'
export async function f() {
  const user = await currentUser()
  if (!user) throw new Error('Unauthorized')
  if (!user) console.warn('anonymous')
  await db.x.update({ data: { name: 'x' } })
}
` },
        ],
      },
    ],
  },
  {
    name: "the check comes after a write",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f(id: string) {
  await db.x.delete({ where: { id } })
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
}
`,
    output: null,
    errors: [
      {
        messageId: 'authAfterWork',
        line: 3,
        column: 23,
        suggestions: [
          { messageId: 'moveAuthGuard', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f(id: string) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.x.delete({ where: { id } })
}
` },
        ],
      },
    ],
  },
  {
    name: "=== null as the only guard while machine tokens are accepted",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function g() {
  const { userId } = await auth({ acceptsToken: 'any' })
  if (userId === null) throw new Error('Unauthorized')
  await db.x.delete()
}
export async function h() {
  const session = await auth({ acceptsToken: ['session_token', 'api_key'] })
  if (session.userId === null || session.userId === undefined) return { error: 'no' }
  await db.x.delete()
}
`,
    output: null,
    errors: [
      {
        messageId: 'nullCheckWithMachineTokens',
        line: 5,
        column: 7,
        suggestions: [
          { messageId: 'useIsAuthenticated', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function g() {
  const { userId, isAuthenticated } = await auth({ acceptsToken: 'any' })
  if (!isAuthenticated) throw new Error('Unauthorized')
  await db.x.delete()
}
export async function h() {
  const session = await auth({ acceptsToken: ['session_token', 'api_key'] })
  if (session.userId === null || session.userId === undefined) return { error: 'no' }
  await db.x.delete()
}
` },
        ],
      },
      {
        messageId: 'nullCheckWithMachineTokens',
        line: 10,
        column: 7,
        suggestions: [
          { messageId: 'useIsAuthenticated', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function g() {
  const { userId } = await auth({ acceptsToken: 'any' })
  if (userId === null) throw new Error('Unauthorized')
  await db.x.delete()
}
export async function h() {
  const session = await auth({ acceptsToken: ['session_token', 'api_key'] })
  if (!session.isAuthenticated || session.userId === undefined) return { error: 'no' }
  await db.x.delete()
}
` },
        ],
      },
    ],
  },
  {
    name: "an un-awaited async role helper in a condition never fires (Clerk docs checkRole bug)",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
const checkRole = async (role: string) => {
  const { sessionClaims } = await auth()
  return sessionClaims?.metadata.role === role
}
export async function setRole(formData: FormData) {
  if (!checkRole('admin')) {
    return { message: 'Not Authorized' }
  }
  await clerk.users.updateUserMetadata(formData.get('id'), { publicMetadata: { role: formData.get('role') } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 7,
        column: 23,
        suggestions: [
          { messageId: 'addAuthGuard', output: `'use server'
import { auth } from '@clerk/nextjs/server'
const checkRole = async (role: string) => {
  const { sessionClaims } = await auth()
  return sessionClaims?.metadata.role === role
}
export async function setRole(formData: FormData) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (!checkRole('admin')) {
    return { message: 'Not Authorized' }
  }
  await clerk.users.updateUserMetadata(formData.get('id'), { publicMetadata: { role: formData.get('role') } })
}
` },
        ],
      },
    ],
  },
  {
    name: "a local function named auth is not Clerk",
    filename: fixture("app/actions.ts"),
    code: `'use server'
async function auth() { return { userId: 'x' } }
export async function f() {
  const { userId } = await auth()
  if (!userId) throw new Error('no')
  await db.x.delete()
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 3,
        column: 23,
        suggestions: [
          { messageId: 'addAuthGuard', output: `'use server'
import { auth as clerkAuth } from '@clerk/nextjs/server'
async function auth() { return { userId: 'x' } }
export async function f() {
  const { userId: clerkUserId } = await clerkAuth()
  if (!clerkUserId) throw new Error('Unauthorized')
  const { userId } = await auth()
  if (!userId) throw new Error('no')
  await db.x.delete()
}
` },
        ],
      },
    ],
  },
  {
    name: "a local function named redirect is not an exit",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
function redirect(path: string) { console.log(path) }
export async function h() {
  const { userId } = await auth()
  if (!userId) redirect('/sign-in')
  await db.x.delete()
}
`,
    output: null,
    errors: [
      {
        messageId: 'uncheckedAuth',
        line: 4,
        column: 23,
        suggestions: [
          { messageId: 'addAuthCheck', output: `'use server'
import { auth } from '@clerk/nextjs/server'
function redirect(path: string) { console.log(path) }
export async function h() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (!userId) redirect('/sign-in')
  await db.x.delete()
}
` },
        ],
      },
    ],
  },
  {
    name: "a wrapper not listed in authWrappers does not count",
    filename: fixture("app/actions.ts"),
    settings: {"clerk":{"authWrappers":["withAuth"]}},
    code: `'use server'
export const f = withLogging(async function remove() {
  await db.x.delete()
})
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 2,
        column: 14,
        suggestions: [
          { messageId: 'addAuthGuard', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export const f = withLogging(async function remove() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.x.delete()
})
` },
        ],
      },
    ],
  },
  {
    name: "autofix setting promotes the suggestion to a fix",
    filename: fixture("app/actions.ts"),
    settings: {"clerk":{"autofix":true}},
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export const remove = async () => {
  await db.x.deleteMany()
}
`,
    output: `'use server'
import { auth } from '@clerk/nextjs/server'
export const remove = async () => {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.x.deleteMany()
}
`,
    errors: [
      {
        messageId: 'missingAuth',
        line: 3,
        column: 14,
        suggestions: [
          { messageId: 'addAuthGuard', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export const remove = async () => {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.x.deleteMany()
}
` },
        ],
      },
    ],
  },
  {
    name: "sync exported function with an empty-ish body gets async and the guard",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export function remove() {
  db.x.deleteMany()
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 3,
        column: 17,
        suggestions: [
          { messageId: 'addAuthGuard', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function remove() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  db.x.deleteMany()
}
` },
        ],
      },
    ],
  },
];
