import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/no-deprecated-auth-middleware.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "v4/v5 root import with publicRoutes and ignoredRoutes: migration suggestion",
    filename: fixture("middleware.ts", 5),
    code: `import { authMiddleware } from '@clerk/nextjs'

export default authMiddleware({
  publicRoutes: ['/', '/api/webhooks(.*)'],
  ignoredRoutes: ['/api/health'],
})

export const config = {
  matcher: ['/((?!.+\\\\.[\\\\w]+$|_next).*)', '/', '/(api|trpc)(.*)'],
}
`,
    output: null,
    errors: [
      {
        messageId: 'deprecatedAuthMiddleware',
        line: 3,
        column: 16,
        suggestions: [
          { messageId: 'migrateToClerkMiddleware', output: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'

const isPublicRoute = createRouteMatcher(['/sign-in(.*)', '/sign-up(.*)', '/', '/api/webhooks(.*)', '/api/health'])

export default clerkMiddleware((auth, req) => {
  if (!isPublicRoute(req)) auth().protect()
})

export const config = {
  matcher: ['/((?!.+\\\\.[\\\\w]+$|_next).*)', '/', '/(api|trpc)(.*)'],
}
` },
        ],
      },
    ],
  },
  {
    name: "v6+: removed; /server import with other specifiers; no options",
    filename: fixture("middleware.ts"),
    code: `import { authMiddleware, redirectToSignIn } from "@clerk/nextjs/server";

export default authMiddleware();
`,
    output: null,
    errors: [
      {
        messageId: 'removedAuthMiddleware',
        line: 3,
        column: 16,
        suggestions: [
          { messageId: 'migrateToClerkMiddleware', output: `import { clerkMiddleware, createRouteMatcher, redirectToSignIn } from "@clerk/nextjs/server";

const isPublicRoute = createRouteMatcher(["/sign-in(.*)", "/sign-up(.*)"]);

export default clerkMiddleware(async (auth, req) => {
  if (!isPublicRoute(req)) await auth.protect();
});
` },
        ],
      },
    ],
  },
  {
    name: "options that are not literal lists get no suggestion",
    filename: fixture("middleware.ts", 5),
    code: `import { authMiddleware } from '@clerk/nextjs'
export default authMiddleware({
  publicRoutes: (req) => req.url.includes('public'),
  afterAuth(auth, req) { return undefined },
})
`,
    output: null,
    errors: [
      {
        // A custom afterAuth replaces the default protection: the message does not claim it protects every route.
        messageId: 'deprecatedAfterAuth',
        line: 2,
        column: 16,
        suggestions: [],
      },
    ],
  },

];
