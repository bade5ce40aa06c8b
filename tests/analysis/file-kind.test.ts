import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { classifyPath, getFileKind } from '../../src/analysis/file-kind.js';
import { withContext } from '../harness.js';
import { tempProject } from '../temp-project.js';

describe('classifyPath', () => {
  it.each([
    ['app/api/invoices/route.ts', { appRoute: true, pagesApi: false, middleware: false }],
    ['src/app/(dashboard)/api/[id]/route.tsx', { appRoute: true, pagesApi: false, middleware: false }],
    ['app\\api\\invoices\\route.ts', { appRoute: true, pagesApi: false, middleware: false }],
    ['src\\app\\api\\x\\route.mjs', { appRoute: true, pagesApi: false, middleware: false }],
    // Paths are inside the project: an `app/` or `pages/` folder elsewhere is no route folder.
    ['lib/app/route.ts', { appRoute: false, pagesApi: false, middleware: false }],
    ['tests/fixtures/app/api/x/route.ts', { appRoute: false, pagesApi: false, middleware: false }],
    ['docs/pages/api/x.ts', { appRoute: false, pagesApi: false, middleware: false }],
    ['src/app/middleware.ts', { appRoute: false, pagesApi: false, middleware: false }],
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

  it('classifies route files by their path inside the project, whatever the working directory', () => {
    // The project sits in folders named `app` and `pages` (a clone in `app/`, a Docker `WORKDIR /app`).
    const project = tempProject('clerk-file-kind-');
    try {
      project.write('app/pages/web/package.json', '{}');
      const route = project.write('app/pages/web/src/app/api/x/route.ts', '');
      const api = project.write('app/pages/web/pages/api/users/[id].ts', '');
      const middleware = project.write('app/pages/web/src/middleware.ts', '');
      const helper = project.write('app/pages/web/src/lib/app/route.ts', '');
      const base = project.root;
      for (const cwd of [join(base, 'app/pages/web'), join(base, 'app'), base, '/']) {
        const kindOf = (filename: string) => withContext(`export async function GET() {}`, (context) => getFileKind(context), { filename, cwd });
        expect(kindOf(route), cwd).toMatchObject({ appRoute: true, pagesApi: false, middleware: false, path: 'src/app/api/x/route.ts' });
        expect(kindOf(api), cwd).toMatchObject({ appRoute: false, pagesApi: true, path: 'pages/api/users/[id].ts' });
        expect(kindOf(middleware), cwd).toMatchObject({ middleware: true, path: 'src/middleware.ts' });
        expect(kindOf(helper), cwd).toMatchObject({ appRoute: false, pagesApi: false, middleware: false });
      }
    } finally {
      project.remove();
    }
  });

  it('falls back to the working directory when no package.json is above the file', () => {
    const kind = withContext(`export async function GET() {}`, (context) => getFileKind(context), {
      filename: '/no-project-here/app/api/x/route.ts',
      cwd: '/no-project-here',
    });
    expect(kind).toMatchObject({ appRoute: true, path: 'app/api/x/route.ts' });
  });
});
