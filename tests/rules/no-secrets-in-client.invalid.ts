import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/no-secrets-in-client.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "Clerk secrets read in a client component",
    filename: fixture("app/components/profile.tsx"),
    code: `'use client'
const secret = process.env.CLERK_SECRET_KEY
const signing = process.env['CLERK_WEBHOOK_SIGNING_SECRET']
const { CLERK_ENCRYPTION_KEY } = process.env
`,
    output: null,
    errors: [
      {
        messageId: 'clerkSecretInClient',
        line: 2,
        column: 16,
        suggestions: [],
      },
      {
        messageId: 'clerkSecretInClient',
        line: 3,
        column: 17,
        suggestions: [],
      },
      {
        messageId: 'clerkSecretInClient',
        line: 4,
        column: 9,
        suggestions: [],
      },
    ],
  },
  {
    name: "other server-only names: suggestion to use a public name (not for secret-looking names)",
    filename: fixture("app/components/profile.tsx"),
    code: `'use client'
const api = process.env.API_URL
const stripe = process.env.STRIPE_SECRET_KEY
const base = import.meta.env.API_BASE
`,
    output: null,
    errors: [
      {
        messageId: 'serverEnvInClient',
        line: 2,
        column: 13,
        suggestions: [
          { messageId: 'usePublicName', output: `'use client'
const api = process.env.NEXT_PUBLIC_API_URL
const stripe = process.env.STRIPE_SECRET_KEY
const base = import.meta.env.API_BASE
` },
        ],
      },
      {
        messageId: 'serverEnvInClient',
        line: 3,
        column: 16,
        suggestions: [],
      },
      {
        messageId: 'serverEnvInClient',
        line: 4,
        column: 14,
        suggestions: [
          { messageId: 'usePublicName', output: `'use client'
const api = process.env.API_URL
const stripe = process.env.STRIPE_SECRET_KEY
const base = import.meta.env.VITE_API_BASE
` },
        ],
      },
    ],
  },
  {
    name: "server-only Clerk module imported for values",
    filename: fixture("app/components/admin.tsx"),
    code: `'use client'
import { clerkClient } from '@clerk/nextjs/server'
import { Webhook } from 'svix'
export async function promote(id: string) {
  await (await clerkClient()).users.updateUserMetadata(id, {})
  return new Webhook('x')
}
`,
    output: null,
    errors: [
      {
        messageId: 'serverModuleInClient',
        line: 2,
        column: 29,
        suggestions: [],
      },
      {
        messageId: 'serverModuleInClient',
        line: 3,
        column: 25,
        suggestions: [],
      },
    ],
  },
  {
    name: "server-only module imported only for types: autofix to import type",
    filename: fixture("app/components/admin.tsx"),
    code: `'use client'
import { User, type Organization } from '@clerk/backend'
export function Row({ user }: { user: User; org: Organization }) { return null }
`,
    output: `'use client'
import type { User, Organization } from '@clerk/backend'
export function Row({ user }: { user: User; org: Organization }) { return null }
`,
    errors: [
      {
        messageId: 'serverModuleInClient',
        line: 2,
        column: 41,
        suggestions: [
          { messageId: 'importTypesOnly', output: `'use client'
import type { User, Organization } from '@clerk/backend'
export function Row({ user }: { user: User; org: Organization }) { return null }
` },
        ],
      },
    ],
  },
  {
    name: "side-effect import and require of a server module",
    filename: fixture("app/components/admin.tsx"),
    code: `'use client'
import '@clerk/nextjs/server'
const backend = require('@clerk/backend/internal')
`,
    output: null,
    errors: [
      {
        messageId: 'serverModuleInClient',
        line: 2,
        column: 8,
        suggestions: [],
      },
      {
        messageId: 'serverModuleInClient',
        line: 3,
        column: 25,
        suggestions: [],
      },
    ],
  },
  {
    name: "clientFiles option marks a Vite app",
    filename: fixture("src/lib/clerk.ts"),
    options: [{"clientFiles":["**/src/**"]}],
    code: `import { createClerkClient } from '@clerk/backend'
export const clerk = createClerkClient({ secretKey: import.meta.env.CLERK_SECRET_KEY })
`,
    output: null,
    errors: [
      {
        messageId: 'serverModuleInClient',
        line: 1,
        column: 35,
        suggestions: [],
      },
      {
        messageId: 'clerkSecretInClient',
        line: 2,
        column: 53,
        suggestions: [],
      },
    ],
  },

];
