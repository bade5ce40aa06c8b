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
export const BUILD_CONSTANT_ENV: ReadonlySet<string> = new Set(['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

export function publicPrefixOf(name: string): string | undefined {
  return Object.values(PUBLIC_ENV_PREFIXES).find((prefix) => name.startsWith(prefix));
}

/** The secret a public name exposes, such as `CLERK_SECRET_KEY` for `NEXT_PUBLIC_CLERK_SECRET_KEY`. */
export function secretBehindPublicName(name: string): string | undefined {
  const prefix = publicPrefixOf(name);
  if (prefix === undefined) return undefined;
  const rest = name.slice(prefix.length);
  return CLERK_SECRET_ENV.has(rest) ? rest : undefined;
}
