// Correct code a precision review found reported (and one miss), as the rules now read it.
import routeRule from '../../src/rules/require-route-handler-auth.js';
import actionRule from '../../src/rules/require-server-action-auth.js';
import { fixture, ruleTester } from '../rule-tester.js';

const actions = fixture('app/actions.ts');
const route = fixture('app/api/items/route.ts');

ruleTester.run('require-server-action-auth: guards on org, Promise.all, helper results, derived booleans', actionRule, {
  valid: [
    {
      name: 'a check on orgId alone (null for signed-out callers)',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function listProjects() {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No active organization')
  return db.project.findMany({ where: { orgId } })
}`,
    },
    {
      name: 'an org role comparison',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function archive(id: string) {
  const { orgRole } = await auth()
  if (orgRole !== 'org:admin') throw new Error('Forbidden')
  await db.project.update({ where: { id }, data: { archived: true } })
}`,
    },
    {
      name: 'auth() and currentUser() fetched together with Promise.all',
      filename: actions,
      code: `'use server'
import { auth, currentUser } from '@clerk/nextjs/server'
export async function save(text: string) {
  const [{ userId }, user] = await Promise.all([auth(), currentUser()])
  if (!userId || !user) throw new Error('Unauthorized')
  await db.note.create({ data: { userId, text, email: user.emailAddresses[0]?.emailAddress } })
}`,
    },
    {
      name: 'a boolean derived from has() checked later (Clerk reverification example)',
      filename: actions,
      code: `'use server'
import { auth, reverificationError } from '@clerk/nextjs/server'
export async function transfer(amount: number) {
  const { has } = await auth()
  const shouldUserReverify = !has({ reverification: 'strict' })
  if (shouldUserReverify) return reverificationError('strict')
  await bank.transfer(amount)
}`,
    },
    {
      name: 'a destructured getToken() result checked before use',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function sync() {
  const { getToken } = await auth()
  const token = await getToken({ template: 'supabase' })
  if (!token) throw new Error('Unauthorized')
  await fetch('https://api.example.com/sync', { headers: { Authorization: \`Bearer \${token}\` } })
}`,
    },
    {
      name: 'typeof userId !== "string"',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (typeof userId !== 'string') throw new Error('Unauthorized')
  await db.x.delete({ where: { userId } })
}`,
    },
    {
      name: 'invariant(userId)',
      filename: actions,
      code: `'use server'
import invariant from 'tiny-invariant'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  invariant(userId, 'Unauthorized')
  await db.x.delete({ where: { userId } })
}`,
    },
    {
      name: 'a Supabase client created before the check',
      filename: actions,
      code: `'use server'
import { createClient } from '@/lib/supabase/server'
import { auth } from '@clerk/nextjs/server'
export async function f(id: string) {
  const supabase = await createClient()
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await supabase.from('notes').delete().eq('id', id)
}`,
    },
  ],
  invalid: [],
});

ruleTester.run('require-route-handler-auth: helper results, rate limits, tRPC, env flags', routeRule, {
  valid: [
    {
      name: 'the result of a session helper destructured and checked',
      filename: route,
      code: `import { auth } from '@clerk/nextjs/server'
async function getSession() {
  return await auth()
}
export async function GET() {
  const { userId } = await getSession()
  if (!userId) return new Response('Unauthorized', { status: 401 })
  return Response.json(await db.item.findMany({ where: { userId } }))
}`,
    },
    {
      name: 'a { userId, error } helper, exiting on error',
      filename: route,
      code: `import { auth } from '@clerk/nextjs/server'
import { NextResponse } from 'next/server'
async function requireAuth() {
  const { userId } = await auth()
  if (!userId) return { userId: null, error: NextResponse.json({ error: 'Unauthorized' }, { status: 401 }) }
  return { userId, error: null }
}
export async function GET() {
  const { userId, error } = await requireAuth()
  if (error) return error
  return Response.json(await db.item.findMany({ where: { userId } }))
}`,
    },
    {
      name: 'rate limiting before the check',
      filename: route,
      code: `import { auth } from '@clerk/nextjs/server'
import { ratelimit } from '@/lib/ratelimit'
export async function POST(req: Request) {
  const ip = req.headers.get('x-forwarded-for') ?? 'anonymous'
  const { success } = await ratelimit.limit(ip)
  if (!success) return new Response('Too many requests', { status: 429 })
  const { userId } = await auth()
  if (!userId) return new Response('Unauthorized', { status: 401 })
  return Response.json(await db.item.create({ data: { userId } }))
}`,
    },
    {
      name: 'a tRPC adapter: procedures authenticate themselves',
      filename: fixture('app/api/trpc/[trpc]/route.ts'),
      code: `import { fetchRequestHandler } from '@trpc/server/adapters/fetch'
import { appRouter } from '@/server/root'
import { createTRPCContext } from '@/server/trpc'

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers }),
  })

export { handler as GET, handler as POST }`,
    },
  ],
  invalid: [
    {
      name: 'an env feature flag compared with a constant authenticates no one',
      filename: route,
      code: `export async function POST(req: Request) {
  if (process.env.ENABLE_PUBLIC_IMPORT !== 'true') return new Response('Disabled', { status: 404 })
  await db.user.createMany({ data: await req.json() })
  return Response.json({ ok: true })
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  if (process.env.ENABLE_PUBLIC_IMPORT !== 'true') return new Response('Disabled', { status: 404 })
  await db.user.createMany({ data: await req.json() })
  return Response.json({ ok: true })
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-route-handler-auth: a hand-written HMAC check before the work', routeRule, {
  valid: [
    {
      name: 'Lemon Squeezy style: HMAC of the raw body, timingSafeEqual, then the work',
      filename: fixture('app/api/webhooks/lemon/route.ts'),
      code: `import crypto from 'node:crypto'
export async function POST(req: Request) {
  const raw = await req.text()
  const hmac = crypto.createHmac('sha256', process.env.LEMONSQUEEZY_WEBHOOK_SECRET!)
  const digest = Buffer.from(hmac.update(raw).digest('hex'), 'utf8')
  const signature = Buffer.from(req.headers.get('X-Signature') ?? '', 'utf8')
  if (!crypto.timingSafeEqual(digest, signature)) return new Response('Invalid signature', { status: 400 })
  const payload = JSON.parse(raw)
  if (payload.meta.event_name === 'subscription_created') await db.sub.create({ data: payload.data })
  return new Response('ok')
}`,
    },
  ],
  invalid: [
    {
      name: 'the same HMAC computed but never compared',
      filename: fixture('app/api/webhooks/lemon/route.ts'),
      code: `import crypto from 'node:crypto'
export async function POST(req: Request) {
  const raw = await req.text()
  const digest = crypto.createHmac('sha256', process.env.LEMONSQUEEZY_WEBHOOK_SECRET!).update(raw).digest('hex')
  await db.sub.create({ data: { raw, digest } })
  return new Response('ok')
}`,
      errors: [{ messageId: 'missingAuth', suggestions: [{ messageId: 'addAuthGuard', output: `import crypto from 'node:crypto'
import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const raw = await req.text()
  const digest = crypto.createHmac('sha256', process.env.LEMONSQUEEZY_WEBHOOK_SECRET!).update(raw).digest('hex')
  await db.sub.create({ data: { raw, digest } })
  return new Response('ok')
}` }] }],
    },
  ],
});

// Second review: guards the rules accepted although they let anonymous callers through.
const missing = (name: string, output: string) => [{ messageId: 'missingAuth' as const, data: { name }, suggestions: [{ messageId: 'addAuthGuard' as const, output }] }];

ruleTester.run('require-server-action-auth: checks that never trip for anonymous callers', actionRule, {
  // The same code written so that anonymous callers are turned away.
  valid: [
    {
      name: "a helper that returns an error for anonymous callers, checked with 'if (error)'",
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
async function getSession() {
  const { userId, orgId } = await auth()
  if (!userId) return { error: 'Unauthorized' }
  return { userId, orgId, error: null }
}
export async function purge() {
  const session = await getSession()
  if (session.error) throw new Error(session.error)
  await db.invoice.deleteMany({ where: { orgId: session.orgId } })
}`,
    },
    {
      name: 'userId === null',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (userId === null) throw new Error('Unauthorized')
  await db.x.deleteMany()
}`,
    },
    {
      name: 'userId == undefined (loose: null too)',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (userId == undefined) throw new Error('Unauthorized')
  await db.x.deleteMany()
}`,
    },
    {
      name: 'assert.ok(userId) from node:assert',
      filename: actions,
      code: `'use server'
import assert from 'node:assert'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  assert.ok(userId, 'Unauthorized')
  await db.x.deleteMany()
}`,
    },
    {
      name: 'a guard inside try whose catch rethrows',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  try {
    const session = await auth()
    if (!session.userId) throw new Error('Unauthorized')
  } catch (error) {
    console.warn(error)
    throw error
  }
  return db.x.findMany()
}`,
    },
    {
      name: 'auth.protect() awaited without .catch()',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const session = await auth.protect()
  await db.x.deleteMany({ where: { userId: session.userId } })
}`,
    },
    {
      name: 'a bulk delete through map after the check',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function removeAll(ids: string[]) {
  await auth.protect()
  await Promise.all(ids.map((id) => db.invoice.delete({ where: { id } })))
}`,
    },
    {
      name: 'a callback that only builds data is not work',
      filename: actions,
      code: `'use server'
export async function preview(ids: string[]) {
  return ids.map((id) => id.trim()).filter(Boolean)
}`,
    },
    {
      name: 'a wrapper that throws on the anonymous branch',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
const withUser = (handler: (userId: string) => Promise<void>) => async () => {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  return handler(userId)
}
export const purge = withUser(async (userId) => {
  await db.note.deleteMany({ where: { userId } })
})`,
    },
  ],
  invalid: [
    {
      name: "an error from a helper that is not about anonymous callers (the helper returns null for them)",
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
async function getSession() {
  const { userId, orgId } = await auth()
  if (!userId) return null
  const membership = await db.membership.findFirst({ where: { userId, orgId } })
  if (!membership) return { error: 'Not a member' }
  return { userId, orgId }
}
export async function purge() {
  const session = await getSession()
  if (session?.error) throw new Error(session.error)
  await db.invoice.deleteMany({ where: { orgId: session?.orgId } })
}`,
      errors: [{ messageId: 'uncheckedAuth', suggestions: [{ messageId: 'addAuthCheck', output: `'use server'
import { auth } from '@clerk/nextjs/server'
async function getSession() {
  const { userId, orgId } = await auth()
  if (!userId) return null
  const membership = await db.membership.findFirst({ where: { userId, orgId } })
  if (!membership) return { error: 'Not a member' }
  return { userId, orgId }
}
export async function purge() {
  const session = await getSession()
  if (!session) throw new Error('Unauthorized')
  if (session?.error) throw new Error(session.error)
  await db.invoice.deleteMany({ where: { orgId: session?.orgId } })
}` }] }],
    },
    {
      name: "userId === undefined (a signed-out userId is null)",
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (userId === undefined) throw new Error('Unauthorized')
  await db.x.deleteMany()
}`,
      errors: [{ messageId: 'uncheckedAuth', suggestions: [{ messageId: 'addAuthCheck', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (userId === undefined) throw new Error('Unauthorized')
  await db.x.deleteMany()
}` }] }],
    },
    {
      name: "typeof userId === 'undefined'",
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (typeof userId === 'undefined') throw new Error('Unauthorized')
  await db.x.deleteMany()
}`,
      errors: [{ messageId: 'uncheckedAuth', suggestions: [{ messageId: 'addAuthCheck', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (typeof userId === 'undefined') throw new Error('Unauthorized')
  await db.x.deleteMany()
}` }] }],
    },
    {
      name: 'console.assert only logs',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  console.assert(userId, 'Unauthorized')
  await db.x.deleteMany()
}`,
      errors: [{ messageId: 'uncheckedAuth', suggestions: [{ messageId: 'addAuthCheck', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  console.assert(userId, 'Unauthorized')
  await db.x.deleteMany()
}` }] }],
    },
    {
      name: 'a guard that throws inside try, and a catch that only logs',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  try {
    const session = await auth()
    if (!session.userId) throw new Error('Unauthorized')
  } catch (error) {
    console.warn(error)
  }
  return db.x.findMany()
}`,
      // The check that throws into the catch is no guard; a whole guard goes before the try.
      errors: [{ messageId: 'uncheckedAuth', suggestions: [{ messageId: 'addAuthGuard', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  try {
    const session = await auth()
    if (!session.userId) throw new Error('Unauthorized')
  } catch (error) {
    console.warn(error)
  }
  return db.x.findMany()
}` }] }],
    },
    {
      name: 'auth.protect() with its rejection swallowed by .catch()',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const session = await auth.protect().catch(() => null)
  await db.x.deleteMany({ where: { userId: session?.userId } })
}`,
      errors: [{ messageId: 'uncheckedAuth', suggestions: [{ messageId: 'addAuthCheck', output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f() {
  const session = await auth.protect().catch(() => null)
  if (!session) throw new Error('Unauthorized')
  await db.x.deleteMany({ where: { userId: session?.userId } })
}` }] }],
    },
    {
      name: 'work inside a callback: a bulk delete through map',
      filename: actions,
      code: `'use server'
export async function removeAll(ids: string[]) {
  await Promise.all(ids.map((id) => db.invoice.delete({ where: { id } })))
}`,
      errors: missing('removeAll', `'use server'
import { auth } from '@clerk/nextjs/server'
export async function removeAll(ids: string[]) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await Promise.all(ids.map((id) => db.invoice.delete({ where: { id } })))
}`),
    },
    {
      name: 'a project function named createClient that writes is work',
      filename: actions,
      code: `'use server'
async function createClient(data: FormData) {
  return db.client.create({ data: { name: String(data.get('name')) } })
}
export async function addClient(data: FormData) {
  await createClient(data)
}`,
      errors: missing('addClient', `'use server'
import { auth } from '@clerk/nextjs/server'
async function createClient(data: FormData) {
  return db.client.create({ data: { name: String(data.get('name')) } })
}
export async function addClient(data: FormData) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await createClient(data)
}`),
    },
    {
      name: 'a wrapper that calls the action on the anonymous branch too',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
const withUser = (handler: (userId: string | null) => Promise<void>) => async () => {
  const { userId } = await auth()
  if (!userId) return handler(null)
  return handler(userId)
}
export const purge = withUser(async () => {
  await db.note.deleteMany()
})`,
      errors: missing('purge', `'use server'
import { auth } from '@clerk/nextjs/server'
const withUser = (handler: (userId: string | null) => Promise<void>) => async () => {
  const { userId } = await auth()
  if (!userId) return handler(null)
  return handler(userId)
}
export const purge = withUser(async () => {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.note.deleteMany()
})`),
    },
  ],
});

ruleTester.run('require-route-handler-auth: only real webhooks are left to the webhook rule', routeRule, {
  valid: [
    {
      name: "a Clerk webhook (verifyWebhook) is the webhook rule's",
      filename: route,
      code: `import { verifyWebhook } from '@clerk/nextjs/webhooks'
export async function POST(req: Request) {
  const evt = await verifyWebhook(req)
  await db.user.upsert({ where: { id: evt.data.id }, create: { id: evt.data.id }, update: {} })
  return new Response('ok')
}`,
    },
    {
      name: 'a svix receiver that verifies the signature',
      filename: route,
      code: `import { Webhook } from 'svix'
const wh = new Webhook(process.env.RESEND_WEBHOOK_SECRET!)
export async function POST(req: Request) {
  const payload = await req.text()
  const event = wh.verify(payload, Object.fromEntries(req.headers)) as { type: string; data: { email_id: string } }
  await db.email.update({ where: { id: event.data.email_id }, data: { status: event.type } })
  return new Response('ok')
}`,
    },
    {
      name: 'a route sending webhooks, with its own check',
      filename: route,
      code: `import { auth } from '@clerk/nextjs/server'
import { sendWebhook } from '@/lib/webhooks'
export async function POST(req: Request) {
  const { userId } = await auth()
  if (!userId) return new Response('Unauthorized', { status: 401 })
  const body = await req.json()
  await db.item.create({ data: { ...body, userId } })
  await sendWebhook('item.created', body)
  return Response.json({ ok: true })
}`,
    },
  ],
  invalid: [
    {
      name: 'a route that imports a module named …/webhooks to send webhooks is an ordinary route',
      filename: route,
      code: `import { sendWebhook } from '@/lib/webhooks'
export async function POST(req: Request) {
  const body = await req.json()
  await db.item.create({ data: body })
  await sendWebhook('item.created', body)
  return Response.json({ ok: true })
}`,
      errors: missing('POST /api/items', `import { sendWebhook } from '@/lib/webhooks'
import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const body = await req.json()
  await db.item.create({ data: body })
  await sendWebhook('item.created', body)
  return Response.json({ ok: true })
}`),
    },
    {
      name: 'a Clerk event-type string in a handler that reads no payload is not a webhook',
      filename: route,
      code: `export async function GET() {
  return Response.json(await db.auditLog.findMany({ where: { event: 'user.deleted' } }))
}`,
      errors: missing('GET /api/items', `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  return Response.json(await db.auditLog.findMany({ where: { event: 'user.deleted' } }))
}`),
    },
    {
      name: 'a svix receiver that never verifies (not a Clerk webhook, so only this rule can see it)',
      filename: route,
      code: `import { Webhook } from 'svix'
const wh = new Webhook(process.env.RESEND_WEBHOOK_SECRET!)
export async function POST(req: Request) {
  const event = await req.json()
  await db.email.update({ where: { id: event.data.email_id }, data: { status: event.type } })
  return new Response('ok')
}`,
      errors: missing('POST /api/items', `import { Webhook } from 'svix'
import { auth } from '@clerk/nextjs/server'
const wh = new Webhook(process.env.RESEND_WEBHOOK_SECRET!)
export async function POST(req: Request) {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const event = await req.json()
  await db.email.update({ where: { id: event.data.email_id }, data: { status: event.type } })
  return new Response('ok')
}`),
    },
  ],
});
