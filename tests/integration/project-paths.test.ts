// Route names, `publicRoutes` globs and the middleware lookup depend only on the path inside the project (the folder
// of the nearest package.json), never on the working directory or on folders above the project: ESLint run from the
// app, from a monorepo root or from a parent folder named `app` or `pages` reports the same findings.
import { join, relative, sep } from 'node:path';

import * as parser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { tempProject } from '../temp-project.js';

const project = tempProject('clerk-project-paths-');
afterAll(project.remove);

// A monorepo under folders named `app` and `pages`, one Next app in `apps/web` with its code in `src/`.
const repo = 'app/pages/repo';
const web = `${repo}/apps/web`;
project.write(`${repo}/package.json`, '{ "private": true, "workspaces": ["apps/*"] }');
project.write(`${web}/package.json`, '{ "dependencies": { "@clerk/nextjs": "^6.0.0", "next": "^15.0.0" } }');
project.write(`${web}/tsconfig.json`, '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } }, "include": ["**/*.ts"] }');
project.write(
  `${web}/src/middleware.ts`,
  `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'
const isProtectedRoute = createRouteMatcher(['/dashboard(.*)', '/api/admin(.*)'])
export default clerkMiddleware(async (auth, req) => {
  if (isProtectedRoute(req)) await auth.protect()
})
export const config = { matcher: ['/((?!_next|[^?]*\\\\.(?:css|js|png)).*)', '/(api|trpc)(.*)'] }
`,
);
project.write(
  `${web}/src/lib/auth.ts`,
  `import { auth } from '@clerk/nextjs/server'
export async function requireUser() {
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  return userId
}
`,
);
const handler = (body: string) => `import { db } from './db'\n${body}\n`;
project.write(`${web}/src/app/api/invoices/route.ts`, handler('export async function GET() { return Response.json(await db.invoice.findMany()) }'));
project.write(`${web}/src/app/api/reports/route.ts`, handler('export async function GET() { return Response.json(await db.report.findMany()) }'));
project.write(`${web}/src/app/api/admin/users/route.ts`, handler('export async function GET() { return Response.json(await db.user.findMany()) }'));
project.write(
  `${web}/src/app/api/me/route.ts`,
  `import { requireUser } from '@/lib/auth'\nimport { db } from './db'\nexport async function GET() {\n  const userId = await requireUser()\n  return Response.json(await db.user.findUnique({ where: { id: userId } }))\n}\n`,
);

const config = (options: Record<string, unknown>): Linter.Config[] => [
  { files: ['**/*.ts'], languageOptions: { parser: parser as Linter.Parser } },
  { ...plugin.configs.recommended, rules: { 'clerk/require-route-handler-auth': ['error', options] } },
];

async function lint(cwd: string, options: Record<string, unknown> = {}): Promise<string[]> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config(options) });
  const results = await eslint.lintFiles([join(project.root, web, 'src')]);
  return results
    .flatMap((result) => result.messages.map((message) => `${relative(join(project.root, web), result.filePath).split(sep).join('/')}: ${message.message}`))
    .sort();
}

const cwds = { app: web, 'monorepo root': repo, 'parent folder named pages': 'app/pages', 'parent folder named app': 'app' };

describe('findings depend only on the path inside the project', () => {
  it.each(Object.entries(cwds))('from the %s', async (_name, cwd) => {
    expect(await lint(join(project.root, cwd))).toEqual([
      'src/app/api/invoices/route.ts: Route handler `GET /api/invoices` runs without checking `userId`; anyone on the internet can call it.',
      'src/app/api/reports/route.ts: Route handler `GET /api/reports` runs without checking `userId`; anyone on the internet can call it.',
    ]);
  });

  it.each(Object.entries(cwds))('publicRoutes relative to the app, from the %s', async (_name, cwd) => {
    expect(await lint(join(project.root, cwd), { publicRoutes: ['src/app/api/reports/**'] })).toEqual([
      'src/app/api/invoices/route.ts: Route handler `GET /api/invoices` runs without checking `userId`; anyone on the internet can call it.',
    ]);
  });
});
