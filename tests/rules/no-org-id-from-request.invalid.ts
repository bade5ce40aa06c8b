import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/no-org-id-from-request.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "pages API route: the repair reads the orgId with getAuth(req) and answers 403 without one",
    filename: fixture("pages/api/invoices.ts"),
    code: `import { getAuth } from '@clerk/nextjs/server'
export default async function handler(req, res) {
  res.json(await db.invoice.findMany({ where: { orgId: req.query.orgId } }))
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 3,
        column: 56,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `import { getAuth } from '@clerk/nextjs/server'
export default async function handler(req, res) {
  const { orgId } = getAuth(req)
  if (!orgId) return res.status(403).json({ error: 'No active organization' })
  res.json(await db.invoice.findMany({ where: { orgId } }))
}
` },
        ],
      },
    ],
  },
  {
    name: "the issue's shape: the session orgId is added with an exit after the existing userId guard (Prisma drops undefined filters)",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function listInvoices(orgId: string) {
  const { userId } = await auth(); if (!userId) throw new Error('Unauthorized')
  return db.invoice.findMany({ where: { orgId } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 6,
        column: 41,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function listInvoices(orgId: string) {
  const { userId, orgId: sessionOrgId } = await auth(); if (!userId) throw new Error('Unauthorized')
  if (!sessionOrgId) throw new Error('No active organization')
  return db.invoice.findMany({ where: { orgId: sessionOrgId } })
}
` },
        ],
      },
    ],
  },
  {
    name: "an orgId already destructured and checked: the repair reuses it and adds no second guard",
    filename: fixture("app/api/invoices/route.ts"),
    code: `import { auth } from '@clerk/nextjs/server'

export async function POST(req: Request) {
  const { orgId: activeOrg } = await auth()
  if (!activeOrg) return new Response('Pick an organization', { status: 403 })
  const body = await req.json()
  return Response.json(await db.invoice.findMany({ where: { orgId: body.orgId } }))
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 7,
        column: 68,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `import { auth } from '@clerk/nextjs/server'

export async function POST(req: Request) {
  const { orgId: activeOrg } = await auth()
  if (!activeOrg) return new Response('Pick an organization', { status: 403 })
  return Response.json(await db.invoice.findMany({ where: { orgId: activeOrg } }))
}
` },
        ],
      },
    ],
  },
  {
    name: "an orgId destructured without a check gets its exit in the handler's style (403)",
    filename: fixture("app/api/invoices/route.ts"),
    code: `import { auth } from '@clerk/nextjs/server'
import { NextResponse } from 'next/server'

export async function POST(req: Request) {
  const { orgId } = await auth.protect()
  const body = await req.json()
  return NextResponse.json(await db.invoice.findMany({ where: { orgId: body.orgId } }))
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 7,
        column: 72,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `import { auth } from '@clerk/nextjs/server'
import { NextResponse } from 'next/server'

export async function POST(req: Request) {
  const { orgId } = await auth.protect()
  if (!orgId) return NextResponse.json({ error: 'No active organization' }, { status: 403 })
  return NextResponse.json(await db.invoice.findMany({ where: { orgId } }))
}
` },
        ],
      },
    ],
  },
  {
    name: "Drizzle eq() with an action argument; suggestion inserts auth()",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { eq } from 'drizzle-orm'

export async function listProjects(orgId: string) {
  return db.select().from(projects).where(eq(projects.orgId, orgId))
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 5,
        column: 62,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { eq } from 'drizzle-orm'
import { auth } from '@clerk/nextjs/server'

export async function listProjects(orgId: string) {
  const { orgId: sessionOrgId } = await auth()
  if (!sessionOrgId) throw new Error('No active organization')
  return db.select().from(projects).where(eq(projects.orgId, sessionOrgId))
}
` },
        ],
      },
    ],
  },
  {
    name: "Prisma shorthand from FormData; suggestion reuses the auth() destructuring",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function createInvoice(formData: FormData) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  const orgId = formData.get('orgId') as string
  await prisma.invoice.create({ data: { orgId, userId } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 8,
        column: 41,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function createInvoice(formData: FormData) {
  const { userId, orgId: sessionOrgId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (!sessionOrgId) throw new Error('No active organization')
  await prisma.invoice.create({ data: { orgId: sessionOrgId, userId } })
}
` },
        ],
      },
    ],
  },
  {
    name: "route handler body, Supabase .eq and raw SQL",
    filename: fixture("app/api/invoices/route.ts"),
    code: `import { auth } from '@clerk/nextjs/server'

export async function POST(req: Request) {
  const { userId, orgId: sessionOrg } = await auth()
  if (!userId) return new Response(null, { status: 401 })
  const body = await req.json()
  await supabase.from('invoices').select().eq('org_id', body.org_id)
  await sql\`DELETE FROM invoices WHERE organization_id = \${body.organizationId}\`
  return Response.json({ sessionOrg })
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 7,
        column: 57,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `import { auth } from '@clerk/nextjs/server'

export async function POST(req: Request) {
  const { userId, orgId: sessionOrg } = await auth()
  if (!userId) return new Response(null, { status: 401 })
  if (!sessionOrg) return Response.json({ error: 'No active organization' }, { status: 403 })
  const body = await req.json()
  await supabase.from('invoices').select().eq('org_id', sessionOrg)
  await sql\`DELETE FROM invoices WHERE organization_id = \${body.organizationId}\`
  return Response.json({ sessionOrg })
}
` },
        ],
      },
      {
        messageId: 'orgIdFromRequest',
        line: 8,
        column: 60,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `import { auth } from '@clerk/nextjs/server'

export async function POST(req: Request) {
  const { userId, orgId: sessionOrg } = await auth()
  if (!userId) return new Response(null, { status: 401 })
  if (!sessionOrg) return Response.json({ error: 'No active organization' }, { status: 403 })
  const body = await req.json()
  await supabase.from('invoices').select().eq('org_id', body.org_id)
  await sql\`DELETE FROM invoices WHERE organization_id = \${sessionOrg}\`
  return Response.json({ sessionOrg })
}
` },
        ],
      },
    ],
  },
  {
    name: "Clerk organizations API with a caller-chosen id, and a custom name",
    filename: fixture("app/api/members/route.ts"),
    options: [{"orgIdNames":["tenantId"]}],
    code: `import { auth, clerkClient } from '@clerk/nextjs/server'

export async function GET(req: Request) {
  await auth.protect()
  const url = new URL(req.url)
  const client = await clerkClient()
  await db.tenant.findUnique({ where: { id: url.searchParams.get('tenantId') } })
  const tenantId = url.searchParams.get('tenantId')
  return Response.json(await client.organizations.getOrganizationMembershipList({ organizationId: tenantId }))
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 9,
        column: 99,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `import { auth, clerkClient } from '@clerk/nextjs/server'

export async function GET(req: Request) {
  const { orgId } = await auth()
  if (!orgId) return Response.json({ error: 'No active organization' }, { status: 403 })
  await auth.protect()
  const url = new URL(req.url)
  const client = await clerkClient()
  await db.tenant.findUnique({ where: { id: url.searchParams.get('tenantId') } })
  return Response.json(await client.organizations.getOrganizationMembershipList({ organizationId: orgId }))
}
` },
        ],
      },
    ],
  },
  {
    // has() checks the ACTIVE organization (clerk-api.md §1.3): an admin of one org could remove members of another.
    name: "has({ role: 'org:admin' }) does not authorise a request-supplied orgId",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'

export async function removeMember(orgId: string, memberUserId: string) {
  const { has } = await auth()
  if (!has({ role: 'org:admin' })) throw new Error('Forbidden')
  const client = await clerkClient()
  await client.organizations.deleteOrganizationMembership({ organizationId: orgId, userId: memberUserId })
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 8,
        column: 77,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'

export async function removeMember(orgId: string, memberUserId: string) {
  const { has, orgId: sessionOrgId } = await auth()
  if (!has({ role: 'org:admin' })) throw new Error('Forbidden')
  if (!sessionOrgId) throw new Error('No active organization')
  const client = await clerkClient()
  await client.organizations.deleteOrganizationMembership({ organizationId: sessionOrgId, userId: memberUserId })
}
` },
        ],
      },
    ],
  },
  {
    // Was a valid case: it encoded the mistake (a permission of the active org used for any org).
    name: "auth.protect({ role | permission }) does not authorise a request-supplied orgId either",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'

export async function removeMember(orgId: string, memberUserId: string) {
  await auth.protect({ role: 'org:admin' })
  const client = await clerkClient()
  await client.organizations.deleteOrganizationMembership({ organizationId: orgId, userId: memberUserId })
}

export async function removeAll(orgId: string) {
  await auth.protect({ permission: 'org:sys_memberships:manage' })
  await db.delete(members).where(eq(members.orgId, orgId))
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 7,
        column: 77,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'

export async function removeMember(orgId: string, memberUserId: string) {
  const { orgId: sessionOrgId } = await auth()
  if (!sessionOrgId) throw new Error('No active organization')
  await auth.protect({ role: 'org:admin' })
  const client = await clerkClient()
  await client.organizations.deleteOrganizationMembership({ organizationId: sessionOrgId, userId: memberUserId })
}

export async function removeAll(orgId: string) {
  await auth.protect({ permission: 'org:sys_memberships:manage' })
  await db.delete(members).where(eq(members.orgId, orgId))
}
` },
        ],
      },
      {
        messageId: 'orgIdFromRequest',
        line: 12,
        column: 52,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'

export async function removeMember(orgId: string, memberUserId: string) {
  await auth.protect({ role: 'org:admin' })
  const client = await clerkClient()
  await client.organizations.deleteOrganizationMembership({ organizationId: orgId, userId: memberUserId })
}

export async function removeAll(orgId: string) {
  const { orgId: sessionOrgId } = await auth()
  if (!sessionOrgId) throw new Error('No active organization')
  await auth.protect({ permission: 'org:sys_memberships:manage' })
  await db.delete(members).where(eq(members.orgId, sessionOrgId))
}
` },
        ],
      },
    ],
  },
  {
    name: "a membership lookup of the member being removed, not of the caller, proves nothing",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function removeMember(orgId: string, memberUserId: string) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  const membership = await db.membership.findFirst({ where: { orgId, userId: memberUserId } })
  if (!membership) throw new Error('Not a member')
  await db.membership.delete({ where: { id: membership.id, orgId } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 7,
        column: 63,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function removeMember(orgId: string, memberUserId: string) {
  const { userId, orgId: sessionOrgId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (!sessionOrgId) throw new Error('No active organization')
  const membership = await db.membership.findFirst({ where: { orgId: sessionOrgId, userId: memberUserId } })
  if (!membership) throw new Error('Not a member')
  await db.membership.delete({ where: { id: membership.id, orgId } })
}
` },
        ],
      },
      {
        messageId: 'orgIdFromRequest',
        line: 9,
        column: 60,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function removeMember(orgId: string, memberUserId: string) {
  const { userId, orgId: sessionOrgId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (!sessionOrgId) throw new Error('No active organization')
  const membership = await db.membership.findFirst({ where: { orgId, userId: memberUserId } })
  if (!membership) throw new Error('Not a member')
  await db.membership.delete({ where: { id: membership.id, orgId: sessionOrgId } })
}
` },
        ],
      },
    ],
  },
  {
    // The guard stops callers who ARE members (409); anyone else joins any organization as admin.
    name: "a membership lookup whose guard exits when the caller is already a member does not authorise",
    filename: fixture("app/api/orgs/join/route.ts"),
    code: `import { auth } from '@clerk/nextjs/server'

export async function POST(req: Request) {
  const { userId } = await auth()
  if (!userId) return new Response('Unauthorized', { status: 401 })
  const { orgId } = await req.json()
  const existing = await db.membership.findFirst({ where: { orgId, userId } })
  if (existing) return Response.json({ error: 'Already a member' }, { status: 409 })
  await db.membership.create({ data: { orgId, userId, role: 'admin' } })
  return Response.json({ ok: true })
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 9,
        column: 40,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `import { auth } from '@clerk/nextjs/server'

export async function POST(req: Request) {
  const { userId, orgId: sessionOrgId } = await auth()
  if (!userId) return new Response('Unauthorized', { status: 401 })
  if (!sessionOrgId) return Response.json({ error: 'No active organization' }, { status: 403 })
  const { orgId } = await req.json()
  const existing = await db.membership.findFirst({ where: { orgId, userId } })
  if (existing) return Response.json({ error: 'Already a member' }, { status: 409 })
  await db.membership.create({ data: { orgId: sessionOrgId, userId, role: 'admin' } })
  return Response.json({ ok: true })
}
` },
        ],
      },
    ],
  },
  {
    name: "a guard whose && lets a non-member through does not authorise",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function listInvoices(orgId: string, shareToken?: string) {
  const { userId } = await auth.protect()
  const membership = await db.membership.findFirst({ where: { orgId, userId } })
  if (!membership && !shareToken) throw new Error('Forbidden')
  return db.invoice.findMany({ where: { orgId } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 8,
        column: 41,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function listInvoices(orgId: string, shareToken?: string) {
  const { userId, orgId: sessionOrgId } = await auth.protect()
  if (!sessionOrgId) throw new Error('No active organization')
  const membership = await db.membership.findFirst({ where: { orgId, userId } })
  if (!membership && !shareToken) throw new Error('Forbidden')
  return db.invoice.findMany({ where: { orgId: sessionOrgId } })
}
` },
        ],
      },
    ],
  },
  {
    // An array is always truthy, and every() is true for a caller in no organization at all.
    name: "membership lists tested with filter() (no length) or every() do not authorise",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'

export async function listProjects(orgId: string) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  if (!data.filter((m) => m.organization.id === orgId)) throw new Error('Forbidden')
  return db.project.findMany({ where: { orgId } })
}

export async function exportProjects(orgId: string) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  if (!data.every((m) => m.organization.id === orgId)) throw new Error('Forbidden')
  return db.project.findMany({ where: { orgId } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 10,
        column: 41,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'

export async function listProjects(orgId: string) {
  const { userId, orgId: sessionOrgId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (!sessionOrgId) throw new Error('No active organization')
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  if (!data.filter((m) => m.organization.id === orgId)) throw new Error('Forbidden')
  return db.project.findMany({ where: { orgId: sessionOrgId } })
}

export async function exportProjects(orgId: string) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  if (!data.every((m) => m.organization.id === orgId)) throw new Error('Forbidden')
  return db.project.findMany({ where: { orgId } })
}
` },
        ],
      },
      {
        messageId: 'orgIdFromRequest',
        line: 19,
        column: 41,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'

export async function listProjects(orgId: string) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  if (!data.filter((m) => m.organization.id === orgId)) throw new Error('Forbidden')
  return db.project.findMany({ where: { orgId } })
}

export async function exportProjects(orgId: string) {
  const { userId, orgId: sessionOrgId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (!sessionOrgId) throw new Error('No active organization')
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  if (!data.every((m) => m.organization.id === orgId)) throw new Error('Forbidden')
  return db.project.findMany({ where: { orgId: sessionOrgId } })
}
` },
        ],
      },
    ],
  },
  {
    // Without .single() / .maybeSingle() Supabase returns a list: [] for a stranger, which is truthy.
    name: "a Supabase membership list tested for truthiness instead of length does not authorise",
    filename: fixture("app/api/orgs/[orgId]/projects/route.ts"),
    code: `import { currentUser } from '@clerk/nextjs/server'

export async function GET(req: Request, { params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params
  const user = await currentUser()
  if (!user) return new Response('Unauthorized', { status: 401 })
  const { data: memberships } = await supabase.from('members').select('id').eq('org_id', orgId).eq('user_id', user.id)
  if (!memberships) return new Response('Forbidden', { status: 403 })
  const { data } = await supabase.from('projects').select().eq('org_id', orgId)
  return Response.json(data)
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 9,
        column: 74,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `import { currentUser, auth } from '@clerk/nextjs/server'

export async function GET(req: Request, { params }: { params: Promise<{ orgId: string }> }) {
  const { orgId: sessionOrgId } = await auth()
  if (!sessionOrgId) return Response.json({ error: 'No active organization' }, { status: 403 })
  const { orgId } = await params
  const user = await currentUser()
  if (!user) return new Response('Unauthorized', { status: 401 })
  const { data: memberships } = await supabase.from('members').select('id').eq('org_id', orgId).eq('user_id', user.id)
  if (!memberships) return new Response('Forbidden', { status: 403 })
  const { data } = await supabase.from('projects').select().eq('org_id', sessionOrgId)
  return Response.json(data)
}
` },
        ],
      },
    ],
  },
  {
    // An onboarding flag says nothing about which organizations the caller may read.
    name: "a sessionClaims guard on a non-role claim does not authorise a request orgId",
    filename: fixture("app/api/projects/route.ts"),
    code: `import { auth } from '@clerk/nextjs/server'

export async function GET(req: Request) {
  const { userId, sessionClaims } = await auth()
  if (!userId) return new Response('Unauthorized', { status: 401 })
  if (!sessionClaims?.metadata?.onboardingComplete) return Response.json({ error: 'Finish onboarding' }, { status: 403 })
  const orgId = new URL(req.url).searchParams.get('orgId')
  return Response.json(await db.project.findMany({ where: { orgId } }))
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 8,
        column: 61,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `import { auth } from '@clerk/nextjs/server'

export async function GET(req: Request) {
  const { userId, sessionClaims, orgId: sessionOrgId } = await auth()
  if (!userId) return new Response('Unauthorized', { status: 401 })
  if (!sessionClaims?.metadata?.onboardingComplete) return Response.json({ error: 'Finish onboarding' }, { status: 403 })
  if (!sessionOrgId) return Response.json({ error: 'No active organization' }, { status: 403 })
  return Response.json(await db.project.findMany({ where: { orgId: sessionOrgId } }))
}
` },
        ],
      },
    ],
  },
  {
    name: "a sessionClaims test without an exit, or one that only stops a deny-listed role, does not authorise",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function listProjects(orgId: string) {
  const { userId, sessionClaims } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (sessionClaims?.metadata?.plan === 'pro') console.log('pro user')
  return db.project.findMany({ where: { orgId } })
}

export async function suspendOrganization(orgId: string) {
  const { sessionClaims } = await auth.protect()
  if (sessionClaims?.metadata?.role === 'banned') throw new Error('Banned')
  await db.organization.update({ where: { id: orgId }, data: { suspended: true } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 8,
        column: 41,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function listProjects(orgId: string) {
  const { userId, sessionClaims, orgId: sessionOrgId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (!sessionOrgId) throw new Error('No active organization')
  if (sessionClaims?.metadata?.plan === 'pro') console.log('pro user')
  return db.project.findMany({ where: { orgId: sessionOrgId } })
}

export async function suspendOrganization(orgId: string) {
  const { sessionClaims } = await auth.protect()
  if (sessionClaims?.metadata?.role === 'banned') throw new Error('Banned')
  await db.organization.update({ where: { id: orgId }, data: { suspended: true } })
}
` },
        ],
      },
      {
        messageId: 'orgIdFromRequest',
        line: 14,
        column: 47,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function listProjects(orgId: string) {
  const { userId, sessionClaims } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (sessionClaims?.metadata?.plan === 'pro') console.log('pro user')
  return db.project.findMany({ where: { orgId } })
}

export async function suspendOrganization(orgId: string) {
  const { sessionClaims, orgId: sessionOrgId } = await auth.protect()
  if (sessionClaims?.metadata?.role === 'banned') throw new Error('Banned')
  if (!sessionOrgId) throw new Error('No active organization')
  await db.organization.update({ where: { id: sessionOrgId }, data: { suspended: true } })
}
` },
        ],
      },
    ],
  },
  {
    // The helper's `return false` leaves the helper, not the action: its result is never looked at.
    name: "a role helper whose result is ignored does not authorise",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'

async function isPlatformAdmin() {
  const { sessionClaims } = await auth()
  if (sessionClaims?.metadata?.role !== 'admin') return false
  return true
}

export async function deleteOrganization(orgId: string) {
  await isPlatformAdmin()
  await db.organization.delete({ where: { id: orgId } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 12,
        column: 47,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth } from '@clerk/nextjs/server'

async function isPlatformAdmin() {
  const { sessionClaims } = await auth()
  if (sessionClaims?.metadata?.role !== 'admin') return false
  return true
}

export async function deleteOrganization(orgId: string) {
  const { orgId: sessionOrgId } = await auth()
  if (!sessionOrgId) throw new Error('No active organization')
  await isPlatformAdmin()
  await db.organization.delete({ where: { id: sessionOrgId } })
}
` },
        ],
      },
    ],
  },
  {
    name: "`if (membership)` on a lookup of another organization id does not authorise the use inside",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'

export async function addProject(orgId: string, parentId: string, name: string) {
  const { userId } = await auth.protect()
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  const membership = data.find((m) => m.organization.id === parentId)
  if (membership) {
    await db.project.create({ data: { orgId, name } })
  }
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 10,
        column: 39,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'

export async function addProject(orgId: string, parentId: string, name: string) {
  const { userId, orgId: sessionOrgId } = await auth.protect()
  if (!sessionOrgId) throw new Error('No active organization')
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  const membership = data.find((m) => m.organization.id === parentId)
  if (membership) {
    await db.project.create({ data: { orgId: sessionOrgId, name } })
  }
}
` },
        ],
      },
    ],
  },
  {
    name: "the use inside `if (!membership)` or `if (membership || isPublic)` can run for a non-member",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function requestAccess(orgId: string) {
  const { userId } = await auth.protect()
  const membership = await db.membership.findFirst({ where: { orgId, userId } })
  if (!membership) {
    await db.accessRequest.create({ data: { orgId, userId } })
  }
}

export async function listProjects(orgId: string, isPublic: boolean) {
  const { userId } = await auth.protect()
  const membership = await db.membership.findFirst({ where: { orgId, userId } })
  if (membership || isPublic) {
    return db.project.findMany({ where: { orgId } })
  }
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 8,
        column: 45,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function requestAccess(orgId: string) {
  const { userId, orgId: sessionOrgId } = await auth.protect()
  if (!sessionOrgId) throw new Error('No active organization')
  const membership = await db.membership.findFirst({ where: { orgId, userId } })
  if (!membership) {
    await db.accessRequest.create({ data: { orgId: sessionOrgId, userId } })
  }
}

export async function listProjects(orgId: string, isPublic: boolean) {
  const { userId } = await auth.protect()
  const membership = await db.membership.findFirst({ where: { orgId, userId } })
  if (membership || isPublic) {
    return db.project.findMany({ where: { orgId } })
  }
}
` },
        ],
      },
      {
        messageId: 'orgIdFromRequest',
        line: 16,
        column: 43,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function requestAccess(orgId: string) {
  const { userId } = await auth.protect()
  const membership = await db.membership.findFirst({ where: { orgId, userId } })
  if (!membership) {
    await db.accessRequest.create({ data: { orgId, userId } })
  }
}

export async function listProjects(orgId: string, isPublic: boolean) {
  const { userId, orgId: sessionOrgId } = await auth.protect()
  if (!sessionOrgId) throw new Error('No active organization')
  const membership = await db.membership.findFirst({ where: { orgId, userId } })
  if (membership || isPublic) {
    return db.project.findMany({ where: { orgId: sessionOrgId } })
  }
}
` },
        ],
      },
    ],
  },
  {
    name: "suggestion adds orgId to an existing auth.protect() destructuring, keeping semicolons",
    filename: fixture("app/actions.ts"),
    code: `"use server";
import { auth } from "@clerk/nextjs/server";

export async function renameProject(body: { orgId: string; name: string }) {
  const { userId } = await auth.protect();
  await prisma.project.updateMany({ where: { orgId: body.orgId, ownerId: userId }, data: { name: body.name } });
}
`,
    output: null,
    errors: [
      {
        messageId: 'orgIdFromRequest',
        line: 6,
        column: 53,
        suggestions: [
          { messageId: 'useSessionOrgId', output: `"use server";
import { auth } from "@clerk/nextjs/server";

export async function renameProject(body: { orgId: string; name: string }) {
  const { userId, orgId } = await auth.protect();
  if (!orgId) throw new Error("No active organization");
  await prisma.project.updateMany({ where: { orgId, ownerId: userId }, data: { name: body.name } });
}
` },
        ],
      },
    ],
  },
];
