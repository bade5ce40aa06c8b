import { join } from 'node:path';

import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import { AuthAnalyzer } from '../../src/analysis/auth-flow.js';
import { isModuleCached } from '../../src/analysis/cross-file.js';
import plugin from '../../src/index.js';
import { tempProject } from '../temp-project.js';

// require-route-handler-auth asks the app's middleware before analysing a route once the middleware is parsed: in
// the default mode every finding a protected route could have is dropped (but a null check that lets machine
// tokens through), so the analysis is skipped. The answers are the same either way; these tests pin down that the
// work is skipped, and only then.

const MIDDLEWARE = `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isPublicRoute = createRouteMatcher(['/', '/sign-in(.*)', '/api/public(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (!isPublicRoute(req)) await auth.protect()
})
export const config = { matcher: ['/((?!_next|[^?]*\\\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ico)).*)', '/(api|trpc)(.*)'] }
`;
const UNGUARDED = `export async function GET() {
  return Response.json(await db.invoice.findMany())
}
`;
const GUARDED = `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth()
  if (!userId) return new Response('Unauthorized', { status: 401 })
  return Response.json(await db.invoice.findMany())
}
`;
const MACHINE_TOKENS = `import { auth } from '@clerk/nextjs/server'
export async function GET() {
  const { userId } = await auth({ acceptsToken: 'any' })
  if (userId === null) return new Response('Unauthorized', { status: 401 })
  return Response.json(await db.invoice.findMany())
}
`;

const projects: (() => void)[] = [];
afterAll(() => projects.forEach((remove) => remove()));
afterEach(() => vi.restoreAllMocks());

function app(withMiddleware: boolean): { root: string; write: (path: string, text: string) => string } {
  const project = tempProject('clerk-mw-first-');
  projects.push(project.remove);
  project.write('package.json', JSON.stringify({ dependencies: { '@clerk/nextjs': '^6.0.0', next: '^15.0.0' } }));
  if (withMiddleware) project.write('middleware.ts', MIDDLEWARE);
  return project;
}

function lint(linter: Linter, code: string, file: string, options: Record<string, unknown> = {}): string[] {
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          plugins: { clerk: plugin },
          languageOptions: { parser },
          rules: { 'clerk/require-route-handler-auth': ['error', options] },
        },
      ],
      file,
    )
    .map((message) => message.messageId ?? message.message);
}

describe('require-route-handler-auth asks a parsed middleware first', () => {
  it('does not analyse a route of an app whose middleware, already parsed, protects it', () => {
    const { root, write } = app(true);
    const linter = new Linter({ cwd: root });
    const analyze = vi.spyOn(AuthAnalyzer.prototype, 'analyze');
    // The first route is analysed; its finding is what makes the rule read the middleware.
    expect(lint(linter, UNGUARDED, write('app/api/invoices/route.ts', UNGUARDED))).toEqual([]);
    expect(analyze).toHaveBeenCalled();
    expect(isModuleCached(join(root, 'middleware.ts'))).toBe(true);
    analyze.mockClear();
    expect(lint(linter, UNGUARDED, write('app/api/orders/route.ts', UNGUARDED))).toEqual([]);
    expect(analyze).not.toHaveBeenCalled();
  });

  it('still analyses a route the middleware lists as public (whose finding the list then drops)', () => {
    const { root, write } = app(true);
    const linter = new Linter({ cwd: root });
    expect(lint(linter, UNGUARDED, write('app/api/invoices/route.ts', UNGUARDED))).toEqual([]);
    const analyze = vi.spyOn(AuthAnalyzer.prototype, 'analyze');
    // A public route list entry: covered as public by the middleware, so the rule's own findings stand.
    expect(lint(linter, UNGUARDED, write('app/api/public/stats/route.ts', UNGUARDED))).toEqual([]);
    expect(analyze).toHaveBeenCalled();
  });

  it('still analyses a protected route that accepts machine tokens, and reports its null check', () => {
    const { root, write } = app(true);
    const linter = new Linter({ cwd: root });
    expect(lint(linter, UNGUARDED, write('app/api/invoices/route.ts', UNGUARDED))).toEqual([]);
    expect(lint(linter, MACHINE_TOKENS, write('app/api/machine/route.ts', MACHINE_TOKENS))).toEqual(['nullCheckWithMachineTokens']);
  });

  it('still analyses every route with checkMiddlewareOnly, and reports that it relies on the middleware', () => {
    const { root, write } = app(true);
    const linter = new Linter({ cwd: root });
    expect(lint(linter, UNGUARDED, write('app/api/invoices/route.ts', UNGUARDED), { checkMiddlewareOnly: true })).toEqual(['reliesOnMiddleware']);
    expect(lint(linter, UNGUARDED, write('app/api/orders/route.ts', UNGUARDED), { checkMiddlewareOnly: true })).toEqual(['reliesOnMiddleware']);
  });

  it('never parses the middleware of an app whose routes all check the session', () => {
    const { root, write } = app(true);
    const linter = new Linter({ cwd: root });
    expect(lint(linter, GUARDED, write('app/api/invoices/route.ts', GUARDED))).toEqual([]);
    expect(lint(linter, GUARDED, write('app/api/orders/route.ts', GUARDED))).toEqual([]);
    expect(isModuleCached(join(root, 'middleware.ts'))).toBe(false);
  });

  it('analyses every route of an app without middleware', () => {
    const { root, write } = app(false);
    const linter = new Linter({ cwd: root });
    expect(lint(linter, UNGUARDED, write('app/api/invoices/route.ts', UNGUARDED))).toEqual(['missingAuth']);
    expect(lint(linter, UNGUARDED, write('app/api/orders/route.ts', UNGUARDED))).toEqual(['missingAuth']);
  });
});
