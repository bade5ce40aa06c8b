// The text tests rules run on every file before reading it (see util/text-gate.ts): each pattern, and substrings
// that every match of it contains.
import type { TextGate } from '../util/text-gate.js';

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
