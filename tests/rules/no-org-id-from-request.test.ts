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
      name: 'an authorisation check first (has, protect with a permission)',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function a(orgId: string) {
  await auth.protect({ permission: 'org:sys_memberships:manage' })
  await db.delete(members).where(eq(members.orgId, orgId))
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
  ],
  invalid,
});
