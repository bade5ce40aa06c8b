import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/require-route-handler-auth.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "session read inside try/catch: a returning check is inserted there (a return leaves the try)",
    filename: fixture("app/api/cart/route.js"),
    code: `import { NextResponse } from "next/server";
import { getAuth } from "@clerk/nextjs/server";
export async function GET(request) {
  try {
    const { userId } = getAuth(request);
    const user = await User.findById(userId);
    return NextResponse.json({ success: true, cart: user.cart });
  } catch (error) {
    return NextResponse.json({ success: false, message: error.message });
  }
}
`,
    output: null,
    errors: [
      {
        messageId: 'uncheckedAuth',
        suggestions: [
          { messageId: 'addAuthCheck', output: `import { NextResponse } from "next/server";
import { getAuth } from "@clerk/nextjs/server";
export async function GET(request) {
  try {
    const { userId } = getAuth(request);
    if (!userId) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
    const user = await User.findById(userId);
    return NextResponse.json({ success: true, cart: user.cart });
  } catch (error) {
    return NextResponse.json({ success: false, message: error.message });
  }
}
` },
        ],
      },
    ],
  },
  {
    name: "app-router POST without authentication",
    filename: fixture("app/api/invoices/route.ts"),
    code: `import { db } from '@/db'

export async function POST(req: Request) {
  const body = await req.json()
  const invoice = await db.invoice.create({ data: body })
  return Response.json(invoice)
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 3,
        column: 23,
        suggestions: [
          { messageId: 'addAuthGuard', output: `import { db } from '@/db'
import { auth } from '@clerk/nextjs/server'

export async function POST(req: Request) {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const body = await req.json()
  const invoice = await db.invoice.create({ data: body })
  return Response.json(invoice)
}
` },
        ],
      },
    ],
  },
  {
    name: "NextResponse is used for the 401 when the file imports it; sync GET becomes async",
    filename: fixture("src/app/api/invoices/route.ts"),
    code: `import { NextResponse } from "next/server";
import { getInvoices } from "@/lib/invoices";

export function GET() {
  return NextResponse.json(getInvoices());
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 4,
        column: 17,
        suggestions: [
          { messageId: 'addAuthGuard', output: `import { NextResponse } from "next/server";
import { getInvoices } from "@/lib/invoices";
import { auth } from "@clerk/nextjs/server";

export async function GET() {
  const { userId } = await auth();
  if (!userId) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  return NextResponse.json(getInvoices());
}
` },
        ],
      },
    ],
  },
  {
    name: "export list alias is reported on its specifier",
    filename: fixture("app/api/invoices/route.ts"),
    code: `async function handler() {
  return Response.json(await db.invoice.findMany())
}
export { handler as GET }
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 4,
        column: 10,
        suggestions: [
          { messageId: 'addAuthGuard', output: `import { auth } from '@clerk/nextjs/server'
async function handler() {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  return Response.json(await db.invoice.findMany())
}
export { handler as GET }
` },
        ],
      },
    ],
  },
  {
    name: "session read but never checked",
    filename: fixture("app/api/invoices/route.ts"),
    code: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  return Response.json(await db.invoice.findMany({ where: { userId } }))
}
`,
    output: null,
    errors: [
      {
        messageId: 'uncheckedAuth',
        line: 2,
        column: 23,
        suggestions: [
          { messageId: 'addAuthCheck', output: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  return Response.json(await db.invoice.findMany({ where: { userId } }))
}
` },
        ],
      },
    ],
  },
  {
    name: "work before the check",
    filename: fixture("app/api/invoices/route.ts"),
    code: `import { auth } from '@clerk/nextjs/server'
export async function DELETE(req: Request) {
  await db.invoice.deleteMany()
  await auth.protect()
  return new Response(null, { status: 204 })
}
`,
    output: null,
    errors: [
      {
        messageId: 'authAfterWork',
        line: 2,
        column: 23,
        suggestions: [
          { messageId: 'moveAuthGuard', output: `import { auth } from '@clerk/nextjs/server'
export async function DELETE(req: Request) {
  await auth.protect()
  await db.invoice.deleteMany()
  return new Response(null, { status: 204 })
}
` },
        ],
      },
    ],
  },
  {
    name: "pages API default export without authentication",
    filename: fixture("pages/api/invoices.ts"),
    code: `import type { NextApiRequest, NextApiResponse } from 'next'
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const invoices = await db.invoice.findMany()
  res.status(200).json(invoices)
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 2,
        column: 31,
        suggestions: [
          { messageId: 'addAuthGuard', output: `import type { NextApiRequest, NextApiResponse } from 'next'
import { getAuth } from '@clerk/nextjs/server'
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { userId } = getAuth(req)
  if (!userId) return res.status(401).json({ error: 'Unauthorized' })
  const invoices = await db.invoice.findMany()
  res.status(200).json(invoices)
}
` },
        ],
      },
    ],
  },
  {
    name: "pages API under src/, arrow default export",
    filename: fixture("src/pages/api/admin/users.ts"),
    code: `const handler = async (req, res) => {
  await db.user.deleteMany({ where: { id: req.query.id } })
  res.status(204).end()
}
export default handler
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 5,
        column: 8,
        suggestions: [
          { messageId: 'addAuthGuard', output: `import { getAuth } from '@clerk/nextjs/server'
const handler = async (req, res) => {
  const { userId } = getAuth(req)
  if (!userId) return res.status(401).json({ error: 'Unauthorized' })
  await db.user.deleteMany({ where: { id: req.query.id } })
  res.status(204).end()
}
export default handler
` },
        ],
      },
    ],
  },
  {
    name: "Express route without requireAuth() while another route has it",
    filename: fixture("server/index.ts"),
    code: `import express from 'express'
import { clerkMiddleware, requireAuth } from '@clerk/express'
const app = express()
app.use(clerkMiddleware())
app.get('/invoices', requireAuth(), async (req, res) => {
  res.json(await db.invoice.findMany())
})
app.delete('/invoices/:id', async (req, res) => {
  await db.invoice.delete({ where: { id: req.params.id } })
  res.sendStatus(204)
})
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 8,
        column: 12,
        suggestions: [
          { messageId: 'addAuthGuard', output: `import express from 'express'
import { clerkMiddleware, requireAuth, getAuth } from '@clerk/express'
const app = express()
app.use(clerkMiddleware())
app.get('/invoices', requireAuth(), async (req, res) => {
  res.json(await db.invoice.findMany())
})
app.delete('/invoices/:id', async (req, res) => {
  const { userId } = getAuth(req)
  if (!userId) return res.status(401).json({ error: 'Unauthorized' })
  await db.invoice.delete({ where: { id: req.params.id } })
  res.sendStatus(204)
})
` },
        ],
      },
    ],
  },
  {
    name: "Express: a 401 without return falls through",
    filename: fixture("server/index.ts"),
    code: `import { getAuth } from '@clerk/express'
router.post('/invoices', async (req, res) => {
  const { userId } = getAuth(req)
  if (!userId) res.status(401).json({ error: 'Unauthorized' })
  res.json(await db.invoice.create({ data: { ...req.body, userId } }))
})
`,
    output: null,
    errors: [
      {
        messageId: 'uncheckedAuth',
        line: 2,
        column: 13,
        suggestions: [
          { messageId: 'addAuthCheck', output: `import { getAuth } from '@clerk/express'
router.post('/invoices', async (req, res) => {
  const { userId } = getAuth(req)
  if (!userId) return res.status(401).json({ error: 'Unauthorized' })
  if (!userId) res.status(401).json({ error: 'Unauthorized' })
  res.json(await db.invoice.create({ data: { ...req.body, userId } }))
})
` },
        ],
      },
    ],
  },
  {
    name: "Fastify route without authentication",
    filename: fixture("server/index.ts"),
    code: `import { clerkPlugin } from '@clerk/fastify'
fastify.register(clerkPlugin)
fastify.post('/invoices', async (request, reply) => {
  return db.invoice.create({ data: request.body })
})
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 3,
        column: 14,
        suggestions: [
          { messageId: 'addAuthGuard', output: `import { clerkPlugin, getAuth } from '@clerk/fastify'
fastify.register(clerkPlugin)
fastify.post('/invoices', async (request, reply) => {
  const { userId } = getAuth(request)
  if (!userId) return reply.code(401).send({ error: 'Unauthorized' })
  return db.invoice.create({ data: request.body })
})
` },
        ],
      },
    ],
  },
  {
    name: "Hono route without authentication",
    filename: fixture("server/index.ts"),
    code: `import { clerkMiddleware } from '@hono/clerk-auth'
app.use('*', clerkMiddleware())
app.post('/invoices', async (c) => {
  return c.json(await db.invoice.create({ data: await c.req.json() }))
})
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 3,
        column: 10,
        suggestions: [
          { messageId: 'addAuthGuard', output: `import { clerkMiddleware, getAuth } from '@hono/clerk-auth'
app.use('*', clerkMiddleware())
app.post('/invoices', async (c) => {
  const userId = getAuth(c)?.userId
  if (!userId) return c.json({ error: 'Unauthorized' }, 401)
  return c.json(await db.invoice.create({ data: await c.req.json() }))
})
` },
        ],
      },
    ],
  },
  {
    name: "a shared-secret comparison without an exit does not authenticate",
    filename: fixture("app/api/cron/route.ts"),
    code: `export async function GET(req: Request) {
  if (req.headers.get('authorization') !== process.env.CRON_SECRET) {
    console.warn('bad secret')
  }
  await db.session.deleteMany()
  return Response.json({ ok: true })
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 1,
        column: 23,
        suggestions: [
          { messageId: 'addAuthGuard', output: `import { auth } from '@clerk/nextjs/server'
export async function GET(req: Request) {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  if (req.headers.get('authorization') !== process.env.CRON_SECRET) {
    console.warn('bad secret')
  }
  await db.session.deleteMany()
  return Response.json({ ok: true })
}
` },
        ],
      },
    ],
  },
  {
    name: "PUT handler",
    filename: fixture("app/api/x/route.ts"),
    code: `export async function PUT() {
  await db.x.update({})
  return new Response()
}
`,
    output: null,
    errors: [
      {
        messageId: 'missingAuth',
        line: 1,
        column: 23,
        suggestions: [
          { messageId: 'addAuthGuard', output: `import { auth } from '@clerk/nextjs/server'
export async function PUT() {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  await db.x.update({})
  return new Response()
}
` },
        ],
      },
    ],
  },

];
