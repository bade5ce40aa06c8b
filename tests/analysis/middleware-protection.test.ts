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

  it('reads what Next runs: the named middleware export, else the default, through consts', () => {
    const wrapped = model(`import { clerkMiddleware } from '@clerk/nextjs/server'
import { NextResponse } from 'next/server'
const clerk = clerkMiddleware(async (auth) => { await auth.protect() })
export default function middleware(req, ev) {
  if (req.nextUrl.pathname.startsWith('/api')) return NextResponse.next()
  return clerk(req, ev)
}`);
    expect(wrapped('/api/x').protects).toBeUndefined();
    const named = model(`import { clerkMiddleware } from '@clerk/nextjs/server'
import { NextResponse } from 'next/server'
export default clerkMiddleware(async (auth) => { await auth.protect() })
export function middleware() { return NextResponse.next() }`);
    expect(named('/api/x').protects).toBeUndefined();
    const viaConst = model(`import { clerkMiddleware } from '@clerk/nextjs/server'
const protectAll = clerkMiddleware(async (auth) => { await auth.protect() })
export const middleware = protectAll`);
    expect(viaConst('/api/x').protects).toBe(true);
  });

  it('counts only redirects and 401/403 responses as turning anonymous requests away', () => {
    const passThrough = model(`import { clerkMiddleware } from '@clerk/nextjs/server'
import { NextResponse } from 'next/server'
export default clerkMiddleware(async (auth, req) => {
  const { userId } = await auth()
  const res = NextResponse.next()
  if (!userId) { res.cookies.set('anon', '1'); return res }
})`);
    expect(passThrough('/api/x').protects).toBe(false);
    const denied = model(`import { clerkMiddleware } from '@clerk/nextjs/server'
import { NextResponse } from 'next/server'
export default clerkMiddleware(async (auth, req) => {
  const { userId } = await auth()
  if (!userId) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
})`);
    expect(denied('/api/x').protects).toBe(true);
  });

  it("reads Clerk's basic RBAC middleware: no claims means the redirect", () => {
    const at = model(`import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
import { NextResponse } from 'next/server'
const isAdminRoute = createRouteMatcher(['/admin(.*)', '/api/admin(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (isAdminRoute(req) && (await auth()).sessionClaims?.metadata?.role !== 'admin') {
    const url = new URL('/', req.url)
    return NextResponse.redirect(url)
  }
})`);
    expect(at('/api/admin/users').protects).toBe(true);
    expect(at('/api/invoices').protects).toBe(false);
  });

  it('matches config.matcher case-sensitively, as Next does', () => {
    const at = model(`import { clerkMiddleware } from '@clerk/nextjs/server'
export default clerkMiddleware(async (auth) => { await auth.protect() })
export const config = { matcher: ['/api/admin/:path*'] }`);
    expect(at('/api/admin/export').runs).toBe(true);
    expect(at('/api/Admin/export').runs).toBe(false);
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
    expect(samplePaths('/exports/[...key]', false)).toEqual(['/exports/x', '/exports/x/y']);
    expect(samplePaths('/api/docs/[[...slug]]', false)).toEqual(['/api/docs/x', '/api/docs/x/y', '/api/docs']);
    expect(samplePaths('/api/[table]', false, ['webhooks'])).toEqual(['/api/x', '/api/webhooks', '/api/webhooksx']);
    expect(samplePaths('/u/[id]/files/[name]', true)).toEqual([
      '/u/x/files/x',
      '/u/x/files/x.png',
      '/u/x/files/x.csv',
      '/u/x/files/x.js',
      '/u/x/files/x.html',
    ]);
  });
});

describe('middlewareModel: routes a public list names (declared public)', () => {
  const declared = (code: string) => withContext(code, (context) => (path: string) => middlewareModel(context.sourceCode).declaredPublic?.(path) ?? false);

  it('names specific entries, negated before protect() or before an early return; catch-alls name nothing', () => {
    const negated = declared(`import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isPublicRoute = createRouteMatcher(['/', '/api(.*)', '/api/kyc/verify', '/api/uploadthing(.*)', '/api/v1(.*)', '/api/posts/(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (!isPublicRoute(req)) await auth.protect()
})`);
    expect(negated('/api/kyc/verify')).toBe(true);
    expect(negated('/api/uploadthing')).toBe(true);
    expect(negated('/api/posts/[slug]')).toBe(true);
    // A tree made public wholesale names none of its routes.
    expect(negated('/api/uploadthing/x')).toBe(false);
    expect(negated('/api/v1/projects/[id]')).toBe(false);
    expect(negated('/api/invoices')).toBe(false);
    // '/' names the home route itself.
    expect(negated('/')).toBe(true);

    const early = declared(`import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
import { NextResponse } from 'next/server'
const isPublic = createRouteMatcher(['/api/status/public'])
export default clerkMiddleware(async (auth, req) => {
  if (isPublic(req)) return NextResponse.next()
  await auth.protect()
})`);
    expect(early('/api/status/public')).toBe(true);
  });

  it('a protect-list is no public list, and v4 publicRoutes count', () => {
    const protectList = declared(`import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isProtected = createRouteMatcher(['/api/admin/users'])
export default clerkMiddleware(async (auth, req) => {
  if (isProtected(req)) await auth.protect()
})`);
    expect(protectList('/api/admin/users')).toBe(false);
    const v4 = declared(`import { authMiddleware } from '@clerk/nextjs'
export default authMiddleware({ publicRoutes: ['/', '/api/public(.*)', '/(.*)'] })`);
    expect(v4('/api/public/stats')).toBe(true);
    expect(v4('/api/invoices')).toBe(false);
  });
});
