import rule from '../../src/rules/no-swallowed-auth-redirect.js';
import { fixture, ruleTester } from '../rule-tester.js';
import { invalid } from './no-swallowed-auth-redirect.invalid.js';

const file = fixture('app/actions.ts');

ruleTester.run('no-swallowed-auth-redirect', rule, {
  valid: [
    {
      name: 'unstable_rethrow first in the catch',
      filename: file,
      code: `import { auth } from '@clerk/nextjs/server'
import { unstable_rethrow } from 'next/navigation'
export async function f() {
  try {
    await auth.protect()
    await db.x.delete()
  } catch (error) {
    unstable_rethrow(error)
    console.error(error)
  }
}`,
    },
    {
      name: 'a catch that rethrows, unconditionally or for the caught error',
      filename: file,
      code: `import { redirect, notFound } from 'next/navigation'
export async function f(id: string) {
  try {
    if (!id) notFound()
  } catch (error) {
    console.error(error)
    throw error
  }
  try {
    redirect('/sign-in')
  } catch (error) {
    if (isRedirectError(error)) throw error
    return { error: 'failed' }
  }
}`,
    },
    {
      name: 'outside try, in finally-only try, and in the catch itself',
      filename: file,
      code: `import { auth } from '@clerk/nextjs/server'
import { redirect } from 'next/navigation'
export async function f() {
  await auth.protect()
  try {
    redirect('/a')
  } finally {
    console.log('done')
  }
  try {
    await db.x.delete()
  } catch {
    redirect('/error')
  }
}`,
    },
    {
      name: 'a nested function inside try is not run by it',
      filename: file,
      code: `import { redirect } from 'next/navigation'
export async function f() {
  try {
    const go = () => redirect('/home')
    return go
  } catch {
    return null
  }
}`,
    },
    {
      name: 'look-alikes: a local redirect, and Express requireAuth',
      filename: file,
      code: `import { requireAuth } from '@clerk/express'
function redirect(to: string) { return to }
export function f() {
  try {
    redirect('/x')
    requireAuth()
  } catch {
    return null
  }
}`,
    },
    {
      name: 'a server action whose catch returns an error result on every path: nothing runs as if allowed',
      filename: file,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
export async function createPost(title: string) {
  try {
    const { userId } = await auth.protect()
    await db.post.create({ data: { title, userId } })
    return { success: true }
  } catch (error) {
    console.error(error)
    return { success: false, error: 'Failed to create post' }
  }
}`,
    },
    {
      name: 'a route handler whose catch hands the error to handleApiError, or logs it to Sentry and answers 500',
      filename: fixture('app/api/projects/route.ts'),
      code: `import { auth } from '@clerk/nextjs/server'
import * as Sentry from '@sentry/nextjs'
import { NextResponse } from 'next/server'
import { handleApiError } from '@/lib/api-error'
export async function GET() {
  try {
    const { userId } = await auth.protect()
    return NextResponse.json(await db.project.findMany({ where: { userId } }))
  } catch (err) {
    return handleApiError(err)
  }
}
export async function DELETE(req: Request) {
  try {
    await auth.protect({ role: 'org:admin' })
    await db.project.deleteMany({ where: { id: new URL(req.url).searchParams.get('id')! } })
    return new Response(null, { status: 204 })
  } catch (error) {
    Sentry.captureException(error)
    if (error instanceof Error && error.message === 'conflict') return NextResponse.json({ error: 'Conflict' }, { status: 409 })
    else return NextResponse.json({ error: 'Internal error' }, { status: 500 })
  }
}`,
    },
    {
      name: 'a kept .catch() result that is checked, and a .catch() that redirects',
      filename: file,
      code: `'use server'
import { auth } from '@clerk/nextjs/server'
import { redirect } from 'next/navigation'
export async function archive(id: string) {
  const session = await auth.protect().catch(() => null)
  if (!session) return { error: 'Please sign in again' }
  await db.post.update({ where: { id, authorId: session.userId }, data: { archived: true } })
}
export async function restore(id: string) {
  await auth.protect().catch(() => redirect('/sign-in'))
  await db.post.update({ where: { id }, data: { archived: false } })
}`,
    },
    {
      name: 'the middleware auth parameter in a try whose catch redirects to sign-in',
      filename: fixture('middleware.ts'),
      code: `import { clerkMiddleware } from '@clerk/nextjs/server'
import { NextResponse } from 'next/server'
export default clerkMiddleware(async (auth, req) => {
  try {
    await auth.protect()
  } catch {
    return NextResponse.redirect(new URL('/sign-in', req.url))
  }
})`,
    },
  ],
  invalid,
});
