import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import { AUTH_NEVER_RETURNS_METHODS, MIDDLEWARE_BASENAMES, PROXY_FILE_FROM_NEXT, SIGNED_OUT_FALSY_KEYS } from '../clerk/index.js';
import { majorOfRange } from '../project/clerk-version.js';
import { perFile } from '../util/file-cache.js';
import { freshCache } from '../util/fresh-cache.js';
import { toPosix } from '../util/paths.js';
import { projectRootOf } from '../util/project.js';
import { type ClerkReferences, getClerkReferences } from './clerk-references.js';
import { canParseModules, loadModule, type Parser, SCRIPT_EXTENSIONS } from './cross-file.js';
import { isFunctionNode, resolveLocalFunction, skipAwaitAndWrappers, skipTypeWrappers } from './functions.js';
import { anyPatternMatches } from './path-matcher.js';
import { contains, findFirst, returnsOrThrows } from './traverse.js';

/**
 * What the app's Next.js middleware (`middleware.*`, or `proxy.*` from Next 16) does for one URL path:
 * - `protected`: it runs there and ends anonymous requests (`auth.protect()`, a sign-in redirect, v4 `authMiddleware`);
 * - `public`: it does not run there, or runs and lets anonymous requests through;
 * - `unknown`: the code is beyond what this reads. Callers treat `unknown` like `public` (report as before).
 */
export type MiddlewareCoverage = 'protected' | 'public' | 'unknown';

export interface MiddlewareVerdict {
  readonly coverage: MiddlewareCoverage;
  /**
   * The middleware's public route list names this route specifically (`'/api/kyc/verify'`, `'/api/uploadthing(.*)'`,
   * not a catch-all such as `'/api(.*)'`): the app declares it public by design.
   */
  readonly declaredPublic?: boolean;
  /** The middleware file, relative to the project root (`middleware.ts`, `src/proxy.ts`). */
  readonly file?: string;
  /** The middleware file exists but could not be read or parsed: nothing it does can be counted on. */
  readonly unreadable?: true;
}

type Tri = boolean | undefined;
type Outcome = 'protected' | 'exits' | 'continue' | 'unknown';

/** The model of one middleware module: whether it runs on a path, and whether it protects it. */
export interface MiddlewareModel {
  runsOn(path: string): Tri;
  protects(path: string): Tri;
  /** Literal path words of the module's route lists, to try as values of a route's dynamic segments. */
  readonly segmentValues: readonly string[];
  /**
   * Whether a public route list names the route `urlPath` (`/api/items/[id]`) itself: an entry whose literal part is
   * the route's fixed path (`'/api/kyc/verify'`, `'/api/uploadthing(.*)'`), or names a `public` folder.
   */
  declaredPublic?(urlPath: string): boolean;
}


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
  const file = middlewareFiles.get(dir, () => findMiddlewareFile(root, dir));
  return file === undefined ? undefined : { file, root };
}

/** The middleware file of an app directory (root or `src/`), asked of the file system at most once a second. */
const middlewareFiles = freshCache<string | undefined>();
/** Per project root: the declared Next major, and whether next.config has rewrites. */
const projectFacts = freshCache<{ readonly nextMajor: number | undefined; readonly rewrites: boolean }>();

function findMiddlewareFile(root: string, dir: string): string | undefined {
  // `proxy.*` replaced `middleware.*` in Next 16; Next 15 and earlier never load a proxy file.
  const nextMajor = factsOf(root).nextMajor;
  const basenames = nextMajor !== undefined && nextMajor < PROXY_FILE_FROM_NEXT ? MIDDLEWARE_BASENAMES.filter((base) => base !== 'proxy') : MIDDLEWARE_BASENAMES;
  for (const base of basenames) {
    for (const extension of SCRIPT_EXTENSIONS) {
      const file = join(dir, base + extension);
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

function factsOf(root: string): { readonly nextMajor: number | undefined; readonly rewrites: boolean } {
  return projectFacts.get(root, () => ({ nextMajor: declaredNextMajor(root), rewrites: hasRewrites(root) }));
}

/** The major of `next` the project's package.json declares, if any. */
function declaredNextMajor(root: string): number | undefined {
  try {
    const json = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const range = json.dependencies?.next ?? json.devDependencies?.next;
    return range === undefined ? undefined : majorOfRange(range);
  } catch {
    return undefined;
  }
}

/** `rewrites` in next.config: a public source path may be rewritten onto the route after middleware ran. */
function hasRewrites(root: string): boolean {
  for (const name of ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs', 'next.config.mts']) {
    // Asked before reading: a failed read builds an error with a stack, far dearer than the existence check.
    const file = join(root, name);
    if (!existsSync(file)) continue;
    try {
      if (/\brewrites\b/u.test(readFileSync(file, 'utf8'))) return true;
    } catch {
      // unreadable config
    }
  }
  return false;
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
  // A file that exists but does not parse, where modules can be parsed: named in the findings that depend on it.
  if (module === undefined) return { coverage: 'unknown', file, ...(canParseModules(parser, located.file) ? { unreadable: true as const } : {}) };
  const model = middlewareModel(module, located.file);
  const verdicts = samplePaths(urlPath, dottedValues, model.segmentValues).map((path): MiddlewareCoverage => {
    const runs = model.runsOn(path);
    if (runs === false) return 'public';
    const protects = model.protects(path);
    if (runs === true && protects === true) return 'protected';
    return protects === false ? 'public' : 'unknown';
  });
  // Protected only if every request the route serves is: one open path is an open route.
  if (verdicts.includes('public')) {
    const declaredPublic = model.declaredPublic?.(urlPath) === true;
    return declaredPublic ? { coverage: 'public', file, declaredPublic } : { coverage: 'public', file };
  }
  if (!verdicts.every((verdict) => verdict === 'protected')) return { coverage: 'unknown', file };
  // Middleware matches the request path before next.config rewrites map it onto this route.
  return { coverage: factsOf(located.root).rewrites ? 'unknown' : 'protected', file };
}

/** Values a static-file matcher treats differently: a dynamic segment may well be `report.csv` or `photo.png`. */
const DOTTED_VALUES = ['x.png', 'x.csv', 'x.js', 'x.html'];

/**
 * Request paths a route's URL pattern serves, for testing matchers: each dynamic segment (`[id]`, `[...slug]`,
 * `[[...slug]]`) as a plain value; one at a time, as each word the middleware's patterns name (`[table]` may be
 * `webhooks` or `publicfoo` when `/api/webhooks(.*)` or `/api/public(.*)` is public); a catch-all also as two
 * segments, an optional catch-all also left out; and, when `dotted`, the last one as file-like values, which
 * Clerk's recommended matcher leaves to static-file handling (middleware does not run for them).
 */
export function samplePaths(urlPath: string, dotted: boolean, words: readonly string[] = []): string[] {
  const segments = urlPath.split('/');
  const isDynamic = (segment: string) => /^\[.*\]$/u.test(segment);
  const dynamic = segments.map((segment, index) => (isDynamic(segment) ? index : -1)).filter((index) => index !== -1);
  if (dynamic.length === 0) return [urlPath];
  const plain = segments.map((segment) => (isDynamic(segment) ? 'x' : segment));
  const paths = new Set([plain.join('/')]);
  const withValue = (position: number, value: string) =>
    plain
      .map((segment, index) => (index === position ? value : segment))
      .filter((segment, index) => index !== position || value !== '')
      .join('/') || '/';
  for (const position of dynamic) {
    const segment = segments[position] as string;
    for (const word of words) {
      paths.add(withValue(position, word));
      paths.add(withValue(position, `${word}x`));
    }
    if (segment.startsWith('[...') || segment.startsWith('[[...')) paths.add(withValue(position, 'x/y'));
    if (segment.startsWith('[[...')) paths.add(withValue(position, ''));
  }
  const last = dynamic[dynamic.length - 1] as number;
  if (dotted) for (const value of DOTTED_VALUES) paths.add(withValue(last, value));
  return [...paths];
}

/** The model of a middleware module, built once per parsed module. `file` tells `proxy.*` from `middleware.*`. */
export function middlewareModel(sourceCode: Readonly<TSESLint.SourceCode>, file = 'middleware.ts'): MiddlewareModel {
  const exportName = /(?:^|[\\/])proxy\.[^/\\]+$/u.test(file) ? 'proxy' : 'middleware';
  return perFile(sourceCode, `middlewareModel:${exportName}`, () => buildModel(sourceCode, getClerkReferences(sourceCode), exportName));
}

function buildModel(sourceCode: Readonly<TSESLint.SourceCode>, refs: ClerkReferences, exportName: string): MiddlewareModel {
  const matcher = configMatcher(sourceCode);
  // Next's matcher is case-sensitive (Clerk's route lists are not).
  const runsOn = (path: string): Tri =>
    matcher === null ? true : matcher === undefined ? undefined : anyPatternMatches(matcher, path, { caseSensitive: true });
  const segmentValues = routeListWords(refs);
  const factories = [...refs.calls].filter(
    ([, ref]) => (ref.kind === 'middleware' || ref.kind === 'legacyMiddleware') && ref.source.startsWith('@clerk/nextjs'),
  );
  if (factories.length === 0) return { runsOn, protects: () => false, segmentValues };
  // What Next runs: the named `middleware` (or `proxy`) export, else the default export; it must be the Clerk call.
  const call = exportedMiddlewareCall(sourceCode, exportName);
  const ref = call === undefined ? undefined : refs.calls.get(call);
  if (call === undefined || ref === undefined || !factories.some(([candidate]) => candidate === call)) {
    return { runsOn, protects: () => undefined, segmentValues };
  }
  if (ref.kind === 'legacyMiddleware') {
    return { runsOn, protects: legacyProtects(call), segmentValues, declaredPublic: declaredPublicIn(legacyPublicRoutes(call)) };
  }
  const [first] = call.arguments;
  const argument = first === undefined ? undefined : skipTypeWrappers(first as TSESTree.Expression);
  // `clerkMiddleware()` and `clerkMiddleware(options)` only attach the session: nothing is protected.
  if (argument === undefined || argument.type === 'ObjectExpression') return { runsOn, protects: () => false, segmentValues };
  // `clerkMiddleware(handler)` with `const handler = async (auth, req) => …` in the same file.
  const handler = argument.type === 'Identifier' ? resolveLocalFunction(sourceCode, argument) : argument;
  if (handler === undefined || !isFunctionNode(handler)) return { runsOn, protects: () => undefined, segmentValues };
  return {
    runsOn,
    protects: (path) => handlerProtects(sourceCode, refs, handler, path),
    segmentValues,
    declaredPublic: declaredPublicIn(publicRouteLists(sourceCode, refs, handler)),
  };
}

/**
 * A route test against the entries of public lists that name it: the entry matches the route, and its literal part
 * (up to the first wildcard or group) is the route's fixed path (up to its first dynamic segment), or holds a
 * `public` segment. `'/api(.*)'` or `'/api/v1(.*)'` make a whole tree public without naming the route.
 */
function declaredPublicIn(patterns: readonly string[]): (urlPath: string) => boolean {
  return (urlPath) => {
    const segments = urlPath.split('/');
    const firstDynamic = segments.findIndex((segment) => segment.startsWith('['));
    const fixed = (firstDynamic === -1 ? segments : segments.slice(0, firstDynamic)).join('/').replace(/\/$/u, '');
    const sample = samplePaths(urlPath, false)[0] ?? urlPath;
    return patterns.some((pattern) => {
      const literal = (/^[^(:*?[{\\]*/u.exec(pattern)?.[0] ?? '').replace(/\/$/u, '');
      const names = literal === fixed || literal.split('/').includes('public');
      return names && anyPatternMatches([pattern], sample) === true;
    });
  };
}

/** v4/v5 `authMiddleware({ publicRoutes: [...] })`: the literal public routes. */
function legacyPublicRoutes(call: TSESTree.CallExpression): string[] {
  const [options] = call.arguments;
  if (options?.type !== 'ObjectExpression') return [];
  for (const property of options.properties) {
    if (property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && property.key.name === 'publicRoutes') {
      return literalStrings(property.value) ?? [];
    }
  }
  return [];
}

/** Patterns of the route lists the middleware handler treats as public (see `routeListUsage`). */
function publicRouteLists(sourceCode: Readonly<TSESLint.SourceCode>, refs: ClerkReferences, handler: TSESTree.Node): string[] {
  const patterns: string[] = [];
  for (const [call, ref] of refs.calls) {
    if (ref.kind !== 'routeMatcher' || call.arguments[0] === undefined) continue;
    const list = literalStrings(call.arguments[0]);
    if (list !== undefined && routeListUsage(sourceCode, refs, call, handler) === 'public') patterns.push(...list);
  }
  return patterns;
}

/**
 * What a `createRouteMatcher` list decides, from how its matcher is tested (inside `within`, when given): `public`
 * when tested negated before a protect call (`if (!isPublicRoute(req)) await auth.protect()`) or before an early
 * return that skips protection (`if (isPublicRoute(req)) return NextResponse.next()`); `protect` when tested before
 * a protect call (`if (isProtectedRoute(req)) await auth.protect()`); undefined otherwise.
 */
export function routeListUsage(
  sourceCode: Readonly<TSESLint.SourceCode>,
  refs: ClerkReferences,
  call: TSESTree.CallExpression,
  within?: TSESTree.Node,
): 'public' | 'protect' | undefined {
  const declarator = call.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(declarator.id), declarator.id);
  const isProtect = (node: TSESTree.Node): boolean => node.type === 'CallExpression' && (refs.calls.get(node)?.kind === 'protect' || isProtectLike(node));
  let usage: 'public' | 'protect' | undefined;
  for (const reference of variable?.references ?? []) {
    const use = reference.identifier.parent;
    if (use?.type !== 'CallExpression' || use.callee !== reference.identifier || (within !== undefined && !contains(within, use))) continue;
    const negated = use.parent?.type === 'UnaryExpression' && use.parent.operator === '!';
    const test = negated ? use.parent : use;
    const statement = test?.parent;
    if (statement?.type !== 'IfStatement' || statement.test !== test) continue;
    const protects = findFirst(sourceCode, statement.consequent, isProtect) !== undefined;
    if (protects && negated) return 'public';
    if (protects) usage = 'protect';
    else if (!negated && returnsOrThrows(statement.consequent)) return 'public';
  }
  return usage;
}

/** `auth.protect()`, `auth().protect()`, `redirectToSignIn()`: anything named like a protection. */
function isProtectLike(call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(call.callee);
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : undefined;
  return name !== undefined && (name === 'protect' || AUTH_NEVER_RETURNS_METHODS.has(name));
}


/** The call a module exports as its middleware: `export const middleware = …`, `export default …`, through consts. */
function exportedMiddlewareCall(sourceCode: Readonly<TSESLint.SourceCode>, exportName: string): TSESTree.CallExpression | undefined {
  let named: TSESTree.Node | undefined;
  let fallback: TSESTree.Node | undefined;
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ExportDefaultDeclaration') fallback = statement.declaration;
    if (statement.type !== 'ExportNamedDeclaration') continue;
    const declaration = statement.declaration;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id?.name === exportName) named = declaration;
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier' && declarator.id.name === exportName && declarator.init !== null) named = declarator.init;
      }
    }
    for (const specifier of statement.specifiers) {
      const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
      if (exported === exportName && specifier.local.type === 'Identifier') named = specifier.local;
      if (exported === 'default' && specifier.local.type === 'Identifier') fallback = specifier.local;
    }
  }
  let value = named ?? fallback;
  for (let depth = 0; depth < 3 && value?.type === 'Identifier'; depth += 1) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(value), value);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    value = definition?.type === 'Variable' && definition.parent.kind === 'const' ? (definition.node.init ?? undefined) : undefined;
  }
  const call = value === undefined ? undefined : skipTypeWrappers(value as TSESTree.Expression);
  return call?.type === 'CallExpression' ? call : undefined;
}

/** Literal words of the module's `createRouteMatcher` lists (`/api/public(.*)` → `api`, `public`). */
function routeListWords(refs: ClerkReferences): string[] {
  const words = new Set<string>();
  for (const [call, ref] of refs.calls) {
    if (ref.kind !== 'routeMatcher' || call.arguments[0] === undefined) continue;
    for (const pattern of literalStrings(call.arguments[0]) ?? []) {
      for (const word of pattern.match(/(?<=\/)[A-Za-z0-9_-]+/gu) ?? []) words.add(word);
    }
  }
  return [...words].slice(0, 40);
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
    if (callee.type === 'Identifier') return AUTH_NEVER_RETURNS_METHODS.has(callee.name) || refs.calls.get(node)?.kind === 'protect';
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
    if (callee.property.name !== 'protect' && !AUTH_NEVER_RETURNS_METHODS.has(callee.property.name)) return false;
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
    // `(await auth()).sessionClaims?.metadata?.role !== 'admin'`: an anonymous request has no claims.
    if (node.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(node.operator)) {
      const [claim, constant] = isLiteralValue(node.right) ? [node.left, node.right] : [node.right, node.left];
      if (isLiteralValue(constant) && constant.value !== null && node.left.type !== 'PrivateIdentifier' && readsAuthState(claim as TSESTree.Expression)) {
        return { value: node.operator.startsWith('!'), auth: true };
      }
    }
    if (node.type === 'Identifier' && SIGNED_OUT_FALSY_KEYS.has(node.name)) return { value: false, auth: true };
    if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && SIGNED_OUT_FALSY_KEYS.has(node.property.name)) {
      return { value: false, auth: true };
    }
    return { value: undefined, auth: false };
  };

  /**
   * Whether a returned value turns the request away: a redirect (`NextResponse.redirect(…)`, `Response.redirect`),
   * or a 401/403 response (`new NextResponse(…, { status: 401 })`, `NextResponse.json(…, { status: 403 })`).
   * Anything else (`NextResponse.next()`, a response variable, another middleware's result) may let it through.
   */
  const exitProtects = (argument: TSESTree.Expression | null): boolean => {
    if (argument === null) return false;
    const value = skipAwaitAndWrappers(argument);
    if (value.type !== 'CallExpression' && value.type !== 'NewExpression') return false;
    const callee = skipTypeWrappers(value.callee as TSESTree.Expression);
    const method = callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : undefined;
    const owner = callee.type === 'MemberExpression' && callee.object.type === 'Identifier' ? callee.object.name : callee.type === 'Identifier' ? callee.name : undefined;
    if (owner !== 'NextResponse' && owner !== 'Response') return false;
    if (method === 'redirect') return true;
    if (value.type === 'NewExpression' || method === 'json') return deniedStatus(value.arguments[1]);
    return false;
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

/** A `status: 401` / `403` in a Response init object. */
function deniedStatus(init: TSESTree.Node | undefined): boolean {
  if (init?.type !== 'ObjectExpression') return false;
  return init.properties.some(
    (property) =>
      property.type === 'Property' &&
      !property.computed &&
      property.key.type === 'Identifier' &&
      property.key.name === 'status' &&
      property.value.type === 'Literal' &&
      (property.value.value === 401 || property.value.value === 403),
  );
}

function isLiteralValue(node: TSESTree.Node): node is TSESTree.Literal {
  return node.type === 'Literal' && !('regex' in node && node.regex !== undefined);
}

/** A member chain that reads the session: `sessionClaims?.metadata?.role`, `(await auth()).orgRole`. */
function readsAuthState(expression: TSESTree.Expression): boolean {
  let node: TSESTree.Node = skipAwaitAndWrappers(expression);
  while (node.type === 'MemberExpression') {
    if (!node.computed && node.property.type === 'Identifier' && (SIGNED_OUT_FALSY_KEYS.has(node.property.name))) return true;
    node = skipAwaitAndWrappers(node.object as TSESTree.Expression);
  }
  return node.type === 'Identifier' && (SIGNED_OUT_FALSY_KEYS.has(node.name));
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
