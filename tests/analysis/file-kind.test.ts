import { describe, expect, it } from 'vitest';

import { classifyPath, getFileKind } from '../../src/analysis/file-kind.js';
import { withContext } from '../harness.js';

describe('classifyPath', () => {
  it.each([
    ['app/api/invoices/route.ts', { appRoute: true, pagesApi: false, middleware: false }],
    ['src/app/(dashboard)/api/[id]/route.tsx', { appRoute: true, pagesApi: false, middleware: false }],
    ['app\\api\\invoices\\route.ts', { appRoute: true, pagesApi: false, middleware: false }],
    ['C:\\work\\shop\\src\\app\\api\\x\\route.mjs', { appRoute: true, pagesApi: false, middleware: false }],
    ['app/api/invoices/router.ts', { appRoute: false, pagesApi: false, middleware: false }],
    ['app/api/invoices/route.css', { appRoute: false, pagesApi: false, middleware: false }],
    ['pages/api/users/[id].ts', { appRoute: false, pagesApi: true, middleware: false }],
    ['src\\pages\\api\\hello.js', { appRoute: false, pagesApi: true, middleware: false }],
    ['pages/users.tsx', { appRoute: false, pagesApi: false, middleware: false }],
    ['middleware.ts', { appRoute: false, pagesApi: false, middleware: true }],
    ['src/proxy.ts', { appRoute: false, pagesApi: false, middleware: true }],
    ['lib/middleware.ts', { appRoute: false, pagesApi: false, middleware: false }],
  ])('%s', (path, expected) => {
    expect(classifyPath(path)).toEqual(expected);
  });
});

describe('getFileKind', () => {
  it('reads directives only from the prologue', () => {
    const kind = (code: string) =>
      withContext(code, (context) => {
        const { client, serverActions } = getFileKind(context);
        return { client, serverActions };
      });
    expect(kind(`'use client'\nimport x from 'y'`)).toEqual({ client: true, serverActions: false });
    expect(kind(`"use strict"\n'use server'\nexport async function a() {}`)).toEqual({ client: false, serverActions: true });
    expect(kind(`import x from 'y'\n'use client'`)).toEqual({ client: false, serverActions: false });
    expect(kind(`const a = 'use client'`)).toEqual({ client: false, serverActions: false });
  });

  it('handles <input> and <text> file names', () => {
    for (const filename of ['<input>', '<text>']) {
      const kind = withContext(`export const x = 1`, (context) =>
        getFileKind({ filename, cwd: context.cwd, sourceCode: context.sourceCode } as typeof context),
      );
      expect(kind).toMatchObject({ appRoute: false, pagesApi: false, middleware: false, path: '' });
    }
  });

  it('marks modules that import a Clerk Node server SDK', () => {
    const nodeServer = (code: string) => withContext(code, (context) => getFileKind(context).nodeServer);
    expect(nodeServer(`import { requireAuth } from '@clerk/express'`)).toBe(true);
    expect(nodeServer(`import type { AuthObject } from '@clerk/express'`)).toBe(false);
    expect(nodeServer(`import { auth } from '@clerk/nextjs/server'`)).toBe(false);
  });

  it('classifies route files relative to the working directory', () => {
    const kind = withContext(`export async function GET() {}`, (context) => getFileKind(context), {
      filename: `${process.cwd()}/app/api/x/route.ts`,
    });
    expect(kind).toMatchObject({ appRoute: true, path: 'app/api/x/route.ts' });
  });
});
