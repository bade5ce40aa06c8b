/** Clerk key formats (clerk-api.md section 5) and how to tell a real key from a placeholder. */

export type KeyKind = 'secretKey' | 'webhookSecret' | 'machineSecret' | 'testPublishableKey';

/** A key-shaped token inside a string: prefix and tail. */
const KEY_IN_TEXT = /\b(sk_live_|sk_test_|whsec_|ak_|pk_test_)([A-Za-z0-9+/=]+)/gu;

/** Prefixes of keys that grant access (a publishable key is public by design). */
export const SECRET_KEY_PREFIXES: ReadonlySet<string> = new Set(['sk_live_', 'sk_test_', 'whsec_', 'ak_']);

/** Env names the repairs read instead of a hardcoded key. */
export const KEY_ENV_NAMES: Readonly<Record<KeyKind, string>> = {
  secretKey: 'CLERK_SECRET_KEY',
  webhookSecret: 'CLERK_WEBHOOK_SIGNING_SECRET',
  machineSecret: 'CLERK_MACHINE_SECRET_KEY',
  testPublishableKey: 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
};

/** Property, parameter and JSX attribute names that hold Clerk keys. */
export const CLERK_KEY_PROPERTIES: ReadonlySet<string> = new Set(['secretKey', 'apiKey', 'machineSecretKey', 'signingSecret', 'jwtKey']);
/** Calls whose options carry Clerk keys. */
export const CLERK_KEY_CALLS: ReadonlySet<string> = new Set([
  'createClerkClient',
  'clerkMiddleware',
  'Clerk',
  'clerkPlugin',
  'authenticateRequest',
  'verifyToken',
  'verifyWebhook',
  'ClerkExpressRequireAuth',
  'ClerkExpressWithAuth',
]);

export interface FoundKey {
  readonly prefix: string;
  readonly value: string;
  /** Offset of the key in the string it was found in. */
  readonly index: number;
}

/**
 * Whether a key's tail looks like a real, random key rather than a placeholder: at least 20 characters
 * (24 for base64 webhook secrets), letters and digits, and no long runs of one character.
 */
export function looksLikeRealKey(prefix: string, tail: string): boolean {
  const minimum = prefix === 'whsec_' ? 24 : 20;
  if (tail.length < minimum) return false;
  if (prefix !== 'whsec_' && !/^[A-Za-z0-9]+$/u.test(tail)) return false;
  if (!/[0-9]/u.test(tail) || !/[A-Za-z]/u.test(tail)) return false;
  if (new Set(tail).size < 10) return false;
  if (/(.)\1{5,}/u.test(tail)) return false;
  return !/(?:your|example|placeholder|xxxx|change|replace|dummy|fake)/iu.test(tail);
}

/** The key-shaped, realistic tokens in a piece of text. */
export function findKeys(text: string): FoundKey[] {
  const found: FoundKey[] = [];
  for (const match of text.matchAll(KEY_IN_TEXT)) {
    const prefix = match[1] as string;
    const tail = match[2] as string;
    if (looksLikeRealKey(prefix, tail)) found.push({ prefix, value: prefix + tail, index: match.index });
  }
  return found;
}

/** `sk_live_…a1B2`: the prefix and the last four characters. */
export function maskKey(value: string, prefix: string): string {
  return `${prefix}…${value.slice(-4)}`;
}
