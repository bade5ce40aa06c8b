import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getClerkReferences, mayReferenceClerk } from '../../src/analysis/clerk-references.js';
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
