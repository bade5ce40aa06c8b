import rule from '../../src/rules/no-hardcoded-keys.js';
import { fixture, ruleTester } from '../rule-tester.js';
import { invalid } from './no-hardcoded-keys.invalid.js';

const file = fixture('lib/clerk.tsx');

ruleTester.run('no-hardcoded-keys', rule, {
  valid: [
    {
      name: 'keys read from the environment',
      filename: file,
      code: `const clerk = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY })
const wh = new Webhook(process.env.CLERK_WEBHOOK_SIGNING_SECRET!)`,
    },
    {
      name: 'placeholders in docs and examples',
      filename: file,
      code: `const a = 'sk_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxx'
const b = 'Set CLERK_SECRET_KEY=sk_live_... in your .env'
const c = 'whsec_your_secret'
const d = createClerkClient({ secretKey: 'sk_test_YOUR_SECRET_KEY' })
const e = createClerkClient({ secretKey: 'sk_test_abcdefghijklmnopqrstuvwxyz' })
const f = 'sk_live_1234'`,
    },
    {
      name: 'publishable keys are public by design (option off)',
      filename: file,
      code: `const el = <ClerkProvider publishableKey="pk_test_bGVhZGluZy1kb2Jlcm1hbi00MC5jbGVyay5hY2NvdW50cy5kZXYk" />
const live = 'pk_live_Y2xlcmsuZXhhbXBsZS5jb20k'`,
    },
    {
      name: 'Stripe publishable keys and a pk_test_ outside publishableKey with the option on',
      filename: file,
      options: [{ checkPublishableKeys: true }],
      code: `const stripe = loadStripe('pk_live_51HxYzAbCdEf2GhIjKlMn3OpQrSt4UvWx')
const sample = 'pk_test_bGVhZGluZy1kb2Jlcm1hbi00MC5jbGVyay5hY2NvdW50cy5kZXYk'`,
    },
    {
      name: 'sk_test_ and ak_ outside a Clerk context are not claimed',
      filename: file,
      code: `const stripeTest = new Stripe('sk_test_51HxYzAbCdEf2GhIjKlMn3OpQrSt4UvWx')
const other = 'ak_9f8e7d6c5b4a3f2e1d0c9b8a'`,
    },
    {
      name: 'identifiers and prefixes alone are not keys',
      filename: file,
      code: `const prefix = 'sk_live_'
const isLive = key.startsWith('sk_live_')
const re = /sk_live_[A-Za-z0-9]+/`,
    },
  ],
  invalid,
});
