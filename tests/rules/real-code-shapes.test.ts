// Shapes of safe code from public Clerk apps (the real-apps corpus, tests/real-apps/labels.jsonl) that the rules
// reported, each next to the unsafe shape it must still report. Helpers live in tests/fixtures/v7/services and
// tests/fixtures/v7/pages/api/organizer; the fixture's tsconfig.json is the shape create-next-app writes.
import { fileURLToPath } from 'node:url';

import actionRule from '../../src/rules/require-server-action-auth.js';
import routeRule from '../../src/rules/require-route-handler-auth.js';
import webhookRule from '../../src/rules/require-webhook-verification.js';
import { fixture, ruleTester } from '../rule-tester.js';

const actions = fixture('app/actions.ts');

ruleTester.run('require-server-action-auth: checks real apps make', actionRule, {
  valid: [
    {
      name: 'identity destructured from a helper that returns { userId, user }, compared with == null',
      filename: actions,
      code: `'use server'
import { getCurrentUser } from '@/services/clerk/get-current-auth'
export async function apply(jobListingId: string) {
  const permissionError = { error: true, message: 'No permission' }
  const { userId } = await getCurrentUser()
  if (userId == null) return permissionError
  await db.application.create({ data: { jobListingId, userId } })
}`,
    },
    {
      name: 'two helpers, then one || check on both identities',
      filename: actions,
      code: `'use server'
import { getCurrentOrganization, getCurrentUser } from '@/services/clerk/get-current-auth'
export async function updateSettings(settings: { email: boolean }) {
  const { userId } = await getCurrentUser()
  const { orgId } = await getCurrentOrganization()
  if (!userId || !orgId) return { error: true }
  await db.settings.update({ where: { userId, orgId }, data: settings })
}`,
    },
    {
      name: 'a renamed identity from the helper',
      filename: actions,
      code: `'use server'
import { getCurrentOrganization } from '@/services/clerk/get-current-auth'
export async function deleteListing(id: string) {
  const { orgId: organizationId } = await getCurrentOrganization()
  if (!organizationId) return { error: true }
  await db.listing.delete({ where: { id, organizationId } })
}`,
    },
    {
      name: 'zod schema built and checked before a has()-based permission helper',
      filename: actions,
      code: `'use server'
import { z } from 'zod'
import { hasOrgUserPermission } from '@/services/clerk/get-current-auth'
export async function changeStage(id: string, stage: string) {
  const { success, data } = z.enum(['applied', 'hired']).safeParse(stage)
  if (!success) return { error: true }
  if (!(await hasOrgUserPermission('applications:change_stage'))) return { error: true }
  await db.application.update({ where: { id }, data: { stage: data } })
}`,
    },
    {
      name: 'valibot and yup validation before the check',
      filename: actions,
      code: `'use server'
import * as v from 'valibot'
import { object, string } from 'yup'
import { parse } from 'valibot'
import { auth } from '@clerk/nextjs/server'
export async function rename(input: unknown) {
  const name = v.parse(v.string(), input)
  const other = parse(v.string(), input)
  await object({ name: string().required() }).validate({ name })
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.project.update({ where: { userId }, data: { name, other } })
}`,
    },
    {
      name: 'database connection and logging before the check',
      filename: actions,
      code: `'use server'
import mongoose from 'mongoose'
import { auth } from '@clerk/nextjs/server'
import { connectDB } from '@/lib/db'
import { logger } from '@/lib/logger'
export async function addToCart(productId: string) {
  await connectDB()
  await mongoose.connect(process.env.MONGODB_URI!)
  logger.info('addToCart', productId)
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await Cart.updateOne({ userId }, { $push: { items: productId } })
}`,
    },
    {
      name: 'zsa: an action built on a procedure whose handler checks the user (same file, check inside try/catch)',
      filename: actions,
      code: `'use server'
import { currentUser } from '@clerk/nextjs/server'
import { createServerActionProcedure } from 'zsa'
import { z } from 'zod'
const authedProcedure = createServerActionProcedure().handler(async () => {
  try {
    const auth = await currentUser()
    if (!auth?.id) throw new Error('User not authenticated')
    return { auth }
  } catch {
    throw new Error('User not authenticated')
  }
})
export const createAccount = authedProcedure
  .createServerAction()
  .input(z.object({ name: z.string() }))
  .handler(async ({ input, ctx }) => db.account.create({ data: { ...input, userId: ctx.auth.id } }))`,
    },
    {
      name: 'zsa: procedures imported through an alias, also a chained one',
      filename: actions,
      code: `'use server'
import { adminProcedure, authedProcedure } from '@/services/zsa-procedures'
export const deleteAccount = authedProcedure.createServerAction().handler(async ({ ctx }) => db.account.delete({ where: { userId: ctx.user.id } }))
export const purge = adminProcedure.createServerAction().handler(async () => db.account.deleteMany())`,
    },
    {
      name: 'action -> service -> getSelf() that throws, through aliases (two modules deep)',
      filename: actions,
      code: `'use server'
import { archiveMine } from '@/services/projects/service'
export async function archive(projectId: string) {
  await archiveMine(projectId)
}`,
    },
    {
      name: 'a helper two modules deep returns null for signed-out callers, and the action checks it',
      filename: actions,
      code: `'use server'
import { currentOwner } from '@/services/projects/service'
export async function rename(id: string, name: string) {
  const owner = await currentOwner()
  if (!owner) return { error: 'Unauthorized', status: 401 }
  await db.project.update({ where: { id, ownerId: owner.id }, data: { name } })
}`,
    },
  ],
  invalid: [
    {
      name: 'a service that never asks who is calling is no guard',
      filename: actions,
      code: `'use server'
import { archiveAny } from '@/services/projects/service'
export async function archive(projectId: string) {
  await archiveAny(projectId)
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `'use server'
import { archiveAny } from '@/services/projects/service'
import { auth } from '@clerk/nextjs/server'
export async function archive(projectId: string) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await archiveAny(projectId)
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a key of the helper result that is there whoever calls is no check',
      filename: actions,
      code: `'use server'
import { getSessionAndSettings } from '@/services/clerk/get-current-auth'
export async function save(data: object) {
  const { settings } = await getSessionAndSettings()
  if (!settings) return { error: true }
  await db.settings.update({ data })
}`,
      errors: [
        {
          messageId: 'uncheckedAuth',
          suggestions: [
            {
              messageId: 'addAuthCheck',
              output: `'use server'
import { getSessionAndSettings } from '@/services/clerk/get-current-auth'
export async function save(data: object) {
  const { settings, userId } = await getSessionAndSettings()
  if (!userId) throw new Error('Unauthorized')
  if (!settings) return { error: true }
  await db.settings.update({ data })
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a connect helper that is not a database connection is work',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
import { connectUsers } from '@/lib/social'
export async function follow(a: string, b: string) {
  await connectUsers(a, b)
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
}`,
      errors: [
        {
          messageId: 'authAfterWork',
          suggestions: [
            {
              messageId: 'moveAuthGuard',
              output: `'use server'
import { auth } from '@clerk/nextjs/server'
import { connectUsers } from '@/lib/social'
export async function follow(a: string, b: string) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await connectUsers(a, b)
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'zsa: a procedure whose handler never checks',
      filename: actions,
      code: `'use server'
import { loggedProcedure } from '@/services/zsa-procedures'
export const wipe = loggedProcedure.createServerAction().handler(async () => db.account.deleteMany())`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `'use server'
import { loggedProcedure } from '@/services/zsa-procedures'
import { auth } from '@clerk/nextjs/server'
export const wipe = loggedProcedure.createServerAction().handler(async () => {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  return db.account.deleteMany()
})`,
            },
          ],
        },
      ],
    },
    {
      name: 'zsa: createServerActionProcedure from another package is not zsa',
      filename: actions,
      code: `'use server'
import { currentUser } from '@clerk/nextjs/server'
import { createServerActionProcedure } from './my-procedures'
const authedProcedure = createServerActionProcedure().handler(async () => {
  const user = await currentUser()
  if (!user) throw new Error('Unauthorized')
  return { user }
})
export const wipe = authedProcedure.createServerAction().handler(async () => db.account.deleteMany())`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `'use server'
import { currentUser, auth } from '@clerk/nextjs/server'
import { createServerActionProcedure } from './my-procedures'
const authedProcedure = createServerActionProcedure().handler(async () => {
  const user = await currentUser()
  if (!user) throw new Error('Unauthorized')
  return { user }
})
export const wipe = authedProcedure.createServerAction().handler(async () => {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  return db.account.deleteMany()
})`,
            },
          ],
        },
      ],
    },
  ],
});

const organizerRoute = fixture('pages/api/organizer/events/[slug]/broadcast.ts');

ruleTester.run('require-route-handler-auth: checks real apps make', routeRule, {
  valid: [
    {
      name: "a fetching helper imported from the folder's index ('.') and checked",
      filename: organizerRoute,
      code: `import type { NextApiRequest, NextApiResponse } from 'next'
import { getEvent } from '.'
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const event = await getEvent(req, res, { attendees: true })
  if (!event) return res.status(401).json({ error: 'Unauthorized' })
  await sendEmails(event.attendees, req.body)
  return res.json({ ok: true })
}`,
    },
    {
      name: "a fetching helper imported from the parent folder's index ('..') and checked",
      filename: fixture('pages/api/organizer/events/[slug]/data/delete.ts'),
      code: `import type { NextApiRequest, NextApiResponse } from 'next'
import { getEvent } from '..'
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const event = await getEvent(req, res)
  if (!event) return res.status(401).json({ error: 'Unauthorized' })
  await db.attendee.deleteMany({ where: { eventId: event.id } })
  return res.json({ ok: true })
}`,
    },
  ],
  invalid: [
    {
      name: "a helper from the folder's index that looks the record up whoever calls",
      filename: organizerRoute,
      code: `import type { NextApiRequest, NextApiResponse } from 'next'
import { findEvent } from '.'
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const event = await findEvent(req)
  if (!event) return res.status(404).json({ error: 'Not found' })
  await db.attendee.deleteMany({ where: { eventId: event.id } })
  return res.json({ ok: true })
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import type { NextApiRequest, NextApiResponse } from 'next'
import { findEvent } from '.'
import { getAuth } from '@clerk/nextjs/server'
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { userId } = getAuth(req)
  if (!userId) return res.status(401).json({ error: 'Unauthorized' })
  const event = await findEvent(req)
  if (!event) return res.status(404).json({ error: 'Not found' })
  await db.attendee.deleteMany({ where: { eventId: event.id } })
  return res.json({ ok: true })
}`,
            },
          ],
        },
      ],
    },
  ],
});

const publicList = (path: string) => fileURLToPath(new URL(`../fixtures/middleware/public-list/${path}`, import.meta.url));
const route = (path: string) => fixture(`app/api/${path}/route.ts`);

ruleTester.run('require-route-handler-auth: public by design', routeRule, {
  valid: [
    {
      name: 'a read-only catalogue: no session read, only reads, no caller id (fastcart product/list)',
      filename: route('product/list'),
      code: `import { NextResponse } from 'next/server'
import connectDB from '@/config/db'
import Product from '@/models/Product'
export async function GET() {
  try {
    await connectDB()
    const products = await Product.find({}).sort({ date: -1 }).lean()
    return NextResponse.json({ success: true, products })
  } catch (error) {
    return NextResponse.json({ success: false, message: error.message })
  }
}`,
    },
    {
      name: 'a public image proxy reading an object store (AWS SDK read command through a const)',
      filename: route('images/[...path]'),
      code: `import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
const s3 = new S3Client({ region: 'auto' })
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params
  const command = new GetObjectCommand({ Bucket: 'public-assets', Key: path.join('/') })
  const response = await s3.send(command)
  const bytes = await response.Body!.transformToByteArray()
  return new Response(bytes, { headers: { 'Last-Modified': response.LastModified?.toUTCString() ?? '' } })
}`,
    },
    {
      name: 'drizzle select chains and a GET fetch',
      filename: route('posts'),
      code: `import { db } from '@/db'
import { posts } from '@/db/schema'
import { desc, eq } from 'drizzle-orm'
export async function GET() {
  const rows = await db.select().from(posts).where(eq(posts.published, true)).orderBy(desc(posts.createdAt)).limit(20)
  const stats = await fetch('https://api.example.com/stats', { method: 'GET' }).then((r) => r.json())
  return Response.json({ rows, stats })
}`,
    },
    {
      name: 'health checks on app routes and Express/Fastify/Hono servers',
      filename: route('health'),
      code: `import { db } from '@/db'
export async function GET() {
  await db.execute('SELECT 1')
  return Response.json({ status: 'ok', uptime: process.uptime(), timestamp: Date.now() })
}`,
    },
    {
      name: 'an Express /health route',
      filename: fixture('server/index.ts'),
      code: `import express from 'express'
import { clerkMiddleware } from '@clerk/express'
const app = express()
app.use(clerkMiddleware())
app.get('/health', (req, res) => {
  res.json({ status: 'ok', uptime: process.uptime(), timestamp: Date.now() })
})
export default app`,
    },
    {
      name: "the sign-in, sign-out and register endpoints of the app's own login (hackathon.zip attendees)",
      filename: fixture('pages/api/attendee/[slug]/sign-in.ts'),
      code: `import type { NextApiRequest, NextApiResponse } from 'next'
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const attendee = await prisma.attendee.findFirst({ where: { email: req.body.email } })
  if (!attendee) return res.redirect('/register')
  await prisma.attendeeMagicKey.create({ data: { attendeeId: attendee.id } })
  await sendEmail(attendee.email)
  return res.redirect('/check-email')
}`,
    },
    {
      name: 'a route the middleware lists by name as public (HackathonChipi kyc/verify)',
      filename: publicList('app/api/kyc/verify/route.ts'),
      code: `import { ratelimit } from '@/lib/ratelimit'
export async function POST(req: Request) {
  const { wallet } = await req.json()
  await ratelimit.limit(wallet)
  const record = await prisma.kyc.upsert({ where: { wallet }, create: { wallet }, update: {} })
  return Response.json({ verified: record.verified })
}`,
    },
    {
      name: 'optional sign-in: the identity is tested and signed-out callers are served on purpose (rust-conveyor-filters log-event)',
      filename: route('log-event'),
      code: `import { auth } from '@clerk/nextjs/server'
import { Ratelimit } from '@upstash/ratelimit'
import { ipAddress } from '@vercel/functions'
import { getRedisClient } from '@/lib/redis'
export async function POST(req: Request) {
  const redis = await getRedisClient()
  const rateLimit = new Ratelimit({ redis, limiter: Ratelimit.fixedWindow(1, '5m') })
  const { userId } = await auth()
  const { filterId } = await req.json()
  const ip = req.headers.get('x-forwarded-for') || ipAddress(req)
  const key = userId ? \`\${userId}:\${filterId}\` : \`\${ip}:\${filterId}\`
  const { success } = await rateLimit.limit(key)
  return Response.json({ success })
}`,
    },
    {
      name: 'optional sign-in with a fallback value, reading a public feed',
      filename: route('feed'),
      code: `import { auth } from '@clerk/nextjs/server'
import { getFeed } from '@/lib/feed'
export async function GET() {
  const { userId } = await auth()
  return Response.json(await getFeed(userId ?? 'guest'))
}`,
    },
    {
      name: "optional sign-in scoping a private read with a fallback that matches no one (HackathonChipi's wallet lookup)",
      filename: route('wallet'),
      code: `import { auth } from '@clerk/nextjs/server'
import { getOrCreateChipiServer } from '@/lib/chipi-server'
export async function GET() {
  const { userId } = await auth()
  const chipi = getOrCreateChipiServer()
  const wallet = await chipi.getWallet({ externalUserId: userId || '' })
  return Response.json({ wallet })
}`,
    },
    {
      name: 'optional sign-in: a private read on the signed-in side of a ternary only',
      filename: route('home'),
      code: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  const invoices = userId ? await db.invoice.findMany({ where: { userId } }) : []
  return Response.json({ invoices, products: await db.product.findMany() })
}`,
    },
    {
      name: "the route's own segment compared with the session: a signed-out caller never matches",
      filename: route('users/[userId]/export'),
      code: `import { auth } from '@clerk/nextjs/server'
export async function GET(req: Request, { params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await auth()
  if ((await params).userId !== userId) return new Response(null, { status: 404 })
  return Response.json(await db.export.findMany({ where: { userId } }))
}`,
    },
    {
      name: 'a presigned download URL for a public asset is a read (GetObjectCommand)',
      filename: route('assets/[key]'),
      code: `import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
const s3 = new S3Client({})
export async function GET(req: Request, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params
  return Response.json({ url: await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'public-assets', Key: key })) })
}`,
    },
    {
      name: 'a mongoose read chain ending in exec()',
      filename: route('courses'),
      code: `import Course from '@/models/Course'
export async function GET() {
  return Response.json(await Course.find({ published: true }).sort({ createdAt: -1 }).lean().exec())
}`,
    },
    {
      name: 'raw SQL reading a public table',
      filename: route('posts/latest'),
      code: `import { sql } from '@/lib/db'
export async function GET() {
  return Response.json(await sql\`SELECT id, title, slug FROM posts WHERE published = true\`)
}`,
    },
    {
      name: 'a read pulling in public relations (with: { tags: true })',
      filename: route('articles'),
      code: `import { db } from '@/db'
export async function GET() {
  return Response.json(await db.query.articles.findMany({ with: { tags: true, category: true } }))
}`,
    },
    {
      name: "the app's own sign-out endpoint, behind a dynamic segment",
      filename: fixture('pages/api/attendee/[slug]/sign-out.ts'),
      code: `import type { NextApiRequest, NextApiResponse } from 'next'
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const slug = await getHackathonSlug(req.query.slug as string)
  res.setHeader('Set-Cookie', \`\${slug}=; Max-Age=0; Path=/\`)
  return res.redirect('/')
}`,
    },
    {
      name: 'a Hono /healthz route',
      filename: fixture('server/payments.ts'),
      code: `import { Hono } from 'hono'
import { clerkMiddleware } from '@hono/clerk-auth'
const app = new Hono()
app.use('*', clerkMiddleware())
app.get('/healthz', async (c) => c.json({ status: 'ok', uptime: process.uptime(), db: await db.execute('SELECT 1') }))
export default app`,
    },
    {
      name: 'a route the public list names, writing a verification log (HackathonChipi credential/status)',
      filename: publicList('app/api/credential/status/route.ts'),
      code: `export async function GET(req: Request) {
  const wallet = new URL(req.url).searchParams.get('wallet')
  const credential = await prisma.credential.findFirst({ where: { wallet } })
  await prisma.lookupLog.create({ data: { wallet } })
  return Response.json({ status: credential?.status ?? 'none' })
}`,
    },
    {
      name: 'optional sign-in: a signed-out branch that only assigns a fallback key, which scopes the write',
      filename: route('views'),
      code: `import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  const { userId } = await auth()
  const ip = req.headers.get('x-forwarded-for') ?? 'unknown'
  let key = \`user:\${userId}\`
  if (!userId) key = \`ip:\${ip}\`
  await redis.incr(key)
  return Response.json({ ok: true })
}`,
    },
    {
      name: 'optional sign-in: a private read on the signed-in side of &&',
      filename: route('sidebar'),
      code: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  const notes = userId && (await db.note.findMany({ where: { userId } }))
  return Response.json({ notes: notes || [], links: await db.link.findMany() })
}`,
    },
    {
      name: 'a cron route checked by a synchronous shared-secret helper',
      filename: route('cron/cleanup'),
      code: `import { isCronRequest } from '@/services/donations/kofi'
export async function GET(req: Request) {
  if (!isCronRequest(req.headers.get('authorization'))) return new Response(null, { status: 401 })
  await db.session.deleteMany({ where: { expiresAt: { lt: new Date() } } })
  return new Response('ok')
}`,
    },
    {
      name: "another provider's webhook verified with a shared token by an imported helper (Ko-fi)",
      filename: route('webhooks/donation/kofi'),
      code: `import { verifyKofiWebhook } from '@/services/donations/kofi'
export async function POST(request: Request) {
  const formData = await request.formData()
  const body = JSON.parse(String(formData.get('data')))
  const isValid = await verifyKofiWebhook(body)
  if (!isValid) return Response.json({ error: 'Invalid webhook signature' }, { status: 401 })
  await db.donation.create({ data: body })
  return Response.json({ ok: true })
}`,
    },
  ],
  invalid: [
    {
      name: 'a read-only handler of data that is private by its name (a helper named for orders)',
      filename: route('recent'),
      code: `import { getRecentOrders } from '@/lib/orders'
export async function GET() {
  return Response.json(await getRecentOrders())
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { getRecentOrders } from '@/lib/orders'
import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  return Response.json(await getRecentOrders())
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a read by a caller-supplied user id is no public read',
      filename: route('orders'),
      code: `export async function GET(req: Request) {
  const userId = new URL(req.url).searchParams.get('userId')
  return Response.json(await db.order.findMany({ where: { userId } }))
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { auth } from '@clerk/nextjs/server'
export async function GET(req: Request) {
  const { userId: clerkUserId } = await auth()
  if (!clerkUserId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const userId = new URL(req.url).searchParams.get('userId')
  return Response.json(await db.order.findMany({ where: { userId } }))
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'findOneAndUpdate is a write',
      filename: route('products/feature'),
      code: `export async function GET() {
  return Response.json(await Product.findOneAndUpdate({ featured: false }, { featured: true }))
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  return Response.json(await Product.findOneAndUpdate({ featured: false }, { featured: true }))
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'checkPublicReads: read-only handlers are reported when the team asks',
      filename: route('product/list'),
      options: [{ checkPublicReads: true }],
      code: `export async function GET() {
  return Response.json(await Product.find({}))
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  return Response.json(await Product.find({}))
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a webhook the middleware lists as public that never verifies its sender (traquealo media webhook)',
      filename: publicList('app/api/media/webhooks/route.ts'),
      code: `export async function POST(req: Request) {
  const payload = await req.json()
  await issues.partialUpdate(payload.fields.issueId, { media: payload.results })
  return new Response('ok')
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
  const payload = await req.json()
  await issues.partialUpdate(payload.fields.issueId, { media: payload.results })
  return new Response('ok')
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'the session read but never tested: no optional sign-in (fastcart cart)',
      filename: route('cart/get'),
      code: `import { getAuth } from '@clerk/nextjs/server'
export async function GET(request: Request) {
  const { userId } = getAuth(request)
  const user = await User.findById(userId ?? undefined)
  return Response.json({ cartItems: user?.cartItems })
}`,
      errors: [
        {
          messageId: 'uncheckedAuth',
          suggestions: [
            {
              messageId: 'addAuthCheck',
              output: `import { getAuth } from '@clerk/nextjs/server'
export async function GET(request: Request) {
  const { userId } = getAuth(request)
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const user = await User.findById(userId ?? undefined)
  return Response.json({ cartItems: user?.cartItems })
}`,
            },
          ],
        },
      ],
    },
    {
      name: "optional sign-in is no excuse for a write: userId ?? 'anonymous' only labels a log",
      filename: route('invoices/[id]'),
      code: `import { auth } from '@clerk/nextjs/server'
import { logger } from '@/lib/logger'
export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { userId } = await auth()
  logger.info(\`invoice \${id} deleted by \${userId ?? 'anonymous'}\`)
  await db.invoice.delete({ where: { id } })
  return new Response(null, { status: 204 })
}`,
      errors: [
        {
          messageId: 'uncheckedAuth',
          suggestions: [
            {
              messageId: 'addAuthCheck',
              output: `import { auth } from '@clerk/nextjs/server'
import { logger } from '@/lib/logger'
export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  logger.info(\`invoice \${id} deleted by \${userId ?? 'anonymous'}\`)
  await db.invoice.delete({ where: { id } })
  return new Response(null, { status: 204 })
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'extra work if (userId) does not make a delete outside it optional',
      filename: route('posts/[id]'),
      code: `import { auth } from '@clerk/nextjs/server'
export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { userId } = await auth()
  const { id } = await params
  await db.post.delete({ where: { id } })
  if (userId) await db.activity.create({ data: { userId, action: 'delete' } })
  return new Response(null, { status: 204 })
}`,
      errors: [
        {
          messageId: 'uncheckedAuth',
          suggestions: [
            {
              messageId: 'addAuthCheck',
              output: `import { auth } from '@clerk/nextjs/server'
export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const { id } = await params
  await db.post.delete({ where: { id } })
  if (userId) await db.activity.create({ data: { userId, action: 'delete' } })
  return new Response(null, { status: 204 })
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a signed-out branch that adopts a caller-supplied identity',
      filename: route('settings'),
      code: `import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  let { userId } = await auth()
  const body = await req.json()
  if (!userId) userId = body.userId
  return Response.json(await db.feed.findMany({ where: { ownerId: userId } }))
}`,
      errors: [
        {
          messageId: 'uncheckedAuth',
          suggestions: [
            {
              messageId: 'addAuthCheck',
              output: `import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  let { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const body = await req.json()
  if (!userId) userId = body.userId
  return Response.json(await db.feed.findMany({ where: { ownerId: userId } }))
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a read-only handler pulling private relations in (include: { user, payment })',
      filename: route('bookings'),
      code: `export async function GET() {
  return Response.json(await db.booking.findMany({ include: { user: true, payment: true } }))
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  return Response.json(await db.booking.findMany({ include: { user: true, payment: true } }))
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a read-only handler under /api/admin',
      filename: route('admin/stats'),
      code: `export async function GET() {
  return Response.json(await db.product.count())
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  return Response.json(await db.product.count())
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'raw SQL reading a private table',
      filename: route('export'),
      code: `import { sql } from '@/lib/db'
export async function GET() {
  return Response.json(await sql\`SELECT id, email, stripe_customer_id FROM users\`)
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { sql } from '@/lib/db'
import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  return Response.json(await sql\`SELECT id, email, stripe_customer_id FROM users\`)
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a presigned upload URL is a write',
      filename: route('upload-url'),
      code: `import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
const s3 = new S3Client({})
export async function GET(req: Request) {
  const name = new URL(req.url).searchParams.get('name')
  return Response.json({ url: await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: \`uploads/\${name}\` })) })
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { auth } from '@clerk/nextjs/server'
const s3 = new S3Client({})
export async function GET(req: Request) {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const name = new URL(req.url).searchParams.get('name')
  return Response.json({ url: await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: \`uploads/\${name}\` })) })
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'exec runs whatever it is given: db.exec(DELETE …) is a write',
      filename: route('purge'),
      code: `export async function GET() {
  await db.exec('DELETE FROM products')
  return new Response('ok')
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  await db.exec('DELETE FROM products')
  return new Response('ok')
}`,
            },
          ],
        },
      ],
    },
    {
      name: "an admin's password reset is no sign-in endpoint",
      filename: route('admin/users/[id]/reset-password'),
      code: `export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  await db.user.update({ where: { id }, data: { password: (await req.json()).password } })
  return new Response(null, { status: 204 })
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const { id } = await params
  await db.user.update({ where: { id }, data: { password: (await req.json()).password } })
  return new Response(null, { status: 204 })
}`,
            },
          ],
        },
      ],
    },
    {
      name: "a login endpoint that mints Clerk sign-in tokens for a user the caller names",
      filename: route('auth/login'),
      code: `import { clerkClient } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  const { userId } = await req.json()
  const token = await (await clerkClient()).signInTokens.createSignInToken({ userId, expiresInSeconds: 600 })
  return Response.json({ url: token.url })
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { clerkClient, auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  const { userId: clerkUserId } = await auth()
  if (!clerkUserId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const { userId } = await req.json()
  const token = await (await clerkClient()).signInTokens.createSignInToken({ userId, expiresInSeconds: 600 })
  return Response.json({ url: token.url })
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a tree the public list makes public wholesale (/api/v1(.*)) does not name its routes',
      filename: publicList('app/api/v1/projects/[id]/route.ts'),
      code: `export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  await db.project.delete({ where: { id } })
  return new Response(null, { status: 204 })
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { auth } from '@clerk/nextjs/server'
export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const { id } = await params
  await db.project.delete({ where: { id } })
  return new Response(null, { status: 204 })
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a webhook the public list names outside a webhooks folder, with no verification',
      filename: publicList('app/api/stripe-webhook/route.ts'),
      code: `export async function POST(req: Request) {
  const event = await req.json()
  if (event.type === 'customer.subscription.updated') await db.subscription.update({ where: { id: event.data.object.id }, data: { status: event.data.object.status } })
  return new Response('ok')
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
  const event = await req.json()
  if (event.type === 'customer.subscription.updated') await db.subscription.update({ where: { id: event.data.object.id }, data: { status: event.data.object.status } })
  return new Response('ok')
}`,
            },
          ],
        },
      ],
    },
    {
      name: "a helper comparing with a public env value is no secret check (validateOrigin)",
      filename: route('account/delete'),
      code: `import { validateOrigin } from '@/services/donations/kofi'
export async function POST(req: Request) {
  if (!(await validateOrigin(req))) return new Response(null, { status: 403 })
  await db.account.delete({ where: { id: (await req.json()).id } })
  return new Response(null, { status: 204 })
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { validateOrigin } from '@/services/donations/kofi'
import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  if (!(await validateOrigin(req))) return new Response(null, { status: 403 })
  await db.account.delete({ where: { id: (await req.json()).id } })
  return new Response(null, { status: 204 })
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a shared-token check whose result gates nothing',
      filename: route('webhooks/donation/kofi'),
      code: `import { verifyKofiWebhook } from '@/services/donations/kofi'
export async function POST(request: Request) {
  const body = await request.json()
  await verifyKofiWebhook(body)
  await db.donation.create({ data: body })
  return Response.json({ ok: true })
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { verifyKofiWebhook } from '@/services/donations/kofi'
import { auth } from '@clerk/nextjs/server'
export async function POST(request: Request) {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const body = await request.json()
  await verifyKofiWebhook(body)
  await db.donation.create({ data: body })
  return Response.json({ ok: true })
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a request body called params is no route segment',
      filename: route('profile'),
      code: `import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  const { userId } = await auth()
  const params = await req.json()
  if (params.userId !== userId) return new Response(null, { status: 403 })
  await db.profile.update({ where: { userId: params.userId }, data: params.data })
  return new Response(null, { status: 204 })
}`,
      errors: [
        {
          messageId: 'uncheckedAuth',
          suggestions: [
            {
              messageId: 'addAuthCheck',
              output: `import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const params = await req.json()
  if (params.userId !== userId) return new Response(null, { status: 403 })
  await db.profile.update({ where: { userId: params.userId }, data: params.data })
  return new Response(null, { status: 204 })
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a verifier-named helper that compares nothing secret is no verification',
      filename: route('webhooks/donation/kofi'),
      code: `import { verifyKofiShape } from '@/services/donations/kofi'
export async function POST(request: Request) {
  const body = await request.json()
  if (!(await verifyKofiShape(body))) return new Response('bad', { status: 400 })
  await db.donation.create({ data: body })
  return Response.json({ ok: true })
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `import { verifyKofiShape } from '@/services/donations/kofi'
import { auth } from '@clerk/nextjs/server'
export async function POST(request: Request) {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const body = await request.json()
  if (!(await verifyKofiShape(body))) return new Response('bad', { status: 400 })
  await db.donation.create({ data: body })
  return Response.json({ ok: true })
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-server-action-auth: public by design', actionRule, {
  valid: [
    {
      name: 'a read-only action with no caller id (a public catalogue)',
      filename: actions,
      code: `'use server'
export async function listCategories() {
  return db.category.findMany({ orderBy: { name: 'asc' } })
}`,
    },
    {
      name: 'a read-only action that looks a post up by its slug',
      filename: actions,
      code: `'use server'
export async function getPost(slug: string) {
  return db.post.findUnique({ where: { slug } })
}`,
    },
    {
      name: 'a paginated read-only action (the page number identifies no one)',
      filename: actions,
      code: `'use server'
export async function listPosts(page: number) {
  return db.post.findMany({ where: { published: true }, skip: (page - 1) * 20, take: 20 })
}`,
    },
    {
      name: 'optional sign-in in an action: the query is scoped by a ternary on the identity',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function getFeed() {
  const { userId } = await auth()
  return db.post.findMany({ where: userId ? { OR: [{ published: true }, { authorId: userId }] } : { published: true } })
}`,
    },
  ],
  invalid: [
    {
      name: "a read by a caller-supplied user id (Cunhat getAccounts)",
      filename: actions,
      code: `'use server'
export async function getAccounts(userId: string) {
  return db.account.findMany({ where: { userId } })
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function getAccounts(userId: string) {
  const { userId: clerkUserId } = await auth()
  if (!clerkUserId) throw new Error('Unauthorized')
  return db.account.findMany({ where: { userId } })
}`,
            },
          ],
        },
      ],
    },
    {
      name: "a Server Action's argument called params is whatever the caller sends",
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function updateProfile({ params }: { params: { userId: string } }, name: string) {
  const { userId } = await auth()
  if (params.userId !== userId) throw new Error('Forbidden')
  await db.profile.update({ where: { userId: params.userId }, data: { name } })
}`,
      errors: [
        {
          messageId: 'uncheckedAuth',
          suggestions: [
            {
              messageId: 'addAuthCheck',
              output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function updateProfile({ params }: { params: { userId: string } }, name: string) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (params.userId !== userId) throw new Error('Forbidden')
  await db.profile.update({ where: { userId: params.userId }, data: { name } })
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'checkPublicReads: every read-only action',
      filename: actions,
      options: [{ checkPublicReads: true }],
      code: `'use server'
export async function listCategories() {
  return db.category.findMany()
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function listCategories() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  return db.category.findMany()
}`,
            },
          ],
        },
      ],
    },
  ],
});

const DISCORD_AND_CLERK = (clerkHandler: string) => `import { Webhook } from 'svix'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { headers } from 'next/headers'
import type { WebhookEvent } from '@clerk/nextjs/server'
function isValidDiscordSignature(body: string, signature: string): boolean {
  const expected = createHmac('sha256', process.env.DISCORD_SECRET!).update(body).digest('hex')
  try {
    return timingSafeEqual(Buffer.from(signature, 'hex'), Buffer.from(expected, 'hex'))
  } catch {
    return false
  }
}
${clerkHandler}
async function handleDiscord(rawBody: string, signature: string) {
  if (!isValidDiscordSignature(rawBody, signature)) return new Response('Error: Verification error', { status: 401 })
  await db.booster.update({ data: JSON.parse(rawBody) })
  return new Response('ok')
}
export async function POST(req: Request) {
  const [rawBody, headerPayload] = await Promise.all([req.text(), headers()])
  if (headerPayload.get('svix-id')) return handleClerk(rawBody, headerPayload)
  const signature = headerPayload.get('x-discord-signature')
  if (signature) return handleDiscord(rawBody, signature)
  return new Response('Missing signature headers', { status: 400 })
}`;

ruleTester.run('require-webhook-verification: error handling is judged where the verification is', webhookRule, {
  valid: [
    {
      name: 'checkErrorHandling: same-file helpers that verify inside their own try/catch (rust-conveyor-filters discord route)',
      filename: route('webhooks/discord'),
      options: [{ checkErrorHandling: true }],
      code: DISCORD_AND_CLERK(`async function handleClerk(rawBody: string, headerPayload: Headers) {
  const wh = new Webhook(process.env.CLERK_WEBHOOK_SIGNING_SECRET!)
  let evt: WebhookEvent
  try {
    evt = wh.verify(rawBody, {
      'svix-id': headerPayload.get('svix-id')!,
      'svix-timestamp': headerPayload.get('svix-timestamp')!,
      'svix-signature': headerPayload.get('svix-signature')!,
    }) as WebhookEvent
  } catch (err) {
    console.error('Could not verify webhook:', err)
    return new Response('Error: Verification error', { status: 400 })
  }
  if (evt.type === 'user.created') await db.stats.update({ data: {} })
  return new Response('ok')
}`),
    },
  ],
  invalid: [
    {
      name: 'checkErrorHandling: the same helper verifying without a try is reported inside it',
      filename: route('webhooks/discord'),
      options: [{ checkErrorHandling: true }],
      code: DISCORD_AND_CLERK(`async function handleClerk(rawBody: string, headerPayload: Headers) {
  const wh = new Webhook(process.env.CLERK_WEBHOOK_SIGNING_SECRET!)
  const evt = wh.verify(rawBody, {
    'svix-id': headerPayload.get('svix-id')!,
    'svix-timestamp': headerPayload.get('svix-timestamp')!,
    'svix-signature': headerPayload.get('svix-signature')!,
  }) as WebhookEvent
  if (evt.type === 'user.created') await db.stats.update({ data: {} })
  return new Response('ok')
}`),
      errors: [{ messageId: 'leakedVerificationError', line: 15, suggestions: [] }],
    },
  ],
});
