import rule from '../../src/rules/no-deprecated-auth-middleware.js';
import { fileURLToPath } from 'node:url';

import { fixture, ruleTester } from '../rule-tester.js';
import { invalid } from './no-deprecated-auth-middleware.invalid.js';

/** A project on `@clerk/nextjs` ^4, where `authMiddleware` is the current API and `clerkMiddleware` does not exist. */
const v4 = fileURLToPath(new URL('../fixtures/middleware/v4/middleware.ts', import.meta.url));

ruleTester.run('no-deprecated-auth-middleware', rule, {
  valid: [
    {
      name: 'v4: authMiddleware is the current API',
      filename: v4,
      code: `import { authMiddleware } from '@clerk/nextjs'
export default authMiddleware({ publicRoutes: ['/', '/api/webhooks(.*)'] })
export const config = { matcher: ['/((?!.+\\.[\\w]+$|_next).*)', '/', '/(api|trpc)(.*)'] }`,
    },
    {
      name: 'v4: authMiddleware with afterAuth and a role check (adsylabs)',
      filename: v4,
      code: `import { authMiddleware, clerkClient, redirectToSignIn } from '@clerk/nextjs'
export default authMiddleware({
  publicRoutes: ['/', '/api(.*)'],
  async afterAuth(auth, req) {
    if (!auth.userId && !auth.isPublicRoute) return redirectToSignIn({ returnBackUrl: req.url })
  },
})`,
    },
    {
      name: 'v4: authMiddleware built per request (hackathon.zip)',
      filename: v4,
      code: `import { authMiddleware } from '@clerk/nextjs'
import type { NextFetchEvent, NextRequest } from 'next/server'
export default function middleware(request: NextRequest, event: NextFetchEvent) {
  return authMiddleware({ publicRoutes: [request.nextUrl.pathname], afterAuth: () => undefined })(request, event)
}`,
    },
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
