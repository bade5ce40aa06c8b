import rule from '../../src/rules/no-org-id-from-request.js';
import { fixture, ruleTester } from '../rule-tester.js';

// Organization ids from the request followed by data, not by the variable's name (issue 22, class 2): any value under
// a tenant-id key (`where: { orgId: org }`, `eq(projects.orgId, org)`) that the caller controls.
const route = fixture('app/api/invoices/route.ts');
const actions = fixture('app/actions.ts');

ruleTester.run('no-org-id-from-request: request values under a tenant-id key', rule, {
  valid: [
    {
      name: "the session's organization under the key, whatever the variable is called",
      filename: route,
      code: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const session = await auth()
  if (!session.orgId) return new Response('No organization', { status: 403 })
  const active = session.orgId
  return Response.json(await db.invoice.findMany({ where: { orgId: active } }))
}`,
    },
    {
      name: 'a module constant and a value read from the database under the key',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
const DEFAULT_ORG = process.env.DEFAULT_ORG
export async function listDefaults() {
  await auth.protect()
  const project = await db.project.findFirst({ where: { slug: 'main' } })
  await db.invoice.findMany({ where: { orgId: DEFAULT_ORG } })
  return db.invoice.findMany({ where: { organizationId: project.organizationId } })
}`,
    },
    {
      name: 'the request value compared with the session first, with an exit',
      filename: route,
      code: `import { auth } from '@clerk/nextjs/server'
export async function GET(req: Request) {
  const { orgId } = await auth()
  const org = new URL(req.url).searchParams.get('org')
  if (!orgId || org !== orgId) return new Response('Forbidden', { status: 403 })
  return Response.json(await db.invoice.findMany({ where: { orgId: org } }))
}`,
    },
    {
      name: 'a request value under a key that is no tenant id',
      filename: route,
      code: `import { auth } from '@clerk/nextjs/server'
export async function GET(req: Request) {
  const { userId } = await auth.protect()
  const status = new URL(req.url).searchParams.get('status')
  return Response.json(await db.invoice.findMany({ where: { status, ownerId: userId } }))
}`,
    },
  ],
  invalid: [
    {
      name: "a query-string value under orgId, through a variable named otherwise",
      filename: route,
      code: `import { auth } from '@clerk/nextjs/server'
export async function GET(req: Request) {
  const { userId } = await auth()
  if (!userId) return new Response('Unauthorized', { status: 401 })
  const org = new URL(req.url).searchParams.get('orgId')
  return Response.json(await db.invoice.findMany({ where: { orgId: org } }))
}`,
      errors: [
        {
          messageId: 'orgIdFromRequest',
          data: { name: 'org' },
          line: 6,
          suggestions: [
            {
              messageId: 'useSessionOrgId',
              output: `import { auth } from '@clerk/nextjs/server'
export async function GET(req: Request) {
  const { userId, orgId } = await auth()
  if (!userId) return new Response('Unauthorized', { status: 401 })
  if (!orgId) return Response.json({ error: 'No active organization' }, { status: 403 })
  return Response.json(await db.invoice.findMany({ where: { orgId } }))
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a form field in Drizzle eq() on the tenant column, in a Server Action',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
import { eq } from 'drizzle-orm'
export async function archive(formData: FormData) {
  await auth.protect()
  const tenant = String(formData.get('team'))
  await db.update(projects).set({ archived: true }).where(eq(projects.orgId, tenant))
}`,
      errors: [
        {
          messageId: 'orgIdFromRequest',
          data: { name: 'tenant' },
          suggestions: [
            {
              messageId: 'useSessionOrgId',
              output: `'use server'
import { auth } from '@clerk/nextjs/server'
import { eq } from 'drizzle-orm'
export async function archive(formData: FormData) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No active organization')
  await auth.protect()
  await db.update(projects).set({ archived: true }).where(eq(projects.orgId, orgId))
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a header value (x-organization-id) under organizationId',
      filename: route,
      code: `import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  await auth.protect()
  const tenant = req.headers.get('x-organization-id')
  await db.invoice.deleteMany({ where: { organizationId: tenant } })
  return new Response(null, { status: 204 })
}`,
      errors: [
        {
          messageId: 'orgIdFromRequest',
          data: { name: 'tenant' },
          suggestions: [
            {
              messageId: 'useSessionOrgId',
              output: `import { auth } from '@clerk/nextjs/server'
export async function POST(req: Request) {
  const { orgId } = await auth()
  if (!orgId) return Response.json({ error: 'No active organization' }, { status: 403 })
  await auth.protect()
  await db.invoice.deleteMany({ where: { organizationId: orgId } })
  return new Response(null, { status: 204 })
}`,
            },
          ],
        },
      ],
    },
  ],
});
