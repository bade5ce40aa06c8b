/** Clerk environment variables and public prefixes per framework (clerk-api.md section 5). */

/** Clerk's secrets: whoever holds one can act as the backend. */
export const CLERK_SECRET_ENV: ReadonlySet<string> = new Set([
  'CLERK_SECRET_KEY',
  'CLERK_MACHINE_SECRET_KEY',
  'CLERK_WEBHOOK_SIGNING_SECRET',
  'CLERK_ENCRYPTION_KEY',
  'CLERK_API_KEY',
  'CLERK_WEBHOOK_SECRET',
  'WEBHOOK_SECRET',
  'SIGNING_SECRET',
  'NUXT_CLERK_SECRET_KEY',
  'NUXT_CLERK_MACHINE_SECRET_KEY',
  'NUXT_CLERK_WEBHOOK_SIGNING_SECRET',
]);

/** Prefixes that bundlers inline into browser code, per framework. */
export const PUBLIC_ENV_PREFIXES: Readonly<Record<string, string>> = {
  next: 'NEXT_PUBLIC_',
  vite: 'VITE_',
  expo: 'EXPO_PUBLIC_',
  astro: 'PUBLIC_',
  cra: 'REACT_APP_',
  gatsby: 'GATSBY_',
  nuxt: 'NUXT_PUBLIC_',
};

/** Build constants that are safe to read anywhere. */
export const BUILD_CONSTANT_ENV: ReadonlySet<string> = new Set([
  'NODE_ENV',
  'MODE',
  'DEV',
  'PROD',
  'SSR',
  'BASE_URL',
  'NEXT_RUNTIME',
  'NEXT_DEPLOYMENT_ID',
  'TURBOPACK',
]);

/** Prefixes of names that bundlers define at build time (`process.env.__NEXT_…` is inlined by Next.js). */
export const BUILD_CONSTANT_PREFIXES: readonly string[] = ['__NEXT_'];

export function publicPrefixOf(name: string): string | undefined {
  return Object.values(PUBLIC_ENV_PREFIXES)
    .filter((prefix) => name.startsWith(prefix))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * The secret a public name exposes: `CLERK_SECRET_KEY` for `NEXT_PUBLIC_CLERK_SECRET_KEY`, `STRIPE_SECRET_KEY`
 * for `VITE_STRIPE_SECRET_KEY`; undefined for public names that are public by design.
 */
export function secretBehindPublicName(name: string): string | undefined {
  const prefix = publicPrefixOf(name);
  if (prefix === undefined) return undefined;
  const rest = name.slice(prefix.length);
  return isSecretName(rest) ? rest : undefined;
}

/** Words that mark a name as secret wherever they appear as a whole `_`-separated word (or word pair). */
export const SECRET_NAME_WORDS: readonly string[] = ['SECRET', 'PRIVATE_KEY', 'SIGNING', 'PASSWORD', 'SERVICE_ROLE'];

/** Names that are public by design even though they say "key". */
export const PUBLIC_BY_DESIGN_SUFFIXES: readonly string[] = ['PUBLISHABLE_KEY', 'PUBLIC_KEY', 'ANON_KEY'];

/** Whether a name (without any public prefix) names a secret: a Clerk secret, or a name with a secret word. */
export function isSecretName(name: string): boolean {
  if (CLERK_SECRET_ENV.has(name)) return true;
  if (PUBLIC_BY_DESIGN_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`_${suffix}`))) return false;
  const padded = `_${name}_`;
  return SECRET_NAME_WORDS.some((word) => padded.includes(`_${word}_`));
}

/**
 * Words that mark a server-only name as a credential even without a secret word: keys, tokens, passwords and
 * connection strings (`OPENAI_API_KEY`, `GITHUB_TOKEN`, `DATABASE_URL`, `MONGODB_URI`).
 */
const CREDENTIAL_WORDS = /(?:^|_)(?:KEY|KEYS|TOKEN|TOKENS|CREDENTIALS?|PASS|PASSWD|PWD|SALT)(?:_|$)/u;
/** URLs that carry a credential: a webhook URL is its own secret, Cloudinary and SMTP URLs embed the password. */
const CREDENTIAL_URL = /(?:^|_)(?:WEBHOOK|DIRECT|CLOUDINARY|RPC|SMTP|AMQP|SFTP|FTP)_?(?:URL|URI)$/u;
const CONNECTION_STRING = /(?:^|_)(?:DATABASE|DB|POSTGRES(?:QL)?|PG|MYSQL|MONGO(?:DB)?|REDIS|KV|UPSTASH|AMQP|RABBITMQ|KAFKA|SUPABASE_DB|CONNECTION)(?:_|$).*(?:URL|URI|STRING)$|^(?:DATABASE|MONGODB|MONGO|REDIS|POSTGRES)_?(?:URL|URI)$/u;

/**
 * Names that hold no secret by convention: ports, hosts and deployment facts (`PORT`, `VERCEL_URL`, `NODE_ENV`),
 * plain URLs, ids, names, regions and versions. A connection string (`DATABASE_URL`) is a credential, not a URL.
 */
const NON_SECRET_ENV = new Set(['PORT', 'HOST', 'HOSTNAME', 'CI', 'TZ', 'LANG', 'VERCEL', 'VERCEL_ENV', 'VERCEL_URL', 'VERCEL_REGION', 'VERCEL_BRANCH_URL', 'VERCEL_PROJECT_PRODUCTION_URL', 'RENDER', 'NETLIFY', 'URL', 'DEPLOY_URL', 'APP_ENV']);
const NON_SECRET_SUFFIX = /_(?:URL|URI|HOST|HOSTNAME|PORT|DOMAIN|ORIGIN|ENV|ENVIRONMENT|REGION|VERSION|NAME|ID|LOCALE|LANGUAGE|MODE|LEVEL|PATH)$/u;

/**
 * What a server-only env name (without a public prefix) is likely to hold: a `secret` (Clerk secrets, secret words,
 * keys, tokens, passwords, connection strings, URLs that carry a credential such as `SLACK_WEBHOOK_URL`), `public` facts (`PORT`, `VERCEL_URL`, `NEXT_PUBLIC_…` and build
 * constants, plain `…_URL` / `…_ID`), or `unknown`.
 */
export function envSecrecy(name: string): 'secret' | 'public' | 'unknown' {
  if (isBrowserSafeEnvName(name)) return 'public';
  if (isSecretName(name)) return 'secret';
  if (PUBLIC_BY_DESIGN_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`_${suffix}`))) return 'public';
  if (CREDENTIAL_WORDS.test(name) || CONNECTION_STRING.test(name) || CREDENTIAL_URL.test(name)) return 'secret';
  if (NON_SECRET_ENV.has(name) || name.startsWith('VERCEL_GIT_') || NON_SECRET_SUFFIX.test(name)) return 'public';
  return 'unknown';
}

/** Whether a build constant or public-prefixed name may be read in browser code. */
export function isBrowserSafeEnvName(name: string): boolean {
  return (
    BUILD_CONSTANT_ENV.has(name) ||
    BUILD_CONSTANT_PREFIXES.some((prefix) => name.startsWith(prefix)) ||
    publicPrefixOf(name) !== undefined
  );
}

/** The name of the Next.js config file, whose `env` object is inlined into the client bundle. */
export const NEXT_CONFIG_FILE = /(?:^|\/)next\.config\.(?:js|mjs|cjs|ts|mts)$/u;

/** What each Clerk secret grants, for messages. */
export const CLERK_SECRET_POWERS: Readonly<Record<string, string>> = {
  CLERK_SECRET_KEY: 'full Backend API access: read and edit every user, impersonate, mint sessions',
  CLERK_API_KEY: 'full Backend API access (the v4 name of the secret key)',
  NUXT_CLERK_SECRET_KEY: 'full Backend API access',
  CLERK_MACHINE_SECRET_KEY: 'machine-to-machine tokens in your instance’s name',
  NUXT_CLERK_MACHINE_SECRET_KEY: 'machine-to-machine tokens in your instance’s name',
  CLERK_WEBHOOK_SIGNING_SECRET: 'forging any webhook event',
  NUXT_CLERK_WEBHOOK_SIGNING_SECRET: 'forging any webhook event',
  CLERK_WEBHOOK_SECRET: 'forging any webhook event',
  WEBHOOK_SECRET: 'forging any webhook event',
  SIGNING_SECRET: 'forging any webhook event',
  CLERK_ENCRYPTION_KEY: 'decrypting dynamic keys passed through middleware',
};

/** Cheap text pre-filter: a public prefix followed, in the same name, by a secret word or a Clerk secret. */
export const PUBLIC_SECRET_NAME_TEXT = new RegExp(
  `(?:${Object.values(PUBLIC_ENV_PREFIXES).join('|')})[A-Z0-9_]*(?:${[...SECRET_NAME_WORDS, 'API_KEY', 'ENCRYPTION_KEY', 'MACHINE_SECRET'].join('|')})`,
  'u',
);
