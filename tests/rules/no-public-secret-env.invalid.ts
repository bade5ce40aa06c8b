import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/no-public-secret-env.js';
import { fixture } from '../rule-tester.js';

export const invalid: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "Clerk secret behind NEXT_PUBLIC_ in a server module: suggestion renames",
    filename: fixture("lib/clerk.ts"),
    code: `import { createClerkClient } from '@clerk/backend'
export const clerk = createClerkClient({ secretKey: process.env.NEXT_PUBLIC_CLERK_SECRET_KEY })
`,
    output: null,
    errors: [
      {
        messageId: 'publicClerkSecret',
        line: 2,
        column: 53,
        suggestions: [
          { messageId: 'useServerName', output: `import { createClerkClient } from '@clerk/backend'
export const clerk = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY })
` },
        ],
      },
    ],
  },
  {
    name: "computed access, Vite, Expo, Nuxt and Astro prefixes",
    filename: fixture("lib/env.ts"),
    code: `const a = process.env['VITE_CLERK_SECRET_KEY']
const b = import.meta.env.PUBLIC_CLERK_WEBHOOK_SIGNING_SECRET
const c = process.env.NUXT_PUBLIC_CLERK_SECRET_KEY
const { EXPO_PUBLIC_CLERK_WEBHOOK_SECRET } = process.env
`,
    output: null,
    errors: [
      {
        messageId: 'publicClerkSecret',
        line: 1,
        column: 11,
        suggestions: [
          { messageId: 'useServerName', output: `const a = process.env['CLERK_SECRET_KEY']
const b = import.meta.env.PUBLIC_CLERK_WEBHOOK_SIGNING_SECRET
const c = process.env.NUXT_PUBLIC_CLERK_SECRET_KEY
const { EXPO_PUBLIC_CLERK_WEBHOOK_SECRET } = process.env
` },
        ],
      },
      {
        messageId: 'publicClerkSecret',
        line: 2,
        column: 11,
        suggestions: [
          { messageId: 'useServerName', output: `const a = process.env['VITE_CLERK_SECRET_KEY']
const b = import.meta.env.CLERK_WEBHOOK_SIGNING_SECRET
const c = process.env.NUXT_PUBLIC_CLERK_SECRET_KEY
const { EXPO_PUBLIC_CLERK_WEBHOOK_SECRET } = process.env
` },
        ],
      },
      {
        messageId: 'publicClerkSecret',
        line: 3,
        column: 11,
        suggestions: [
          { messageId: 'useServerName', output: `const a = process.env['VITE_CLERK_SECRET_KEY']
const b = import.meta.env.PUBLIC_CLERK_WEBHOOK_SIGNING_SECRET
const c = process.env.CLERK_SECRET_KEY
const { EXPO_PUBLIC_CLERK_WEBHOOK_SECRET } = process.env
` },
        ],
      },
      {
        messageId: 'publicClerkSecret',
        line: 4,
        column: 9,
        suggestions: [],
      },
    ],
  },
  {
    name: "other secret-looking names",
    filename: fixture("lib/env.ts"),
    code: `const a = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY
const b = process.env.REACT_APP_DB_PASSWORD
const c = process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY
const d = process.env.GATSBY_JWT_PRIVATE_KEY
`,
    output: null,
    errors: [
      {
        messageId: 'publicSecret',
        line: 1,
        column: 11,
        suggestions: [
          { messageId: 'useServerName', output: `const a = process.env.STRIPE_SECRET_KEY
const b = process.env.REACT_APP_DB_PASSWORD
const c = process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY
const d = process.env.GATSBY_JWT_PRIVATE_KEY
` },
        ],
      },
      {
        messageId: 'publicSecret',
        line: 2,
        column: 11,
        suggestions: [
          { messageId: 'useServerName', output: `const a = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY
const b = process.env.DB_PASSWORD
const c = process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY
const d = process.env.GATSBY_JWT_PRIVATE_KEY
` },
        ],
      },
      {
        messageId: 'publicSecret',
        line: 3,
        column: 11,
        suggestions: [
          { messageId: 'useServerName', output: `const a = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY
const b = process.env.REACT_APP_DB_PASSWORD
const c = process.env.SUPABASE_SERVICE_ROLE_KEY
const d = process.env.GATSBY_JWT_PRIVATE_KEY
` },
        ],
      },
      {
        messageId: 'publicSecret',
        line: 4,
        column: 11,
        suggestions: [
          { messageId: 'useServerName', output: `const a = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY
const b = process.env.REACT_APP_DB_PASSWORD
const c = process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY
const d = process.env.JWT_PRIVATE_KEY
` },
        ],
      },
    ],
  },
  {
    name: "in a client module there is nothing to rename to",
    filename: fixture("app/components/x.tsx"),
    code: `'use client'
const key = process.env.NEXT_PUBLIC_CLERK_SECRET_KEY
`,
    output: null,
    errors: [
      {
        messageId: 'publicClerkSecret',
        line: 2,
        column: 13,
        suggestions: [],
      },
    ],
  },
  {
    name: "next.config env inlines secrets into the client bundle",
    filename: fixture("next.config.js"),
    code: `/** @type {import('next').NextConfig} */
const nextConfig = {
  env: {
    CLERK_SECRET_KEY: process.env.CLERK_SECRET_KEY,
    APP_NAME: 'shop',
    STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY,
  },
}
module.exports = nextConfig
`,
    output: null,
    errors: [
      {
        messageId: 'nextConfigEnvSecret',
        line: 4,
        column: 5,
        suggestions: [
          { messageId: 'removeEnvEntry', output: `/** @type {import('next').NextConfig} */
const nextConfig = {
  env: {
    
    APP_NAME: 'shop',
    STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY,
  },
}
module.exports = nextConfig
` },
        ],
      },
      {
        messageId: 'nextConfigEnvSecret',
        line: 6,
        column: 5,
        suggestions: [
          { messageId: 'removeEnvEntry', output: `/** @type {import('next').NextConfig} */
const nextConfig = {
  env: {
    CLERK_SECRET_KEY: process.env.CLERK_SECRET_KEY,
    APP_NAME: 'shop',
    
  },
}
module.exports = nextConfig
` },
        ],
      },
    ],
  },

];
