import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import { MIDDLEWARE_BASENAMES } from '../clerk/index.js';
import { perFile } from '../util/file-cache.js';
import { toPosix } from '../util/paths.js';
import { type ClerkReferences, getClerkReferences } from './clerk-references.js';
import { loadModule, type Parser, projectRootOf } from './cross-file.js';
import { isFunctionNode, resolveLocalFunction, skipAwaitAndWrappers, skipTypeWrappers } from './functions.js';
import { anyPatternMatches } from './path-matcher.js';
import { findFirst } from './traverse.js';

/**
 * What the app's Next.js middleware (`middleware.*`, or `proxy.*` from Next 16) does for one URL path:
 * - `protected`: it runs there and ends anonymous requests (`auth.protect()`, a sign-in redirect, v4 `authMiddleware`);
 * - `public`: it does not run there, or runs and lets anonymous requests through;
 * - `unknown`: the code is beyond what this reads. Callers treat `unknown` like `public` (report as before).
 */
export type MiddlewareCoverage = 'protected' | 'public' | 'unknown';

export interface MiddlewareVerdict {
  readonly coverage: MiddlewareCoverage;
  /** The middleware file, relative to the project root (`middleware.ts`, `src/proxy.ts`). */
  readonly file?: string;
}

type Tri = boolean | undefined;
type Outcome = 'protected' | 'exits' | 'continue' | 'unknown';

/** The model of one middleware module: whether it runs on a path, and whether it protects it. */
export interface MiddlewareModel {
  runsOn(path: string): Tri;
  protects(path: string): Tri;
}

const SCRIPT_EXTENSIONS = ['.ts', '.js', '.mts', '.mjs', '.tsx', '.jsx', '.cts', '.cjs'];
/** Identifiers and properties that hold the session's identity: all falsy for an anonymous request. */
const AUTH_STATE = new Set(['userId', 'sessionId', 'isAuthenticated', 'sessionClaims', 'orgId', 'user', 'isSignedIn']);
const NEVER_RETURNS = new Set(['redirectToSignIn', 'redirectToSignUp']);

/**
 * The middleware Next.js loads for a file of the app: `<root>/src/middleware.*` when the app lives in `src/app` or
 * `src/pages`, else `<root>/middleware.*` (`proxy.*` too). Undefined when there is none, or the file is not in an app.
 */
export function middlewareFileFor(filename: string): { file: string; root: string } | undefined {
  const root = projectRootOf(filename);
  const inRoot = toPosix(relative(root, filename));
  const match = /^(src\/)?(?:app|pages)\//u.exec(inRoot);
  if (match === null) return undefined;
  const dir = match[1] === undefined ? root : join(root, 'src');
  for (const base of MIDDLEWARE_BASENAMES) {
    for (const extension of SCRIPT_EXTENSIONS) {
      const file = join(dir, base + extension);
      if (existsSync(file)) return { file, root };
    }
  }
  return undefined;
}

/** Whether the app's middleware protects `urlPath`, read from the middleware module with the linted file's parser. */
export function middlewareCoverage(
  filename: string,
  urlPath: string,
  parser: Parser | undefined,
  parserOptions: Record<string, unknown>,
  { dottedValues = true }: { dottedValues?: boolean } = {},
): MiddlewareVerdict {
  const located = middlewareFileFor(filename);
  if (located === undefined) return { coverage: 'public' };
  const file = toPosix(relative(located.root, located.file));
  const module = loadModule(located.file, parser, parserOptions);
  if (module === undefined) return { coverage: 'unknown', file };
  const model = middlewareModel(module);
  const verdicts = samplePaths(urlPath, dottedValues).map((path): MiddlewareCoverage => {
    const runs = model.runsOn(path);
    if (runs === false) return 'public';
    const protects = model.protects(path);
    if (runs === true && protects === true) return 'protected';
    return protects === false ? 'public' : 'unknown';
  });
  // Protected only if every request the route serves is: one open path is an open route.
  if (verdicts.includes('public')) return { coverage: 'public', file };
  return { coverage: verdicts.every((verdict) => verdict === 'protected') ? 'protected' : 'unknown', file };
}

/** Values a static-file matcher treats differently: a dynamic segment may well be `report.csv` or `photo.png`. */
const DOTTED_VALUES = ['x.png', 'x.csv', 'x.js', 'x.html'];

/**
 * Request paths a route's URL pattern serves, for testing matchers: each dynamic segment (`[id]`, `[...slug]`,
 * `[[...slug]]`) as a plain value, and, when `dotted`, the last one also as file-like values, which Clerk's
 * recommended matcher leaves to static-file handling (middleware does not run for them).
 */
export function samplePaths(urlPath: string, dotted: boolean): string[] {
  const segments = urlPath.split('/');
  const dynamic = segments.map((segment, index) => (/^\[.*\]$/u.test(segment) ? index : -1)).filter((index) => index !== -1);
  if (dynamic.length === 0) return [urlPath];
  const plain = segments.map((segment) => (/^\[.*\]$/u.test(segment) ? 'x' : segment));
  const paths = [plain.join('/')];
  const last = dynamic[dynamic.length - 1] as number;
  if (dotted) for (const value of DOTTED_VALUES) paths.push(plain.map((segment, index) => (index === last ? value : segment)).join('/'));
  return paths;
}

/** The model of a middleware module, built once per parsed module. */
export function middlewareModel(sourceCode: Readonly<TSESLint.SourceCode>): MiddlewareModel {
  return perFile(sourceCode, 'middlewareModel', () => buildModel(sourceCode, getClerkReferences(sourceCode)));
}

function buildModel(sourceCode: Readonly<TSESLint.SourceCode>, refs: ClerkReferences): MiddlewareModel {
  const matcher = configMatcher(sourceCode);
  const runsOn = (path: string): Tri => (matcher === null ? true : matcher === undefined ? undefined : anyPatternMatches(matcher, path));
  const factories = [...refs.calls].filter(
    ([, ref]) => (ref.kind === 'middleware' || ref.kind === 'legacyMiddleware') && ref.source.startsWith('@clerk/nextjs'),
  );
  if (factories.length !== 1) return { runsOn, protects: () => (factories.length === 0 ? false : undefined) };
  const [call, ref] = factories[0] as [TSESTree.CallExpression, { kind: string }];
  if (ref.kind === 'legacyMiddleware') return { runsOn, protects: legacyProtects(call) };
  const [first] = call.arguments;
  const argument = first === undefined ? undefined : skipTypeWrappers(first as TSESTree.Expression);
  // `clerkMiddleware()` and `clerkMiddleware(options)` only attach the session: nothing is protected.
  if (argument === undefined || argument.type === 'ObjectExpression') return { runsOn, protects: () => false };
  // `clerkMiddleware(handler)` with `const handler = async (auth, req) => …` in the same file.
  const handler = argument.type === 'Identifier' ? resolveLocalFunction(sourceCode, argument) : argument;
  if (handler === undefined || !isFunctionNode(handler)) return { runsOn, protects: () => undefined };
  return { runsOn, protects: (path) => handlerProtects(sourceCode, refs, handler, path) };
}

/** v4 `authMiddleware`: every route is protected but `publicRoutes` and `ignoredRoutes`, unless `afterAuth` decides. */
function legacyProtects(call: TSESTree.CallExpression): (path: string) => Tri {
  const [options] = call.arguments;
  if (options === undefined) return () => true;
  if (options.type !== 'ObjectExpression') return () => undefined;
  const lists: string[] = [];
  for (const property of options.properties) {
    if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') return () => undefined;
    const key = property.key.name;
    if (key === 'afterAuth' || key === 'beforeAuth') return () => undefined;
    if (key !== 'publicRoutes' && key !== 'ignoredRoutes') continue;
    const patterns = literalStrings(property.value);
    if (patterns === undefined) return () => undefined;
    lists.push(...patterns);
  }
  return (path) => {
    if (lists.length === 0) return true;
    const open = anyPatternMatches(lists, path);
    return open === undefined ? undefined : !open;
  };
}

/** Evaluates the handler's statements for an anonymous request to `path`. */
function handlerProtects(
  sourceCode: Readonly<TSESLint.SourceCode>,
  refs: ClerkReferences,
  handler: TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression,
  path: string,
): Tri {
  const authParam = handler.params[0]?.type === 'Identifier' ? handler.params[0].name : undefined;
  const routeMatchers = new Map<string, readonly string[] | undefined>();
  for (const [call, ref] of refs.calls) {
    if (ref.kind !== 'routeMatcher') continue;
    const declarator = call.parent;
    if (declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier') {
      routeMatchers.set(declarator.id.name, call.arguments[0] === undefined ? undefined : literalStrings(call.arguments[0]));
    }
  }

  /** `auth.protect()`, `auth().protect()`, `(await auth()).protect()`, `redirectToSignIn()`, `auth().redirectToSignIn()`. */
  const isProtectCall = (node: TSESTree.Node): boolean => {
    if (node.type !== 'CallExpression') return false;
    const callee = skipTypeWrappers(node.callee);
    if (callee.type === 'Identifier') return NEVER_RETURNS.has(callee.name) || refs.calls.get(node)?.kind === 'protect';
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
    if (callee.property.name !== 'protect' && !NEVER_RETURNS.has(callee.property.name)) return false;
    const object = skipAwaitAndWrappers(callee.object);
    if (authParam === undefined) return false;
    if (object.type === 'Identifier') return object.name === authParam;
    return object.type === 'CallExpression' && object.callee.type === 'Identifier' && object.callee.name === authParam;
  };
  const containsProtect = (node: TSESTree.Node): boolean => findFirst(sourceCode, node, isProtectCall) !== undefined;
  /** `auth.protect()` on the handler's parameter (v6+, returns a Promise), as opposed to v5's sync `auth().protect()`. */
  const isAsyncProtect = (call: TSESTree.CallExpression): boolean => {
    const callee = skipTypeWrappers(call.callee);
    return (
      callee.type === 'MemberExpression' &&
      callee.property.type === 'Identifier' &&
      callee.property.name === 'protect' &&
      callee.object.type === 'Identifier' &&
      callee.object.name === authParam
    );
  };

  /** Three-valued condition for an anonymous request to `path`; `auth` tells whether the session decided it. */
  const condition = (expression: TSESTree.Expression): { value: Tri; auth: boolean } => {
    const node = skipAwaitAndWrappers(expression);
    if (node.type === 'UnaryExpression' && node.operator === '!') {
      const inner = condition(node.argument);
      return { value: inner.value === undefined ? undefined : !inner.value, auth: inner.auth };
    }
    if (node.type === 'LogicalExpression' && (node.operator === '&&' || node.operator === '||')) {
      const left = condition(node.left);
      const right = condition(node.right);
      const auth = left.auth || right.auth;
      if (node.operator === '&&') {
        if (left.value === false || right.value === false) return { value: false, auth };
        return { value: left.value === true && right.value === true ? true : undefined, auth };
      }
      if (left.value === true || right.value === true) return { value: true, auth };
      return { value: left.value === false && right.value === false ? false : undefined, auth };
    }
    if (node.type === 'CallExpression') {
      const callee = skipTypeWrappers(node.callee);
      if (callee.type === 'Identifier' && routeMatchers.has(callee.name)) {
        const patterns = routeMatchers.get(callee.name);
        return { value: patterns === undefined ? undefined : anyPatternMatches(patterns, path), auth: false };
      }
      if (callee.type === 'CallExpression' && refs.calls.get(callee)?.kind === 'routeMatcher') {
        const patterns = callee.arguments[0] === undefined ? undefined : literalStrings(callee.arguments[0]);
        return { value: patterns === undefined ? undefined : anyPatternMatches(patterns, path), auth: false };
      }
      const pathname = pathnameTest(node, path);
      if (pathname !== undefined) return { value: pathname, auth: false };
    }
    if (node.type === 'Identifier' && AUTH_STATE.has(node.name)) return { value: false, auth: true };
    if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && AUTH_STATE.has(node.property.name)) {
      return { value: false, auth: true };
    }
    return { value: undefined, auth: false };
  };

  const exitProtects = (argument: TSESTree.Expression | null): boolean => {
    if (argument === null) return false;
    const value = skipAwaitAndWrappers(argument);
    // `return NextResponse.next()` lets the request through.
    if (
      value.type === 'CallExpression' &&
      value.callee.type === 'MemberExpression' &&
      value.callee.property.type === 'Identifier' &&
      value.callee.property.name === 'next'
    ) {
      return false;
    }
    return !(value.type === 'Identifier' && value.name === 'undefined');
  };

  const statement = (node: TSESTree.Statement, authBranch: boolean): Outcome => {
    switch (node.type) {
      case 'BlockStatement':
        return block(node.body, authBranch);
      case 'ExpressionStatement':
      case 'VariableDeclaration': {
        const expression = node.type === 'ExpressionStatement' ? node.expression : undefined;
        if (expression !== undefined && isProtectCall(skipAwaitAndWrappers(expression))) {
          // v6+ `auth.protect()` is async: not awaited, its rejection is lost and the request goes through.
          return expression.type === 'CallExpression' && isAsyncProtect(expression) ? 'unknown' : 'protected';
        }
        return containsProtect(node) ? 'unknown' : 'continue';
      }
      case 'ReturnStatement': {
        if (node.argument !== null && isProtectCall(skipAwaitAndWrappers(node.argument))) return 'protected';
        if (node.argument !== null && containsProtect(node.argument)) return 'unknown';
        return authBranch && exitProtects(node.argument) ? 'protected' : 'exits';
      }
      case 'ThrowStatement':
        return 'protected';
      case 'IfStatement': {
        const test = condition(node.test);
        const inAuthBranch = authBranch || test.auth;
        if (test.value === true) return statement(node.consequent, inAuthBranch);
        if (test.value === false) return node.alternate ? statement(node.alternate, inAuthBranch) : 'continue';
        const consequent = statement(node.consequent, inAuthBranch);
        const alternate = node.alternate ? statement(node.alternate, inAuthBranch) : 'continue';
        return consequent === alternate ? consequent : 'unknown';
      }
      case 'EmptyStatement':
      case 'FunctionDeclaration':
        return 'continue';
      default: {
        const exits = findFirst(sourceCode, node, (child) => child.type === 'ReturnStatement' || child.type === 'ThrowStatement');
        return exits !== undefined || containsProtect(node) ? 'unknown' : 'continue';
      }
    }
  };
  const block = (statements: readonly TSESTree.Statement[], authBranch: boolean): Outcome => {
    for (const child of statements) {
      const outcome = statement(child, authBranch);
      if (outcome !== 'continue') return outcome;
    }
    return 'continue';
  };

  const outcome =
    handler.body.type === 'BlockStatement'
      ? block(handler.body.body, false)
      : isProtectCall(skipAwaitAndWrappers(handler.body))
        ? 'protected'
        : containsProtect(handler.body)
          ? 'unknown'
          : 'continue';
  if (outcome === 'protected') return true;
  if (outcome === 'unknown') return undefined;
  return false;
}

/** `req.nextUrl.pathname.startsWith('/api')`, `pathname === '/x'` and the like, evaluated for `path`. */
function pathnameTest(call: TSESTree.CallExpression, path: string): Tri {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
  const object = skipTypeWrappers(callee.object);
  const isPathname =
    (object.type === 'Identifier' && object.name === 'pathname') ||
    (object.type === 'MemberExpression' && !object.computed && object.property.type === 'Identifier' && object.property.name === 'pathname');
  const [argument] = call.arguments;
  if (!isPathname || argument?.type !== 'Literal' || typeof argument.value !== 'string') return undefined;
  if (callee.property.name === 'startsWith') return path.startsWith(argument.value);
  if (callee.property.name === 'endsWith') return path.endsWith(argument.value);
  if (callee.property.name === 'includes') return path.includes(argument.value);
  return undefined;
}

function literalStrings(node: TSESTree.Node): string[] | undefined {
  const items = node.type === 'ArrayExpression' ? node.elements : [node];
  const strings: string[] = [];
  for (const item of items) {
    if (item?.type !== 'Literal' || typeof item.value !== 'string') return undefined;
    strings.push(item.value);
  }
  return strings;
}

/**
 * `export const config = { matcher }` of a middleware module: the patterns, `null` when there is no matcher
 * (middleware runs on every path), undefined when the matcher cannot be read.
 */
export function configMatcher(sourceCode: Readonly<TSESLint.SourceCode>): string[] | null | undefined {
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declaration.declarations) {
      if (declarator.id.type !== 'Identifier' || declarator.id.name !== 'config') continue;
      const init = declarator.init === null ? undefined : skipTypeWrappers(declarator.init);
      if (init?.type !== 'ObjectExpression') return undefined;
      const property = matcherProperty(init);
      if (property === undefined) return init.properties.some((candidate) => candidate.type === 'SpreadElement') ? undefined : null;
      return matcherPatterns(property.value) ?? undefined;
    }
  }
  return null;
}

export function matcherProperty(config: TSESTree.ObjectExpression): TSESTree.Property | undefined {
  return config.properties.find(
    (candidate): candidate is TSESTree.Property =>
      candidate.type === 'Property' && !candidate.computed && ASTUtils.isIdentifier(candidate.key) && candidate.key.name === 'matcher',
  );
}

/** The literal patterns of a `matcher` value (a string, or an array of strings / `{ source }` objects). */
export function matcherPatterns(value: TSESTree.Node): string[] | undefined {
  const items = value.type === 'ArrayExpression' ? value.elements : [value];
  const patterns: string[] = [];
  for (const item of items) {
    if (item?.type === 'Literal' && typeof item.value === 'string') patterns.push(item.value);
    else if (item?.type === 'ObjectExpression') {
      // `{ source, has, missing }`: conditions make the entry partial; leave such matchers alone.
      const source = item.properties.find(
        (property): property is TSESTree.Property =>
          property.type === 'Property' && property.key.type === 'Identifier' && property.key.name === 'source',
      );
      if (source?.value.type !== 'Literal' || typeof source.value.value !== 'string' || item.properties.length !== 1) return undefined;
      patterns.push(source.value.value);
    } else return undefined;
  }
  return patterns;
}
