import { fileURLToPath } from 'node:url';

import rule from '../../src/rules/require-route-handler-auth.js';
import { ruleTester } from '../rule-tester.js';

// Each folder of tests/fixtures/middleware is a project (package.json) with its own middleware.
const project = (name: string, path: string) => fileURLToPath(new URL(`../fixtures/middleware/${name}/${path}`, import.meta.url));

const UNGUARDED = `export async function GET() {
  return Response.json(await db.invoice.findMany())
}`;
const GUARDED = `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  if (!userId) return new Response('Unauthorized', { status: 401 })
  return Response.json(await db.invoice.findMany())
}`;
const guardSuggestion = (name: string) => [
  {
    messageId: 'addAuthGuard' as const,
    data: { name },
    output: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  return Response.json(await db.invoice.findMany())
}`,
  },
];

ruleTester.run('require-route-handler-auth with middleware coverage', rule, {
  valid: [
    {
      name: 'a handler that checks userId itself needs nothing from a middleware that does not parse',
      filename: project('broken', 'app/api/invoices/route.ts'),
      code: GUARDED,
    },
    {
      name: 'protect-all middleware with a public list covers a private API route',
      filename: project('protect-all', 'app/api/invoices/route.ts'),
      code: UNGUARDED,
    },
    {
      name: 'covered through a route group and a dynamic segment',
      filename: project('protect-all', 'app/(dashboard)/api/invoices/[id]/route.ts'),
      code: UNGUARDED,
    },
    {
      name: 'the src/ middleware protects /api/admin for an app in src/app',
      filename: project('protect-list', 'src/app/api/admin/users/route.ts'),
      code: UNGUARDED,
    },
    {
      name: 'v4 authMiddleware protects every route it does not list as public',
      filename: project('v4', 'pages/api/invoices.ts'),
      code: `export default async function handler(req, res) {
  res.json(await db.invoice.findMany())
}`,
    },
    {
      name: 'Next 16 proxy.ts protects every route its matcher covers',
      filename: project('proxy', 'app/api/invoices/route.ts'),
      code: UNGUARDED,
    },
    {
      name: 'a middleware handler declared as a local const',
      filename: project('local-handler', 'app/api/invoices/route.ts'),
      code: UNGUARDED,
    },
    {
      name: 'a pages/api route under protect-all middleware',
      filename: project('protect-all', 'pages/api/invoices.ts'),
      code: `export default async function handler(req, res) {
  res.json(await db.invoice.findMany())
}`,
    },
    {
      name: 'a route on the protect list',
      filename: project('protect-list', 'src/app/dashboard/export/route.ts'),
      code: UNGUARDED,
    },
    {
      name: 'v4 authMiddleware also covers app-router routes it does not list as public',
      filename: project('v4', 'app/api/invoices/route.ts'),
      code: UNGUARDED,
    },
    {
      name: 'a Clerk webhook on the public list is verified by signature, not by a session',
      filename: project('protect-all', 'app/api/webhooks/clerk/route.ts'),
      code: `import { verifyWebhook } from '@clerk/nextjs/webhooks'
export async function POST(req: Request) {
  const evt = await verifyWebhook(req)
  if (evt.type === 'user.deleted') await db.user.delete({ where: { id: evt.data.id } })
  return new Response('ok')
}`,
    },
    {
      // The app lists the route by name: it declares the route public. A handler that should not be public is a
      // decision about the list, not a forgotten check (HackathonChipi lists its verifier endpoints one by one).
      name: 'a route the public list names is public by design',
      filename: project('protect-all', 'app/api/public/invoices/route.ts'),
      code: UNGUARDED,
    },
    {
      name: 'v4: a route publicRoutes names is public by design',
      filename: project('v4', 'pages/api/public/stats.ts'),
      code: `export default async function handler(req, res) {
  res.json(await db.invoice.count())
}`,
    },
    {
      name: 'a public-looking read on a route the middleware leaves public is public by design',
      filename: project('none', 'app/api/comments/route.ts'),
      code: `export async function GET() {
  return Response.json(await db.comment.findMany({ take: 20 }))
}`,
      options: [{ checkMiddlewareOnly: true }],
    },
    {
      name: 'a public route with its own check is fine',
      filename: project('protect-all', 'app/api/public/invoices/route.ts'),
      code: GUARDED,
    },
    {
      name: 'a Next 15 app with proxy.ts and its own check',
      filename: project('proxy-next15', 'app/api/invoices/route.ts'),
      code: GUARDED,
    },
    {
      name: 'strict: a handler with its own check is fine under protecting middleware',
      filename: project('protect-all', 'app/api/invoices/route.ts'),
      code: GUARDED,
      options: [{ checkMiddlewareOnly: true }],
    },
  ],
  invalid: [
    {
      name: 'a middleware that does not parse is named in the finding (failing closed: the route counts as open)',
      filename: project('broken', 'app/api/invoices/route.ts'),
      code: UNGUARDED,
      errors: [
        {
          messageId: 'unreadableMiddleware',
          data: { name: 'GET /api/invoices', problem: 'runs without checking `userId`', middleware: 'middleware.ts' },
          suggestions: guardSuggestion('GET /api/invoices'),
        },
      ],
    },
    {
      name: 'strict: a handler that relies on middleware only',
      filename: project('protect-all', 'app/api/invoices/route.ts'),
      code: UNGUARDED,
      options: [{ checkMiddlewareOnly: true }],
      errors: [
        {
          messageId: 'reliesOnMiddleware',
          data: { name: 'GET /api/invoices', middleware: 'middleware.ts' },
          suggestions: guardSuggestion('GET /api/invoices'),
        },
      ],
    },
    {
      // A read of public-looking data is public by design only where the middleware leaves the route public.
      name: 'strict: a public-looking read on a route the middleware protects relies on it alone',
      filename: project('protect-all', 'app/api/comments/route.ts'),
      code: `export async function GET() {
  return Response.json(await db.comment.findMany({ take: 20 }))
}`,
      options: [{ checkMiddlewareOnly: true }],
      errors: [
        {
          messageId: 'reliesOnMiddleware',
          data: { name: 'GET /api/comments', middleware: 'middleware.ts' },
          suggestions: [
            {
              messageId: 'addAuthGuard',
              data: { name: 'GET /api/comments' },
              output: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  return Response.json(await db.comment.findMany({ take: 20 }))
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'strict: names src/middleware.ts, the file Next loads for src/app',
      filename: project('protect-list', 'src/app/api/admin/users/route.ts'),
      code: UNGUARDED,
      options: [{ checkMiddlewareOnly: true }],
      errors: [
        {
          messageId: 'reliesOnMiddleware',
          data: { name: 'GET /api/admin/users', middleware: 'src/middleware.ts' },
          suggestions: guardSuggestion('GET /api/admin/users'),
        },
      ],
    },
    // Routes the middleware leaves public, or protects in ways the rule cannot read: reported as before.
    ...(
      [
        ['a route outside the protect list (the root middleware.ts is not loaded for src/app)', 'protect-list', 'src/app/api/invoices', '/api/invoices'],
        ['clerkMiddleware() without a handler protects nothing', 'none', 'app/api/invoices', '/api/invoices'],
        ["a path the proxy's matcher leaves out", 'proxy', 'app/api/internal/jobs', '/api/internal/jobs'],
        ["a dynamic segment outside /api: Clerk's matcher skips file-like values such as /exports/report.csv", 'protect-all', 'app/exports/[...key]', '/exports/[...key]'],
        ['a dynamic segment that can take a public value: /api/[table] serves /api/webhooks', 'protect-all', 'app/api/[table]', '/api/[table]'],
        ['Next 15 does not load proxy.ts', 'proxy-next15', 'app/api/invoices', '/api/invoices'],
        ['next.config rewrites can map a public path onto the route after middleware ran', 'rewrites', 'app/api/invoices', '/api/invoices'],
        ['middleware logic the rule cannot read counts as no protection', 'unknown', 'app/api/invoices', '/api/invoices'],
      ] as const
    ).map(([name, fixtureName, folder, url]) => ({
      name,
      filename: project(fixtureName, `${folder}/route.ts`),
      code: UNGUARDED,
      errors: [{ messageId: 'missingAuth' as const, suggestions: guardSuggestion(`GET ${url}`) }],
    })),
    {
      name: 'settings.clerk.crossFile: false does not read middleware',
      filename: project('protect-all', 'app/api/invoices/route.ts'),
      code: UNGUARDED,
      settings: { clerk: { crossFile: false } },
      errors: [{ messageId: 'missingAuth', suggestions: guardSuggestion('GET /api/invoices') }],
    },
  ],
});
