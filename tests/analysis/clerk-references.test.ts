import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getClerkReferences, mayReferenceClerk, trackReferences } from '../../src/analysis/clerk-references.js';
import { CLERK_SOURCES, NEXT_NAVIGATION_SOURCE, NEXT_NEVER_RETURNS, NEXT_RETHROW } from '../../src/clerk/index.js';
import { withContext } from '../harness.js';

/** `callee text → resolved name` for every resolved call of the file. */
function resolvedCalls(code: string): Record<string, string> {
  return withContext(code, (context) => {
    const refs = getClerkReferences(context.sourceCode);
    const out: Record<string, string> = {};
    for (const [call, ref] of refs.calls) {
      out[context.sourceCode.getText((call as TSESTree.CallExpression).callee)] = `${ref.source}#${ref.name}:${ref.kind}`;
    }
    return out;
  });
}

describe('getClerkReferences', () => {
  it('resolves named, renamed and namespace imports, and auth.protect', () => {
    expect(
      resolvedCalls(`
        import { auth, currentUser as me } from '@clerk/nextjs/server'
        import * as clerk from '@clerk/nextjs/server'
        import { redirect } from 'next/navigation'
        async function f() { await auth(); await me(); await clerk.auth(); await auth.protect(); await clerk.auth.protect(); redirect('/') }
      `),
    ).toEqual({
      auth: '@clerk/nextjs/server#auth:authObject',
      me: '@clerk/nextjs/server#currentUser:currentUser',
      'clerk.auth': '@clerk/nextjs/server#auth:authObject',
      'auth.protect': '@clerk/nextjs/server#auth.protect:protect',
      'clerk.auth.protect': '@clerk/nextjs/server#auth.protect:protect',
      redirect: 'next/navigation#redirect:nextNeverReturns',
    });
  });

  it('follows aliases and destructuring of a namespace', () => {
    expect(
      resolvedCalls(`
        import * as server from '@clerk/nextjs/server'
        const { auth: getSession } = server
        const alias = getSession
        async function f() { await alias() }
      `),
    ).toEqual({ alias: '@clerk/nextjs/server#auth:authObject' });
  });

  it('respects shadowing', () => {
    expect(
      resolvedCalls(`
        import { auth } from '@clerk/nextjs/server'
        function f(auth: () => unknown) { return auth() }
      `),
    ).toEqual({});
  });

  it('resolves require() of a Clerk module', () => {
    expect(
      resolvedCalls(`
        const { getAuth } = require('@clerk/express')
        getAuth(req)
      `),
    ).toEqual({ getAuth: '@clerk/express#getAuth:authObject' });
  });

  it('ignores look-alikes from other packages and type positions', () => {
    expect(
      resolvedCalls(`
        import { auth } from '@/lib/auth'
        import type { WebhookEvent } from '@clerk/nextjs/server'
        const e: WebhookEvent | undefined = undefined
        auth()
      `),
    ).toEqual({});
    const reads = withContext(
      `import { WebhookEvent, auth } from '@clerk/nextjs/server'\nlet e: WebhookEvent; auth`,
      (context) => [...getClerkReferences(context.sourceCode).reads.values()].map((ref) => ref.name),
    );
    expect(reads).toEqual(['auth']);
  });

  it('is computed once per file and shared', () => {
    const same = withContext(`import { auth } from '@clerk/nextjs/server'`, (context) =>
      getClerkReferences(context.sourceCode) === getClerkReferences(context.sourceCode),
    );
    expect(same).toBe(true);
  });

  it('has a cheap text pre-filter', () => {
    expect(mayReferenceClerk(`export const x = 1`)).toBe(false);
    expect(mayReferenceClerk(`import { auth } from '@clerk/nextjs/server'`)).toBe(true);
    expect(
      withContext(`export const x = 1`, (context) => getClerkReferences(context.sourceCode).calls.size),
    ).toBe(0);
  });
});

/**
 * eslint-utils' `ReferenceTracker` with the trace map this module used to give it (built the same way from the same
 * catalog): the reference `trackReferences` must agree with, report for report and in order.
 */
const { ReferenceTracker } = ASTUtils;

function referenceTrackerMap(): Record<string, unknown> {
  const map: Record<string | symbol, unknown> = {};
  for (const [source, sourceInfo] of Object.entries(CLERK_SOURCES)) {
    const entry: Record<string | symbol, unknown> = { [ReferenceTracker.ESM]: true };
    for (const [name, info] of Object.entries(sourceInfo.exports)) {
      const ref = `${source}#${name}:${info.kind}`;
      const node: Record<string | symbol, unknown> = { [ReferenceTracker.READ]: ref, [ReferenceTracker.CALL]: ref, [ReferenceTracker.CONSTRUCT]: ref };
      if (name === 'auth') {
        const protect = `${source}#auth.protect:protect`;
        node.protect = { [ReferenceTracker.READ]: protect, [ReferenceTracker.CALL]: protect };
      }
      entry[name] = node;
    }
    map[source] = entry;
  }
  const navigation: Record<string | symbol, unknown> = { [ReferenceTracker.ESM]: true };
  for (const name of [...NEXT_NEVER_RETURNS, NEXT_RETHROW]) {
    const ref = `${NEXT_NAVIGATION_SOURCE}#${name}:${name === NEXT_RETHROW ? 'nextRethrow' : 'nextNeverReturns'}`;
    navigation[name] = { [ReferenceTracker.READ]: ref, [ReferenceTracker.CALL]: ref };
  }
  map[NEXT_NAVIGATION_SOURCE] = navigation;
  return map as Record<string, unknown>;
}

const KIND_OF = new Map<symbol, string>([
  [ReferenceTracker.READ, 'read'],
  [ReferenceTracker.CALL, 'call'],
  [ReferenceTracker.CONSTRUCT, 'construct'],
]);

/** Each report as `kind node-type start-end source#name:kind`, by both trackers. */
function bothTrackers(code: string, filename?: string): { ours: string[]; theirs: string[] } {
  return withContext(
    code,
    (context) => {
      const globalScope = context.sourceCode.scopeManager?.globalScope;
      if (!globalScope) throw new Error('no scope manager');
      const line = (node: TSESTree.Node, kind: string, ref: string): string => `${kind} ${node.type} ${node.range[0]}-${node.range[1]} ${ref}`;
      const ours: string[] = [];
      trackReferences(globalScope, (node, kind, ref) => ours.push(line(node, kind, `${ref.source}#${ref.name}:${ref.kind}`)));
      const tracker = new ReferenceTracker(globalScope);
      const map = referenceTrackerMap();
      const theirs: string[] = [];
      const add = (found: Iterable<{ node: TSESTree.Node; type: symbol; info: unknown }>): void => {
        for (const { node, type, info } of found) theirs.push(line(node, KIND_OF.get(type) as string, info as string));
      };
      add(tracker.iterateEsmReferences(map as never) as never);
      for (const reference of globalScope.through) {
        const call = reference.identifier.parent;
        if (reference.identifier.name !== 'require' || call?.type !== 'CallExpression' || call.callee !== reference.identifier) continue;
        const source = call.arguments[0];
        if (source?.type !== 'Literal' || typeof source.value !== 'string' || !Object.hasOwn(map, source.value)) continue;
        const properties = tracker as unknown as { iteratePropertyReferences(node: unknown, map: unknown): Iterable<never> };
        add(properties.iteratePropertyReferences(call, map[source.value]));
      }
      return { ours, theirs };
    },
    filename === undefined ? {} : { filename },
  );
}

describe('trackReferences', () => {
  const shapes: Record<string, string> = {
    'named, renamed, default and string-named imports': `
      import { auth, currentUser as me, 'clerkClient' as client } from '@clerk/nextjs/server'
      import Default, { default as other } from '@clerk/nextjs/server'
      import { redirect, notFound, unstable_rethrow } from 'next/navigation'
      export async function f() { await auth(); await me(); await client(); Default(); other; redirect('/'); notFound(); unstable_rethrow(e); new redirect('/') }`,
    'namespaces, members, computed and constant keys': `
      import * as clerk from '@clerk/nextjs/server'
      clerk.auth(); clerk.auth.protect(); clerk['auth'](); clerk[\`auth\`].protect(); clerk['a' + 'uth'](); clerk[key](); new clerk.Webhook(s)
      clerk.auth.protect; clerk.nothing.protect(); new clerk.auth.protect(); new clerk.auth()`,
    'aliases, assignments, defaults and destructuring': `
      import * as server from '@clerk/nextjs/server'
      import { auth } from '@clerk/nextjs/server'
      const { auth: getSession, currentUser = fallback, ...rest } = server
      const { protect } = auth, { protect: p2 = x } = getSession
      const alias = getSession
      let later; later = alias; let chained = (later = auth)
      function g(h = auth) { return h() }
      async function f() { await alias(); await later(); await chained(); protect(); p2(); currentUser(); rest.auth() }`,
    'pass-through wrappers': `
      import { auth, currentUser } from '@clerk/nextjs/server'
      ;(cond ? auth : currentUser)(); (auth || currentUser)(); (0, auth)(); (auth, x)(); auth!(); (auth as any)(); (auth satisfies unknown)()
      ;(<any>auth)(); auth?.(); auth?.protect(); (auth<string>)()`,
    'cycles and shadowing': `
      import { auth } from '@clerk/nextjs/server'
      let a = auth; let b = a; a = b; b = a
      function f(auth) { return auth() }
      function g() { const auth = () => 1; return auth() }
      a(); b()`,
    're-exports and type positions': `
      export { auth, currentUser as me, nothing } from '@clerk/nextjs/server'
      export * from '@clerk/nextjs/server'
      export * as ns from 'next/navigation'
      export type { WebhookEvent } from '@clerk/nextjs/server'
      import type { User } from '@clerk/backend'
      import { type WebhookEvent, Webhook } from '@clerk/nextjs/server'
      let e: WebhookEvent; let u: User; type T = typeof Webhook; new Webhook(secret)
      export default auth`,
    'require of a Clerk module': `
      const { getAuth, clerkClient: client } = require('@clerk/express')
      const express = require('@clerk/express'); const other = require('other'); const dynamic = require(name)
      require('@clerk/express').requireAuth()
      getAuth(req); client.users.getUser(id); express.getAuth(req); new (require('svix').Webhook)(s)`,
    'imports that are not Clerk': `
      import { auth } from '@/lib/auth'
      import { redirect } from 'next/dist/client/components/navigation'
      import * as constructor from 'constructor'
      auth(); redirect('/'); constructor.toString()`,
  };

  for (const [name, code] of Object.entries(shapes)) {
    it(`reports what ReferenceTracker reports: ${name}`, () => {
      const { ours, theirs } = bothTrackers(code, `${process.cwd()}/shape.ts`);
      if (name === 'imports that are not Clerk') expect(theirs).toEqual([]);
      else expect(theirs.length).toBeGreaterThan(0);
      expect(ours).toEqual(theirs);
    });
  }

  it('reports what ReferenceTracker reports on every fixture and example module', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const files = ['tests/fixtures', 'examples']
      .flatMap((folder) => readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' }).map((file) => join(root, folder, file)))
      .filter((file) => /\.[cm]?[jt]sx?$/u.test(file) && !file.includes('node_modules') && !file.endsWith('.d.ts'));
    expect(files.length).toBeGreaterThan(40);
    let reported = 0;
    for (const file of files) {
      let result: { ours: string[]; theirs: string[] };
      try {
        result = bothTrackers(readFileSync(file, 'utf8'), file);
      } catch (error) {
        if (String(error).includes('parse error')) continue;
        throw error;
      }
      reported += result.theirs.length;
      expect(result.ours, file).toEqual(result.theirs);
    }
    expect(reported).toBeGreaterThan(50);
  });
});
