/**
 * Clerk's import sources and what their exports are, as data. Adding a framework or a Clerk major should
 * mostly mean editing this file. Source: ../shared/clerk-api.md (sections 1, 3 and 6).
 */

/** The role an export plays for the rules. */
export type ApiKind =
  /** Returns the auth object (`auth()`, `getAuth(req)`); sync or async by framework and major. */
  | 'authObject'
  /** Ends the request when the caller is not signed in (`auth.protect()`, `requireAuth()` middleware). */
  | 'protect'
  /** Returns the signed-in user or null (`currentUser()`). */
  | 'currentUser'
  /** Backend API client (`clerkClient`). */
  | 'clerkClient'
  /** Verifies a webhook signature and returns the event (`verifyWebhook`). */
  | 'verifyWebhook'
  /** Next.js middleware factory (`clerkMiddleware`). */
  | 'middleware'
  /** Removed protect-all middleware (`authMiddleware`, v4/v5). */
  | 'legacyMiddleware'
  /** Route matcher factory (`createRouteMatcher`). */
  | 'routeMatcher'
  /** Never returns: redirects to sign in (`redirectToSignIn`, v4/v5 import). */
  | 'neverReturns'
  /** Verifies a session token (`verifyToken`, `authenticateRequest`). */
  | 'verifyToken'
  /** Decodes a JWT without verifying it. */
  | 'decodeOnly'
  /** Creates a Backend API client (`createClerkClient`). */
  | 'createClient'
  /** A signature verifier class: svix / standardwebhooks `new Webhook(secret).verify(payload, headers)`. */
  | 'webhookClass'
  /** Client hook returning `{ user }` (`useUser()`). */
  | 'userHook';

export interface ExportInfo {
  readonly kind: ApiKind;
  /**
   * Clerk SDK major (of `@clerk/nextjs` for Next.js sources) from which the call returns a Promise;
   * `0` means always async, `undefined` never.
   */
  readonly asyncFrom?: number;
  /** First major in which the export no longer exists. */
  readonly removedIn?: number;
}

export type Framework =
  | 'next'
  | 'backend'
  | 'express'
  | 'fastify'
  | 'hono'
  | 'react-router'
  | 'tanstack-start'
  | 'astro'
  | 'nuxt'
  | 'node-legacy'
  | 'react'
  | 'shared'
  | 'svix';

export interface SourceInfo {
  readonly framework: Framework;
  /** Importing it (as a value) in a browser bundle leaks server code or breaks the build. */
  readonly serverOnly: boolean;
  readonly exports: Readonly<Record<string, ExportInfo>>;
}

const webhookExports = { verifyWebhook: { kind: 'verifyWebhook', asyncFrom: 0 } } as const satisfies Record<
  string,
  ExportInfo
>;

const nextServerExports = {
  auth: { kind: 'authObject', asyncFrom: 6 },
  currentUser: { kind: 'currentUser', asyncFrom: 0 },
  getAuth: { kind: 'authObject' },
  clerkClient: { kind: 'clerkClient', asyncFrom: 6 },
  createClerkClient: { kind: 'createClient' },
  clerkMiddleware: { kind: 'middleware' },
  createRouteMatcher: { kind: 'routeMatcher' },
  authMiddleware: { kind: 'legacyMiddleware', removedIn: 6 },
  redirectToSignIn: { kind: 'neverReturns', removedIn: 6 },
  redirectToSignUp: { kind: 'neverReturns', removedIn: 6 },
  verifyToken: { kind: 'verifyToken', asyncFrom: 0 },
} as const satisfies Record<string, ExportInfo>;

const backendExports = {
  createClerkClient: { kind: 'createClient' },
  verifyToken: { kind: 'verifyToken', asyncFrom: 0 },
} as const satisfies Record<string, ExportInfo>;

const expressExports = {
  getAuth: { kind: 'authObject' },
  requireAuth: { kind: 'protect' },
  clerkMiddleware: { kind: 'middleware' },
  clerkClient: { kind: 'clerkClient' },
  createClerkClient: { kind: 'createClient' },
  verifyToken: { kind: 'verifyToken', asyncFrom: 0 },
} as const satisfies Record<string, ExportInfo>;

/** Every Clerk (and webhook library) import source the plugin knows. */
export const CLERK_SOURCES: Readonly<Record<string, SourceInfo>> = {
  '@clerk/nextjs': {
    framework: 'next',
    serverOnly: false,
    // v4 exported the server helpers from the root too; v5 moved them to /server.
    exports: {
      auth: { kind: 'authObject', removedIn: 5 },
      currentUser: { kind: 'currentUser', asyncFrom: 0, removedIn: 5 },
      useUser: { kind: 'userHook' },
      authMiddleware: { kind: 'legacyMiddleware', removedIn: 6 },
      redirectToSignIn: { kind: 'neverReturns', removedIn: 5 },
      clerkClient: { kind: 'clerkClient', removedIn: 5 },
    },
  },
  '@clerk/nextjs/server': { framework: 'next', serverOnly: true, exports: nextServerExports },
  '@clerk/nextjs/webhooks': { framework: 'next', serverOnly: true, exports: webhookExports },
  '@clerk/nextjs/errors': { framework: 'next', serverOnly: false, exports: {} },
  '@clerk/backend': { framework: 'backend', serverOnly: true, exports: backendExports },
  '@clerk/backend/webhooks': { framework: 'backend', serverOnly: true, exports: webhookExports },
  '@clerk/backend/jwt': {
    framework: 'backend',
    serverOnly: true,
    exports: { decodeJwt: { kind: 'decodeOnly' }, verifyJwt: { kind: 'verifyToken', asyncFrom: 0 } },
  },
  '@clerk/backend/internal': { framework: 'backend', serverOnly: true, exports: {} },
  '@clerk/express': { framework: 'express', serverOnly: true, exports: expressExports },
  '@clerk/express/webhooks': { framework: 'express', serverOnly: true, exports: webhookExports },
  '@clerk/fastify': {
    framework: 'fastify',
    serverOnly: true,
    exports: {
      getAuth: { kind: 'authObject' },
      clerkPlugin: { kind: 'middleware' },
      clerkClient: { kind: 'clerkClient' },
      createClerkClient: { kind: 'createClient' },
    },
  },
  '@clerk/fastify/webhooks': { framework: 'fastify', serverOnly: true, exports: webhookExports },
  '@clerk/hono': {
    framework: 'hono',
    serverOnly: true,
    exports: { getAuth: { kind: 'authObject' }, clerkMiddleware: { kind: 'middleware' } },
  },
  '@clerk/hono/webhooks': { framework: 'hono', serverOnly: true, exports: webhookExports },
  '@hono/clerk-auth': {
    framework: 'hono',
    serverOnly: true,
    exports: { getAuth: { kind: 'authObject' }, clerkMiddleware: { kind: 'middleware' } },
  },
  '@clerk/react-router/server': {
    framework: 'react-router',
    serverOnly: true,
    exports: {
      getAuth: { kind: 'authObject', asyncFrom: 0 },
      clerkMiddleware: { kind: 'middleware' },
      clerkClient: { kind: 'clerkClient' },
    },
  },
  '@clerk/react-router/ssr.server': {
    framework: 'react-router',
    serverOnly: true,
    exports: { getAuth: { kind: 'authObject', asyncFrom: 0 } },
  },
  '@clerk/react-router/api.server': { framework: 'react-router', serverOnly: true, exports: {} },
  '@clerk/react-router/webhooks': { framework: 'react-router', serverOnly: true, exports: webhookExports },
  '@clerk/tanstack-react-start/server': {
    framework: 'tanstack-start',
    serverOnly: true,
    exports: { auth: { kind: 'authObject', asyncFrom: 0 }, clerkClient: { kind: 'clerkClient' } },
  },
  '@clerk/tanstack-react-start/webhooks': {
    framework: 'tanstack-start',
    serverOnly: true,
    exports: webhookExports,
  },
  '@clerk/astro/server': {
    framework: 'astro',
    serverOnly: true,
    exports: { clerkMiddleware: { kind: 'middleware' }, clerkClient: { kind: 'clerkClient' } },
  },
  '@clerk/astro/webhooks': { framework: 'astro', serverOnly: true, exports: webhookExports },
  '@clerk/nuxt/server': {
    framework: 'nuxt',
    serverOnly: true,
    exports: { clerkClient: { kind: 'clerkClient' } },
  },
  '@clerk/nuxt/webhooks': { framework: 'nuxt', serverOnly: true, exports: webhookExports },
  '@clerk/clerk-sdk-node': {
    framework: 'node-legacy',
    serverOnly: true,
    exports: {
      ClerkExpressRequireAuth: { kind: 'protect' },
      ClerkExpressWithAuth: { kind: 'middleware' },
      clerkClient: { kind: 'clerkClient' },
      createClerkClient: { kind: 'createClient' },
    },
  },
  '@clerk/clerk-react': { framework: 'react', serverOnly: false, exports: { useUser: { kind: 'userHook' } } },
  '@clerk/react': { framework: 'react', serverOnly: false, exports: { useUser: { kind: 'userHook' } } },
  '@clerk/shared': { framework: 'shared', serverOnly: false, exports: {} },
  svix: { framework: 'svix', serverOnly: true, exports: { Webhook: { kind: 'webhookClass' } } },
  standardwebhooks: { framework: 'svix', serverOnly: true, exports: { Webhook: { kind: 'webhookClass' } } },
  '@clerk/shared/types': { framework: 'shared', serverOnly: false, exports: {} },
  '@clerk/types': { framework: 'shared', serverOnly: false, exports: {} },
};

/** The package whose major decides sync/async `auth()` and removed exports (`settings.clerk.version`). */
export const PRIMARY_SDK = '@clerk/nextjs';

/** Other Clerk SDKs, in the order their major is used when `@clerk/nextjs` is absent. */
export const OTHER_SDKS = [
  '@clerk/express',
  '@clerk/fastify',
  '@clerk/backend',
  '@clerk/react-router',
  '@clerk/tanstack-react-start',
  '@clerk/astro',
  '@clerk/nuxt',
  '@clerk/clerk-sdk-node',
  '@clerk/react',
  '@clerk/clerk-react',
] as const;

/** The newest `@clerk/nextjs` major the catalog describes; an unknown version is treated as this one. */
export const LATEST_MAJOR = 7;

/** Server SDKs whose presence marks a Node server module (Express, Fastify, Hono routes). */
export const NODE_SERVER_SOURCES: ReadonlySet<string> = new Set([
  '@clerk/express',
  '@clerk/fastify',
  '@clerk/hono',
  '@hono/clerk-auth',
  '@clerk/clerk-sdk-node',
  '@clerk/backend',
]);

/** Where the guard inserted by a repair imports from, per framework. */
export const GUARD_IMPORT_SOURCE = {
  next: '@clerk/nextjs/server',
  express: '@clerk/express',
  fastify: '@clerk/fastify',
  hono: '@hono/clerk-auth',
} as const;

/** The route middleware that turns signed-out callers away, per Node framework (`router.post('/', requireAuth(), h)`). */
export const ROUTE_GUARD_MIDDLEWARE = { express: 'requireAuth' } as const;

/** Cheap text pre-filter: a file that contains none of these cannot import Clerk. */
export const CLERK_TEXT_MARKERS: readonly string[] = ['@clerk/', 'clerk-auth', 'svix', 'standardwebhooks'];

export function isAsyncIn(info: ExportInfo, major: number): boolean {
  return info.asyncFrom !== undefined && major >= info.asyncFrom;
}
