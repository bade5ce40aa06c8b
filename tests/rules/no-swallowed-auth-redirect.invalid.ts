import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/no-swallowed-auth-redirect.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "auth.protect() inside a try whose catch logs and continues",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function deleteInvoice(id: string) {
  try {
    await auth.protect()
  } catch (error) {
    console.error(error)
  }
  await db.invoice.delete({ where: { id } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'swallowedRedirect',
        line: 6,
        column: 11,
        suggestions: [
          { messageId: 'addRethrow', output: `'use server'
import { auth } from '@clerk/nextjs/server'
import { unstable_rethrow } from 'next/navigation'

export async function deleteInvoice(id: string) {
  try {
    await auth.protect()
  } catch (error) {
    unstable_rethrow(error)
    console.error(error)
  }
  await db.invoice.delete({ where: { id } })
}
` },
        ],
      },
    ],
  },
  {
    // The catch answers on every path, so nothing runs as if allowed: reported only with checkExitingCatch (strict).
    name: "checkExitingCatch: redirect() in a try whose parameterless catch renders an error instead of redirecting",
    filename: fixture("app/page.tsx"),
    options: [{ checkExitingCatch: true }],
    code: `import { auth } from '@clerk/nextjs/server';
import { redirect } from 'next/navigation';

export default async function Page() {
  try {
    const { userId } = await auth();
    if (!userId) redirect('/sign-in');
  } catch {
    return <p>Something went wrong</p>;
  }
  return <Dashboard />;
}
`,
    output: null,
    errors: [
      {
        messageId: 'replacedDenial',
        line: 7,
        column: 18,
        suggestions: [
          { messageId: 'addRethrow', output: `import { auth } from '@clerk/nextjs/server';
import { redirect, unstable_rethrow } from 'next/navigation';

export default async function Page() {
  try {
    const { userId } = await auth();
    if (!userId) redirect('/sign-in');
  } catch (error) {
    unstable_rethrow(error);
    return <p>Something went wrong</p>;
  }
  return <Dashboard />;
}
` },
        ],
      },
    ],
  },
  {
    name: "renamed notFound, empty catch body",
    filename: fixture("app/x/page.tsx"),
    code: `import { notFound as missing, unstable_rethrow } from 'next/navigation'
export default async function Page() {
  try {
    missing()
  } catch (e) {}
}
`,
    output: null,
    errors: [
      {
        messageId: 'swallowedRedirect',
        line: 4,
        column: 5,
        suggestions: [
          { messageId: 'addRethrow', output: `import { notFound as missing, unstable_rethrow } from 'next/navigation'
export default async function Page() {
  try {
    missing()
  } catch (e) {
    unstable_rethrow(e)
  }
}
` },
        ],
      },
    ],
  },

  {
    name: "the auth parameter of clerkMiddleware: a catch that logs lets the request through",
    filename: fixture("middleware.ts"),
    code: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'

const isProtectedRoute = createRouteMatcher(['/dashboard(.*)'])

export default clerkMiddleware(async (auth, req) => {
  if (isProtectedRoute(req)) {
    try {
      await auth.protect()
    } catch (e) {
      console.log('not signed in', e)
    }
  }
})
`,
    output: null,
    errors: [
      {
        messageId: 'swallowedRedirect',
        line: 8,
        column: 13,
        suggestions: [
          { messageId: 'addRethrow', output: `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
import { unstable_rethrow } from 'next/navigation'

const isProtectedRoute = createRouteMatcher(['/dashboard(.*)'])

export default clerkMiddleware(async (auth, req) => {
  if (isProtectedRoute(req)) {
    try {
      await auth.protect()
    } catch (e) {
      unstable_rethrow(e)
      console.log('not signed in', e)
    }
  }
})
` },
        ],
      },
    ],
  },
  {
    name: "await auth.protect().catch(() => null) as a statement, then a write",
    filename: fixture("app/actions.ts"),
    code: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function deletePost(id: string) {
  await auth.protect().catch(() => null)
  await db.post.delete({ where: { id } })
}
`,
    output: null,
    errors: [
      {
        messageId: 'swallowedRedirect',
        line: 5,
        column: 9,
        suggestions: [
          { messageId: 'removePromiseCatch', output: `'use server'
import { auth } from '@clerk/nextjs/server'

export async function deletePost(id: string) {
  await auth.protect()
  await db.post.delete({ where: { id } })
}
` },
        ],
      },
    ],
  },
  {
    name: "a catch that returns but first does the guarded work anyway",
    filename: fixture("app/api/posts/route.ts"),
    code: `import { auth } from '@clerk/nextjs/server'

export async function GET() {
  try {
    await auth.protect()
    return Response.json(await db.post.findMany())
  } catch {
    return Response.json(await db.post.findMany({ where: { published: true } }))
  }
}
`,
    output: null,
    errors: [
      {
        messageId: 'swallowedRedirect',
        line: 5,
        column: 11,
        suggestions: [
          { messageId: 'addRethrow', output: `import { auth } from '@clerk/nextjs/server'
import { unstable_rethrow } from 'next/navigation'

export async function GET() {
  try {
    await auth.protect()
    return Response.json(await db.post.findMany())
  } catch (error) {
    unstable_rethrow(error)
    return Response.json(await db.post.findMany({ where: { published: true } }))
  }
}
` },
        ],
      },
    ],
  },
  {
    name: "checkExitingCatch: a server action whose catch returns an error result, and a kept .catch() result",
    filename: fixture("app/actions.ts"),
    options: [{ checkExitingCatch: true }],
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
}

export async function getSession() {
  return auth.protect().catch(() => null)
}
`,
    output: null,
    errors: [
      {
        messageId: 'replacedDenial',
        line: 6,
        column: 30,
        suggestions: [
          { messageId: 'addRethrow', output: `'use server'
import { auth } from '@clerk/nextjs/server'
import { unstable_rethrow } from 'next/navigation'

export async function createPost(title: string) {
  try {
    const { userId } = await auth.protect()
    await db.post.create({ data: { title, userId } })
    return { success: true }
  } catch (error) {
    unstable_rethrow(error)
    console.error(error)
    return { success: false, error: 'Failed to create post' }
  }
}

export async function getSession() {
  return auth.protect().catch(() => null)
}
` },
        ],
      },
      {
        messageId: 'replacedDenial',
        line: 16,
        column: 10,
        suggestions: [
          { messageId: 'removePromiseCatch', output: `'use server'
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
}

export async function getSession() {
  return auth.protect()
}
` },
        ],
      },
    ],
  },

];
