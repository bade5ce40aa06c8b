import rule from '../../src/rules/no-org-id-from-request.js';
import { fixture, ruleTester } from '../rule-tester.js';

// The session's own orgId, unchecked, in a query (issue 22, class 1): `undefined` without an active organization,
// which Prisma and Drizzle drop from a filter.
const page = fixture('app/dashboard/page.tsx');
const lib = fixture('lib/projects.ts');
const route = fixture('app/api/invoices/route.ts');

ruleTester.run('no-org-id-from-request: the session orgId in a query without an exit', rule, {
  valid: [
    {
      name: 'an exit (redirect) when there is no active organization, first',
      filename: page,
      code: `import { auth } from '@clerk/nextjs/server'
import { redirect } from 'next/navigation'
export default async function Boards() {
  const { orgId } = await auth()
  if (!orgId) redirect('/select-org')
  const boards = await db.board.findMany({ where: { orgId } })
  return <ul>{boards.map((board) => <li key={board.id}>{board.title}</li>)}</ul>
}`,
    },
    {
      name: 'one exit for both ids, in a route handler',
      filename: route,
      code: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId, orgId } = await auth()
  if (!userId || !orgId) return new Response('Unauthorized', { status: 401 })
  return Response.json(await db.invoice.findMany({ where: { orgId } }))
}`,
    },
    {
      name: 'the use inside if (orgId), and behind orgId &&',
      filename: lib,
      code: `import { auth } from '@clerk/nextjs/server'
export async function projects() {
  const { orgId } = await auth()
  if (orgId) {
    return db.project.findMany({ where: { orgId } })
  }
  return orgId && db.project.count({ where: { orgId } })
}`,
    },
    {
      name: 'a role check needs an active organization: auth.protect({ role }) and has({ permission }) with an exit',
      filename: lib,
      code: `import { auth } from '@clerk/nextjs/server'
export async function archive() {
  const { orgId } = await auth.protect({ role: 'org:admin' })
  await db.project.updateMany({ where: { orgId }, data: { archived: true } })
}
export async function purge() {
  const { orgId, has } = await auth()
  if (!has({ permission: 'org:projects:delete' })) throw new Error('Forbidden')
  await db.project.deleteMany({ where: { orgId } })
}`,
    },
    {
      name: 'a context handed to a tRPC caller, and a Clerk API call (which rejects a missing id), are no filters',
      filename: lib,
      code: `import { auth, clerkClient } from '@clerk/nextjs/server'
export async function createCaller() {
  const { userId, orgId } = await auth()
  return appRouter.createCaller({ userId, orgId })
}
export async function members() {
  const { orgId } = await auth()
  return (await clerkClient()).organizations.getOrganizationMembershipList({ organizationId: orgId })
}`,
    },
    {
      name: 'a client component is not judged here',
      filename: fixture('app/components/boards.tsx'),
      code: `'use client'
import { useAuth } from '@clerk/nextjs'
export function Boards() {
  const { orgId } = useAuth()
  return <Query filter={{ where: { orgId } }} />
}`,
    },
  ],
  invalid: [
    {
      name: 'a server component page reads its organization rows with no exit for a missing organization',
      filename: page,
      code: `import { auth } from '@clerk/nextjs/server'
export default async function Boards() {
  const { orgId } = await auth()
  const boards = await db.board.findMany({ where: { orgId } })
  return <ul>{boards.map((board) => <li key={board.id}>{board.title}</li>)}</ul>
}`,
      errors: [
        {
          messageId: 'sessionOrgIdUnchecked',
          data: { name: 'orgId' },
          line: 4,
          suggestions: [
            {
              messageId: 'exitWhenNoOrganization',
              data: { name: 'orgId' },
              output: `import { auth } from '@clerk/nextjs/server'
export default async function Boards() {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No active organization')
  const boards = await db.board.findMany({ where: { orgId } })
  return <ul>{boards.map((board) => <li key={board.id}>{board.title}</li>)}</ul>
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a lib function with Drizzle eq(), after a userId check that says nothing of the organization',
      filename: lib,
      code: `import { auth } from '@clerk/nextjs/server'
import { eq } from 'drizzle-orm'
export async function listProjects() {
  const { userId, orgId: activeOrg } = await auth()
  if (!userId) throw new Error('Unauthorized')
  return db.select().from(projects).where(eq(projects.orgId, activeOrg))
}`,
      errors: [
        {
          messageId: 'sessionOrgIdUnchecked',
          data: { name: 'activeOrg' },
          suggestions: [
            {
              messageId: 'exitWhenNoOrganization',
              data: { name: 'activeOrg' },
              output: `import { auth } from '@clerk/nextjs/server'
import { eq } from 'drizzle-orm'
export async function listProjects() {
  const { userId, orgId: activeOrg } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (!activeOrg) throw new Error('No active organization')
  return db.select().from(projects).where(eq(projects.orgId, activeOrg))
}`,
            },
          ],
        },
      ],
    },
    {
      name: "a route handler gets its own exit style (403)",
      filename: route,
      code: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId, orgId } = await auth()
  if (!userId) return new Response('Unauthorized', { status: 401 })
  return Response.json(await db.invoice.findMany({ where: { orgId } }))
}`,
      errors: [
        {
          messageId: 'sessionOrgIdUnchecked',
          suggestions: [
            {
              messageId: 'exitWhenNoOrganization',
              data: { name: 'orgId' },
              output: `import { auth } from '@clerk/nextjs/server'
export async function GET() {
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
  ],
});
