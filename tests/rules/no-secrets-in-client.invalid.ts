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
        suggestions: [{ messageId: 'useUndefined', output: `'use client'
const secret = undefined
const signing = process.env['CLERK_WEBHOOK_SIGNING_SECRET']
const { CLERK_ENCRYPTION_KEY } = process.env
` }],
      },
      {
        messageId: 'clerkSecretInClient',
        line: 3,
        column: 17,
        suggestions: [{ messageId: 'useUndefined', output: `'use client'
const secret = process.env.CLERK_SECRET_KEY
const signing = undefined
const { CLERK_ENCRYPTION_KEY } = process.env
` }],
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
    name: "names of unknown content (serverEnv: 'all', as in strict): suggestion to use a public name",
    filename: fixture("app/components/profile.tsx"),
    options: [{ serverEnv: 'all' }],
    code: `'use client'
const api = process.env.API_ENDPOINT
const stripe = process.env.STRIPE_SECRET_KEY
const base = import.meta.env.API_BASE
const port = process.env.PORT
`,
    output: null,
    errors: [
      {
        messageId: 'serverEnvInClient',
        line: 2,
        column: 13,
        suggestions: [
          { messageId: 'usePublicName', output: `'use client'
const api = process.env.NEXT_PUBLIC_API_ENDPOINT
const stripe = process.env.STRIPE_SECRET_KEY
const base = import.meta.env.API_BASE
const port = process.env.PORT
` },
        ],
      },
      {
        messageId: 'secretEnvInClient',
        line: 3,
        column: 16,
        suggestions: [{ messageId: 'useUndefined', output: `'use client'
const api = process.env.API_ENDPOINT
const stripe = undefined
const base = import.meta.env.API_BASE
const port = process.env.PORT
` }],
      },
      {
        messageId: 'serverEnvInClient',
        line: 4,
        column: 14,
        suggestions: [
          { messageId: 'usePublicName', output: `'use client'
const api = process.env.API_ENDPOINT
const stripe = process.env.STRIPE_SECRET_KEY
const base = import.meta.env.VITE_API_BASE
const port = process.env.PORT
` },
        ],
      },
    ],
  },
  {
    name: "names that hold a secret, with no suggestion to publish them",
    filename: fixture("app/components/profile.tsx"),
    code: `'use client'
const openai = process.env.OPENAI_API_KEY
const db = process.env.DATABASE_URL
const api = process.env.API_ENDPOINT
export function Debug() { return <pre>{process.env.GITHUB_TOKEN}</pre> }
`,
    output: null,
    errors: [
      { messageId: 'secretEnvInClient', line: 2, column: 16, suggestions: [{ messageId: 'useUndefined', output: `'use client'
const openai = undefined
const db = process.env.DATABASE_URL
const api = process.env.API_ENDPOINT
export function Debug() { return <pre>{process.env.GITHUB_TOKEN}</pre> }
` }] },
      { messageId: 'secretEnvInClient', line: 3, column: 12, suggestions: [{ messageId: 'useUndefined', output: `'use client'
const openai = process.env.OPENAI_API_KEY
const db = undefined
const api = process.env.API_ENDPOINT
export function Debug() { return <pre>{process.env.GITHUB_TOKEN}</pre> }
` }] },
      { messageId: 'secretEnvInClient', line: 5, column: 40, suggestions: [{ messageId: 'useUndefined', output: `'use client'
const openai = process.env.OPENAI_API_KEY
const db = process.env.DATABASE_URL
const api = process.env.API_ENDPOINT
export function Debug() { return <pre>{undefined}</pre> }
` }] },
    ],
  },
  {
    name: "a Clerk secret is reported even on a server-only branch",
    filename: fixture("app/components/profile.tsx"),
    code: `'use client'
export function getKey() {
  if (typeof window === 'undefined') return process.env.CLERK_SECRET_KEY
  return undefined
}
`,
    output: null,
    errors: [{ messageId: 'clerkSecretInClient', line: 3, column: 45, suggestions: [{ messageId: 'useUndefined', output: `'use client'
export function getKey() {
  if (typeof window === 'undefined') return undefined
  return undefined
}
` }] }],
  },
  {
    name: "a secret read on the browser side of a window test",
    filename: fixture("app/components/profile.tsx"),
    code: `'use client'
export const token = typeof window !== 'undefined' ? process.env.API_TOKEN : ''
`,
    output: null,
    errors: [{ messageId: 'secretEnvInClient', line: 2, column: 54, suggestions: [{ messageId: 'useUndefined', output: `'use client'
export const token = typeof window !== 'undefined' ? undefined : ''
` }] }],
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
        suggestions: [{ messageId: 'useUndefined', output: `import { createClerkClient } from '@clerk/backend'
export const clerk = createClerkClient({ secretKey: undefined })
` }],
      },
    ],
  },
  {
    name: "a secret on the server side of a window test is still reported: server rendering reaches the browser",
    filename: fixture("app/components/checkout.tsx"),
    code: `'use client'
import { useState } from 'react'
export function Checkout() {
  const [key] = useState(() => (typeof window === 'undefined' ? process.env.STRIPE_SECRET_KEY : ''))
  const hook = typeof window === 'undefined' ? process.env.SLACK_WEBHOOK_URL : undefined
  return <form data-key={key} data-hook={hook} />
}
`,
    output: null,
    errors: [
      { messageId: 'secretEnvInClient', line: 4, column: 65, suggestions: [{ messageId: 'useUndefined', output: `'use client'
import { useState } from 'react'
export function Checkout() {
  const [key] = useState(() => (typeof window === 'undefined' ? undefined : ''))
  const hook = typeof window === 'undefined' ? process.env.SLACK_WEBHOOK_URL : undefined
  return <form data-key={key} data-hook={hook} />
}
` }] },
      { messageId: 'secretEnvInClient', line: 5, column: 48, suggestions: [{ messageId: 'useUndefined', output: `'use client'
import { useState } from 'react'
export function Checkout() {
  const [key] = useState(() => (typeof window === 'undefined' ? process.env.STRIPE_SECRET_KEY : ''))
  const hook = typeof window === 'undefined' ? undefined : undefined
  return <form data-key={key} data-hook={hook} />
}
` }] },
    ],
  },

];
