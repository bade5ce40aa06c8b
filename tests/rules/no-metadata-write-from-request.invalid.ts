import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/no-metadata-write-from-request.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "the whole submitted form, copied into a variable with Object.fromEntries(formData.entries()), written into privateMetadata",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'
export async function saveProfile(formData: FormData) {
  const { userId } = await auth.protect()
  const data = Object.fromEntries(formData.entries())
  await (await clerkClient()).users.updateUser(userId, { privateMetadata: data })
}
`,
    output: null,
    errors: [
      {
        messageId: 'metadataFromRequest',
        line: 6,
        suggestions: [
          { messageId: 'requireAdminRole', output: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'
export async function saveProfile(formData: FormData) {
  await auth.protect({ role: 'org:admin' })
  const { userId } = await auth.protect()
  const data = Object.fromEntries(formData.entries())
  await (await clerkClient()).users.updateUser(userId, { privateMetadata: data })
}
` },
        ],
      },
    ],
  },
  {
    name: "a signed-in user writes their own role (privilege escalation)",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'

export async function updateRole(formData: FormData) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  const client = await clerkClient()
  await client.users.updateUserMetadata(userId, { publicMetadata: { role: formData.get('role') } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'metadataFromRequest',
        line: 8,
        column: 69,
        suggestions: [
          { messageId: 'requireAdminRole', output: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'

export async function updateRole(formData: FormData) {
  await auth.protect({ role: 'org:admin' })
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  const client = await clerkClient()
  await client.users.updateUserMetadata(userId, { publicMetadata: { role: formData.get('role') } })
}
` },
        ],
      },
    ],
  },
  {
    name: "the target user id comes from the caller (route handler, spread body)",
    filename: fixture("app/api/users/route.ts"),
    code: `import { auth, clerkClient } from '@clerk/nextjs/server'

export async function PATCH(req: Request) {
  await auth.protect()
  const { id, ...rest } = await req.json()
  await (await clerkClient()).users.updateUser(id, { firstName: rest.firstName })
  return new Response(null, { status: 204 })
}
`,
    output: null,
    errors: [
      {
        messageId: 'targetFromRequest',
        line: 6,
        column: 48,
        suggestions: [
          { messageId: 'requireAdminRole', output: `import { auth, clerkClient } from '@clerk/nextjs/server'

export async function PATCH(req: Request) {
  await auth.protect({ role: 'org:admin' })
  await auth.protect()
  const { id, ...rest } = await req.json()
  await (await clerkClient()).users.updateUser(id, { firstName: rest.firstName })
  return new Response(null, { status: 204 })
}
` },
        ],
      },
    ],
  },
  {
    name: "v5 clerkClient object and createClerkClient instances, whole body as metadata",
    filename: fixture("app/actions.ts", 5),
    code: `'use server'
import { auth, clerkClient, createClerkClient } from '@clerk/nextjs/server'
const admin = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY })
export async function a(meta: Record<string, unknown>) {
  const { userId } = auth()
  if (!userId) throw new Error('no')
  await clerkClient.users.updateUserMetadata(userId, { privateMetadata: meta })
}
export async function b(body: { publicMetadata: object }) {
  const { userId } = auth().protect()
  await admin.users.updateUser(userId, body)
}
`,
    output: null,
    errors: [
      {
        messageId: 'metadataFromRequest',
        line: 7,
        column: 73,
        suggestions: [
          { messageId: 'requireAdminRole', output: `'use server'
import { auth, clerkClient, createClerkClient } from '@clerk/nextjs/server'
const admin = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY })
export async function a(meta: Record<string, unknown>) {
  auth().protect({ role: 'org:admin' })
  const { userId } = auth()
  if (!userId) throw new Error('no')
  await clerkClient.users.updateUserMetadata(userId, { privateMetadata: meta })
}
export async function b(body: { publicMetadata: object }) {
  const { userId } = auth().protect()
  await admin.users.updateUser(userId, body)
}
` },
        ],
      },
      {
        messageId: 'metadataFromRequest',
        line: 11,
        column: 40,
        suggestions: [
          { messageId: 'requireAdminRole', output: `'use server'
import { auth, clerkClient, createClerkClient } from '@clerk/nextjs/server'
const admin = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY })
export async function a(meta: Record<string, unknown>) {
  const { userId } = auth()
  if (!userId) throw new Error('no')
  await clerkClient.users.updateUserMetadata(userId, { privateMetadata: meta })
}
export async function b(body: { publicMetadata: object }) {
  auth().protect({ role: 'org:admin' })
  const { userId } = auth().protect()
  await admin.users.updateUser(userId, body)
}
` },
        ],
      },
    ],
  },
  {
    name: "Express route with a caller-chosen target",
    filename: fixture("server/index.ts"),
    code: `import { clerkClient, requireAuth } from '@clerk/express'
app.post('/users/:id/ban', requireAuth(), async (req, res) => {
  await clerkClient.users.updateUserMetadata(req.params.id, { publicMetadata: { banned: true } })
  res.sendStatus(204)
})
`,
    output: null,
    errors: [
      {
        messageId: 'targetFromRequest',
        line: 3,
        column: 46,
        suggestions: [],
      },
    ],
  },

];
