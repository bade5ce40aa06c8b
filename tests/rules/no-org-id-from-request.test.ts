import rule from '../../src/rules/no-org-id-from-request.js';
import { fixture, ruleTester } from '../rule-tester.js';
import { invalid } from './no-org-id-from-request.invalid.js';

const actions = fixture('app/actions.ts');

ruleTester.run('no-org-id-from-request', rule, {
  valid: [
    {
      name: 'orgId from auth() scopes the query',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function list() {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  return prisma.invoice.findMany({ where: { orgId } })
}`,
    },
    {
      name: 'the caller-supplied id is compared with the session first',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function update(body: { orgId: string; name: string }) {
  const { orgId } = await auth()
  if (body.orgId !== orgId) throw new Error('Forbidden')
  await prisma.project.updateMany({ where: { orgId: body.orgId }, data: { name: body.name } })
}`,
    },
    {
      name: 'an active-org role check together with the comparison of the two ids',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function a(input: { orgId: string }) {
  const { orgId, has } = await auth()
  if (!has({ role: 'org:admin' }) || input.orgId !== orgId) throw new Error('Forbidden')
  await db.delete(members).where(eq(members.orgId, input.orgId))
}`,
    },
    {
      name: 'a platform role from sessionClaims (not the active org) authorises any organization',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function suspendOrganization(orgId: string) {
  const { sessionClaims } = await auth()
  if (sessionClaims?.metadata?.role !== 'admin') throw new Error('Forbidden')
  await db.organization.update({ where: { id: orgId }, data: { suspended: true } })
}`,
    },
    {
      name: "Clerk's checkRole helper, a destructured role claim and a boolean isAdmin claim, each with an exit",
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
const checkRole = async (role: string) => {
  const { sessionClaims } = await auth()
  return sessionClaims?.metadata.role === role
}
export async function deleteOrganization(orgId: string) {
  if (!(await checkRole('admin'))) throw new Error('Forbidden')
  await db.organization.delete({ where: { id: orgId } })
}
export async function suspendOrganization(orgId: string) {
  const { sessionClaims } = await auth.protect()
  const { role } = sessionClaims?.metadata ?? {}
  if (role !== 'admin' && role !== 'support') throw new Error('Forbidden')
  await db.organization.update({ where: { id: orgId }, data: { suspended: true } })
}
export async function restoreOrganization(orgId: string) {
  if (!(await auth()).sessionClaims?.metadata?.isAdmin) throw new Error('Forbidden')
  await db.organization.update({ where: { id: orgId }, data: { suspended: false } })
}`,
    },
    {
      name: 'a role helper that returns false for a non-admin, used in a guard',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
async function isPlatformAdmin() {
  const { sessionClaims } = await auth()
  if (sessionClaims?.metadata?.role !== 'admin') return false
  return true
}
export async function deleteOrganization(orgId: string) {
  const admin = await isPlatformAdmin()
  if (!admin) throw new Error('Forbidden')
  await db.organization.delete({ where: { id: orgId } })
}`,
    },
    {
      name: 'a platform role checked by a helper that redirects, or around the use',
      filename: fixture('app/api/admin/orgs/route.ts'),
      code: `import { auth } from '@clerk/nextjs/server'
import { redirect } from 'next/navigation'
async function requirePlatformAdmin() {
  const { sessionClaims } = await auth()
  if (!sessionClaims?.metadata?.roles?.includes('platform:admin')) redirect('/')
}
export async function DELETE(req: Request) {
  await requirePlatformAdmin()
  const { orgId } = await req.json()
  await db.organization.delete({ where: { id: orgId } })
  return new Response(null, { status: 204 })
}
export async function GET(req: Request) {
  const { sessionClaims } = await auth()
  const orgId = new URL(req.url).searchParams.get('orgId')
  if (sessionClaims?.metadata?.role === 'admin') {
    return Response.json(await db.project.findMany({ where: { orgId } }))
  }
  return new Response('Forbidden', { status: 403 })
}`,
    },
    {
      name: 'a membership lookup by the request orgId and the session userId, with an exit when missing',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function listProjects(orgId: string) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  const membership = await db.membership.findFirst({ where: { orgId, userId } })
  if (!membership) throw new Error('Forbidden')
  return db.project.findMany({ where: { orgId } })
}`,
    },
    {
      name: "Supabase membership lookup in a route handler, checked through currentUser()'s id",
      filename: fixture('app/api/orgs/[orgId]/projects/route.ts'),
      code: `import { currentUser } from '@clerk/nextjs/server'
export async function GET(req: Request, { params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params
  const user = await currentUser()
  if (!user) return new Response('Unauthorized', { status: 401 })
  const { data: membership } = await supabase.from('members').select('role').eq('org_id', orgId).eq('user_id', user.id).maybeSingle()
  if (!membership) return new Response('Forbidden', { status: 403 })
  const { data } = await supabase.from('projects').select().eq('org_id', orgId)
  return Response.json(data)
}`,
    },
    {
      name: "Clerk's membership list of the session user, checked against the orgId with an exit",
      filename: actions,
      code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'
export async function archiveProject(orgId: string, projectId: string) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  if (!data.some((m) => m.organization.id === orgId)) throw new Error('Forbidden')
  await db.project.update({ where: { id: projectId, orgId }, data: { archived: true } })
}`,
    },
    {
      name: "the organization's member list checked for the session user (through .find), then an admin-only write",
      filename: actions,
      code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'
export async function renameOrganization(organizationId: string, name: string) {
  const { userId } = await auth.protect()
  const client = await clerkClient()
  const members = await client.organizations.getOrganizationMembershipList({ organizationId, limit: 500 })
  const me = members.data.find((m) => m.publicUserData?.userId === userId)
  if (!me || me.role !== 'org:admin') throw new Error('Forbidden')
  await client.organizations.updateOrganization(organizationId, { name })
}`,
    },
    {
      name: 'membership guards written as `=== null` and as a role comparison of the lookup',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function listProjects(orgId: string) {
  const { userId } = await auth.protect()
  const membership = await prisma.membership.findUnique({ where: { orgId_userId: { orgId, userId } } })
  if (membership === null) throw new Error('Forbidden')
  return prisma.project.findMany({ where: { orgId } })
}
export async function deleteProject(orgId: string, projectId: string) {
  const { userId } = await auth.protect()
  const membership = await prisma.membership.findUnique({ where: { orgId_userId: { orgId, userId } } })
  if (membership?.role !== 'admin') throw new Error('Forbidden')
  await prisma.project.delete({ where: { id: projectId, orgId } })
}`,
    },
    {
      name: "a read by the request orgId and the session userId only finds the caller's own rows",
      filename: fixture('app/api/orgs/[orgId]/my-tasks/route.ts'),
      code: `import { auth } from '@clerk/nextjs/server'
export async function GET(req: Request, { params }: { params: Promise<{ orgId: string }> }) {
  const { userId } = await auth.protect()
  const { orgId } = await params
  return Response.json(await prisma.task.findMany({ where: { orgId, assigneeId: userId } }))
}`,
    },
    {
      name: 'membership lists tested with findIndex() === -1, filter().length === 0, map().includes() and a find() result',
      filename: actions,
      code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'
export async function a(orgId: string) {
  const { userId } = await auth.protect()
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  if (data.findIndex((m) => m.organization.id === orgId) === -1) throw new Error('Forbidden')
  return db.project.findMany({ where: { orgId } })
}
export async function b(orgId: string) {
  const { userId } = await auth.protect()
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  if (data.filter((m) => m.organization.id === orgId).length === 0) throw new Error('Forbidden')
  return db.project.findMany({ where: { orgId } })
}
export async function c(orgId: string) {
  const { userId } = await auth.protect()
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  if (!data.map((m) => m.organization.id).includes(orgId)) throw new Error('Forbidden')
  return db.project.findMany({ where: { orgId } })
}
export async function d(orgId: string) {
  const { userId } = await auth.protect()
  const client = await clerkClient()
  const { data: list } = await client.users.getOrganizationMembershipList({ userId })
  const membership = list.find((m) => m.organization.id === orgId)
  if (!membership) throw new Error('Forbidden')
  return db.project.findMany({ where: { orgId } })
}`,
    },
    {
      name: 'a Drizzle membership row destructured from the result, and a Prisma count',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
import { and, eq } from 'drizzle-orm'
export async function listProjects(orgId: string) {
  const { userId } = await auth.protect()
  const [membership] = await db.select().from(members).where(and(eq(members.orgId, orgId), eq(members.userId, userId))).limit(1)
  if (!membership) throw new Error('Forbidden')
  return db.select().from(projects).where(eq(projects.orgId, orgId))
}
export async function countProjects(orgId: string) {
  const { userId } = await auth.protect()
  if ((await prisma.membership.count({ where: { orgId, userId } })) === 0) throw new Error('Forbidden')
  return prisma.project.count({ where: { orgId } })
}`,
    },
    {
      name: 'logging, converting and validating are not scoping',
      filename: actions,
      code: `'use server'
export async function a(input: { orgId: string }) {
  console.log('org', input.orgId)
  const id = String(input.orgId)
  return schema.parse({ orgId: input.orgId })
}`,
    },
    {
      name: 'values from the database and module constants',
      filename: fixture('app/api/x/route.ts'),
      code: `import { auth } from '@clerk/nextjs/server'
const orgId = process.env.DEFAULT_ORG
export async function GET() {
  await auth.protect()
  const project = await prisma.project.findFirst()
  await prisma.invoice.findMany({ where: { orgId: project.orgId } })
  return Response.json(await prisma.org.findUnique({ where: { id: orgId } }))
}`,
    },
    {
      name: 'plain modules are not entry points',
      filename: fixture('lib/orgs.ts'),
      code: `export async function forOrg(orgId: string) { return prisma.invoice.findMany({ where: { orgId } }) }`,
    },
    {
      name: 'the use inside the branch where the ids are equal',
      filename: fixture('app/actions.ts'),
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function archive(input: { orgId: string }) {
  const { orgId } = await auth.protect()
  if (input.orgId === orgId) {
    await prisma.project.updateMany({ where: { orgId: input.orgId }, data: { archived: true } })
  }
}`,
    },
    {
      name: "the use inside `if (membership)` after a find() in the session user's membership list",
      filename: actions,
      code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'
export async function addProject(orgId: string, name: string) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  const membership = data.find((m) => m.organization.id === orgId)
  if (membership) {
    await db.project.create({ data: { orgId, name } })
  }
}`,
    },
    {
      name: 'the use inside `if (membership && membership.role === …)` after a lookup by both ids, and inside `if (data.some(…))`',
      filename: actions,
      code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'
export async function deleteProject(orgId: string, projectId: string) {
  const { userId } = await auth.protect()
  const membership = await db.membership.findFirst({ where: { orgId, userId } })
  if (membership && membership.role === 'admin') {
    await db.project.delete({ where: { id: projectId, orgId } })
  }
}
export async function archiveProject(orgId: string, projectId: string) {
  const { userId } = await auth.protect()
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  if (data.some((m) => m.organization.id === orgId)) await db.project.update({ where: { id: projectId, orgId }, data: { archived: true } })
}`,
    },
    {
      name: 'the use in the else branch of `if (!membership)`, whose consequent does not exit',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function listProjects(orgId: string) {
  const { userId } = await auth.protect()
  const membership = await prisma.membership.findUnique({ where: { orgId_userId: { orgId, userId } } })
  if (!membership) {
    console.warn('not a member', orgId)
  } else {
    return prisma.project.findMany({ where: { orgId } })
  }
  return []
}`,
    },
    {
      name: 'the use after `if (membership) { … } else throw …`',
      filename: actions,
      code: `'use server'
import { auth, clerkClient } from '@clerk/nextjs/server'
export async function addProject(orgId: string, name: string) {
  const { userId } = await auth.protect()
  const client = await clerkClient()
  const { data } = await client.users.getOrganizationMembershipList({ userId })
  const membership = data.find((m) => m.organization.id === orgId)
  if (membership) {
    console.log('member of', membership.organization.name)
  } else {
    throw new Error('Forbidden')
  }
  await db.project.create({ data: { orgId, name } })
}`,
    },
  ],
  invalid: [
    ...invalid,
    {
      name: 'a comparison with the session that does not exit authorises nothing',
      filename: fixture('app/actions.ts'),
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function archive(input: { orgId: string }) {
  const { orgId } = await auth.protect()
  if (input.orgId === orgId) console.log('same organization')
  await prisma.project.updateMany({ where: { orgId: input.orgId }, data: { archived: true } })
}`,
      errors: [
        {
          messageId: 'orgIdFromRequest',
          suggestions: [
            {
              messageId: 'useSessionOrgId',
              output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function archive(input: { orgId: string }) {
  const { orgId } = await auth.protect()
  if (!orgId) throw new Error('No active organization')
  if (input.orgId === orgId) console.log('same organization')
  await prisma.project.updateMany({ where: { orgId }, data: { archived: true } })
}`,
            },
          ],
        },
      ],
    },
  ],
});
