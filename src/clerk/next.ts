/** Next.js control flow and framework calls, as data. */

/** Calls that never return: they throw a Next.js control-flow error. */
export const NEXT_NAVIGATION_SOURCE = 'next/navigation';
export const NEXT_NEVER_RETURNS: readonly string[] = [
  'redirect',
  'permanentRedirect',
  'notFound',
  'forbidden',
  'unauthorized',
];
/** Rethrows Next.js control-flow errors from a catch block. */
export const NEXT_RETHROW = 'unstable_rethrow';

export const NEXT_CACHE_SOURCE = 'next/cache';

/** Factories that only build a client (Supabase and the like): no data is read or written by the call itself. */
export const CLIENT_FACTORY_NAMES: ReadonlySet<string> = new Set([
  'createClient',
  'createServerClient',
  'createBrowserClient',
  'createRouteHandlerClient',
  'createServerComponentClient',
  'createServerActionClient',
]);

/**
 * Route-handler adapters that hand the request to a framework whose procedures authenticate one by one
 * (tRPC's `fetchRequestHandler`, `createNextApiHandler`): the route file itself does no work of its own.
 */
export const DELEGATING_ADAPTER_SOURCES: readonly string[] = ['@trpc/server/adapters/'];

/**
 * Modules whose functions only compute: an HMAC before a signature compare, drizzle's query-building operators
 * (`eq(posts.id, id)`, `desc(posts.createdAt)`, `and(…)`), which build SQL fragments and touch no data.
 */
export const COMPUTE_ONLY_SOURCES: ReadonlySet<string> = new Set(['crypto', 'node:crypto', 'drizzle-orm', 'drizzle-orm/sql', 'drizzle-orm/expressions']);

/** Cache and request calls a public-by-design server action or handler may make without authenticating. */
export const BENIGN_CALL_NAMES: ReadonlySet<string> = new Set([
  'revalidatePath',
  'revalidateTag',
  'updateTag',
  'refresh',
  'redirect',
  'permanentRedirect',
  'notFound',
  'headers',
  'cookies',
  'draftMode',
  'connection',
  // next-intl: reading messages and the locale is not work.
  'getTranslations',
  'getLocale',
  'getMessages',
  'getFormatter',
  'setRequestLocale',
]);

/**
 * Path segments of endpoints that are public by design: health checks, and the sign-in, sign-up and sign-out
 * endpoints of an app's own login scheme (a sign-in endpoint cannot require sign-in). A route handler under one of
 * them that never reads the session is not reported.
 */
export const PUBLIC_BY_DESIGN_SEGMENTS: ReadonlySet<string> = new Set([
  'health',
  'healthz',
  'healthcheck',
  'health-check',
  'ping',
  'livez',
  'readyz',
  'liveness',
  'readiness',
  'sign-in',
  'signin',
  'sign-up',
  'signup',
  'login',
  'log-in',
  'logout',
  'log-out',
  'sign-out',
  'signout',
  'register',
  'forgot-password',
  'reset-password',
  'verify-email',
  'magic-link',
]);

/** HTTP method exports of an app-router `route.*` file. */
export const ROUTE_HANDLER_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
]);

/** Methods on Express / Fastify / Hono apps and routers that register a route. */
export const NODE_ROUTE_METHODS: ReadonlySet<string> = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'all',
  'head',
  'options',
]);

/** Response constructors: building a response is not work. */
export const RESPONSE_SOURCES: readonly string[] = ['next/server'];
export const RESPONSE_GLOBALS: ReadonlySet<string> = new Set(['Response', 'NextResponse']);

/** Methods that read the request body: reading input is not work. */
export const REQUEST_READ_METHODS: ReadonlySet<string> = new Set([
  'json',
  'formData',
  'text',
  'arrayBuffer',
  'blob',
  'get',
  'getAll',
  'has',
  'param',
  'query',
  'header',
]);

/**
 * Validation libraries: building a schema and checking input with it only inspect values (`z.enum(stages)
 * .safeParse(stage)`, `v.parse(schema, input)`, `yup.object({…}).validate(body)`). Resolved by import source.
 */
export const VALIDATION_SOURCES: ReadonlySet<string> = new Set([
  'zod',
  'zod/v4',
  'zod/v3',
  'zod/mini',
  'valibot',
  'yup',
  'joi',
  'superstruct',
  'arktype',
  '@sinclair/typebox',
  '@effect/schema',
  'effect/Schema',
]);

/**
 * Opening a database connection (`await connectDB()`, `await dbConnect()`, `await mongoose.connect(uri)`) reads and
 * writes no data: the usual first step of a handler on MongoDB or a pooled client. Function names, and the
 * `connect` method of these imports.
 */
export const DB_CONNECT_FUNCTION = /^(?:(?:db|database|mongo(?:db)?)connect(?:ion)?|connect(?:to)?(?:db|database|mongo(?:db)?))$/iu;
export const DB_CONNECT_SOURCES: ReadonlySet<string> = new Set(['mongoose']);

/** Rate-limiting packages (`@upstash/ratelimit`, `express-rate-limit`, `rate-limiter-flexible`): limiting is not work. */
export const RATE_LIMIT_SOURCE = /rate-?limit/iu;

/** Functions that only read the request (`ipAddress(req)` from `@vercel/functions`), by import source. */
export const REQUEST_INFO_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  '@vercel/functions': ['ipAddress', 'geolocation'],
};

/** zsa's procedure factory: `createServerActionProcedure(parent?).handler(check)` runs before every action built on it. */
export const ZSA_PROCEDURE = { source: 'zsa', name: 'createServerActionProcedure' } as const;

/** URL path segments that say a route is not for the public (`/api/admin/stats`, `/api/me`, `/api/internal/jobs`). */
export const PRIVATE_PATH_SEGMENT = /^(?:admin|internal|private|dashboard|me|account|accounts|billing|settings)$/iu;

/** URL path segments of webhook receivers (`/api/webhooks/clerk`, `/api/stripe-webhook`, `/api/paypal/ipn`). */
export const WEBHOOK_PATH_SEGMENT = /webhook|hook|callback|ipn/iu;

/** Logging calls (`logger.info(…)`, `log.error(…)`) on an object whose name says it logs: no data is touched. */
export const LOG_METHODS: ReadonlySet<string> = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal']);
export const LOGGER_NAME = /^(?:logger|log|console|pino|winston|signale|consola)$/iu;

/** Validation calls that only inspect input. */
export const VALIDATION_METHODS: ReadonlySet<string> = new Set([
  'parse',
  'safeParse',
  'parseAsync',
  'safeParseAsync',
  'validate',
  'validateSync',
  'assert',
  'is',
]);

/** Globals whose method calls are pure (not work); `Promise.all([...])` only combines (its items are checked). */
export const PURE_GLOBAL_OBJECTS: ReadonlySet<string> = new Set([
  'Promise',
  'Buffer',
  'crypto',
  'console',
  'JSON',
  'Math',
  'Object',
  'Array',
  'Number',
  'String',
  'Boolean',
  'Date',
  'URL',
  'URLSearchParams',
  'Symbol',
  'Reflect',
]);
export const PURE_GLOBAL_CALLS: ReadonlySet<string> = new Set([
  'String',
  'Number',
  'Boolean',
  'parseInt',
  'parseFloat',
  'encodeURIComponent',
  'decodeURIComponent',
  'isNaN',
  'URL',
  'URLSearchParams',
  'Error',
  'TypeError',
]);

/** Methods that only compute on a local value (strings, arrays, dates). */
export const PURE_METHODS: ReadonlySet<string> = new Set([
  'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toString', 'toFixed', 'split', 'join', 'map',
  'filter', 'slice', 'includes', 'startsWith', 'endsWith', 'replace', 'replaceAll', 'at', 'some', 'every', 'concat',
  'padStart', 'padEnd', 'reduce', 'indexOf', 'flat', 'flatMap', 'entries', 'keys', 'values', 'toISOString',
  'getTime', 'localeCompare', 'match', 'matchAll', 'test', 'charAt', 'push', 'forEach', 'toJSON', 'valueOf',
  'toUTCString', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'toDateString', 'toTimeString',
  'getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds', 'findIndex',
  'reverse', 'indexOf', 'lastIndexOf', 'substring', 'substr', 'repeat', 'normalize', 'codePointAt', 'charCodeAt',
]);

/** Response-building methods on a handler's response / context parameter (`res.status(401).json()`). */
export const RESPONSE_METHODS: ReadonlySet<string> = new Set([
  'json', 'send', 'status', 'end', 'code', 'text', 'html', 'redirect', 'header', 'setHeader', 'set', 'type',
  'sendStatus', 'body', 'next', 'rewrite', 'notFound',
]);

/** Constant-time comparisons used in shared-secret checks. */
export const SECRET_COMPARE_FUNCTIONS: ReadonlySet<string> = new Set([
  'timingSafeEqual', 'safeCompare', 'secureCompare', 'constantTimeEqual', 'timingSafeCompare',
]);
