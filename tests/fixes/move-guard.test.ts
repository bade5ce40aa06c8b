import rule from '../../src/rules/require-server-action-auth.js';
import { fixture, ruleTester } from '../rule-tester.js';

// The authAfterWork repair moves the late check to the top when that is safe, else inserts a fresh guard.
const filename = fixture('app/actions.ts');

ruleTester.run('moving a late auth check', rule, {
  // What the moves produce is correct code, and a check already first has nothing to move.
  valid: [
    {
      name: 'a moved auth.protect() before the work',
      filename,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function archive(id: string) {
  await auth.protect()
  const note = format(id)
  await db.note.update({ where: { id }, data: { note } })
  return { ok: true }
}`,
    },
    {
      name: 'a moved guard helper with its declaration',
      filename,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
async function requireUser() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  return userId
}
export async function save(data: FormData) {
  const userId = await requireUser()
  await db.audit.create({ data: { at: Date.now() } })
  await db.note.create({ data: { userId, text: String(data.get('text')) } })
}`,
    },
    {
      name: 'a check after validating the arguments (not work)',
      filename,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function rename(id: string, name: string) {
  if (name.trim() === '') return { error: 'Name required' }
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.note.update({ where: { id, userId }, data: { name } })
}`,
    },
    {
      name: 'a check in the first lines after the directive',
      filename,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function purge() {
  'use server'
  await auth.protect()
  await db.note.deleteMany()
}`,
    },
  ],
  invalid: [
    {
      name: 'a lone auth.protect() moves up, with its comment-free line',
      filename,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function archive(id: string) {
  const note = format(id)
  await db.note.update({ where: { id }, data: { note } })
  await auth.protect()
  return { ok: true }
}`,
      errors: [
        {
          messageId: 'authAfterWork',
          suggestions: [
            {
              messageId: 'moveAuthGuard',
              output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function archive(id: string) {
  await auth.protect()
  const note = format(id)
  await db.note.update({ where: { id }, data: { note } })
  return { ok: true }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a guard helper whose result is used later moves with its declaration',
      filename,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
async function requireUser() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  return userId
}
export async function save(data: FormData) {
  await db.audit.create({ data: { at: Date.now() } })
  const userId = await requireUser()
  await db.note.create({ data: { userId, text: String(data.get('text')) } })
}`,
      errors: [
        {
          messageId: 'authAfterWork',
          suggestions: [
            {
              messageId: 'moveAuthGuard',
              output: `'use server'
import { auth } from '@clerk/nextjs/server'
async function requireUser() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  return userId
}
export async function save(data: FormData) {
  const userId = await requireUser()
  await db.audit.create({ data: { at: Date.now() } })
  await db.note.create({ data: { userId, text: String(data.get('text')) } })
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a check that uses a value computed by the work is not moved: a fresh guard is inserted',
      filename,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f(id: string) {
  const record = await db.x.delete({ where: { id } })
  const { userId } = await auth()
  if (!userId || record.ownerId !== userId) throw new Error('Unauthorized')
}`,
      errors: [
        {
          messageId: 'authAfterWork',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f(id: string) {
  const { userId: clerkUserId } = await auth()
  if (!clerkUserId) throw new Error('Unauthorized')
  const record = await db.x.delete({ where: { id } })
  const { userId } = await auth()
  if (!userId || record.ownerId !== userId) throw new Error('Unauthorized')
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a check sharing its line with other code is not moved',
      filename,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f(id: string) {
  await db.x.delete({ where: { id } })
  const { userId } = await auth(); if (!userId) throw new Error('Unauthorized')
}`,
      errors: [
        {
          messageId: 'authAfterWork',
          suggestions: [
            {
              messageId: 'addAuthGuard',
              output: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function f(id: string) {
  const { userId: clerkUserId } = await auth()
  if (!clerkUserId) throw new Error('Unauthorized')
  await db.x.delete({ where: { id } })
  const { userId } = await auth(); if (!userId) throw new Error('Unauthorized')
}`,
            },
          ],
        },
      ],
    },
  ],
});
