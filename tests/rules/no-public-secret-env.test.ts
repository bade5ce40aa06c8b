import rule from '../../src/rules/no-public-secret-env.js';
import { fixture, ruleTester } from '../rule-tester.js';
import { invalid } from './no-public-secret-env.invalid.js';

ruleTester.run('no-public-secret-env', rule, {
  valid: [
    {
      name: 'public-by-design names',
      filename: fixture('lib/env.ts'),
      code: `const a = process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY
const b = import.meta.env.VITE_CLERK_PUBLISHABLE_KEY
const c = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY
const d = process.env.EXPO_PUBLIC_STRIPE_PUBLIC_KEY
const e = process.env.NEXT_PUBLIC_CLERK_SIGN_IN_URL`,
    },
    {
      name: 'server-only secret names',
      filename: fixture('lib/env.ts'),
      code: `const a = process.env.CLERK_SECRET_KEY
const { CLERK_WEBHOOK_SIGNING_SECRET, DATABASE_PASSWORD } = process.env`,
    },
    {
      name: 'secret words must be whole words',
      filename: fixture('lib/env.ts'),
      code: `const a = process.env.NEXT_PUBLIC_SECRETARIAT_URL
const b = process.env.NEXT_PUBLIC_PASSWORDLESS_ENABLED`,
    },
    {
      name: 'env objects outside next.config are not inlined by Next',
      filename: fixture('lib/config.ts'),
      code: `export const config = { env: { CLERK_SECRET_KEY: process.env.CLERK_SECRET_KEY } }`,
    },
    {
      name: 'public names in next.config env are fine',
      filename: fixture('next.config.mjs'),
      code: `export default { env: { APP_VERSION: '1.0.0', NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY } }`,
    },
    {
      name: 'a look-alike object named env',
      filename: fixture('lib/env.ts'),
      code: `const env = { NEXT_PUBLIC_CLERK_SECRET_KEY: 1 }
const x = env.NEXT_PUBLIC_CLERK_SECRET_KEY`,
    },
  ],
  invalid,
});
