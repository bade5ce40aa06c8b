import { fileURLToPath } from 'node:url';

import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/no-middleware-matcher-gaps.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "a root middleware.ts beside src/ when the app lives in src/app: Next loads only src/middleware.ts",
    filename: fileURLToPath(new URL('../fixtures/src-app/middleware.ts', import.meta.url)),
    code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isProtectedRoute = createRouteMatcher(['/dashboard(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (isProtectedRoute(req)) await auth.protect()
})
`,
    output: null,
    errors: [{ messageId: 'misplacedMiddleware', line: 3, suggestions: [] }],
  },
  {
    name: "a matcher that excludes API routes, with the recommended-matcher suggestion",
    filename: fixture("middleware.ts"),
    code: `import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware()
export const config = {
  matcher: ['/((?!api|_next|.*\\\\..*).*)'],
}
`,
    output: null,
    errors: [
      {
        messageId: 'apiNotCovered',
        line: 4,
        column: 12,
        suggestions: [
          { messageId: 'useRecommendedMatcher', output: `import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware()
export const config = {
  matcher: ['/((?!_next|[^?]*\\\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)', '/(api|trpc)(.*)', '/__clerk/(.*)'],
}
` },
        ],
      },
    ],
  },
  {
    name: "the old any-dot exclusion without an API entry skips dotted API paths",
    filename: fixture("middleware.ts"),
    code: `import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware()
export const config = { matcher: '/((?!.*\\\\..*|_next).*)' }
`,
    output: null,
    errors: [
      {
        messageId: 'dotPathsSkipped',
        line: 3,
        column: 34,
        suggestions: [
          { messageId: 'useRecommendedMatcher', output: `import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware()
export const config = { matcher: ['/((?!_next|[^?]*\\\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)', '/(api|trpc)(.*)', '/__clerk/(.*)'] }
` },
        ],
      },
    ],
  },
  {
    name: "public list with a catch-all and a pattern without a leading slash",
    filename: fixture("middleware.ts"),
    code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isPublicRoute = createRouteMatcher(['/', '/api(.*)', 'pricing', '(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (!isPublicRoute(req)) await auth.protect()
})
`,
    output: null,
    errors: [
      {
        messageId: 'missingLeadingSlash',
        line: 2,
        column: 60,
        suggestions: [
          { messageId: 'addLeadingSlash', output: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isPublicRoute = createRouteMatcher(['/', '/api(.*)', '/pricing', '(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (!isPublicRoute(req)) await auth.protect()
})
` },
        ],
      },
      {
        messageId: 'catchAllPublic',
        line: 2,
        column: 71,
        suggestions: [
          { messageId: 'removeEntry', output: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isPublicRoute = createRouteMatcher(['/', '/api(.*)', 'pricing'])
export default clerkMiddleware(async (auth, req) => {
  if (!isPublicRoute(req)) await auth.protect()
})
` },
        ],
      },
    ],
  },
  {
    name: "a catch-all first in the public list",
    filename: fixture("middleware.ts"),
    code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isPublic = createRouteMatcher(['/(.*)', '/sign-in(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (!isPublic(req)) await auth.protect()
})
`,
    output: null,
    errors: [
      {
        messageId: 'catchAllPublic',
        line: 2,
        column: 38,
        suggestions: [
          { messageId: 'removeEntry', output: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isPublic = createRouteMatcher(['/sign-in(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (!isPublic(req)) await auth.protect()
})
` },
        ],
      },
    ],
  },
  {
    name: "v4 ignoredRoutes with an API path",
    filename: fixture("middleware.ts", 5),
    code: `import { authMiddleware } from '@clerk/nextjs'
export default authMiddleware({ ignoredRoutes: ['/api/public(.*)', '/api/webhooks(.*)'] })
`,
    output: null,
    errors: [
      {
        messageId: 'ignoredApiRoute',
        line: 2,
        column: 49,
        suggestions: [
          { messageId: 'removeEntry', output: `import { authMiddleware } from '@clerk/nextjs'
export default authMiddleware({ ignoredRoutes: ['/api/webhooks(.*)'] })
` },
        ],
      },
    ],
  },
  {
    name: "middleware placed where Next never loads it",
    filename: fixture("src/app/middleware.ts"),
    code: `import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware(async (auth) => { await auth.protect() })
`,
    output: null,
    errors: [
      {
        messageId: 'misplacedMiddleware',
        line: 2,
        column: 1,
        suggestions: [],
      },
    ],
  },

];
