import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/no-hardcoded-keys.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "Clerk secret key in createClerkClient options (sk_test_ counts in a Clerk context)",
    filename: fixture("lib/clerk.ts"),
    code: `import { createClerkClient } from '@clerk/backend'
export const clerk = createClerkClient({ secretKey: 'sk_test_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z7AbCdE' })
`,
    output: null,
    errors: [
      {
        messageId: 'clerkSecretKey',
        line: 2,
        column: 53,
        suggestions: [
          { messageId: 'readFromEnv', output: `import { createClerkClient } from '@clerk/backend'
export const clerk = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY! })
` },
        ],
      },
    ],
  },
  {
    name: "a variable named like Clerk holding a live key",
    filename: fixture("lib/clerk.ts"),
    code: `const CLERK_SECRET = "sk_live_Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa";
`,
    output: null,
    errors: [
      {
        messageId: 'clerkSecretKey',
        line: 1,
        column: 22,
        suggestions: [
          { messageId: 'readFromEnv', output: `const CLERK_SECRET = process.env.CLERK_SECRET_KEY!;
` },
        ],
      },
    ],
  },
  {
    name: "a live key in any context, named after its constructor; a webhook secret; a key in a template literal",
    filename: fixture("lib/payments.ts"),
    code: `import Stripe from 'stripe'
const stripe = new Stripe('sk_live_51HxYzAbCdEf2GhIjKlMn3OpQrSt4UvWx')
const webhookSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const header = \`Bearer sk_live_51HxYzAbCdEf2GhIjKlMn3OpQrSt4UvWx\`
`,
    output: null,
    errors: [
      {
        messageId: 'liveSecretKey',
        line: 2,
        column: 27,
        suggestions: [
          { messageId: 'readFromEnv', output: `import Stripe from 'stripe'
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)
const webhookSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const header = \`Bearer sk_live_51HxYzAbCdEf2GhIjKlMn3OpQrSt4UvWx\`
` },
        ],
      },
      {
        messageId: 'webhookSecret',
        line: 3,
        column: 23,
        suggestions: [
          { messageId: 'readFromEnv', output: `import Stripe from 'stripe'
const stripe = new Stripe('sk_live_51HxYzAbCdEf2GhIjKlMn3OpQrSt4UvWx')
const webhookSecret = process.env.WEBHOOK_SECRET!
const header = \`Bearer sk_live_51HxYzAbCdEf2GhIjKlMn3OpQrSt4UvWx\`
` },
        ],
      },
      {
        messageId: 'liveSecretKey',
        line: 4,
        column: 16,
        suggestions: [
          { messageId: 'readFromEnv', output: `import Stripe from 'stripe'
const stripe = new Stripe('sk_live_51HxYzAbCdEf2GhIjKlMn3OpQrSt4UvWx')
const webhookSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const header = \`Bearer \${process.env.SECRET_KEY!}\`
` },
        ],
      },
    ],
  },
  {
    name: "in JavaScript files the env read has no non-null assertion",
    filename: fixture("lib/clerk.js"),
    code: `const clerk = createClerkClient({ secretKey: 'sk_live_Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa' })
`,
    output: null,
    errors: [
      {
        messageId: 'clerkSecretKey',
        line: 1,
        column: 46,
        suggestions: [
          { messageId: 'readFromEnv', output: `const clerk = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY })
` },
        ],
      },
    ],
  },
  {
    name: "machine secret in a Clerk option",
    filename: fixture("lib/clerk.ts"),
    code: `const m = clerkMiddleware({ machineSecretKey: 'ak_9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c' })
`,
    output: null,
    errors: [
      {
        messageId: 'machineSecret',
        line: 1,
        column: 47,
        suggestions: [
          { messageId: 'readFromEnv', output: `const m = clerkMiddleware({ machineSecretKey: process.env.CLERK_MACHINE_SECRET_KEY! })
` },
        ],
      },
    ],
  },
  {
    name: "development publishable key hardcoded as publishableKey (checkPublishableKeys)",
    filename: fixture("app/layout.tsx"),
    options: [{"checkPublishableKeys":true}],
    code: `export default function Layout({ children }) {
  return <ClerkProvider publishableKey="pk_test_bGVhZGluZy1kb2Jlcm1hbi00MC5jbGVyay5hY2NvdW50cy5kZXYk">{children}</ClerkProvider>
}
const options = { publishableKey: 'pk_test_bGVhZGluZy1kb2Jlcm1hbi00MC5jbGVyay5hY2NvdW50cy5kZXYk' }
`,
    output: null,
    errors: [
      {
        messageId: 'testPublishableKey',
        line: 2,
        column: 40,
        suggestions: [
          { messageId: 'readFromEnv', output: `export default function Layout({ children }) {
  return <ClerkProvider publishableKey={process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY!}>{children}</ClerkProvider>
}
const options = { publishableKey: 'pk_test_bGVhZGluZy1kb2Jlcm1hbi00MC5jbGVyay5hY2NvdW50cy5kZXYk' }
` },
        ],
      },
      {
        messageId: 'testPublishableKey',
        line: 4,
        column: 35,
        suggestions: [
          { messageId: 'readFromEnv', output: `export default function Layout({ children }) {
  return <ClerkProvider publishableKey="pk_test_bGVhZGluZy1kb2Jlcm1hbi00MC5jbGVyay5hY2NvdW50cy5kZXYk">{children}</ClerkProvider>
}
const options = { publishableKey: process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY! }
` },
        ],
      },
    ],
  },

];
