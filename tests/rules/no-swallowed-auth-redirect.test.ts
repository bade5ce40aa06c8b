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
  ],
  invalid,
});
