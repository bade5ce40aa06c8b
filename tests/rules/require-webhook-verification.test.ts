import rule from '../../src/rules/require-webhook-verification.js';
import { fixture, ruleTester } from '../rule-tester.js';
import { invalid } from './require-webhook-verification.invalid.js';

const route = fixture('app/api/webhooks/route.ts');

ruleTester.run('require-webhook-verification', rule, {
  valid: [
    {
      name: "the headers' absence answered first, and a catch that answers 400 after logging",
      filename: fixture('app/api/webhooks/clerk/route.ts'),
      code: `import { Webhook } from 'svix'
import { headers } from 'next/headers'
export async function POST(req: Request) {
  const payload = await req.text()
  const h = await headers()
  const svixId = h.get('svix-id')
  if (!svixId) return new Response('Missing svix headers', { status: 400 })
  try {
    new Webhook(process.env.CLERK_WEBHOOK_SIGNING_SECRET!).verify(payload, { 'svix-id': svixId, 'svix-timestamp': h.get('svix-timestamp')!, 'svix-signature': h.get('svix-signature')! })
  } catch (err) {
    console.error('Error verifying webhook', err)
    return new Response('Error verifying webhook', { status: 400 })
  }
  const evt = JSON.parse(payload)
  if (evt.type === 'user.created') await db.user.create({ data: { id: evt.data.id } })
  return new Response('ok')
}
`,
    },
    {
      name: 'the work inside the try: a failed verification skips it, so a catch that only logs lets nothing through',
      filename: fixture('app/api/webhooks/clerk/route.ts'),
      code: `import { verifyWebhook } from '@clerk/nextjs/webhooks'
import type { NextRequest } from 'next/server'
export async function POST(req: NextRequest) {
  try {
    const evt = await verifyWebhook(req)
    if (evt.type === 'user.created') await db.user.create({ data: { id: evt.data.id } })
  } catch (err) {
    console.error('Error verifying webhook', err)
  }
  return new Response('ok')
}
`,
    },
    {
      name: '2025+ docs: verifyWebhook in a try that answers 400',
      filename: route,
      code: `import { verifyWebhook } from '@clerk/nextjs/webhooks'
import { NextRequest } from 'next/server'
export async function POST(req: NextRequest) {
  try {
    const evt = await verifyWebhook(req)
    const { id } = evt.data
    if (evt.type === 'user.created') await db.user.create({ data: { id } })
    return new Response('Webhook received', { status: 200 })
  } catch (err) {
    console.error('Error verifying webhook:', err)
    return new Response('Error verifying webhook', { status: 400 })
  }
}`,
    },
    {
      name: 'svix on the raw text, then JSON.parse (svix 2.2+ style), with the secret from the environment',
      filename: route,
      options: [{ checkErrorHandling: true }],
      code: `import { Webhook } from 'svix'
import type { WebhookEvent } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  const body = await req.text()
  const wh = new Webhook(process.env.CLERK_WEBHOOK_SIGNING_SECRET!)
  try {
    wh.verify(body, {
      'svix-id': req.headers.get('svix-id')!,
      'svix-timestamp': req.headers.get('svix-timestamp')!,
      'svix-signature': req.headers.get('svix-signature')!,
    })
  } catch {
    return new Response('Invalid signature', { status: 400 })
  }
  const evt = JSON.parse(body) as WebhookEvent
  if (evt.type === 'user.deleted') await db.user.delete({ where: { id: evt.data.id } })
  return new Response('ok')
}`,
    },
    {
      name: 'svix 1.x returns the payload from verify (v5 fixture declares svix ^1.24)',
      filename: fixture('app/api/webhooks/route.ts', 5),
      code: `import { Webhook } from 'svix'
import { WebhookEvent } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  const body = await req.text()
  const evt = new Webhook(process.env.WEBHOOK_SECRET!).verify(body, Object.fromEntries(req.headers)) as WebhookEvent
  return Response.json({ type: evt.type })
}`,
    },
    {
      name: 'standardwebhooks verifier and a same-file helper',
      filename: route,
      code: `import { Webhook } from 'standardwebhooks'
async function verified(req: Request) {
  const raw = await req.text()
  new Webhook(process.env.SECRET!).verify(raw, Object.fromEntries(req.headers))
  return JSON.parse(raw)
}
export async function POST(req: Request) {
  const evt = await verified(req)
  if (evt.type === 'user.created') await db.user.create({ data: evt.data })
  return new Response('ok')
}`,
    },
    {
      name: 'a configured verifier from another module',
      filename: route,
      settings: { clerk: { webhookVerifiers: ['verifyClerkWebhook'] } },
      code: `import { verifyClerkWebhook } from '@/lib/webhooks'
export async function POST(req: Request) {
  const evt = await verifyClerkWebhook(req)
  if (evt.type === 'user.created') await db.user.create({ data: evt.data })
  return new Response('ok')
}`,
    },
    {
      name: 'Stripe and LiveKit webhooks are other providers',
      filename: route,
      code: `import Stripe from 'stripe'
import { WebhookReceiver } from 'livekit-server-sdk'
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)
const receiver = new WebhookReceiver(process.env.LK_KEY!, process.env.LK_SECRET!)
export async function POST(req: Request) {
  const body = await req.text()
  const event = stripe.webhooks.constructEvent(body, req.headers.get('stripe-signature')!, process.env.STRIPE_WEBHOOK_SECRET!)
  const lk = await receiver.receive(body, req.headers.get('Authorization')!)
  return Response.json({ id: event.id, lk: lk.event })
}`,
    },
    {
      name: 'a GitHub webhook that reads its body but has no Clerk signal',
      filename: fixture('app/api/github/route.ts'),
      code: `export async function POST(req: Request) {
  const payload = await req.json()
  if (payload.action === 'opened') await notify(payload.pull_request)
  return new Response('ok')
}`,
    },
    {
      name: 'GitHub via @octokit/webhooks: a `…/webhooks` package that is not Clerk, verified with webhooks.verify',
      filename: fixture('app/api/github/route.ts'),
      code: `import { Webhooks } from '@octokit/webhooks'
const webhooks = new Webhooks({ secret: process.env.GITHUB_WEBHOOK_SECRET! })
export async function POST(req: Request) {
  const body = await req.text()
  const signature = req.headers.get('x-hub-signature-256') ?? ''
  if (!(await webhooks.verify(body, signature))) {
    return new Response('Unauthorized', { status: 401 })
  }
  const event = JSON.parse(body)
  await db.push.create({ data: { repo: event.repository.full_name } })
  return new Response('ok')
}`,
    },
    {
      name: "Polar's validateEvent from @polar-sh/sdk/webhooks, with an event type Clerk also has",
      filename: fixture('app/api/webhooks/polar/route.ts'),
      code: `import { validateEvent, WebhookVerificationError } from '@polar-sh/sdk/webhooks'
export async function POST(req: Request) {
  const body = await req.text()
  try {
    const event = validateEvent(body, Object.fromEntries(req.headers), process.env.POLAR_WEBHOOK_SECRET ?? '')
    if (event.type === 'subscription.created') {
      await db.subscription.create({ data: { id: event.data.id } })
    }
    return new Response('', { status: 202 })
  } catch (error) {
    if (error instanceof WebhookVerificationError) return new Response('', { status: 403 })
    throw error
  }
}`,
    },
    {
      name: "WorkOS constructEvent, comparing 'user.created' like Clerk does",
      filename: fixture('app/api/webhooks/workos/route.ts'),
      code: `import { WorkOS } from '@workos-inc/node'
const workos = new WorkOS(process.env.WORKOS_API_KEY)
export async function POST(req: Request) {
  const payload = await req.json()
  const sigHeader = req.headers.get('workos-signature')!
  const webhook = await workos.webhooks.constructEvent({ payload, sigHeader, secret: process.env.WORKOS_WEBHOOK_SECRET! })
  if (webhook.event === 'user.created') await db.user.create({ data: { id: webhook.data.id } })
  return new Response('ok')
}`,
    },
    {
      name: "an internal service's HMAC webhook checked with timingSafeEqual, with a 'user.created' event",
      filename: fixture('app/api/webhooks/crm/route.ts'),
      code: `import { createHmac, timingSafeEqual } from 'node:crypto'
export async function POST(req: Request) {
  const raw = await req.text()
  const expected = createHmac('sha256', process.env.CRM_WEBHOOK_SECRET!).update(raw).digest()
  const given = Buffer.from(req.headers.get('x-crm-signature') ?? '', 'hex')
  if (given.length !== expected.length || !timingSafeEqual(expected, given)) {
    return new Response('Invalid signature', { status: 401 })
  }
  const event = JSON.parse(raw)
  if (event.type === 'user.created') await db.contact.create({ data: { email: event.email } })
  return new Response('ok')
}`,
    },
    {
      name: 'a verifier imported from the project (tsconfig alias) is read: lib/clerk-webhook.ts verifies with svix',
      filename: fixture('app/api/webhooks/clerk/route.ts'),
      code: `import { verifyClerkPayload } from '@/lib/clerk-webhook'
export async function POST(req: Request) {
  const body = await req.text()
  let evt
  try {
    evt = verifyClerkPayload(body, req.headers)
  } catch {
    return new Response('Invalid signature', { status: 400 })
  }
  if (evt.type === 'user.deleted') await db.user.delete({ where: { clerkId: evt.data.id } })
  return new Response('ok')
}`,
    },
    {
      name: 'a verifier imported from the project by a relative path',
      filename: fixture('app/api/webhooks/clerk/route.ts'),
      code: `import { verifyClerkPayload } from '../../../../lib/clerk-webhook'
export async function POST(req: Request) {
  const body = await req.text()
  const evt = verifyClerkPayload(body, req.headers)
  if (evt.type === 'user.deleted') await db.user.delete({ where: { clerkId: evt.data.id } })
  return new Response('ok')
}`,
    },
    {
      name: 'an unreadable imported function named verify… given the raw body and headers counts as verification',
      filename: fixture('app/api/webhooks/clerk/route.ts'),
      code: `import { verifyClerkWebhook } from '@acme/webhooks'
export async function POST(req: Request) {
  const body = await req.text()
  const evt = await verifyClerkWebhook(body, req.headers)
  if (evt.type === 'user.created') await db.user.create({ data: { clerkId: evt.data.id } })
  return new Response('ok')
}`,
    },
    {
      name: 'Express with express.raw() and verifyWebhook from @clerk/express/webhooks',
      filename: fixture('server/index.ts'),
      code: `import express from 'express'
import { verifyWebhook } from '@clerk/express/webhooks'
const app = express()
app.post('/api/webhooks', express.raw({ type: 'application/json' }), async (req, res) => {
  try {
    const evt = await verifyWebhook(req)
    if (evt.type === 'user.created') await db.user.create({ data: evt.data })
    res.send('ok')
  } catch {
    res.status(400).send('Error verifying webhook')
  }
})`,
    },
    {
      name: 'pages router with a raw buffer',
      filename: fixture('pages/api/webhooks.ts'),
      code: `import { buffer } from 'micro'
import { Webhook } from 'svix'
export const config = { api: { bodyParser: false } }
export default async function handler(req, res) {
  const payload = (await buffer(req)).toString()
  new Webhook(process.env.CLERK_WEBHOOK_SIGNING_SECRET!).verify(payload, req.headers)
  const evt = JSON.parse(payload)
  res.status(200).json({ ok: true, type: evt.type })
}`,
    },
  ],
  invalid,
});
