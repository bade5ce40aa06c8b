// Class 8 of the recall issue: `no-org-id-from-request` with `checkTenantScoping` (on in `strict`). In an entry
// point that works in an organization, a query that selects a record by a caller-supplied id with nothing tying the
// record to the session's organization lets a member of one organization read or change another's records.
import rule from '../../src/rules/no-org-id-from-request.js';
import { fixture, ruleTester } from '../rule-tester.js';

const actions = fixture('app/actions.ts');
const route = fixture('app/api/projects/[id]/route.ts');
const on = [{ checkTenantScoping: true }] as const;
const finding = (name: string, verb: 'reads' | 'changes', line: number) => ({
  messageId: 'recordNotTiedToOrganization' as const,
  data: { name, verb },
  line,
  suggestions: [],
});

ruleTester.run('no-org-id-from-request (checkTenantScoping)', rule, {
  valid: [
    {
      name: 'no module within reach names orgId: the action works in no organization (signed-in user only)',
      filename: actions,
      options: on,
      code: `'use server'
import { requireUser } from '@/lib/require-user'
export async function getIssuesForSprint(sprintId: string) {
  await requireUser()
  return db.issue.findMany({ where: { sprintId } })
}`,
    },
    {
      name: 'the filter holds the session orgId beside the id',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function getProject(projectId: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  return db.project.findFirst({ where: { id: projectId, orgId } })
}`,
    },
    {
      name: 'the filter ties the record through a relation (project: { organizationId })',
      filename: actions,
      options: on,
      code: `'use server'
import { requireOrg } from '@/lib/require-org'
export async function getIssue(issueId: string) {
  const { orgId } = await requireOrg()
  return db.issue.findFirst({ where: { id: issueId, project: { organizationId: orgId } } })
}`,
    },
    {
      name: "the loaded record's organization is compared with the session's and the function exits",
      filename: actions,
      options: on,
      code: `'use server'
import { requireOrg } from '@/lib/require-org'
export async function updateSprint(sprintId: string, status: string) {
  const { orgId } = await requireOrg({ admin: true })
  const sprint = await db.sprint.findUnique({ where: { id: sprintId }, include: { project: true } })
  if (!sprint) throw new Error('Sprint not found')
  if (sprint.project.organizationId !== orgId) throw new Error('Unauthorized')
  return db.sprint.update({ where: { id: sprintId }, data: { status } })
}`,
    },
    {
      name: 'a tied lookup of the same id vets it for the write that follows',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function createSprint(projectId: string, name: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  const project = await db.project.findFirst({ where: { id: projectId, organizationId: orgId } })
  if (!project) throw new Error('Not found')
  return db.sprint.create({ data: { name, projectId } })
}`,
    },
    {
      name: 'a new record that carries the session orgId belongs to the organization (ids of other services in it)',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function createBoard(input: { title: string; image: string }) {
  const { userId, orgId } = await auth()
  if (!userId || !orgId) return { error: 'Unauthorized' }
  const [imageId, imageUrl] = input.image.split('|')
  return db.board.create({ data: { title: input.title, orgId, imageId, imageUrl } })
}`,
    },
    {
      name: 'an entry point that never reads an organization (a signed-in user only) is out of scope',
      filename: actions,
      options: on,
      code: `'use server'
import { requireUser } from '@/lib/require-org'
export async function markRead(notificationId: string) {
  await requireUser()
  await db.notification.update({ where: { id: notificationId }, data: { read: true } })
}`,
    },
    {
      name: 'without the option (recommended), an untied id is not reported',
      filename: actions,
      code: `'use server'
import { requireOrg } from '@/lib/require-org'
export async function getIssuesForSprint(sprintId: string) {
  await requireOrg()
  return db.issue.findMany({ where: { sprintId } })
}`,
    },
    {
      name: "the record is tied to the session's user (authorId from the session)",
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function deletePost(postId: string) {
  const { userId, orgId } = await auth()
  if (!userId || !orgId) throw new Error('Unauthorized')
  await db.post.deleteMany({ where: { id: postId, authorId: userId } })
}`,
    },
    {
      name: 'Drizzle: and(eq(id), eq(orgId)) ties the update',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function rename(id: string, name: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  await db.update(projects).set({ name }).where(and(eq(projects.id, id), eq(projects.orgId, orgId)))
}`,
    },
    {
      name: "Supabase: .eq('org_id', orgId) ties .eq('id', id)",
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function remove(id: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  await supabase.from('projects').delete().eq('org_id', orgId).eq('id', id)
}`,
    },
    {
      name: 'the write runs only in the branch where the organizations match',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function archive(projectId: string) {
  const { orgId } = await auth()
  const project = await db.project.findUnique({ where: { id: projectId } })
  if (project && project.orgId === orgId) {
    await db.project.update({ where: { id: projectId }, data: { archived: true } })
  }
}`,
    },
    {
      name: 'a membership test with an exit ties the record by hand',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function leave(teamSpaceId: string) {
  const { userId, orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  const space = await db.space.findUnique({ where: { id: teamSpaceId }, include: { members: true } })
  if (!space?.members.some((member) => member.userId === userId)) throw new Error('Forbidden')
  await db.space.update({ where: { id: teamSpaceId }, data: { archived: true } })
}`,
    },
    {
      name: "an array's find over the caller's list is no query",
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function pick(items: { id: string }[], id: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  return items.find((item) => item.id === id)
}`,
    },
    {
      name: 'an id the server chose (not the caller) selects the record',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function currentOrganization() {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  const settings = await db.settings.findUnique({ where: { orgId } })
  return db.plan.findUnique({ where: { id: settings?.planId } })
}`,
    },
    {
      name: 'a session value under a key the rule does not know ties the filter (organization: { id: orgId }, clerkOrgId)',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function removeDoc(docId: string, taskId: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  await db.doc.delete({ where: { id: docId, organization: { id: orgId } } })
  await db.task.delete({ where: { id: taskId, clerkOrgId: orgId } })
}`,
    },
    {
      name: 'a record loaded by the session orgId ties the filter through its id (companyId: org.id)',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function rename(id: string, name: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  const org = await db.organization.findUniqueOrThrow({ where: { clerkOrgId: orgId } })
  await db.project.update({ where: { id, companyId: org.id }, data: { name } })
}`,
    },
    {
      name: 'an access-check call given the caller id and the session orgId vets the id',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
import { assertProjectAccess } from '@/lib/access'
export async function rename(projectId: string, name: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  await assertProjectAccess(projectId, orgId)
  await db.project.update({ where: { id: projectId }, data: { name } })
}`,
    },
    {
      name: "Supabase: the id filter first, the organization's after it",
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function remove(id: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  await supabase.from('notes').delete().eq('id', id).eq('org_id', orgId)
}`,
    },
    {
      name: "a payment provider's create is no database write (ids under line_items and metadata)",
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function checkout(priceId: string, planId: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  return stripe.checkout.sessions.create({ mode: 'subscription', line_items: [{ price: priceId, quantity: 1 }], metadata: { planId } })
}`,
    },
    {
      name: 'the tie checked through a const, and with invariant()',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
import invariant from 'tiny-invariant'
export async function rename(projectId: string, docId: string, name: string) {
  const { orgId } = await auth()
  const project = await db.project.findUnique({ where: { id: projectId } })
  const allowed = project?.orgId === orgId
  if (!allowed) throw new Error('Not found')
  await db.project.update({ where: { id: projectId }, data: { name } })
  const doc = await db.doc.findUnique({ where: { id: docId } })
  invariant(doc && doc.orgId === orgId, 'not found')
}`,
    },
    {
      name: 'Drizzle: conditions collected in an array and spread into and()',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function archive(id: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  const conditions = [eq(projects.id, id), eq(projects.orgId, orgId)]
  await db.update(projects).set({ archived: true }).where(and(...conditions))
}`,
    },
    {
      name: 'a tied lookup vets the id even when the input is destructured after it',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function addTask(input: { projectId: string; title: string }) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  const project = await db.project.findFirst({ where: { id: input.projectId, orgId } })
  if (!project) throw new Error('Not found')
  const { projectId, title } = input
  return db.task.create({ data: { title, projectId } })
}`,
    },
  ],
  invalid: [
    {
      name: 'the organization is required two imports away (an imported helper calls one that reads orgId)',
      filename: actions,
      options: on,
      code: `'use server'
import { inOrganization } from '@/lib/org-context'
export async function getIssuesForSprint(sprintId: string) {
  await inOrganization()
  return db.issue.findMany({ where: { sprintId } })
}`,
      errors: [finding('sprintId', 'reads', 5)],
    },
    {
      name: 'the helper that requires an organization is imported through a barrel',
      filename: actions,
      options: on,
      code: `'use server'
import { requireOrg } from '@/lib/org'
export async function getIssuesForSprint(sprintId: string) {
  await requireOrg()
  return db.issue.findMany({ where: { sprintId } })
}`,
      errors: [finding('sprintId', 'reads', 5)],
    },
    {
      name: 'a read by a caller-supplied parent id, in an action whose helper requires an organization (imported)',
      filename: actions,
      options: on,
      code: `'use server'
import { requireOrg } from '@/lib/require-org'
export async function getIssuesForSprint(sprintId: string) {
  await requireOrg()
  return db.issue.findMany({ where: { sprintId }, include: { assignee: true } })
}`,
      errors: [finding('sprintId', 'reads', 5)],
    },
    {
      name: 'orgId read from auth() but never used: the create goes into any project the caller names (the reporter loaded by the session user ties nothing)',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function createIssue(projectId: string, data: { title: string; statusId: string }) {
  const { userId, orgId } = await auth()
  if (!userId || !orgId) throw new Error('Unauthorized')
  const user = await db.user.findUnique({ where: { clerkUserId: userId } })
  const last = await db.issue.findFirst({ where: { projectId, statusId: data.statusId } })
  const issue = await db.issue.create({ data: { title: data.title, statusId: data.statusId, projectId, reporterId: user?.id, order: (last?.order ?? 0) + 1 } })
  if (issue.assigneeId && issue.assigneeId !== user?.id) {
    await db.notification.create({ data: { userId: issue.assigneeId, issueId: issue.id } })
  }
  return issue
}`,
      errors: [finding('projectId', 'changes', 8)],
    },
    {
      name: "each item of a caller-supplied list, updated by its id inside a transaction",
      filename: actions,
      options: on,
      code: `'use server'
import { requireOrg } from '@/lib/require-org'
export async function reorder(updated: { id: string; order: number }[]) {
  await requireOrg()
  await db.$transaction(async (tx) => {
    for (const item of updated) {
      const issueId = String(item?.id)
      await tx.issue.update({ where: { id: issueId }, data: { order: item.order } })
    }
  })
}`,
      errors: [finding('issueId', 'changes', 8)],
    },
    {
      name: 'rows built from a caller-supplied parent id by a map callback behind a const',
      filename: actions,
      options: on,
      code: `'use server'
import { requireOrg } from '@/lib/require-org'
export async function addStatuses(projectId: string, names: string[]) {
  await requireOrg({ admin: true })
  const rows = names.map((name, order) => ({ name, order, projectId }))
  return db.issueStatus.createMany({ data: rows })
}`,
      errors: [finding('projectId', 'changes', 6)],
    },
    {
      name: 'Drizzle: eq(issues.id, id) alone, in an action that reads orgId',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function close(id: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  await db.update(issues).set({ closed: true }).where(eq(issues.id, id))
}`,
      errors: [finding('id', 'changes', 6)],
    },
    {
      name: "Supabase: .eq('id', id) alone",
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function remove(id: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  await supabase.from('projects').delete().eq('id', id)
}`,
      errors: [finding('id', 'changes', 6)],
    },
    {
      name: 'a route handler: the route param picks the project to delete',
      filename: route,
      options: on,
      code: `import { auth } from '@clerk/nextjs/server'
export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { orgId } = await auth()
  if (!orgId) return new Response('No organization', { status: 403 })
  const { id } = await params
  await db.project.delete({ where: { id } })
  return new Response(null, { status: 204 })
}`,
      errors: [finding('id', 'changes', 6)],
    },
    {
      name: 'a same-file helper requires the organization; the write is reported before the read',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
async function organization() {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  return orgId
}
export async function rename(projectId: string, name: string) {
  await organization()
  const project = await db.project.findUnique({ where: { id: projectId } })
  if (!project) throw new Error('Not found')
  return db.project.update({ where: { id: projectId }, data: { name } })
}`,
      errors: [finding('projectId', 'changes', 12)],
    },
    {
      name: 'a check of the caller against their own input is no tie (both sides are the caller’s)',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function move(input: { issueId: string; fromId: string; toId: string }) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  if (input.fromId === input.toId) return
  await db.issue.update({ where: { id: input.issueId }, data: { columnId: input.toId } })
}`,
      errors: [finding('input.issueId', 'changes', 7)],
    },
    {
      name: 'an item of a caller-supplied list is caller-controlled too (for…of), also for orgId itself (default options)',
      filename: actions,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function removeMembers(members: { orgId: string; userId: string }[]) {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  for (const member of members) await db.membership.deleteMany({ where: { orgId: member.orgId, userId: member.userId } })
}`,
      errors: [
        {
          messageId: 'orgIdFromRequest',
          data: { name: 'member.orgId' },
          line: 6,
          suggestions: [
            {
              messageId: 'useSessionOrgId',
              output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function removeMembers(members: { orgId: string; userId: string }[]) {
  const { userId, orgId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  if (!orgId) throw new Error('No active organization')
  for (const member of members) await db.membership.deleteMany({ where: { orgId, userId: member.userId } })
}`,
            },
          ],
        },
      ],
    },
    {
      name: "each id of a caller-supplied list, deleted in a map callback",
      filename: actions,
      options: on,
      code: `'use server'
import { requireOrg } from '@/lib/require-org'
export async function removeDocs(ids: string[]) {
  await requireOrg()
  await Promise.all(ids.map((id) => db.doc.delete({ where: { id } })))
}`,
      errors: [finding('id', 'changes', 5)],
    },
    {
      name: 'a comparison that does not involve the session (an idempotency check) ties nothing',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function retitle(boardId: string, title: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  const board = await db.board.findUnique({ where: { id: boardId } })
  if (board?.title === title) return board
  return db.board.update({ where: { id: boardId }, data: { title } })
}`,
      errors: [finding('boardId', 'changes', 8)],
    },
    {
      name: 'a check after the write comes too late for it',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function rename(id: string, name: string) {
  const { orgId } = await auth()
  if (!orgId) throw new Error('No organization')
  const project = await db.project.update({ where: { id }, data: { name } })
  if (project.orgId !== orgId) throw new Error('Unauthorized')
  return project
}`,
      errors: [finding('id', 'changes', 6)],
    },
    {
      name: 'a later create that carries orgId does not vet an earlier untied write',
      filename: actions,
      options: on,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function rename(projectId: string, name: string) {
  const { userId, orgId } = await auth()
  if (!userId || !orgId) throw new Error('Unauthorized')
  await db.project.update({ where: { id: projectId }, data: { name } })
  await db.activity.create({ data: { orgId, userId, projectId, action: 'rename' } })
}`,
      errors: [finding('projectId', 'changes', 6)],
    },
    {
      name: 'ids in a list filter (id: { in: ids }), the organization two helpers deep',
      filename: actions,
      options: on,
      code: `'use server'
import { requireOrg } from '@/lib/require-org'
async function requireAdmin() {
  return requireOrg({ admin: true })
}
export async function archiveMany(ids: string[]) {
  await requireAdmin()
  await db.project.updateMany({ where: { id: { in: ids } }, data: { archived: true } })
}`,
      errors: [finding('ids', 'changes', 8)],
    },
  ],
});
