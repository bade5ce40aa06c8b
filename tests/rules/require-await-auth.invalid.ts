import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/require-await-auth.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "destructuring an un-awaited auth() in an async function: autofix",
    filename: fixture("app/api/x/route.ts"),
    code: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = auth()
  if (userId === null) return new Response('Unauthorized', { status: 401 })
  return Response.json({ userId })
}
`,
    output: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  if (userId === null) return new Response('Unauthorized', { status: 401 })
  return Response.json({ userId })
}
`,
    errors: [
      {
        messageId: 'missingAwait',
        line: 3,
        column: 22,
        suggestions: [],
      },
    ],
  },
  {
    name: "property read and currentUser, parenthesised",
    filename: fixture("app/api/x/route.ts", 6),
    code: `import { auth, currentUser } from '@clerk/nextjs/server'
export async function GET() {
  const id = auth().userId
  const email = currentUser().emailAddresses
  return Response.json({ id, email })
}
`,
    output: `import { auth, currentUser } from '@clerk/nextjs/server'
export async function GET() {
  const id = (await auth()).userId
  const email = (await currentUser()).emailAddresses
  return Response.json({ id, email })
}
`,
    errors: [
      {
        messageId: 'missingAwait',
        line: 3,
        column: 14,
        suggestions: [],
      },
      {
        messageId: 'missingAwait',
        line: 4,
        column: 17,
        suggestions: [],
      },
    ],
  },
  {
    name: "outside an async function: a suggestion that also adds async",
    filename: fixture("app/api/x/route.ts"),
    code: `import { auth } from '@clerk/nextjs/server'
export function GET() {
  const { isAuthenticated } = auth()
  if (isAuthenticated === false) return new Response(null, { status: 401 })
  return new Response('ok')
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAwait',
        line: 3,
        column: 31,
        suggestions: [
          { messageId: 'addAwait', output: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { isAuthenticated } = await auth()
  if (isAuthenticated === false) return new Response(null, { status: 401 })
  return new Response('ok')
}
` },
        ],
      },
    ],
  },
  {
    name: "floating auth.protect() and the v5 idioms",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'
export async function a() {
  auth.protect()
  auth().protect({ role: 'org:admin' })
  await auth().protect()
  const users = await clerkClient.users.getUserList()
}
`,
    output: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'
export async function a() {
  await auth.protect()
  await auth.protect({ role: 'org:admin' })
  await auth.protect()
  const users = await (await clerkClient()).users.getUserList()
}
`,
    errors: [
      {
        messageId: 'protectNotAwaited',
        line: 4,
        column: 3,
        suggestions: [],
      },
      {
        messageId: 'v5Protect',
        line: 5,
        column: 3,
        suggestions: [],
      },
      {
        messageId: 'v5Protect',
        line: 6,
        column: 9,
        suggestions: [],
      },
      {
        messageId: 'clerkClientNotCalled',
        line: 7,
        column: 23,
        suggestions: [],
      },
    ],
  },
  {
    name: "middleware handler auth parameter",
    filename: fixture("middleware.ts"),
    code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isProtected = createRouteMatcher(['/dashboard(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (isProtected(req)) auth.protect()
})
`,
    output: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isProtected = createRouteMatcher(['/dashboard(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (isProtected(req)) await auth.protect()
})
`,
    errors: [
      {
        messageId: 'protectNotAwaited',
        line: 4,
        column: 25,
        suggestions: [],
      },
    ],
  },
  {
    name: "an async role helper in a condition (Clerk docs checkRole bug)",
    filename: fixture("app/admin/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'
export const checkRole = async (role: string) => {
  const { sessionClaims } = await auth()
  return sessionClaims?.metadata?.role === role
}
export async function setRole(formData: FormData) {
  if (!checkRole('admin')) {
    return { message: 'Not Authorized' }
  }
  if (checkRole('moderator') || checkRole('owner')) return
}
`,
    output: `'use server'
import { auth } from '@clerk/nextjs/server'
export const checkRole = async (role: string) => {
  const { sessionClaims } = await auth()
  return sessionClaims?.metadata?.role === role
}
export async function setRole(formData: FormData) {
  if (!await checkRole('admin')) {
    return { message: 'Not Authorized' }
  }
  if (await checkRole('moderator') || await checkRole('owner')) return
}
`,
    errors: [
      {
        messageId: 'helperNotAwaited',
        line: 8,
        column: 8,
        suggestions: [],
      },
      {
        messageId: 'helperNotAwaited',
        line: 11,
        column: 7,
        suggestions: [],
      },
      {
        messageId: 'helperNotAwaited',
        line: 11,
        column: 33,
        suggestions: [],
      },
    ],
  },
  {
    name: "renamed and namespace imports, React Router getAuth, verifyWebhook",
    filename: fixture("app/x.ts"),
    code: `import { auth as session } from '@clerk/nextjs/server'
import * as rr from '@clerk/react-router/server'
import { verifyWebhook } from '@clerk/nextjs/webhooks'
export async function loader(args) {
  const { userId } = session()
  const rrAuth = rr.getAuth(args).userId
  const evt = verifyWebhook(args.request).type
}
`,
    output: `import { auth as session } from '@clerk/nextjs/server'
import * as rr from '@clerk/react-router/server'
import { verifyWebhook } from '@clerk/nextjs/webhooks'
export async function loader(args) {
  const { userId } = await session()
  const rrAuth = (await rr.getAuth(args)).userId
  const evt = (await verifyWebhook(args.request)).type
}
`,
    errors: [
      {
        messageId: 'missingAwait',
        line: 5,
        column: 22,
        suggestions: [],
      },
      {
        messageId: 'missingAwait',
        line: 6,
        column: 18,
        suggestions: [],
      },
      {
        messageId: 'missingAwait',
        line: 7,
        column: 15,
        suggestions: [],
      },
    ],
  },

];
