/**
 * Express (and Hono) routes registered in a router module (`const router = Router(); router.post('/', create);
 * export default router`), which imports nothing from Clerk: the session comes from `clerkMiddleware()` in the app
 * module that mounts the router (`app.use('/categories', categoryRouter)`). This file decides two things: whether a
 * module is such a router module of a project on a Clerk Node SDK, and what the app's mount says about the router's
 * protection (open, protected, or unknown). It does not judge the handlers themselves (auth-flow does).
 *
 * Precision first: a router is judged open only when the app module that mounts it is found, and neither the mount
 * nor an app-level `use()` before it passes through anything but known plumbing (`express.json()`, `cors()`,
 * `clerkMiddleware()`, …). Anything else between the app and the router might be a guard: unknown, not reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { CREATES_ROUTER, NODE_SERVER_SOURCES } from '../clerk/index.js';
import { detectClerkVersions } from '../project/clerk-version.js';
import { projectRootOf } from '../util/project.js';
import { passesTextGate } from '../util/text-gate.js';
import { loadModule, type Parser, resolveImportPath } from './cross-file.js';


/** Middleware that is plumbing, never a guard: body parsers, CORS, logging, uploads, Clerk's lax middleware. */
const PLUMBING =
  /^(?:express\.(?:json|raw|urlencoded|static|text)|cors|helmet|morgan|cookieParser|compression|clerkMiddleware|bodyParser\.\w+|\w+\.(?:single|array|fields|none|any)|rateLimit|limiter)$/u;

/**
 * A module that creates an Express or Hono router and imports no Clerk SDK itself, in a project that declares a
 * Clerk Node SDK (`@clerk/express`, …).
 */
export function isClerkProjectRouterModule(sourceCode: Readonly<TSESLint.SourceCode>, filename: string): boolean {
  if (!passesTextGate(sourceCode.text, CREATES_ROUTER)) return false;
  const importsRouter = sourceCode.ast.body.some(
    (statement) => statement.type === 'ImportDeclaration' && statement.importKind !== 'type' && (statement.source.value === 'express' || statement.source.value === 'hono'),
  );
  if (!importsRouter) return false;
  const sdk = detectClerkVersions(dirname(filename), true).sdk;
  return sdk !== undefined && NODE_SERVER_SOURCES.has(sdk);
}

/** Whether a route middleware argument is known plumbing (`express.json()`, `upload.single('image')`, `cors`). */
export function isPlumbing(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  const callee = node.type === 'CallExpression' ? node.callee : node;
  return (callee.type === 'Identifier' || callee.type === 'MemberExpression') && PLUMBING.test(sourceCode.getText(callee));
}

export type RouterMount =
  /** Mounted by the app with nothing but plumbing before it: its routes are as open as their handlers. */
  | { readonly kind: 'open'; readonly path: string; readonly app: string }
  /** Not found, or something that may be a guard runs first. */
  | { readonly kind: 'unknown' };

const ENTRY_NAMES = ['index', 'server', 'app', 'main'];
const ENTRY_EXTENSIONS = ['.ts', '.js', '.mjs', '.cjs', '.mts', '.cts'];

/** The app modules of the router's project: package.json `main`, and index/server/app/main in the root and `src/`. */
function appModuleCandidates(root: string): string[] {
  const files: string[] = [];
  try {
    const main = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main?: unknown }).main;
    if (typeof main === 'string') files.push(join(root, main));
  } catch {
    // no package.json main
  }
  for (const folder of [root, join(root, 'src')]) {
    for (const name of ENTRY_NAMES) for (const extension of ENTRY_EXTENSIONS) files.push(join(folder, `${name}${extension}`));
  }
  return [...new Set(files)].filter((file) => existsSync(file));
}

/**
 * How the app mounts the router defined in `routerFile`: `app.use('/x', router)` after only plumbing (open), or
 * anything else (unknown).
 */
export function routerMount(routerFile: string, parser: Parser | undefined, parserOptions: Record<string, unknown>): RouterMount {
  const root = projectRootOf(routerFile);
  for (const file of appModuleCandidates(root)) {
    if (file === routerFile) continue;
    const module = loadModule(file, parser, parserOptions);
    if (module === undefined) continue;
    const locals = routerImports(module, file, routerFile);
    if (locals.size === 0) continue;
    return mountIn(module, file, locals, root);
  }
  return { kind: 'unknown' };
}

/** Local names under which `module` imports the router module (default or named imports). */
function routerImports(module: TSESLint.SourceCode, file: string, routerFile: string): Set<string> {
  const locals = new Set<string>();
  for (const statement of module.ast.body) {
    if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
    if (resolveImportPath(file, statement.source.value) !== routerFile) continue;
    for (const specifier of statement.specifiers) if (specifier.type !== 'ImportNamespaceSpecifier') locals.add(specifier.local.name);
  }
  return locals;
}

function mountIn(module: TSESLint.SourceCode, file: string, locals: ReadonlySet<string>, root: string): RouterMount {
  /** `app.use(x)` calls (top-level statements), in order, until the mount. */
  const before: TSESTree.CallExpression[] = [];
  for (const statement of module.ast.body) {
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'CallExpression') continue;
    const call = statement.expression;
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || callee.property.name !== 'use') continue;
    const last = call.arguments[call.arguments.length - 1];
    const object = module.getText(callee.object);
    if (last?.type === 'Identifier' && locals.has(last.name)) {
      const [first, ...rest] = call.arguments;
      const path = first?.type === 'Literal' && typeof first.value === 'string' ? first.value : undefined;
      const middleware = path === undefined ? call.arguments.slice(0, -1) : rest.slice(0, -1);
      if (middleware.some((argument) => !isPlumbing(module, argument))) return { kind: 'unknown' };
      // Anything the same app object `use()`s before, without a path, runs first for this router too.
      const earlier = before.filter((use) => module.getText((use.callee as TSESTree.MemberExpression).object) === object);
      for (const use of earlier) {
        const [head, ...tail] = use.arguments;
        const applies = head?.type === 'Literal' && typeof head.value === 'string' ? path?.startsWith(head.value) === true : true;
        const args = head?.type === 'Literal' ? tail : use.arguments;
        if (applies && args.some((argument) => !isPlumbing(module, argument))) return { kind: 'unknown' };
      }
      return { kind: 'open', path: path === '/' ? '' : (path ?? ''), app: file.slice(root.length + 1) };
    }
    before.push(call);
  }
  return { kind: 'unknown' };
}

/** `router.use(x)` before the route, on the same router, with anything but plumbing: something that may be a guard. */
export function routerUsesBefore(sourceCode: Readonly<TSESLint.SourceCode>, router: TSESTree.Node, route: TSESTree.CallExpression): boolean {
  const routerText = sourceCode.getText(router);
  for (const statement of sourceCode.ast.body) {
    if (statement.range[0] >= route.range[0]) break;
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'CallExpression') continue;
    const use = statement.expression;
    if (use.callee.type !== 'MemberExpression' || use.callee.property.type !== 'Identifier' || use.callee.property.name !== 'use') continue;
    if (sourceCode.getText(use.callee.object) !== routerText) continue;
    if (use.arguments.some((argument) => argument.type !== 'Literal' && !isPlumbing(sourceCode, argument))) return true;
  }
  return false;
}
