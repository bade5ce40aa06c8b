// The text tests rules run on every file before reading it (see util/text-gate.ts): each pattern, and substrings
// that every match of it contains.
import type { TextGate } from '../util/text-gate.js';
import { SIGNATURE_COMPARE_FUNCTION, SIGNATURE_VERIFY_FUNCTIONS, SIGNATURE_VERIFY_METHODS } from './webhooks.js';

/** A router is created in the module (`Router()`, `express.Router()`, `new Hono()`). */
export const CREATES_ROUTER: TextGate = { hints: ['Router', 'Hono'], pattern: /\bRouter\s*\(|\bnew\s+Hono\b/u };

/**
 * A webhook may be handled here: svix (Clerk's signer), `standardwebhooks` or any `webhook` in the text, in any case.
 * (`standardwebhooks` matches `webhook` already: an alternative that also matched it doubled what the scan cost.)
 */
export const WEBHOOK_TEXT = /svix|webhook/iu;

/** Clerk's user event names, in a handler that names no webhook (`case 'user.created':`). */
export const USER_EVENT_GATE: TextGate = { hints: ['user.'], pattern: /user\.(?:created|updated|deleted)/u };

/** A Clerk secret, webhook secret or publishable key prefix: all but `whsec_` end in `k_`. */
export const KEY_GATE: TextGate = { hints: ['k_', 'whsec_'], pattern: /(?:sk_live_|sk_test_|whsec_|ak_|pk_test_)/u };

/** An environment read (`process.env`, `import.meta.env`). */
export const ENV_READ_GATE: TextGate = { hints: ['.env'], pattern: /\b(?:process|meta)\.env\b/u };

/**
 * A signature may be checked here: a name a verifier is called by (`verify…` for Clerk's `verifyWebhook`, svix's
 * `wh.verify` and most others; `constructEvent`, `validateEvent`, `timingSafeEqual` of an HMAC…), or an import of a
 * function whose name says it verifies (`import { checkVerification } from 'pkg'`: a helper that cannot be read is
 * trusted on its name). Case-sensitive, as the names are: `verifiedType` or `emailVerified` pass no name alone. A
 * module without any verifies nothing by itself.
 */
export const SIGNATURE_TEXT = new RegExp(
  [
    'verify',
    ...new Set([...SIGNATURE_VERIFY_METHODS, ...SIGNATURE_VERIFY_FUNCTIONS, SIGNATURE_COMPARE_FUNCTION].filter((name) => !name.includes('verify'))),
    // An import clause has no quotes: it ends at `from '…'`.
    String.raw`\bimport\s[^;'"]*[Vv][Ee][Rr][Ii][Ff][^;'"]*\bfrom\s*['"]`,
  ].join('|'),
  'u',
);
