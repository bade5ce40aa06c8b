import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getAuthAnalyzer } from '../../src/analysis/index.js';
import {
  appRouteHandlers,
  inlineServerAction,
  moduleServerActions,
  nodeRouteHandler,
  pagesApiHandler,
  routeUrlPath,
} from '../../src/analysis/entry-points.js';
import { getClerkReferences } from '../../src/analysis/clerk-references.js';
import type { FunctionNode } from '../../src/analysis/functions.js';
import { DEFAULT_SETTINGS } from '../../src/project/settings.js';
import { withContext } from '../harness.js';

describe('entry points', () => {
  it('finds every export form of a server-action module, and notes auth wrappers', () => {
    const code = `'use server'
      export async function a() {}
      export const b = async () => {}
      export const c = function () {}
      async function d() {}
      const e = async () => {}
      export { d, e as renamedE }
      export const f = withLogging(async () => {})
      export const g = withAuth(async () => {})
      export default async function () {}
      export const notAFunction = 1
      export type T = string`;
    const entries = withContext(code, (context) =>
      moduleServerActions(context.sourceCode, [{ name: 'withAuth' }]).map((entry) => [entry.name, entry.guardedBy !== undefined]),
    );
    expect(entries).toEqual([
      ['a', false],
      ['b', false],
      ['c', false],
      ['d', false],
      ['renamedE', false],
      ['f', false],
      ['g', true],
      ['default', false],
    ]);
  });

  it('finds inline server actions by their own directive', () => {
    const names = withContext(
      `export default function Page() {
        async function save() { 'use server' }
        const remove = async () => { "use server"; }
        async function notAnAction() { const s = 'use server' }
      }`,
      (context, program) => {
        const found: string[] = [];
        const visit = (node: TSESTree.Node): void => {
          if (node.type.includes('Function')) {
            const entry = inlineServerAction(node as FunctionNode, context.sourceCode);
            if (entry) found.push(entry.name);
          }
          for (const value of Object.values(node)) {
            if (value && typeof value === 'object' && value !== node.parent) {
              for (const child of Array.isArray(value) ? value : [value]) {
                if (child && typeof child.type === 'string' && child !== node.parent) visit(child);
              }
            }
          }
        };
        visit(program);
        return found;
      },
    );
    expect(names).toEqual(['save', 'remove']);
  });

  it('finds route handler methods and the pages API default export', () => {
    const methods = withContext(
      `async function handler() {}
       export { handler as GET, handler as POST }
       export const PATCH = async () => {}
       export async function helper() {}
       export const dynamic = 'force-dynamic'`,
      (context) => appRouteHandlers(context.sourceCode, []).map((entry) => entry.name),
    );
    expect(methods).toEqual(['GET', 'POST', 'PATCH']);
    const pages = withContext(`const handler = (req, res) => {}\nexport default withCors(handler)`, (context) =>
      pagesApiHandler(context.sourceCode, [])?.fn.type,
    );
    expect(pages).toBe('ArrowFunctionExpression');
  });

  it('finds Express-style routes and their guards', () => {
    const routes = withContext(
      `import { requireAuth } from '@clerk/express'
       app.get('/a', handler)
       app.post('/b', requireAuth(), async (req, res) => {})
       app.delete(\`/c/\${id}\`, [requireAuth()], (req, res) => {})
       cache.get('key', fallback)
       function handler(req, res) {}`,
      (context, program) => {
        const refs = getClerkReferences(context.sourceCode);
        return program.body
          .filter((s): s is TSESTree.ExpressionStatement => s.type === 'ExpressionStatement')
          .map((s) => nodeRouteHandler(s.expression as TSESTree.CallExpression, context.sourceCode, refs, [], []))
          .map((entry) => entry && [entry.name, entry.guardedBy !== undefined]);
      },
    );
    expect(routes).toEqual([['GET /a', false], ['POST /b', true], ['DELETE `/c/${id}`', true], undefined]);
  });
});

describe('AuthAnalyzer helpers', () => {
  const kinds = (code: string) =>
    withContext(code, (context, program) => {
      const analyzer = getAuthAnalyzer(context.sourceCode, DEFAULT_SETTINGS);
      return Object.fromEntries(
        program.body
          .flatMap((s) => (s.type === 'FunctionDeclaration' ? [[s.id.name, analyzer.helperKind(s)]] : [])),
      );
    });

  it('tells guards, fetchers and plain functions apart', () => {
    expect(
      kinds(`import { auth, currentUser } from '@clerk/nextjs/server'
        import { redirect } from 'next/navigation'
        async function throws() { const { userId } = await auth(); if (!userId) throw new Error('x'); return userId }
        async function redirects() { const { userId } = await auth(); if (!userId) return redirect('/sign-in') }
        async function protects() { await auth.protect() }
        async function returnsNull() { const { userId } = await auth(); if (!userId) return null; return db.user.find(userId) }
        async function returnsUser() { return currentUser() }
        async function returnsUserId() { return (await auth()).userId }
        async function plain() { return db.x.findMany() }
        async function loops(): Promise<unknown> { return loops() }`),
    ).toEqual({
      throws: 'guard',
      redirects: 'guard',
      protects: 'guard',
      returnsNull: 'fetcher',
      returnsUser: 'fetcher',
      returnsUserId: 'fetcher',
      plain: 'none',
      loops: 'none',
    });
  });
});

describe('routeUrlPath', () => {
  it.each([
    ['app/api/invoices/route.ts', '/api/invoices'],
    ['src/app/(shop)/api/items/[id]/route.tsx', '/api/items/[id]'],
    ['app/route.ts', '/'],
    ['pages/api/users/index.ts', '/api/users'],
    ['src/pages/api/legacy-report.js', '/api/legacy-report'],
    ['lib/route.ts', undefined],
  ])('%s → %s', (path, url) => {
    expect(routeUrlPath(path)).toBe(url);
  });
});
