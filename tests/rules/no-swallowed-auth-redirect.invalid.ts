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
    name: "redirect() in a try with a parameterless catch: the suggestion names the parameter and imports",
    filename: fixture("app/page.tsx"),
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
        messageId: 'swallowedRedirect',
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

];
