import { describe, expect, it } from 'vitest';

import { middlewareModel, samplePaths } from '../../src/analysis/middleware-protection.js';
import { withContext } from '../harness.js';

const model = (code: string) => withContext(code, (context) => {
  const built = middlewareModel(context.sourceCode);
  return (path: string) => ({ runs: built.runsOn(path), protects: built.protects(path) });
});

const RECOMMENDED = `export const config = {
  matcher: ['/((?!_next|[^?]*\\\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)', '/(api|trpc)(.*)'],
}`;

describe('middlewareModel: what a Clerk middleware protects', () => {
  it('protect-all with a public list', () => {
    const at = model(`import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isPublicRoute = createRouteMatcher(['/', '/sign-in(.*)', '/api/public(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (!isPublicRoute(req)) await auth.protect()
})
${RECOMMENDED}`);
    expect(at('/api/invoices')).toEqual({ runs: true, protects: true });
    expect(at('/api/public/status')).toEqual({ runs: true, protects: false });
    expect(at('/')).toEqual({ runs: true, protects: false });
  });

  it('protect-list, renamed import, block body', () => {
    const at = model(`import { clerkMiddleware as cm, createRouteMatcher as routes } from '@clerk/nextjs/server'
const isProtectedRoute = routes(['/dashboard(.*)', '/api/admin(.*)'])
export default cm(async (auth, req) => {
  if (isProtectedRoute(req)) {
    await auth.protect()
  }
})`);
    expect(at('/api/admin/users')).toEqual({ runs: true, protects: true });
    expect(at('/api/invoices')).toEqual({ runs: true, protects: false });
    expect(at('/dashboard')).toEqual({ runs: true, protects: true });
  });

  it('an early return for public routes, then an unconditional protect', () => {
    const at = model(`import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isPublic = createRouteMatcher(['/api/health'])
export default clerkMiddleware(async (auth, req) => {
  if (isPublic(req)) return
  await auth.protect()
})`);
    expect(at('/api/health').protects).toBe(false);
    expect(at('/api/x').protects).toBe(true);
  });

  it('v5 auth().protect() and a sign-in redirect for anonymous users', () => {
    const v5 = model(`import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isProtectedRoute = createRouteMatcher(['/api/(.*)'])
export default clerkMiddleware((auth, req) => { if (isProtectedRoute(req)) auth().protect() })`);
    expect(v5('/api/x').protects).toBe(true);
    const redirect = model(`import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isProtectedRoute = createRouteMatcher(['/api/(.*)'])
export default clerkMiddleware(async (auth, req) => {
  const { userId, redirectToSignIn } = await auth()
  if (!userId && isProtectedRoute(req)) return redirectToSignIn()
})`);
    expect(redirect('/api/x').protects).toBe(true);
    expect(redirect('/about').protects).toBe(false);
  });

  it('a redirect or a 401 when userId is missing, decided on the pathname', () => {
    const at = model(`import { clerkMiddleware } from '@clerk/nextjs/server'
import { NextResponse } from 'next/server'
export default clerkMiddleware(async (auth, req) => {
  const { userId } = await auth()
  if (req.nextUrl.pathname.startsWith('/api') && !userId) return new NextResponse(null, { status: 401 })
  return NextResponse.next()
})`);
    expect(at('/api/x').protects).toBe(true);
    expect(at('/home').protects).toBe(false);
  });

  it('protects nothing without a handler', () => {
    const at = model(`import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware()
${RECOMMENDED}`);
    expect(at('/api/x')).toEqual({ runs: true, protects: false });
  });

  it('does not run where the matcher leaves the path out', () => {
    const at = model(`import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware(async (auth) => { await auth.protect() })
export const config = { matcher: ['/((?!api|_next).*)'] }`);
    expect(at('/api/x')).toEqual({ runs: false, protects: true });
    expect(at('/dashboard')).toEqual({ runs: true, protects: true });
  });

  it('v4 authMiddleware protects all but its public and ignored routes', () => {
    const at = model(`import { authMiddleware } from '@clerk/nextjs'
export default authMiddleware({ publicRoutes: ['/', '/api/public'], ignoredRoutes: ['/api/webhooks(.*)'] })`);
    expect(at('/api/invoices').protects).toBe(true);
    expect(at('/api/public').protects).toBe(false);
    expect(at('/api/webhooks/clerk').protects).toBe(false);
    const custom = model(`import { authMiddleware } from '@clerk/nextjs'
export default authMiddleware({ afterAuth(auth, req) {} })`);
    expect(custom('/api/x').protects).toBeUndefined();
  });

  it('answers unknown for logic it cannot read, never protected', () => {
    const cases = [
      `import { clerkMiddleware } from '@clerk/nextjs/server'
import { decide } from './decide'
export default clerkMiddleware(async (auth, req) => { if (decide(req)) await auth.protect() })`,
      `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const routes = createRouteMatcher(list)
export default clerkMiddleware(async (auth, req) => { if (routes(req)) await auth.protect() })`,
      `import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware(async (auth, req) => { try { await auth.protect() } catch {} })`,
      `import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware(handler)`,
      `import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware(async (auth) => { await auth.protect() })
export const config = { matcher: [{ source: '/api(.*)', missing: [{ type: 'header', key: 'x' }] }] }`,
    ];
    for (const code of cases) {
      const result = model(code)('/api/x');
      expect(result.runs === true && result.protects === true, code).toBe(false);
    }
  });

  it('does not count an un-awaited v6 auth.protect() (its rejection is lost)', () => {
    const at = model(`import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware(async (auth) => { auth.protect() })`);
    expect(at('/api/x').protects).toBeUndefined();
  });

  it('ignores a clerkMiddleware imported from elsewhere', () => {
    const at = model(`import { clerkMiddleware } from './my-clerk'
export default clerkMiddleware(async (auth) => { await auth.protect() })`);
    expect(at('/api/x').protects).toBe(false);
  });
});

describe('samplePaths', () => {
  it('tries plain and file-like values for the last dynamic segment', () => {
    expect(samplePaths('/api/invoices', true)).toEqual(['/api/invoices']);
    expect(samplePaths('/exports/[...key]', false)).toEqual(['/exports/x']);
    expect(samplePaths('/u/[id]/files/[name]', true)).toEqual([
      '/u/x/files/x',
      '/u/x/files/x.png',
      '/u/x/files/x.csv',
      '/u/x/files/x.js',
      '/u/x/files/x.html',
    ]);
  });
});
