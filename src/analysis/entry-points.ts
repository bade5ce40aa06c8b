import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import { NODE_ROUTE_METHODS, ROUTE_HANDLER_METHODS } from '../clerk/index.js';
import type { NameRef } from '../project/settings.js';
import type { ClerkReferences } from './clerk-references.js';
import { functionHasDirective } from './directives.js';
import { type FunctionNode, isFunctionNode, lastFunctionArgument, resolveLocalFunction, skipTypeWrappers } from './functions.js';
import { calleeMatchesNameRefs } from './name-refs.js';

export type EntryKind = 'serverAction' | 'appRoute' | 'pagesApi' | 'nodeRoute';

export interface EntryPoint {
  readonly kind: EntryKind;
  /** The function that runs for the request (inside any wrapper). */
  readonly fn: FunctionNode;
  /** Where findings are reported: the name, the export specifier, or the route path. */
  readonly reportNode: TSESTree.Node | TSESTree.Token;
  /** How the entry point is known to users: `deleteInvoice`, `POST`, `POST /invoices`. */
  readonly name: string;
  /** The callback is wrapped by a configured auth wrapper or guarded by route middleware. */
  readonly guardedBy?: TSESTree.Node;
  /** Calls the function is passed to (`withAuth(fn)`, `client.action(fn)`), innermost first: they may authenticate. */
  readonly wrappers?: readonly TSESTree.CallExpression[];
}

interface ExportedValue {
  readonly exportedName: string;
  readonly value: TSESTree.Node;
  readonly reportNode: TSESTree.Node | TSESTree.Token;
}

/** Exported values of a module: `export function f`, `export const f = …`, `export { a as b }`, `export default`. */
export function exportedValues(sourceCode: Readonly<TSESLint.SourceCode>): ExportedValue[] {
  const values: ExportedValue[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ExportNamedDeclaration') {
      if (statement.exportKind === 'type') continue;
      const declaration = statement.declaration;
      if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
        values.push({ exportedName: declaration.id.name, value: declaration, reportNode: declaration.id });
      } else if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === 'Identifier' && declarator.init) {
            values.push({ exportedName: declarator.id.name, value: declarator.init, reportNode: declarator.id });
          }
        }
      } else if (declaration === null && statement.source === null) {
        for (const specifier of statement.specifiers) {
          if (specifier.exportKind === 'type' || specifier.local.type !== 'Identifier') continue;
          const exportedName =
            specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
          values.push({ exportedName, value: specifier.local, reportNode: specifier });
        }
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration;
      const reportNode =
        declaration.type === 'FunctionDeclaration' && declaration.id
          ? declaration.id
          : (sourceCode.getFirstToken(statement, { skip: 1 }) ?? statement);
      values.push({ exportedName: 'default', value: declaration, reportNode });
    }
  }
  return values;
}

export interface ResolvedEntryFunction {
  readonly fn: FunctionNode;
  /** The auth wrapper call the function sits in, if any. */
  readonly authWrapper?: TSESTree.CallExpression;
  /** Every wrapper call the function sits in, innermost first. */
  readonly wrappers?: readonly TSESTree.CallExpression[];
}

/**
 * The function an exported value runs: itself, a local function it names, or the callback of a wrapper call
 * (`withAuth(async () => …)`), noting when a wrapper is one of `settings.clerk.authWrappers`.
 */
export function resolveEntryFunction(
  sourceCode: Readonly<TSESLint.SourceCode>,
  value: TSESTree.Node,
  authWrappers: readonly NameRef[],
  depth = 0,
): ResolvedEntryFunction | undefined {
  if (depth > 4) return undefined;
  if (isFunctionNode(value)) return { fn: value };
  if (value.type === 'ClassDeclaration' || value.type === 'TSDeclareFunction') return undefined;
  const node = skipTypeWrappers(value as TSESTree.Expression);
  if (isFunctionNode(node)) return { fn: node };
  if (node.type === 'Identifier') {
    const local = localValue(sourceCode, node);
    return local === undefined ? undefined : resolveEntryFunction(sourceCode, local, authWrappers, depth + 1);
  }
  if (node.type === 'CallExpression') {
    const argument = lastFunctionArgument(node);
    if (argument === undefined) return undefined;
    const inner = resolveEntryFunction(sourceCode, argument, authWrappers, depth + 1);
    if (inner === undefined) return undefined;
    const wrappers = [...(inner.wrappers ?? []), node];
    if (inner.authWrapper === undefined && calleeMatchesNameRefs(sourceCode, node.callee, authWrappers)) {
      return { fn: inner.fn, authWrapper: node, wrappers };
    }
    return { ...inner, wrappers };
  }
  return undefined;
}

/** What a local identifier holds: a function declaration, or a `const`'s initialiser. */
function localValue(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const local = resolveLocalFunction(sourceCode, identifier);
  if (local !== undefined) return local;
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === 'Variable' && definition.node.init && definition.node.id.type === 'Identifier') {
    return definition.node.init;
  }
  return undefined;
}

/** Server Actions of a `'use server'` module: every exported function. */
export function moduleServerActions(
  sourceCode: Readonly<TSESLint.SourceCode>,
  authWrappers: readonly NameRef[],
): EntryPoint[] {
  const entries: EntryPoint[] = [];
  for (const exported of exportedValues(sourceCode)) {
    const resolved = resolveEntryFunction(sourceCode, exported.value, authWrappers);
    if (resolved === undefined) continue;
    entries.push({
      kind: 'serverAction',
      fn: resolved.fn,
      reportNode: exported.reportNode,
      name: exported.exportedName,
      guardedBy: resolved.authWrapper,
      wrappers: resolved.wrappers,
    });
  }
  return entries;
}

/** An inline Server Action: a function whose own body starts with `'use server'`. */
export function inlineServerAction(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): EntryPoint | undefined {
  if (!functionHasDirective(fn, 'use server')) return undefined;
  const body = fn.body as TSESTree.BlockStatement;
  const name = fn.id?.name ?? nameFromParent(fn);
  return {
    kind: 'serverAction',
    fn,
    reportNode: fn.id ?? body.body[0] ?? sourceCode.getFirstToken(fn) ?? fn,
    name: name ?? 'inline server action',
  };
}

function nameFromParent(fn: FunctionNode): string | undefined {
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'Property' && parent.key.type === 'Identifier') return parent.key.name;
  return undefined;
}

/**
 * The URL path a route file serves, from its path inside the project: `src/app/(shop)/api/items/[id]/route.ts` →
 * `/api/items/[id]`, `pages/api/users/index.ts` → `/api/users`; undefined when the path is unknown.
 */
export function routeUrlPath(filePath: string): string | undefined {
  const app = /^(?:src\/)?app\/(.*?)\/?route\.[cm]?[jt]sx?$/u.exec(filePath);
  if (app) {
    const segments = (app[1] ?? '').split('/').filter((segment) => segment !== '' && !/^\(.*\)$/u.test(segment));
    return `/${segments.join('/')}`;
  }
  const pages = /^(?:src\/)?pages\/(api\/.*)\.[cm]?[jt]sx?$/u.exec(filePath);
  if (pages) return `/${(pages[1] ?? '').replace(/\/index$/u, '')}`;
  return undefined;
}

/** The URL path segments an entry point serves (`['api', 'items', '[id]']`); none for a Server Action. */
export function entryUrlSegments(entry: EntryPoint): string[] {
  if (entry.kind === 'serverAction') return [];
  const path = entry.name.slice(entry.name.indexOf(' ') + 1);
  return path.startsWith('/') ? path.split('/').filter((segment) => segment !== '') : [];
}

/**
 * The URL path a segment folder serves: route groups `(x)` and parallel-route slots `@x` are not in the URL, and
 * an intercepting route `(.)photo` / `(..)photo` serves `photo`.
 */
export function segmentUrlPath(folder: string): string {
  const parts = folder
    .split('/')
    .filter((part) => part !== '' && !/^\([^.].*\)$/u.test(part) && !part.startsWith('@'))
    .map((part) => part.replace(/^(?:\(\.{1,3}\))+/u, ''));
  return `/${parts.join('/')}`;
}

/** HTTP method exports of an app-router `route.*` file. */
export function appRouteHandlers(
  sourceCode: Readonly<TSESLint.SourceCode>,
  authWrappers: readonly NameRef[],
  filePath = '',
): EntryPoint[] {
  const url = routeUrlPath(filePath);
  const entries: EntryPoint[] = [];
  for (const exported of exportedValues(sourceCode)) {
    if (!ROUTE_HANDLER_METHODS.has(exported.exportedName)) continue;
    const resolved = resolveEntryFunction(sourceCode, exported.value, authWrappers);
    if (resolved === undefined) continue;
    entries.push({
      kind: 'appRoute',
      fn: resolved.fn,
      reportNode: exported.reportNode,
      name: url === undefined ? exported.exportedName : `${exported.exportedName} ${url}`,
      guardedBy: resolved.authWrapper,
      wrappers: resolved.wrappers,
    });
  }
  return entries;
}

/** The default export of a `pages/api/**` file. */
export function pagesApiHandler(
  sourceCode: Readonly<TSESLint.SourceCode>,
  authWrappers: readonly NameRef[],
  filePath = '',
): EntryPoint | undefined {
  const exported = exportedValues(sourceCode).find((value) => value.exportedName === 'default');
  if (exported === undefined) return undefined;
  const resolved = resolveEntryFunction(sourceCode, exported.value, authWrappers);
  if (resolved === undefined) return undefined;
  return {
    kind: 'pagesApi',
    fn: resolved.fn,
    reportNode: exported.reportNode,
    name: routeUrlPath(filePath) ?? resolved.fn.id?.name ?? 'default',
    guardedBy: resolved.authWrapper,
    wrappers: resolved.wrappers,
  };
}

/**
 * A route registered on an Express / Fastify / Hono app or router: `app.post('/x', requireAuth(), handler)`.
 * Route middleware that is a Clerk guard (`requireAuth()`) or a configured auth function guards the handler.
 */
export function nodeRouteHandler(
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  refs: ClerkReferences,
  guards: readonly NameRef[],
  authWrappers: readonly NameRef[],
): EntryPoint | undefined {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
  const method = callee.property.name;
  if (!NODE_ROUTE_METHODS.has(method) || call.arguments.length < 2) return undefined;
  const path = call.arguments[0];
  if (path?.type !== 'Literal' && path?.type !== 'TemplateLiteral') return undefined;
  if (path.type === 'Literal' && (typeof path.value !== 'string' || !path.value.startsWith('/'))) return undefined;
  const handler = call.arguments[call.arguments.length - 1];
  if (handler === undefined || handler.type === 'SpreadElement') return undefined;
  const resolved = resolveEntryFunction(sourceCode, handler, authWrappers);
  if (resolved === undefined) return undefined;
  const middleware = call.arguments.slice(1, -1);
  const guard =
    middleware.find((argument) => isRouteGuard(argument, sourceCode, refs, guards)) ??
    routerLevelGuard(call, sourceCode, refs, guards) ??
    resolved.authWrapper;
  const pathText = path.type === 'Literal' ? String(path.value) : sourceCode.getText(path);
  return {
    kind: 'nodeRoute',
    fn: resolved.fn,
    reportNode: path,
    name: `${method.toUpperCase()} ${pathText}`,
    guardedBy: guard,
  };
}

function isRouteGuard(
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  refs: ClerkReferences,
  guards: readonly NameRef[],
): boolean {
  if (node.type === 'ArrayExpression') {
    return node.elements.some((element) => element !== null && isRouteGuard(element, sourceCode, refs, guards));
  }
  if (node.type === 'ObjectExpression') {
    // Fastify route options: `{ preHandler: [requireAuth] }`, `{ onRequest: guard }`.
    return node.properties.some(
      (property) =>
        property.type === 'Property' &&
        property.key.type === 'Identifier' &&
        ['preHandler', 'onRequest', 'preValidation'].includes(property.key.name) &&
        isRouteGuard(property.value, sourceCode, refs, guards),
    );
  }
  if (node.type === 'CallExpression') {
    if (refs.calls.get(node)?.kind === 'protect') return true;
    return calleeMatchesNameRefs(sourceCode, node.callee, guards);
  }
  if (node.type === 'Identifier' || node.type === 'MemberExpression') {
    if (refs.reads.get(node)?.kind === 'protect') return true;
    return calleeMatchesNameRefs(sourceCode, node, guards);
  }
  return false;
}

/** `app.use(requireAuth())` / `router.use(guard)` on the same object, before the route is registered. */
function routerLevelGuard(
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  refs: ClerkReferences,
  guards: readonly NameRef[],
): TSESTree.Node | undefined {
  const callee = call.callee as TSESTree.MemberExpression;
  const objectText = sourceCode.getText(callee.object);
  for (const statement of sourceCode.ast.body) {
    if (statement.range[0] >= call.range[0]) break;
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'CallExpression') continue;
    const use = statement.expression;
    if (
      use.callee.type !== 'MemberExpression' ||
      use.callee.property.type !== 'Identifier' ||
      use.callee.property.name !== 'use' ||
      sourceCode.getText(use.callee.object) !== objectText
    ) {
      continue;
    }
    const args = use.arguments[0]?.type === 'Literal' ? use.arguments.slice(1) : use.arguments;
    const guard = args.find((argument) => isRouteGuard(argument, sourceCode, refs, guards));
    if (guard !== undefined) return guard;
  }
  return undefined;
}

/** The entry points of a file, and a lookup from any node to the entry point that runs it. */
export function entryPointIndex(
  sourceCode: Readonly<TSESLint.SourceCode>,
  refs: ClerkReferences,
  kind: { serverActions: boolean; appRoute: boolean; pagesApi: boolean; nodeServer: boolean; path: string },
  authWrappers: readonly NameRef[],
): (node: TSESTree.Node) => EntryPoint | undefined {
  const entries = new Map<FunctionNode, EntryPoint>();
  const found = [
    ...(kind.serverActions ? moduleServerActions(sourceCode, authWrappers) : []),
    ...(kind.appRoute ? appRouteHandlers(sourceCode, authWrappers, kind.path) : []),
    ...(kind.pagesApi ? [pagesApiHandler(sourceCode, authWrappers, kind.path)] : []),
  ];
  for (const entry of found) if (entry !== undefined) entries.set(entry.fn, entry);
  return (node) => {
    for (let current: TSESTree.Node | null | undefined = node.parent; current; current = current.parent) {
      if (!isFunctionNode(current)) continue;
      const known = entries.get(current) ?? inlineServerAction(current, sourceCode);
      if (known !== undefined) return known;
      if (current.parent?.type === 'CallExpression' && kind.nodeServer) {
        const route = nodeRouteHandler(current.parent, sourceCode, refs, [], []);
        if (route?.fn === current) return route;
      }
    }
    return undefined;
  };
}
