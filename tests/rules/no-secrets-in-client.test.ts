import rule from '../../src/rules/no-secrets-in-client.js';
import { fixture, ruleTester } from '../rule-tester.js';
import { invalid } from './no-secrets-in-client.invalid.js';

const client = fixture('app/components/profile.tsx');

ruleTester.run('no-secrets-in-client', rule, {
  valid: [
    {
      name: 'public-prefixed names and build constants in a client component',
      filename: client,
      code: `'use client'
const key = process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY
const mode = process.env.NODE_ENV
const vite = import.meta.env.VITE_CLERK_PUBLISHABLE_KEY
const { NEXT_PUBLIC_APP_URL, EXPO_PUBLIC_API } = process.env
const dev = import.meta.env.DEV
const runtime = process.env.NEXT_RUNTIME
const nextDefine = process.env.__NEXT_LINK_NO_TOUCH_START`,
    },
    {
      name: 'secrets in server files are fine',
      filename: fixture('app/api/x/route.ts'),
      code: `import { clerkClient } from '@clerk/nextjs/server'
const secret = process.env.CLERK_SECRET_KEY`,
    },
    {
      name: "'use client' after an import is not a directive",
      filename: client,
      code: `import { createClerkClient } from '@clerk/backend'
'use client'
const secret = process.env.CLERK_SECRET_KEY`,
    },
    {
      name: 'client-safe Clerk modules',
      filename: client,
      code: `'use client'
import { useUser, SignedIn } from '@clerk/nextjs'
import { useAuth } from '@clerk/clerk-react'
import { dark } from '@clerk/themes'`,
    },
    {
      name: 'type-only imports of server modules are erased',
      filename: client,
      code: `'use client'
import type { User } from '@clerk/backend'
import { type WebhookEvent } from '@clerk/nextjs/webhooks'
export function Profile({ user }: { user: User; event?: WebhookEvent }) { return null }`,
    },
    {
      name: 'dynamic env lookups are not guessed at',
      filename: client,
      code: `'use client'
export const read = (name: string) => process.env[name]`,
    },
    {
      name: 'clientFiles option does not match this file',
      filename: fixture('server/index.ts'),
      options: [{ clientFiles: ['src/**'] }],
      code: `const secret = process.env.CLERK_SECRET_KEY`,
    },
    {
      name: 'a look-alike env object',
      filename: client,
      code: `'use client'
const env = { CLERK_SECRET_KEY: 'x' }
const value = env.CLERK_SECRET_KEY
const config = settings.env.API_URL`,
    },
    {
      name: "create-t3-app's getBaseUrl: PORT and VERCEL_URL on the server side of a window test (rust-conveyor-filters, coursecove)",
      filename: client,
      code: `'use client'
function getBaseUrl() {
  if (typeof window !== 'undefined') return window.location.origin
  if (process.env.VERCEL_URL) return \`https://\${process.env.VERCEL_URL}\`
  return \`http://localhost:\${process.env.PORT ?? 3000}\`
}`,
    },
    {
      name: "serverEnv: 'all': names of unknown content on server-only branches (typeof window === undefined, !==, ?:, &&, typeof document)",
      filename: client,
      options: [{ serverEnv: 'all' }],
      code: `'use client'
if (typeof window === 'undefined') { console.log(process.env.API_BASE) }
const a = typeof window !== 'undefined' ? window.location.href : process.env.BACKEND
const b = typeof window === 'undefined' && process.env.FEATURE_FLAG
if ('undefined' === typeof document) { void process.env.REGION_HINT } else { void 0 }
function url() {
  if (typeof window !== 'undefined') { return '' }
  return process.env.UPSTREAM
}`,
    },
    {
      name: 'names that hold no secret, whatever the mode: ports, hosts, deployment facts, URLs, ids',
      filename: client,
      options: [{ serverEnv: 'all' }],
      code: `'use client'
const values = [process.env.PORT, process.env.VERCEL_URL, process.env.VERCEL_ENV, process.env.API_URL, process.env.STRIPE_PRICE_ID, process.env.APP_NAME, process.env.CLERK_PUBLISHABLE_KEY]`,
    },
    {
      name: 'names of unknown content are left to strict (serverEnv: all)',
      filename: client,
      code: `'use client'
const base = process.env.API_BASE
const flag = import.meta.env.FEATURE_FLAG`,
    },
  ],
  invalid,
});
