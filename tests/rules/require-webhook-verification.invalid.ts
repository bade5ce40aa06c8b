import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/require-webhook-verification.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "a failed verification only logged: the handler goes on with the unverified payload",
    filename: fixture("app/api/webhooks/clerk/route.ts"),
    code: `import { Webhook } from 'svix'
import { headers } from 'next/headers'
export async function POST(req: Request) {
  const payload = await req.text()
  const h = await headers()
  const wh = new Webhook(process.env.CLERK_WEBHOOK_SIGNING_SECRET!)
  try {
    wh.verify(payload, { 'svix-id': h.get('svix-id')!, 'svix-timestamp': h.get('svix-timestamp')!, 'svix-signature': h.get('svix-signature')! })
  } catch (err) {
    console.error('Error verifying webhook', err)
  }
  const evt = JSON.parse(payload)
  if (evt.type === 'user.created') await db.user.create({ data: { id: evt.data.id } })
  return new Response('ok')
}
`,
    output: null,
    errors: [{ messageId: 'verificationFailureIgnored', line: 9, suggestions: [{ messageId: 'answer400', output: `import { Webhook } from 'svix'
import { headers } from 'next/headers'
export async function POST(req: Request) {
  const payload = await req.text()
  const h = await headers()
  const wh = new Webhook(process.env.CLERK_WEBHOOK_SIGNING_SECRET!)
  try {
    wh.verify(payload, { 'svix-id': h.get('svix-id')!, 'svix-timestamp': h.get('svix-timestamp')!, 'svix-signature': h.get('svix-signature')! })
  } catch (err) {
    console.error('Error verifying webhook', err)
    return Response.json({ error: 'Error verifying webhook' }, { status: 400 })
  }
  const evt = JSON.parse(payload)
  if (evt.type === 'user.created') await db.user.create({ data: { id: evt.data.id } })
  return new Response('ok')
}
` }] }],
  },
  {
    name: "verification only when the svix-id header is present: a request without it skips verification",
    filename: fixture("app/api/webhooks/clerk/route.ts"),
    code: `import { Webhook } from 'svix'
import { headers } from 'next/headers'
export async function POST(req: Request) {
  const payload = await req.text()
  const h = await headers()
  const svixId = h.get('svix-id')
  if (svixId) {
    try {
      new Webhook(process.env.CLERK_WEBHOOK_SIGNING_SECRET!).verify(payload, { 'svix-id': svixId, 'svix-timestamp': h.get('svix-timestamp')!, 'svix-signature': h.get('svix-signature')! })
    } catch {
      return new Response('Bad signature', { status: 400 })
    }
  }
  const evt = JSON.parse(payload)
  if (evt.type === 'user.created') await db.user.create({ data: { id: evt.data.id } })
  return new Response('ok')
}
`,
    output: null,
    errors: [{ messageId: 'conditionalVerification', data: { test: 'svixId' }, line: 7, suggestions: [{ messageId: 'answer400', output: `import { Webhook } from 'svix'
import { headers } from 'next/headers'
export async function POST(req: Request) {
  const payload = await req.text()
  const h = await headers()
  const svixId = h.get('svix-id')
  if (!svixId) return Response.json({ error: 'Error verifying webhook' }, { status: 400 })
  if (svixId) {
    try {
      new Webhook(process.env.CLERK_WEBHOOK_SIGNING_SECRET!).verify(payload, { 'svix-id': svixId, 'svix-timestamp': h.get('svix-timestamp')!, 'svix-signature': h.get('svix-signature')! })
    } catch {
      return new Response('Bad signature', { status: 400 })
    }
  }
  const evt = JSON.parse(payload)
  if (evt.type === 'user.created') await db.user.create({ data: { id: evt.data.id } })
  return new Response('ok')
}
` }] }],
  },
  {
    name: "missing verification: the suggestion verifies, retypes Request, and uses the event",
    filename: fixture("app/api/webhooks/route.ts"),
    code: `import type { WebhookEvent } from '@clerk/nextjs/server'

export async function POST(req: Request) {
  const payload = (await req.json()) as WebhookEvent
  if (payload.type === 'user.deleted') await db.user.delete({ where: { id: payload.data.id } })
  return new Response('ok')
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingVerification',
        line: 3,
        column: 23,
        suggestions: [
          { messageId: 'addVerifyWebhook', output: `import type { NextRequest } from 'next/server'
import type { WebhookEvent } from '@clerk/nextjs/server'
import { verifyWebhook } from '@clerk/nextjs/webhooks'

export async function POST(req: NextRequest) {
  const evt = await verifyWebhook(req).catch(() => null)
  if (!evt) return new Response('Error verifying webhook', { status: 400 })
  const payload = evt as WebhookEvent
  if (payload.type === 'user.deleted') await db.user.delete({ where: { id: payload.data.id } })
  return new Response('ok')
}
` },
        ],
      },
    ],
  },
  {
    name: "missing verification recognised by event types alone, in Express",
    filename: fixture("server/index.ts"),
    code: `import express from 'express'
import { clerkMiddleware } from '@clerk/express'
const app = express()
app.post('/webhooks/clerk', express.json(), async (req, res) => {
  const { type, data } = req.body
  if (type === 'user.created') await db.user.create({ data })
  res.send('ok')
})
`,
    output: null,
    errors: [
      {
        messageId: 'missingVerification',
        line: 4,
        column: 10,
        suggestions: [
          { messageId: 'addVerifyWebhook', output: `import express from 'express'
import { clerkMiddleware } from '@clerk/express'
import { verifyWebhook } from '@clerk/express/webhooks'
const app = express()
app.post('/webhooks/clerk', express.json(), async (req, res) => {
  const evt = await verifyWebhook(req).catch(() => null)
  if (!evt) return res.status(400).send('Error verifying webhook')
  const { type, data } = evt
  if (type === 'user.created') await db.user.create({ data })
  res.send('ok')
})
` },
        ],
      },
    ],
  },
  {
    name: "2023 docs: re-serialised body (autofix) and svix >= 2.2 verify() used as the event",
    filename: fixture("app/api/webhooks/route.ts"),
    code: `import { Webhook } from 'svix'
import { WebhookEvent } from '@clerk/nextjs/server'

export async function POST(req: Request) {
  const payload = await req.json()
  const body = JSON.stringify(payload)
  const wh = new Webhook(process.env.WEBHOOK_SECRET!)
  let evt: WebhookEvent
  try {
    evt = wh.verify(body, Object.fromEntries(req.headers)) as WebhookEvent
  } catch (err) {
    return new Response('Error occured', { status: 400 })
  }
  return new Response(evt.type)
}
`,
    output: `import { Webhook } from 'svix'
import { WebhookEvent } from '@clerk/nextjs/server'

export async function POST(req: Request) {
  const body = await req.text()
  const payload = JSON.parse(body)
  const wh = new Webhook(process.env.WEBHOOK_SECRET!)
  let evt: WebhookEvent
  try {
    evt = wh.verify(body, Object.fromEntries(req.headers)) as WebhookEvent
  } catch (err) {
    return new Response('Error occured', { status: 400 })
  }
  return new Response(evt.type)
}
`,
    errors: [
      {
        messageId: 'verifyReturnsNothing',
        line: 10,
        column: 11,
        suggestions: [
          { messageId: 'parseVerifiedBody', output: `import { Webhook } from 'svix'
import { WebhookEvent } from '@clerk/nextjs/server'

export async function POST(req: Request) {
  const payload = await req.json()
  const body = JSON.stringify(payload)
  const wh = new Webhook(process.env.WEBHOOK_SECRET!)
  let evt: WebhookEvent
  try {
    evt = (wh.verify(body, Object.fromEntries(req.headers)), JSON.parse(body)) as WebhookEvent
  } catch (err) {
    return new Response('Error occured', { status: 400 })
  }
  return new Response(evt.type)
}
` },
        ],
      },
      {
        messageId: 'reserializedBody',
        line: 10,
        column: 21,
        suggestions: [],
      },
    ],
  },
  {
    name: "body read before verifyWebhook, result discarded, hardcoded secret",
    filename: fixture("app/api/webhooks/route.ts"),
    code: `import { verifyWebhook } from '@clerk/nextjs/webhooks'

export async function POST(req: Request) {
  const body = await req.json()
  await verifyWebhook(req, { signingSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
  await db.user.upsert({ where: { id: body.data.id } })
  return new Response('ok')
}
`,
    output: null,
    errors: [
      {
        messageId: 'bodyReadBeforeVerifyWebhook',
        line: 4,
        column: 22,
        suggestions: [],
      },
      {
        messageId: 'verifiedResultIgnored',
        line: 5,
        column: 9,
        suggestions: [],
      },
      {
        messageId: 'hardcodedSigningSecret',
        line: 5,
        column: 45,
        suggestions: [
          { messageId: 'readSecretFromEnv', output: `import { verifyWebhook } from '@clerk/nextjs/webhooks'

export async function POST(req: Request) {
  const body = await req.json()
  await verifyWebhook(req, { signingSecret: process.env.CLERK_WEBHOOK_SIGNING_SECRET })
  await db.user.upsert({ where: { id: body.data.id } })
  return new Response('ok')
}
` },
        ],
      },
    ],
  },
  {
    name: "payload fields used before verification",
    filename: fixture("app/api/webhooks/route.ts"),
    code: `import { Webhook } from 'svix'
export async function POST(req: Request) {
  const raw = await req.text()
  const event = JSON.parse(raw)
  await db.audit.create({ data: { type: event.type } })
  new Webhook(process.env.CLERK_WEBHOOK_SIGNING_SECRET!).verify(raw, Object.fromEntries(req.headers))
  return new Response('ok')
}
`,
    output: null,
    errors: [
      {
        messageId: 'usedBeforeVerification',
        line: 5,
        column: 41,
        suggestions: [],
      },
    ],
  },
  {
    name: "checkErrorHandling: no try, and a catch that echoes the error",
    filename: fixture("app/api/webhooks/route.ts"),
    options: [{"checkErrorHandling":true}],
    code: `import { verifyWebhook } from '@clerk/nextjs/webhooks'
import type { NextRequest } from 'next/server'
export async function POST(req: NextRequest) {
  const evt = await verifyWebhook(req)
  return Response.json({ type: evt.type })
}
export async function PUT(req: NextRequest) {
  try {
    const evt = await verifyWebhook(req)
    return Response.json({ type: evt.type })
  } catch (error) {
    return Response.json({ error: (error as Error).message }, { status: 400 })
  }
}
`,
    output: null,
    errors: [
      {
        messageId: 'leakedVerificationError',
        line: 4,
        column: 21,
        suggestions: [],
      },
      {
        messageId: 'leakedVerificationError',
        line: 9,
        column: 23,
        suggestions: [],
      },
    ],
  },

  {
    name: "an imported helper is read: named verify…, it only parses the body, so nothing is verified",
    filename: fixture("app/api/webhooks/clerk/route.ts"),
    code: `import { verifyClerkEvent } from '@/lib/clerk-webhook'
export async function POST(req: Request) {
  const body = await req.text()
  const evt = verifyClerkEvent(body, req.headers)
  if (evt.type === 'user.deleted') await db.user.delete({ where: { clerkId: evt.data.id } })
  return new Response('ok')
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingVerification',
        line: 2,
        column: 23,
        // No suggestion: verifyWebhook(req) would consume the body that `await req.text()` reads next.
        suggestions: [],
      },
    ],
  },
  {
    name: "the Clerk signing secret marks a Clerk webhook even without event types or Clerk imports",
    filename: fixture("app/api/webhooks/clerk/route.ts"),
    code: `export async function POST(req: Request) {
  if (!process.env.CLERK_WEBHOOK_SIGNING_SECRET) return new Response('Missing secret', { status: 500 })
  const { data } = await req.json()
  await db.user.upsert({ where: { clerkId: data.id }, create: { clerkId: data.id }, update: {} })
  return new Response('ok')
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingVerification',
        line: 1,
        column: 23,
        suggestions: [
          { messageId: 'addVerifyWebhook', output: `import { verifyWebhook } from '@clerk/nextjs/webhooks'
import type { NextRequest } from 'next/server'
export async function POST(req: NextRequest) {
  const evt = await verifyWebhook(req).catch(() => null)
  if (!evt) return new Response('Error verifying webhook', { status: 400 })
  if (!process.env.CLERK_WEBHOOK_SIGNING_SECRET) return new Response('Missing secret', { status: 500 })
  const { data } = evt
  await db.user.upsert({ where: { clerkId: data.id }, create: { clerkId: data.id }, update: {} })
  return new Response('ok')
}
` },
        ],
      },
    ],
  },

];
