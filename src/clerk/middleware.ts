/** Clerk's recommended middleware matcher, current and previous (clerk-api.md section 2.3). */
export const RECOMMENDED_MATCHER: readonly string[] = [
  '/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)',
  '/(api|trpc)(.*)',
  '/__clerk/(.*)',
];
export const PREVIOUS_MATCHERS: readonly (readonly string[])[] = [
  RECOMMENDED_MATCHER.slice(0, 2),
  ['/((?!.+\\.[\\w]+$|_next).*)', '/', '/(api|trpc)(.*)'],
  ['/((?!.*\\..*|_next).*)', '/', '/(api|trpc)(.*)'],
];
/** Middleware file names: `middleware.*` up to Next 15, `proxy.*` from Next 16. */
export const MIDDLEWARE_BASENAMES: readonly string[] = ['middleware', 'proxy'];
/** The Next.js major from which `proxy.*` is loaded (Next 15 and earlier never load it). */
export const PROXY_FILE_FROM_NEXT = 16;
/** The `@clerk/nextjs` major that introduced `clerkMiddleware`; before it (v4) `authMiddleware` is the current API. */
export const CLERK_MIDDLEWARE_FROM = 5;
