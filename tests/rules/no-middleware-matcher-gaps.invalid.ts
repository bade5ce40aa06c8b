import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/no-middleware-matcher-gaps.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
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
    name: "public list with catch-alls and a pattern without a leading slash",
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
        messageId: 'catchAllPublic',
        line: 2,
        column: 48,
        suggestions: [],
      },
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
        suggestions: [],
      },
    ],
  },
  {
    name: "a protect-list naming only pages",
    filename: fixture("proxy.ts", 6),
    code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isProtectedRoute = createRouteMatcher(['/dashboard(.*)', '/sites(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (isProtectedRoute(req)) {
    await auth.protect()
  }
})
`,
    output: null,
    errors: [
      {
        messageId: 'apiNotProtected',
        line: 2,
        column: 26,
        suggestions: [],
      },
    ],
  },
  {
    name: "an else-if chain of protect-lists still leaves API routes to protect themselves",
    filename: fixture("middleware.ts"),
    code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isAdminRoute = createRouteMatcher(['/admin(.*)'])
const isDashboardRoute = createRouteMatcher(['/dashboard(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (isAdminRoute(req)) await auth.protect({ role: 'org:admin' })
  else if (isDashboardRoute(req)) await auth.protect()
})
`,
    output: null,
    errors: [
      {
        messageId: 'apiNotProtected',
        line: 2,
        column: 22,
        suggestions: [],
      },
      {
        messageId: 'apiNotProtected',
        line: 3,
        column: 26,
        suggestions: [],
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
        suggestions: [],
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
