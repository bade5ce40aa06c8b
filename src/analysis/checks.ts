import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  ACCEPTS_TOKEN_OPTION,
  AUTH_NEVER_RETURNS_METHODS,
  AUTHENTICATE_REQUEST,
  HONO_AUTH_CONTEXT_KEY,
  REQUEST_AUTH_ACCESSORS,
  REQUEST_CURRENT_USER,
  SIGNED_OUT_FALSY_KEYS,
} from '../clerk/index.js';
import {
  type FunctionNode,
  functionOfExpression,
  skipAwaitAndWrappers,
  skipTypeWrappers,
  propertyName,
} from './functions.js';
import { functionHasDirective, hasDirective } from './directives.js';
import { calleeMatchesNameRefs } from './name-refs.js';
import { findFirst } from './traverse.js';
import { isSecretCompare, mentionsEnv, returnsSecretComparison } from './shared-secrets.js';
import type { AnalyzeOptions, AuthAnalyzer } from './auth-flow.js';
import { WorkAnalysis } from './work.js';

/**
 * What counts as a check: what an expression holds as far as authentication goes (the auth object, a session
 * value, `has`, `protect`, a fetching helper's result and its rejection keys), which tests guard on it (`if
 * (!userId)`, `userId === null`, a derived `denied` boolean, a shared-secret comparison in a route handler), and
 * how a statement leaves the function (return, throw, a call that never returns). It does not decide whether the
 * checks come before the work (see auth-flow) nor what counts as work (see work).
 */

type Variable = TSESLint.Scope.Variable;

/** A call that fetches the caller's identity: `auth()`, `getAuth(req)`, `currentUser()`, a fetching helper. */
export interface AuthFetch {
  readonly call: TSESTree.Node;
  /** The token types `acceptsToken` admits include machine tokens (whose auth objects have no `userId`). */
  readonly acceptsMachine: boolean;
}

export type ValueKind =
  /** An auth object: always truthy, never a guard on its own. */
  | 'authObject'
  /** A value that is falsy for anonymous callers: `userId`, `isAuthenticated`, the current user. */
  | 'authValue'
  /** `has` or `getToken` of an auth object: calling it gives a value that is falsy for anonymous callers. */
  | 'hasFn'
  /** v5 `protect` of an auth object. */
  | 'protectFn'
  /** `redirectToSignIn` of an auth object. */
  | 'neverReturnsFn';

export interface Classified {
  readonly kind: ValueKind;
  readonly fetch: AuthFetch;
  /** The auth-object property the value came from (`userId`, `isAuthenticated`). */
  readonly key?: string;
  /** Truthy when the caller is turned away (the `error` of a helper's `{ userId, error }`), not when signed in. */
  readonly rejects?: boolean;
  /** The project helper whose result this is. */
  readonly helper?: { readonly fn: FunctionNode; readonly analyzer: AuthAnalyzer };
}

export interface Guard {
  readonly polarity: 'negative' | 'positive';
  /** A negative guard made only of `=== null` / `=== undefined` comparisons. */
  readonly strictNull?: TSESTree.BinaryExpression;
  readonly fetch?: AuthFetch;
}

export type ExitKind = 'return' | 'throw';

/** Keys of a helper's result that are truthy exactly when the caller is turned away: `{ userId, error }`. */
export const REJECTION_KEYS = new Set(['error', 'err', 'errorResponse', 'response', 'unauthorized', 'redirect', 'denied']);
/** Assertion functions that throw when their first argument is falsy. */
export const ASSERT_FUNCTIONS = new Set(['invariant', 'assert', 'ok', 'assertIsDefined', 'assertExists']);

export abstract class CheckAnalysis extends WorkAnalysis {
  protected readonly bindings = new Map<Variable, Classified>();

  /** `const denied = !has({ role })`: a boolean that tests the session, used as a guard later. */
  protected readonly derivedGuards = new Map<Variable, Guard>();

  /**
   * `params.userId`, `(await params).slug`: a dynamic route segment, always a string, when `params` is destructured
   * from the parameters of a page, layout or route handler (`({ params }) => …`). Never in a Server Action, whose
   * arguments are whatever the caller sends (`{"params": {"userId": null}}`).
   */
  protected isRouteParam(node: TSESTree.Node): boolean {
    if (node.type !== 'MemberExpression' || node.computed) return false;
    const object = skipAwaitAndWrappers(node.object);
    if (object.type !== 'Identifier' || object.name !== 'params') return false;
    const definition = this.variableOf(object)?.defs[0];
    if (definition?.type !== 'Parameter') return false;
    const fn = definition.node as FunctionNode;
    if (fn.params.some((param) => param === definition.name)) return false;
    return !hasDirective(this.sourceCode.ast.body, 'use server') && !functionHasDirective(fn, 'use server');
  }

  /** Whether a block calls `auth.protect()` or a Next.js never-returning call (`redirect`, `notFound`). */
  protected throwsControlFlow(block: TSESTree.Node): boolean {
    return (
      findFirst(this.sourceCode, block, (node) => {
        if (node.type !== 'CallExpression') return false;
        const kind = this.refs.calls.get(node)?.kind;
        if (kind === 'protect' || kind === 'nextNeverReturns' || kind === 'neverReturns') return true;
        const callee = node.callee;
        return callee.type === 'MemberExpression' && propertyName(callee) === 'protect' && this.classify(callee.object)?.kind === 'authObject';
      }) !== undefined
    );
  }

  protected findFetch(node: TSESTree.Node): AuthFetch | undefined {
    let fetch: AuthFetch | undefined;
    findFirst(this.sourceCode, node, (candidate) => {
      if (candidate.type !== 'CallExpression') return false;
      const classified = this.classify(candidate);
      if (classified === undefined) return false;
      fetch = classified.fetch;
      return true;
    });
    return fetch;
  }

  /** Whether an expression yields the caller's identity (for helpers that return it). */
  protected isAuthExpression(expression: TSESTree.Expression): boolean {
    const node = skipAwaitAndWrappers(expression);
    // `return sessionClaims?.metadata.role === role`, `return !!userId`, `return userId && has(...)`.
    if (node.type === 'BinaryExpression' || node.type === 'LogicalExpression') {
      return (
        (node.left.type !== 'PrivateIdentifier' && this.isAuthExpression(node.left)) || this.isAuthExpression(node.right)
      );
    }
    if (node.type === 'UnaryExpression' && node.operator === '!') return this.isAuthExpression(node.argument);
    // `return { userId, user }`: the caller destructures the identity (`const { userId } = await getCurrentUser()`).
    if (node.type === 'ObjectExpression') return this.authKeysOf(node).size > 0;
    const classified = this.classify(node);
    return classified !== undefined && classified.kind !== 'protectFn' && classified.kind !== 'neverReturnsFn';
  }

  /** The keys of an object literal whose values are the caller's identity (`{ userId, user: await currentUser() }`). */
  protected authKeysOf(object: TSESTree.ObjectExpression): Set<string> {
    const keys = new Set<string>();
    for (const property of object.properties) {
      if (property.type !== 'Property' || property.computed || property.kind !== 'init') continue;
      const key = property.key.type === 'Identifier' ? property.key.name : typeof property.key.value === 'string' ? property.key.value : undefined;
      if (key !== undefined && property.value.type !== 'AssignmentPattern' && this.isAuthExpression(property.value as TSESTree.Expression)) keys.add(key);
    }
    return keys;
  }

  /** What an expression holds, as far as authentication goes. */
  protected classify(expression: TSESTree.Node): Classified | undefined {
    const node = skipAwaitAndWrappers(expression as TSESTree.Expression);
    switch (node.type) {
      case 'Identifier':
        return this.bindingOf(node);
      case 'MemberExpression': {
        const key = propertyName(node);
        if (key === undefined) return undefined;
        const object = this.classify(node.object);
        if (object?.kind === 'authObject') {
          if (SIGNED_OUT_FALSY_KEYS.has(key)) return { kind: 'authValue', fetch: object.fetch, key };
          if (key === 'has') return { kind: 'hasFn', fetch: object.fetch };
          if (key === 'protect') return { kind: 'protectFn', fetch: object.fetch };
          if (AUTH_NEVER_RETURNS_METHODS.has(key)) return { kind: 'neverReturnsFn', fetch: object.fetch };
          return undefined;
        }
        if (object?.kind === 'authValue') {
          if (object.key === undefined && REJECTION_KEYS.has(key)) return this.rejection(object, key);
          return { kind: 'authValue', fetch: object.fetch, key: object.key ?? key };
        }
        // Express 1.x: `req.auth` is the auth object itself.
        if (key === 'auth' && this.isParameterRooted(node.object)) return { kind: 'authObject', fetch: fetchOf(node) };
        return undefined;
      }
      case 'CallExpression':
        return this.classifyCall(node);
      default:
        return undefined;
    }
  }

  protected classifyCall(call: TSESTree.CallExpression): Classified | undefined {
    const api = this.refs.calls.get(call);
    if (api !== undefined) {
      if (api.kind === 'authObject' || api.kind === 'protect') return { kind: 'authObject', fetch: fetchOf(call) };
      if (api.kind === 'currentUser') return { kind: 'authValue', fetch: fetchOf(call), key: 'user' };
      return undefined;
    }
    const callee = skipTypeWrappers(call.callee as TSESTree.Expression);
    if (callee.type === 'MemberExpression') {
      const key = propertyName(callee);
      if (key === undefined) return undefined;
      if (key === 'has' || key === 'protect' || key === 'getToken') {
        const object = this.classify(callee.object);
        if (object?.kind === 'authObject') {
          // `has(…)` and `getToken()` are falsy (false, null) for anonymous callers.
          return key === 'protect' ? object : { kind: 'authValue', fetch: object.fetch, key };
        }
      }
      if (key === 'toAuth') {
        const object = this.classify(callee.object);
        if (object?.kind === 'authObject') return object;
      }
      // Framework accessors on request objects: `req.auth()`, `locals.auth()`, `event.context.auth()`.
      if (REQUEST_AUTH_ACCESSORS.has(key) && this.isParameterRooted(callee.object)) {
        return { kind: 'authObject', fetch: fetchOf(call) };
      }
      if (key === AUTHENTICATE_REQUEST) return { kind: 'authObject', fetch: fetchOf(call) };
      if (key === REQUEST_CURRENT_USER && this.isParameterRooted(callee.object)) {
        return { kind: 'authValue', fetch: fetchOf(call), key: 'user' };
      }
      // Hono: `c.get('clerkAuth')`.
      if (key === 'get' && isStringLiteral(call.arguments[0], HONO_AUTH_CONTEXT_KEY)) {
        return { kind: 'authObject', fetch: fetchOf(call) };
      }
      return undefined;
    }
    if (callee.type !== 'Identifier') return undefined;
    const bound = this.bindingOf(callee);
    if (bound?.kind === 'hasFn') return { kind: 'authValue', fetch: bound.fetch, key: bound.key ?? 'has' };
    const helper = this.resolveAuthHelper(callee);
    if (helper !== undefined) {
      const kind = helper.analyzer.helperKind(helper.fn);
      if ((kind === 'fetcher' || kind === 'guard') && (isAwaited(call) || !helper.fn.async)) {
        return { kind: 'authValue', fetch: { call, acceptsMachine: false }, helper };
      }
      return undefined;
    }
    if (calleeMatchesNameRefs(this.sourceCode, call.callee, this.settings.authFunctions)) {
      return { kind: 'authValue', fetch: { call, acceptsMachine: false } };
    }
    return undefined;
  }

  protected bind(pattern: TSESTree.Node, value: Classified): void {
    if (pattern.type === 'Identifier') {
      const variable = this.variableOf(pattern);
      if (variable !== undefined) this.bindings.set(variable, value);
      return;
    }
    if (pattern.type !== 'ObjectPattern') return;
    if (value.kind === 'authValue' && value.key === undefined) {
      // The result of a project helper that fetches the identity: `const { userId, error } = await requireAuth()`.
      const authKeys = value.helper?.analyzer.resultAuthKeys(value.helper.fn);
      for (const property of pattern.properties) {
        if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
        const target = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
        const variable = target.type === 'Identifier' ? this.variableOf(target) : undefined;
        if (variable === undefined) continue;
        const key = property.key.name;
        if (!REJECTION_KEYS.has(key) && authKeys !== undefined && !authKeys.has(key)) continue;
        const bound = REJECTION_KEYS.has(key) ? this.rejection(value, key) : { kind: 'authValue' as const, fetch: value.fetch, key };
        if (bound !== undefined) this.bindings.set(variable, bound);
      }
      return;
    }
    if (value.kind !== 'authObject') return;
    for (const property of pattern.properties) {
      if (property.type !== 'Property' || property.computed) continue;
      const key = property.key.type === 'Identifier' ? property.key.name : undefined;
      if (key === undefined) continue;
      const target = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
      if (target.type !== 'Identifier') continue;
      const variable = this.variableOf(target);
      if (variable === undefined) continue;
      if (SIGNED_OUT_FALSY_KEYS.has(key)) this.bindings.set(variable, { kind: 'authValue', fetch: value.fetch, key });
      else if (key === 'has' || key === 'getToken') this.bindings.set(variable, { kind: 'hasFn', fetch: value.fetch, key });
      else if (key === 'protect') this.bindings.set(variable, { kind: 'protectFn', fetch: value.fetch });
      else if (AUTH_NEVER_RETURNS_METHODS.has(key)) this.bindings.set(variable, { kind: 'neverReturnsFn', fetch: value.fetch });
    }
  }

  /**
   * The `error` (or `response`, …) of a helper's result: a guard only when the helper returns it, set, for
   * anonymous callers (`if (!userId) return { error: NextResponse.json(…, { status: 401 }) }`); an `error` about
   * something else (a missing membership) says nothing about anonymous callers.
   */
  protected rejection(value: Classified, key: string): Classified | undefined {
    const helper = value.helper;
    if (helper === undefined || !helper.analyzer.returnsOnAnonymous(helper.fn, key)) return undefined;
    return { kind: 'authValue', fetch: value.fetch, key, rejects: true };
  }

  /** Whether `node` sits on the branch of a guard that anonymous callers take (`if (!userId) …`), inside `fn`. */
  protected inAnonymousBranch(node: TSESTree.Node, fn: FunctionNode): boolean {
    let child: TSESTree.Node = node;
    let parent: TSESTree.Node | undefined = node.parent;
    while (parent !== undefined && child !== fn) {
      if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && child !== parent.test) {
        const polarity = this.guardOf(parent.test, { routeHandler: false })?.polarity;
        if ((child === parent.consequent && polarity === 'negative') || (child === parent.alternate && polarity === 'positive')) return true;
      }
      child = parent;
      parent = parent.parent;
    }
    return false;
  }

  protected bindingOf(identifier: TSESTree.Identifier): Classified | undefined {
    const variable = this.variableOf(identifier);
    return variable === undefined ? undefined : this.bindings.get(variable);
  }

  protected guardOf(test: TSESTree.Expression, options: AnalyzeOptions): Guard | undefined {
    const node = skipTypeWrappers(test);
    if (node.type === 'UnaryExpression' && node.operator === '!') {
      const inner = this.guardOf(node.argument, options);
      if (inner === undefined) return undefined;
      return { polarity: inner.polarity === 'positive' ? 'negative' : 'positive', fetch: inner.fetch };
    }
    if (node.type === 'LogicalExpression') {
      const left = this.guardOf(node.left, options);
      const right = this.guardOf(node.right, options);
      const operands = [left, right].filter((guard): guard is Guard => guard !== undefined);
      if (node.operator === '||') {
        const negatives = operands.filter((guard) => guard.polarity === 'negative');
        if (negatives.length === 0) return undefined;
        const allStrict = negatives.every((guard) => guard.strictNull !== undefined);
        return {
          polarity: 'negative',
          fetch: negatives[0]?.fetch,
          strictNull: allStrict ? negatives[0]?.strictNull : undefined,
        };
      }
      if (node.operator === '&&') {
        const positive = operands.find((guard) => guard.polarity === 'positive');
        return positive === undefined ? undefined : { polarity: 'positive', fetch: positive.fetch };
      }
      return undefined;
    }
    if (node.type === 'BinaryExpression') return this.comparisonGuard(node, options);
    if (options.routeHandler && node.type === 'CallExpression' && isSecretCompare(node)) return { polarity: 'positive' };
    // `if (!(await verifyKofiWebhook(body))) return 401`: a project helper that compares the caller's input with a
    // secret from the environment is a shared-secret check (another provider's webhook token, a cron secret).
    if (options.routeHandler) {
      const call = skipAwaitAndWrappers(node);
      const callee = call.type === 'CallExpression' ? skipTypeWrappers(call.callee as TSESTree.Expression) : undefined;
      const helper = callee?.type === 'Identifier' ? this.resolveHelper(callee) : undefined;
      if (helper !== undefined && (node.type === 'AwaitExpression' || !helper.fn.async) && returnsSecretComparison(helper.analyzer, helper.fn)) {
        return { polarity: 'positive' };
      }
    }
    if (node.type === 'Identifier') {
      const variable = this.variableOf(node);
      const derived = variable === undefined ? undefined : this.derivedGuards.get(variable);
      if (derived !== undefined) return derived;
    }
    const classified = this.classify(node);
    if (classified?.kind === 'authValue') return { polarity: classified.rejects === true ? 'negative' : 'positive', fetch: classified.fetch };
    return undefined;
  }

  protected comparisonGuard(node: TSESTree.BinaryExpression, options: AnalyzeOptions): Guard | undefined {
    const { operator } = node;
    const equality = operator === '==' || operator === '===';
    if (!equality && operator !== '!=' && operator !== '!==') return undefined;
    const left = node.left as TSESTree.Expression;
    const sides: [TSESTree.Expression, TSESTree.Expression][] = [
      [left, node.right],
      [node.right, left],
    ];
    for (const [value, other] of sides) {
      // `typeof userId !== 'string'`: only a signed-in caller has a string id.
      const typeOf = skipTypeWrappers(value);
      if (typeOf.type === 'UnaryExpression' && typeOf.operator === 'typeof') {
        const classified = this.classify(typeOf.argument);
        const constant = skipTypeWrappers(other);
        // Only `'string'` tells: a signed-out `userId` is null (`typeof` 'object'), never undefined.
        if (classified?.kind === 'authValue' && classified.rejects !== true && constant.type === 'Literal' && constant.value === 'string') {
          return { polarity: equality ? 'positive' : 'negative', fetch: classified.fetch };
        }
        continue;
      }
      const classified = this.classify(value);
      if (classified?.kind !== 'authValue' || classified.rejects === true) continue;
      const constant = skipTypeWrappers(other);
      if (isNullish(constant)) {
        // Clerk's signed-out values are null: `userId === undefined` never trips (a helper's result may be undefined).
        const strictUndefined = (operator === '===' || operator === '!==') && !(constant.type === 'Literal');
        if (strictUndefined && classified.key !== undefined) return undefined;
        if (!equality) return { polarity: 'positive', fetch: classified.fetch };
        return {
          polarity: 'negative',
          fetch: classified.fetch,
          strictNull: operator === '===' ? node : undefined,
        };
      }
      if (constant.type === 'Literal' && typeof constant.value === 'boolean') {
        const meansSignedIn = constant.value === equality;
        return { polarity: meansSignedIn ? 'positive' : 'negative', fetch: classified.fetch };
      }
      // `sessionClaims?.metadata?.role !== 'admin'`: anonymous callers never match a constant.
      if (constant.type === 'Literal' || constant.type === 'TemplateLiteral') {
        return { polarity: equality ? 'positive' : 'negative', fetch: classified.fetch };
      }
      // `params.userId === userId`: a route segment is a non-empty string, which a signed-out identity never equals.
      if (this.isRouteParam(constant)) return { polarity: equality ? 'positive' : 'negative', fetch: classified.fetch };
    }
    // A shared secret compared with a value from the request (`authorization !== \`Bearer ${process.env.CRON_SECRET}\``);
    // an env flag compared with a constant (`process.env.FEATURE !== 'true'`) authenticates no one.
    const constantSide = [left, node.right].some((side) => isConstant(skipTypeWrappers(side)));
    if (options.routeHandler && !constantSide && (mentionsEnv(this, left) || mentionsEnv(this, node.right))) {
      return { polarity: equality ? 'positive' : 'negative' };
    }
    return undefined;
  }

  /** How a statement leaves the function, if it always does. */
  exitOf(statement: TSESTree.Statement): ExitKind | undefined {
    switch (statement.type) {
      case 'ReturnStatement':
        return statement.argument && this.isNeverReturnsCall(statement.argument) ? 'throw' : 'return';
      case 'ThrowStatement':
        return 'throw';
      case 'ExpressionStatement':
        return this.isNeverReturnsCall(statement.expression) ? 'throw' : undefined;
      case 'BlockStatement':
        for (const inner of statement.body) {
          const exit = this.exitOf(inner);
          if (exit !== undefined) return exit;
        }
        return undefined;
      case 'IfStatement': {
        if (!statement.alternate) return undefined;
        const consequent = this.exitOf(statement.consequent);
        const alternate = this.exitOf(statement.alternate);
        if (consequent === undefined || alternate === undefined) return undefined;
        return consequent === 'return' || alternate === 'return' ? 'return' : 'throw';
      }
      default:
        return undefined;
    }
  }

  protected isNeverReturnsCall(expression: TSESTree.Expression): boolean {
    const node = skipAwaitAndWrappers(expression);
    if (node.type !== 'CallExpression') return false;
    const api = this.refs.calls.get(node);
    if (api?.kind === 'nextNeverReturns' || api?.kind === 'neverReturns' || api?.kind === 'protect') return true;
    const callee = skipTypeWrappers(node.callee as TSESTree.Expression);
    if (callee.type === 'Identifier') return this.bindingOf(callee)?.kind === 'neverReturnsFn';
    if (callee.type === 'MemberExpression') {
      const key = propertyName(callee);
      if (key !== undefined && AUTH_NEVER_RETURNS_METHODS.has(key)) return this.classify(callee.object)?.kind === 'authObject';
      if (key === 'protect') return this.classify(callee.object)?.kind === 'authObject';
    }
    return false;
  }
}

export function fetchOf(node: TSESTree.CallExpression | TSESTree.MemberExpression): AuthFetch {
  return { call: node, acceptsMachine: node.type === 'CallExpression' && acceptsMachineTokens(node) };
}

/** Text test: can any call of the file admit machine tokens (it names `acceptsToken` at all)? */
export function mayAcceptMachineTokens(text: string): boolean {
  return text.includes(ACCEPTS_TOKEN_OPTION);
}

/** `acceptsToken` admits something other than session tokens (`'any'`, `'api_key'`, an array, a variable). */
export function acceptsMachineTokens(call: TSESTree.CallExpression): boolean {
  for (const argument of call.arguments) {
    if (argument.type !== 'ObjectExpression') continue;
    for (const property of argument.properties) {
      if (property.type !== 'Property' || property.computed) continue;
      const key = property.key.type === 'Identifier' ? property.key.name : property.key.value;
      if (key !== ACCEPTS_TOKEN_OPTION) continue;
      const value = property.value;
      if (value.type === 'Literal') return value.value !== 'session_token';
      if (value.type === 'ArrayExpression') {
        return value.elements.some((element) => element?.type !== 'Literal' || element.value !== 'session_token');
      }
      return true;
    }
  }
  return false;
}

export function isAwaited(call: TSESTree.Node): boolean {
  let node: TSESTree.Node = call;
  while (
    node.parent?.type === 'TSAsExpression' ||
    node.parent?.type === 'TSNonNullExpression' ||
    node.parent?.type === 'ChainExpression'
  ) {
    node = node.parent;
  }
  return node.parent?.type === 'AwaitExpression' || node.parent?.type === 'ReturnStatement';
}

export function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === 'Literal' && node.value === null && !('regex' in node)) ||
    (node.type === 'Identifier' && node.name === 'undefined') ||
    (node.type === 'UnaryExpression' && node.operator === 'void')
  );
}

export function isStringLiteral(node: TSESTree.Node | undefined, value: string): boolean {
  return node?.type === 'Literal' && node.value === value;
}

/** The function a higher-order function returns: `(fn) => async (...args) => …`, `return async function …`. */
export function returnedFunction(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): FunctionNode | undefined {
  if (fn.body.type !== 'BlockStatement') return functionOfExpression(sourceCode, fn.body);
  for (const statement of fn.body.body) {
    if (statement.type === 'ReturnStatement' && statement.argument !== null) return functionOfExpression(sourceCode, statement.argument);
  }
  return undefined;
}

export function isConstant(node: TSESTree.Node): boolean {
  return node.type === 'Literal' || (node.type === 'TemplateLiteral' && node.expressions.length === 0);
}

/** The elements of `Promise.all([a, b])` (awaited or not). */
export function promiseAllElements(init: TSESTree.Expression): (TSESTree.Node | null)[] | undefined {
  const call = skipAwaitAndWrappers(init);
  if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression') return undefined;
  const { object, property } = call.callee;
  if (object.type !== 'Identifier' || object.name !== 'Promise' || property.type !== 'Identifier') return undefined;
  if (property.name !== 'all') return undefined;
  const [list] = call.arguments;
  return list?.type === 'ArrayExpression' ? list.elements : undefined;
}

//END
