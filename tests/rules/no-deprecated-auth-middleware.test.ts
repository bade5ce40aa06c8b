import rule from '../../src/rules/no-deprecated-auth-middleware.js';
import { fixture, ruleTester } from '../rule-tester.js';
import { invalid } from './no-deprecated-auth-middleware.invalid.js';

ruleTester.run('no-deprecated-auth-middleware', rule, {
  valid: [
    {
      name: 'clerkMiddleware with explicit protection',
      filename: fixture('middleware.ts'),
      code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isPublicRoute = createRouteMatcher(['/sign-in(.*)'])
export default clerkMiddleware(async (auth, req) => { if (!isPublicRoute(req)) await auth.protect() })`,
    },
    {
      name: 'a local or foreign authMiddleware',
      filename: fixture('middleware.ts'),
      code: `import { authMiddleware } from '@/lib/auth'
export default authMiddleware({ publicRoutes: ['/'] })`,
    },
    {
      name: 'type-only mention',
      filename: fixture('middleware.ts'),
      code: `import type { authMiddleware } from '@clerk/nextjs/server'
type Options = Parameters<typeof authMiddleware>[0]`,
    },
  ],
  invalid,
});
