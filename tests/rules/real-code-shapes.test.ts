// Shapes of safe code from public Clerk apps (the real-apps corpus, tests/real-apps/labels.jsonl) that the rules
// reported, each next to the unsafe shape it must still report. Helpers live in tests/fixtures/v7/services and
// tests/fixtures/v7/pages/api/organizer; the fixture's tsconfig.json is the shape create-next-app writes.
import actionRule from '../../src/rules/require-server-action-auth.js';
import routeRule from '../../src/rules/require-route-handler-auth.js';
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
  ],
  invalid: [
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
