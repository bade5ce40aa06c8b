import type { ValidTestCase } from '@typescript-eslint/rule-tester';

import type { Options } from '../../src/rules/require-route-handler-auth.js';
import { fixture } from '../rule-tester.js';

const route = fixture('app/api/invoices/route.ts');
const pagesApi = fixture('pages/api/invoices.ts');
const server = fixture('server/index.ts');

export const valid: ValidTestCase<Options>[] = [
  {
    name: 'auth.protect() in a route handler',
    filename: route,
    code: `import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  await auth.protect()
  const body = await req.json()
  await db.invoice.create({ data: body })
  return Response.json({ ok: true })
}`,
  },
  {
    name: 'auth() with a 401 Response, body read first',
    filename: route,
    code: `import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  const body = await req.json()
  const { userId } = await auth()
  if (!userId) {
    return Response.json({ error: 'Unauthorized' }, { status: 401 })
  }
  await db.invoice.create({ data: { ...body, userId } })
  return Response.json({ ok: true })
}`,
  },
  {
    name: 'NextResponse and isAuthenticated, under src/app',
    filename: fixture('src/app/api/invoices/[id]/route.ts'),
    code: `import { auth } from '@clerk/nextjs/server'
import { NextResponse, type NextRequest } from 'next/server'
export async function DELETE(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { isAuthenticated, userId } = await auth()
  if (!isAuthenticated) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  await db.invoice.delete({ where: { id, userId } })
  return new NextResponse(null, { status: 204 })
}`,
  },
  {
    name: 'a handler that does no work (health check)',
    filename: fixture('app/api/health/route.ts'),
    code: `export const dynamic = 'force-dynamic'
export function GET() {
  return Response.json({ ok: true, at: new Date().toISOString() })
}`,
  },
  {
    name: 'a Stripe webhook verifies its own signature',
    filename: fixture('app/api/stripe/route.ts'),
    code: `import Stripe from 'stripe'
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)
export async function POST(req: Request) {
  const body = await req.text()
  const event = stripe.webhooks.constructEvent(body, req.headers.get('stripe-signature')!, process.env.STRIPE_WEBHOOK_SECRET!)
  await db.payment.create({ data: { id: event.id } })
  return new Response('ok')
}`,
  },
  {
    name: 'a Clerk webhook (verifyWebhook) is left to require-webhook-verification',
    filename: fixture('app/api/webhooks/route.ts'),
    code: `import { verifyWebhook } from '@clerk/nextjs/webhooks'
export async function POST(req: Request) {
  const evt = await verifyWebhook(req)
  await db.user.create({ data: { id: evt.data.id } })
  return new Response('ok')
}`,
  },
  {
    name: 'a cron route checks a shared secret from the environment',
    filename: fixture('app/api/cron/route.ts'),
    code: `export async function GET(req: Request) {
  if (req.headers.get('authorization') !== \`Bearer \${process.env.CRON_SECRET}\`) {
    return new Response('Unauthorized', { status: 401 })
  }
  await db.session.deleteMany({ where: { expired: true } })
  return Response.json({ ok: true })
}`,
  },
  {
    name: 'pages API with getAuth(req) and an early 401',
    filename: pagesApi,
    code: `import { getAuth } from '@clerk/nextjs/server'
import type { NextApiRequest, NextApiResponse } from 'next'
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { userId } = getAuth(req)
  if (!userId) return res.status(401).json({ error: 'Unauthorized' })
  const invoices = await db.invoice.findMany({ where: { userId } })
  res.status(200).json(invoices)
}`,
  },
  {
    name: 'files that are neither route files nor API routes are not checked',
    filename: fixture('app/api/invoices/handlers.ts'),
    code: `export async function POST() { await db.invoice.deleteMany() }`,
  },
  {
    name: 'a non-method export of a route file is not a handler',
    filename: route,
    code: `export async function helper() { await db.invoice.deleteMany() }
export const revalidate = 60`,
  },
  {
    name: 'publicRoutes option, matched without the src/ prefix',
    filename: fixture('src/app/api/health/route.ts'),
    options: [{ publicRoutes: ['app/api/health/**'] }],
    code: `export async function GET() { return Response.json(await db.$queryRaw\`SELECT 1\`) }`,
  },
  {
    name: 'publicFunctions option',
    filename: route,
    options: [{ publicFunctions: ['OPTIONS', 'HEAD'] }],
    code: `export async function OPTIONS() { return new Response(null, { headers: await corsHeaders() }) }`,
  },
  {
    name: 'export list with aliases of a checked handler',
    filename: route,
    code: `import { auth } from '@clerk/nextjs/server'
async function handler(req: Request) {
  await auth.protect()
  return Response.json(await db.invoice.findMany())
}
export { handler as GET, handler as POST }`,
  },
  {
    name: 'configured auth wrapper',
    filename: route,
    settings: { clerk: { authWrappers: ['withAuth'] } },
    code: `import { withAuth } from '@/lib/with-auth'
export const GET = withAuth(async (req: Request, { userId }: { userId: string }) => {
  return Response.json(await db.invoice.findMany({ where: { userId } }))
})`,
  },
  {
    name: 'Express: requireAuth() in the route middleware',
    filename: server,
    code: `import express from 'express'
import { clerkMiddleware, requireAuth } from '@clerk/express'
const app = express()
app.use(clerkMiddleware())
app.post('/invoices', requireAuth(), async (req, res) => {
  res.json(await db.invoice.create({ data: req.body }))
})`,
  },
  {
    name: 'Express: app.use(requireAuth()) before the routes',
    filename: server,
    code: `import express from 'express'
import { clerkMiddleware, requireAuth as guard } from '@clerk/express'
const router = express.Router()
router.use(guard())
router.delete('/invoices/:id', async (req, res) => {
  await db.invoice.delete({ where: { id: req.params.id } })
  res.sendStatus(204)
})`,
  },
  {
    name: 'Express: getAuth(req) and isAuthenticated with a return in the block',
    filename: server,
    code: `import { getAuth } from '@clerk/express'
app.get('/invoices', async (req, res) => {
  const auth = getAuth(req)
  if (!auth.isAuthenticated) {
    res.status(401).json({ error: 'Unauthorized' })
    return
  }
  res.json(await db.invoice.findMany({ where: { userId: auth.userId } }))
})`,
  },
  {
    name: 'Express 1.x: req.auth property access',
    filename: server,
    code: `import { clerkMiddleware } from '@clerk/express'
app.get('/me', async (req, res) => {
  if (!req.auth.userId) return res.status(401).end()
  res.json(await db.user.findUnique({ where: { id: req.auth.userId } }))
})`,
  },
  {
    name: 'Express: a custom guard listed in settings',
    filename: server,
    settings: { clerk: { authFunctions: ['ensureSignedIn'] } },
    code: `import { clerkMiddleware } from '@clerk/express'
app.post('/invoices', ensureSignedIn, async (req, res) => {
  res.json(await db.invoice.create({ data: req.body }))
})`,
  },
  {
    name: 'Express routes in a module that imports no Clerk server SDK are not checked',
    filename: server,
    code: `import express from 'express'
const app = express()
app.post('/invoices', async (req, res) => { res.json(await db.invoice.create({ data: req.body })) })`,
  },
  {
    name: 'Fastify: getAuth(request) and reply.code(401)',
    filename: server,
    code: `import { getAuth } from '@clerk/fastify'
fastify.get('/invoices', async (request, reply) => {
  const { userId } = getAuth(request)
  if (!userId) return reply.code(401).send({ error: 'Unauthorized' })
  return db.invoice.findMany({ where: { userId } })
})`,
  },
  {
    name: 'Hono: getAuth(c)',
    filename: server,
    code: `import { clerkMiddleware, getAuth } from '@hono/clerk-auth'
app.use('*', clerkMiddleware())
app.get('/invoices', async (c) => {
  const auth = getAuth(c)
  if (!auth?.userId) return c.json({ error: 'Unauthorized' }, 401)
  return c.json(await db.invoice.findMany({ where: { userId: auth.userId } }))
})`,
  },
  {
    name: 'map.get / string calls on non-route calls are not routes',
    filename: server,
    code: `import { getAuth } from '@clerk/express'
const value = cache.get('/key', 1)
app.get(somePath, handler)`,
  },
  {
    name: 'svix verification in a same-file helper',
    filename: fixture('app/api/webhooks/clerk/route.ts'),
    code: `import { Webhook } from 'svix'
async function verify(req: Request) {
  const body = await req.text()
  return new Webhook(process.env.CLERK_WEBHOOK_SIGNING_SECRET!).verify(body, Object.fromEntries(req.headers))
}
export async function POST(req: Request) {
  const evt = await verify(req)
  await db.user.upsert(evt)
  return new Response('ok')
}`,
  },
];
