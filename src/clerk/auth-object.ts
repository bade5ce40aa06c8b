/** The auth object `auth()` / `getAuth()` return (clerk-api.md section 1.2–1.3), as data. */

/**
 * Auth-object keys that are falsy (`null`, `false`) for a signed-out caller, so a check on any of them turns
 * anonymous callers away: `userId`, `orgId` (null without an active organization too), `isAuthenticated`, …
 */
export const SIGNED_OUT_FALSY_KEYS: ReadonlySet<string> = new Set([
  'userId',
  'isAuthenticated',
  'isSignedIn',
  'sessionId',
  'sessionClaims',
  'user',
  'orgId',
  'orgRole',
  'orgSlug',
]);

/** The auth object's key for the active organization's id (`const { orgId } = await auth()`). */
export const ORG_ID_KEY = 'orgId';

/** Auth-object methods that end the request for a signed-out caller (they throw a redirect). */
export const AUTH_NEVER_RETURNS_METHODS: ReadonlySet<string> = new Set(['redirectToSignIn', 'redirectToSignUp']);

/** `await auth.protect()` from this `@clerk/nextjs` major on; `auth().protect()` (sync) in v5; none before. */
export const PROTECT_MEMBER_FROM = 6;
export const PROTECT_CALL_FROM = 5;

/**
 * Session accessors on a framework's request objects, for SDKs that put the session there instead of exporting
 * `auth()`: `req.auth` / `req.auth()` (Express; Astro's `locals.auth()`, Nuxt's `event.context.auth()`), `getAuth`,
 * `req.currentUser()`, `authenticateRequest(…)` on a client, and Hono's `c.get('clerkAuth')` context key.
 */
export const REQUEST_AUTH_ACCESSORS: ReadonlySet<string> = new Set(['auth', 'getAuth']);
export const REQUEST_CURRENT_USER = 'currentUser';
export const AUTHENTICATE_REQUEST = 'authenticateRequest';
export const HONO_AUTH_CONTEXT_KEY = 'clerkAuth';

/** The option of `auth()` that admits tokens other than session tokens (machine tokens, API keys). */
export const ACCEPTS_TOKEN_OPTION = 'acceptsToken';
