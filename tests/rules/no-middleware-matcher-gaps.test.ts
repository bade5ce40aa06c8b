import { fileURLToPath } from 'node:url';

import { PREVIOUS_MATCHERS, RECOMMENDED_MATCHER } from '../../src/clerk/index.js';
import rule from '../../src/rules/no-middleware-matcher-gaps.js';
import { fixture, ruleTester } from '../rule-tester.js';
import { invalid } from './no-middleware-matcher-gaps.invalid.js';

const middleware = fixture('middleware.ts');
const asCode = (matcher: readonly string[]) => `[${matcher.map((pattern) => JSON.stringify(pattern)).join(', ')}]`;

ruleTester.run('no-middleware-matcher-gaps', rule, {
  valid: [
    ...[RECOMMENDED_MATCHER, ...PREVIOUS_MATCHERS].map((matcher, index) => ({
      name: `Clerk's recommended matcher #${index}`,
      filename: middleware,
      code: `import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware()
export const config = { matcher: ${asCode(matcher)} }`,
    })),
    {
      name: 'a protect-all middleware with a narrow public list, under src/ and as proxy.ts',
      filename: fixture('src/proxy.ts'),
      code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isPublicRoute = createRouteMatcher(['/', '/sign-in(.*)', '/sign-up(.*)', '/api/webhooks(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (!isPublicRoute(req)) await auth.protect()
})`,
    },
    {
      name: 'src/middleware.ts of an app in src/app is where Next loads it',
      filename: fileURLToPath(new URL('../fixtures/src-app/src/middleware.ts', import.meta.url)),
      code: `import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware()`,
    },
    {
      name: 'a monorepo app whose folder is named app/ (its package.json is next to middleware.ts) is not misplaced',
      filename: fileURLToPath(new URL('../fixtures/monorepo/app/middleware.ts', import.meta.url)),
      code: `import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware()`,
    },
    {
      name: "Clerk's documented protect-list naming only pages: handlers protect themselves (require-route-handler-auth reports those that do not)",
      filename: fixture('proxy.ts', 6),
      code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isProtectedRoute = createRouteMatcher(['/dashboard(.*)', '/sites(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (isProtectedRoute(req)) {
    await auth.protect()
  }
})`,
    },
    {
      name: 'an else-if chain of protect-lists (rust-conveyor-filters, chedda)',
      filename: middleware,
      code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isAdminRoute = createRouteMatcher(['/admin(.*)'])
const isDashboardRoute = createRouteMatcher(['/dashboard(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (isAdminRoute(req)) await auth.protect({ role: 'org:admin' })
  else if (isDashboardRoute(req)) await auth.protect()
})`,
    },
    {
      name: "'/api(.*)' in a public list: each handler answers for itself (job-board: Inngest and UploadThing routes)",
      filename: middleware,
      code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isPublicRoute = createRouteMatcher(['/sign-in(.*)', '/', '/api(.*)', '/(api|trpc)(.*)', '/api/:path*'])
export default clerkMiddleware(async (auth, req) => {
  if (!isPublicRoute(req)) await auth.protect()
})`,
    },
    {
      name: 'a protect-list that covers the API',
      filename: middleware,
      code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isProtectedRoute = createRouteMatcher(['/dashboard(.*)', '/api/(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (isProtectedRoute(req)) await auth.protect()
})`,
    },
    {
      name: 'v5 protect-list with auth().protect() covering the API',
      filename: fixture('middleware.ts', 5),
      code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isProtectedRoute = createRouteMatcher(['/(api|trpc)(.*)', '/dashboard(.*)'])
export default clerkMiddleware((auth, req) => {
  if (isProtectedRoute(req)) auth().protect()
})`,
    },
    {
      name: 'a role list with an else branch that protects every other request',
      filename: middleware,
      code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isAdminRoute = createRouteMatcher(['/admin(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (isAdminRoute(req)) await auth.protect({ role: 'org:admin' })
  else await auth.protect()
})`,
    },
    {
      name: 'a role list in a block followed by an unconditional auth.protect() (v5 auth().protect())',
      filename: fixture('middleware.ts', 5),
      code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isBillingRoute = createRouteMatcher(['/billing(.*)', '/settings/billing(.*)'])
export default clerkMiddleware((auth, req) => {
  if (isBillingRoute(req)) {
    auth().protect({ permission: 'org:billing:manage' })
    return
  }
  auth().protect()
})`,
    },
    {
      name: 'matchers with conditions or computed values are left alone',
      filename: middleware,
      code: `export const config = { matcher: [{ source: '/((?!api).*)', missing: [{ type: 'header', key: 'next-router-prefetch' }] }] }
export const other = { matcher: ['/((?!api).*)'] }`,
    },
    {
      name: 'route lists outside middleware files are not checked',
      filename: fixture('lib/routes.ts'),
      code: `import { createRouteMatcher } from '@clerk/nextjs/server'
export const isPublic = createRouteMatcher(['(.*)', 'pricing'])`,
    },
    {
      name: 'v4 ignoredRoutes for webhooks and static files',
      filename: fixture('middleware.ts', 5),
      code: `import { authMiddleware } from '@clerk/nextjs'
export default authMiddleware({ ignoredRoutes: ['/api/webhooks/clerk', '/((?!api|trpc))(_next.*|.+\\\\.[\\\\w]+$)'] })`,
    },
    {
      name: 'a middleware.ts in lib/ that is not Clerk middleware',
      filename: fixture('lib/middleware.ts'),
      code: `export default function logger(req, res, next) { next() }`,
    },
  ],
  invalid,
});
