import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AUTH_NEVER_RETURNS_METHODS, SIGNED_OUT_FALSY_KEYS, ZSA_PROCEDURE } from '../clerk/index.js';
import type { ClerkReferences } from './clerk-references.js';
import {
  type FunctionNode,
  functionOfExpression,
  skipAwaitAndWrappers,
  skipTypeWrappers,
  propertyName,
} from './functions.js';
import { importOf } from './cross-file.js';
import { isPublicReadWork } from './data-access.js';
import { functionHasDirective, hasDirective } from './directives.js';
import { calleeMatchesNameRefs } from './name-refs.js';
import { contains, findFirst } from './traverse.js';
import { type CrossFileOptions } from './helper-modules.js';
import { isSecretCompare, mentionsEnv, returnsSecretComparison, verifiesSignature } from './shared-secrets.js';
import { WorkAnalysis } from './work.js';

type Variable = TSESLint.Scope.Variable;

/** A call that fetches the caller's identity: `auth()`, `getAuth(req)`, `currentUser()`, a fetching helper. */
export interface AuthFetch {
  readonly call: TSESTree.Node;
  /** The token types `acceptsToken` admits include machine tokens (whose auth objects have no `userId`). */
  readonly acceptsMachine: boolean;
}

type ValueKind =
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

interface Guard {
  readonly polarity: 'negative' | 'positive';
  /** A negative guard made only of `=== null` / `=== undefined` comparisons. */
  readonly strictNull?: TSESTree.BinaryExpression;
  readonly fetch?: AuthFetch;
}

type ExitKind = 'return' | 'throw';

interface Flow {
  established: boolean;
  terminated: boolean;
  exit?: ExitKind;
  work?: TSESTree.Node;
  fetch?: AuthFetch;
  lateGuard?: TSESTree.Node;
  nullOnly?: { test: TSESTree.BinaryExpression; fetch: AuthFetch };
  returnsAuth: boolean;
}

export type AuthVerdict =
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'noWork' }
  /** The identity is read and tested, and signed-out callers are served on purpose (optional sign-in). */
  | { readonly kind: 'optional' }
  | { readonly kind: 'signatureVerified' }
  | { readonly kind: 'missing'; readonly work: TSESTree.Node }
  | { readonly kind: 'unchecked'; readonly work: TSESTree.Node; readonly fetch: AuthFetch }
  | { readonly kind: 'afterWork'; readonly work: TSESTree.Node; readonly guard: TSESTree.Node }
  | { readonly kind: 'nullOnly'; readonly test: TSESTree.BinaryExpression; readonly fetch: AuthFetch };

/** What a same-file helper does for its callers. */
export type HelperKind =
  /** Ends the request (throws, redirects) when the caller is anonymous. */
  | 'guard'
  /** Returns the identity (or null): the caller has to check it. */
  | 'fetcher'
  | 'none';

export interface AnalyzeOptions {
  /** Route handlers may also authenticate with a shared secret or a signature; server actions may not. */
  readonly routeHandler: boolean;
}

/** Keys of a helper's result that are truthy exactly when the caller is turned away: `{ userId, error }`. */
const REJECTION_KEYS = new Set(['error', 'err', 'errorResponse', 'response', 'unauthorized', 'redirect', 'denied']);
/** Assertion functions that throw when their first argument is falsy. */
const ASSERT_FUNCTIONS = new Set(['invariant', 'assert', 'ok', 'assertIsDefined', 'assertExists']);
const FUNCTION_AUTH_ACCESSORS = new Set(['auth', 'getAuth']);

/**
 * Decides whether functions establish authentication before doing work. One analyzer serves a whole file: it
 * remembers what it learned about variables and same-file helpers.
 */
export class AuthAnalyzer extends WorkAnalysis {
  private readonly bindings = new Map<Variable, Classified>();
  /** `const denied = !has({ role })`: a boolean that tests the session, used as a guard later. */
  private readonly derivedGuards = new Map<Variable, Guard>();
  private readonly helperKinds = new Map<FunctionNode, HelperKind>();
  private readonly helperWork = new Map<FunctionNode, boolean>();
  private readonly resultKeys = new Map<FunctionNode, ReadonlySet<string> | null>();
  private readonly visiting = new Set<FunctionNode>();

  /**
   * Whether a call an entry point's function is passed to authenticates before running it: a higher-order
   * function (same file or imported) whose returned function establishes auth, or an action-client chain
   * (next-safe-action's `client.use(mw).action(fn)`) with a `use` middleware that does.
   */
  wrapsWithAuth(call: TSESTree.CallExpression): boolean {
    const callee = skipTypeWrappers(call.callee as TSESTree.Expression);
    if (callee.type === 'Identifier') {
      const helper = this.resolveHelper(callee);
      const inner = helper === undefined ? undefined : returnedFunction(helper.analyzer.sourceCode, helper.fn);
      if (helper === undefined || inner === undefined) return false;
      const callbacks = new Set(helper.fn.params.flatMap((param) => (param.type === 'Identifier' ? [param.name] : [])));
      return helper.analyzer.authenticatesBeforeCalling(inner, callbacks);
    }
    return callee.type === 'MemberExpression' && this.clientAuthenticates(callee.object, 0);
  }

  /**
   * Whether `fn` establishes auth and never calls one of `callbacks` (the wrapped function, `next`) on the
   * anonymous branch of a guard: `if (!userId) return handler(req, null)` lets anonymous callers through.
   */
  private authenticatesBeforeCalling(fn: FunctionNode, callbacks: ReadonlySet<string>): boolean {
    if (this.analyze(fn, { routeHandler: false }).kind !== 'authenticated') return false;
    const anonymousCall = findFirst(this.sourceCode, fn.body, (node) => {
      if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || !callbacks.has(node.callee.name)) return false;
      return this.inAnonymousBranch(node, fn);
    });
    return anonymousCall === undefined;
  }

  /**
   * An action client built with a `use(…)` middleware that establishes auth (next-safe-action), or from a zsa
   * procedure whose handler does (`createServerActionProcedure().handler(async () => { …check…; return ctx })`, also
   * through a parent procedure), following consts and imports.
   */
  private clientAuthenticates(expression: TSESTree.Expression, depth: number): boolean {
    const node = skipTypeWrappers(expression);
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
      const [first] = node.arguments;
      const method = propertyName(node.callee);
      if (method === 'use' && first !== undefined && first.type !== 'SpreadElement') {
        const middleware = functionOfExpression(this.sourceCode, first);
        if (middleware !== undefined && this.authenticatesBeforeCalling(middleware, new Set(['next']))) return true;
      }
      // zsa runs a procedure's handler before every action built from it; what it returns becomes the context.
      if (method === 'handler' && first !== undefined && first.type !== 'SpreadElement' && this.isZsaProcedureFactory(node.callee.object)) {
        const middleware = functionOfExpression(this.sourceCode, first);
        if (middleware !== undefined && this.analyze(middleware, { routeHandler: false }).kind === 'authenticated') return true;
      }
      return this.clientAuthenticates(node.callee.object, depth);
    }
    // `createServerActionProcedure(authedProcedure)`: the parent procedure's handler runs first.
    if (node.type === 'CallExpression' && this.isZsaProcedureFactory(node)) {
      const [parent] = node.arguments;
      return parent !== undefined && parent.type !== 'SpreadElement' && depth < 3 && this.clientAuthenticates(parent, depth + 1);
    }
    if (node.type !== 'Identifier' || depth >= 3) return false;
    const variable = this.variableOf(node);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type === 'Variable' && definition.node.init !== null && definition.parent.kind === 'const') {
      return this.clientAuthenticates(definition.node.init, depth + 1);
    }
    const imported = this.resolveImportedValue(node);
    return imported !== undefined && imported.analyzer.clientAuthenticates(imported.value, depth + 1);
  }

  /** `createServerActionProcedure(…)` imported from zsa. */
  private isZsaProcedureFactory(expression: TSESTree.Expression): boolean {
    const node = skipTypeWrappers(expression);
    if (node.type !== 'CallExpression') return false;
    const callee = skipTypeWrappers(node.callee as TSESTree.Expression);
    if (callee.type !== 'Identifier') return false;
    const imported = importOf(this.sourceCode, callee);
    return imported?.source === ZSA_PROCEDURE.source && imported.imported === ZSA_PROCEDURE.name;
  }

  analyze(fn: FunctionNode, options: AnalyzeOptions): AuthVerdict {
    const flow = this.scanFunction(fn, options);
    // A handler that checks the session (or does no work) needs no signature; only a finding asks about one.
    const clean = flow.established ? flow.work === undefined && flow.nullOnly === undefined : flow.work === undefined;
    if (!clean && options.routeHandler && verifiesSignature(this, fn)) return { kind: 'signatureVerified' };
    if (flow.established) {
      if (flow.work !== undefined) return { kind: 'afterWork', work: flow.work, guard: flow.lateGuard ?? fn };
      if (flow.nullOnly !== undefined) return { kind: 'nullOnly', ...flow.nullOnly };
      return { kind: 'authenticated' };
    }
    if (flow.work === undefined) return { kind: 'noWork' };
    if (flow.fetch !== undefined) {
      // `userId ? \`${userId}:${id}\` : \`${ip}:${id}\``: signed-out callers are served on purpose (optional sign-in),
      // not by a forgotten check (see servesAnonymousOnPurpose for what the work must then be).
      if (this.servesAnonymousOnPurpose(fn)) return { kind: 'optional' };
      return { kind: 'unchecked', work: flow.work, fetch: flow.fetch };
    }
    return { kind: 'missing', work: flow.work };
  }

  /**
   * Whether the function serves signed-out callers on purpose (optional sign-in): it tests the identity without
   * exiting (a ternary on it, a fallback for it such as `userId ?? ip` or `userId || ''`, extra work `if (userId)`, or a
   * signed-out branch that only assigns fallbacks), and every piece of work is either for signed-in callers only
   * (inside `if (userId)` or on the signed-in side), scoped by the identity with its fallback
   * (`getWallet({ externalUserId: userId || '' })`, `ratelimit.limit(userId ? … : ip)`), or a public read. A write
   * next to `userId ?? 'anonymous'` in a log line is a missing check, not a design.
   */
  private servesAnonymousOnPurpose(fn: FunctionNode): boolean {
    const scoped = new Set<TSESTree.Node>();
    const signedInOnly: TSESTree.Node[] = [];
    const fallbackTargets = new Set<Variable>();
    findFirst(this.sourceCode, fn.body, (node) => {
      const ternary = node.type === 'ConditionalExpression' ? this.guardOf(node.test, { routeHandler: false })?.polarity : undefined;
      if (node.type === 'ConditionalExpression' && ternary !== undefined) {
        scoped.add(node);
        signedInOnly.push(ternary === 'positive' ? node.consequent : node.alternate);
      } else if (node.type === 'LogicalExpression' && (node.operator === '??' || node.operator === '||')) {
        const fallback = skipTypeWrappers(node.right);
        if (this.classify(node.left)?.kind === 'authValue' && !isNullish(fallback) && !(fallback.type === 'Literal' && fallback.value === false)) scoped.add(node);
      } else if (node.type === 'LogicalExpression' && node.operator === '&&' && this.guardOf(node.left, { routeHandler: false })?.polarity === 'positive') {
        signedInOnly.push(node.right);
      } else if (node.type === 'IfStatement') {
        const polarity = this.guardOf(node.test, { routeHandler: false })?.polarity;
        if (polarity === 'positive' && (node.alternate === null || this.onlyAssigns(node.alternate))) signedInOnly.push(node.consequent);
        if (polarity === 'negative' && this.onlyAssigns(node.consequent)) {
          for (const statement of node.consequent.type === 'BlockStatement' ? node.consequent.body : [node.consequent]) {
            const target = statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' ? statement.expression.left : undefined;
            const variable = target?.type === 'Identifier' ? this.variableOf(target) : undefined;
            if (variable !== undefined) fallbackTargets.add(variable);
          }
          scoped.add(node);
        }
      }
      return false;
    });
    if (scoped.size === 0 && signedInOnly.length === 0) return false;
    // `const key = userId ? … : ip` and variables given a fallback: their uses scope the work too.
    const scopedVariables = new Set<Variable>(fallbackTargets);
    for (const node of scoped) {
      const declarator = node.parent;
      if (declarator?.type === 'VariableDeclarator' && declarator.init === node && declarator.id.type === 'Identifier') {
        const variable = this.variableOf(declarator.id);
        if (variable !== undefined) scopedVariables.add(variable);
      }
    }
    const usesScoped = (work: TSESTree.Node): boolean =>
      findFirst(this.sourceCode, work, (candidate) => {
        if (scoped.has(candidate)) return true;
        if (candidate.type !== 'Identifier') return false;
        const variable = this.variableOf(candidate);
        return variable !== undefined && scopedVariables.has(variable);
      }) !== undefined;
    return this.workNodes(fn).every(
      (work) => signedInOnly.some((region) => contains(region, work)) || usesScoped(work) || isPublicReadWork(this.sourceCode, work),
    );
  }

  /**
   * `params.userId`, `(await params).slug`: a dynamic route segment, always a string, when `params` is destructured
   * from the parameters of a page, layout or route handler (`({ params }) => …`). Never in a Server Action, whose
   * arguments are whatever the caller sends (`{"params": {"userId": null}}`).
   */
  private isRouteParam(node: TSESTree.Node): boolean {
    if (node.type !== 'MemberExpression' || node.computed) return false;
    const object = skipAwaitAndWrappers(node.object);
    if (object.type !== 'Identifier' || object.name !== 'params') return false;
    const definition = this.variableOf(object)?.defs[0];
    if (definition?.type !== 'Parameter') return false;
    const fn = definition.node as FunctionNode;
    if (fn.params.some((param) => param === definition.name)) return false;
    return !hasDirective(this.sourceCode.ast.body, 'use server') && !functionHasDirective(fn, 'use server');
  }

  /**
   * A statement that only assigns fallbacks (`key = ip`, `owner = 'anonymous'`): no call, response or exit, and never
   * to the identity itself (`if (!userId) userId = body.userId` adopts a caller-supplied identity).
   */
  private onlyAssigns(statement: TSESTree.Statement): boolean {
    const statements = statement.type === 'BlockStatement' ? statement.body : [statement];
    return (
      statements.length > 0 &&
      statements.every(
        (inner) =>
          inner.type === 'ExpressionStatement' &&
          inner.expression.type === 'AssignmentExpression' &&
          !(inner.expression.left.type === 'Identifier' && this.bindingOf(inner.expression.left) !== undefined) &&
          findFirst(this.sourceCode, inner.expression.right, (node) => node.type === 'CallExpression' || node.type === 'NewExpression' || node.type === 'AwaitExpression') ===
            undefined,
      )
    );
  }

  /** How a same-file helper serves its callers (cycle-safe, memoised). */
  helperKind(fn: FunctionNode): HelperKind {
    const known = this.helperKinds.get(fn);
    if (known !== undefined) return known;
    if (this.visiting.has(fn)) return 'none';
    this.visiting.add(fn);
    let kind: HelperKind = 'none';
    try {
      const flow = this.scanFunction(fn, { routeHandler: false });
      if (flow.established) kind = flow.exit === 'return' ? 'fetcher' : 'guard';
      else if (flow.returnsAuth) kind = 'fetcher';
    } finally {
      this.visiting.delete(fn);
    }
    this.helperKinds.set(fn, kind);
    return kind;
  }

  /** Whether the function body contains work at all. */
  doesWork(fn: FunctionNode): boolean {
    const known = this.helperWork.get(fn);
    if (known !== undefined) return known;
    if (this.visiting.has(fn)) return true;
    this.visiting.add(fn);
    let result = true;
    try {
      result = this.findWork(fn.body) !== undefined;
    } finally {
      this.visiting.delete(fn);
    }
    this.helperWork.set(fn, result);
    return result;
  }

  private scanFunction(fn: FunctionNode, options: AnalyzeOptions): Flow {
    const flow: Flow = { established: false, terminated: false, returnsAuth: false };
    if (fn.body.type === 'BlockStatement') {
      this.scanList(fn.body.body, flow, options);
    } else {
      this.scanExpressionStatement(fn.body, flow, options);
      if (!flow.established && this.isAuthExpression(fn.body)) flow.returnsAuth = true;
      flow.terminated = true;
    }
    return flow;
  }

  private scanList(statements: readonly TSESTree.Statement[], flow: Flow, options: AnalyzeOptions): void {
    for (const statement of statements) {
      if (flow.established || flow.terminated) return;
      this.scanStatement(statement, flow, options);
    }
  }

  private scanStatement(statement: TSESTree.Statement, flow: Flow, options: AnalyzeOptions): void {
    switch (statement.type) {
      case 'VariableDeclaration': {
        for (const declarator of statement.declarations) {
          if (declarator.init === null) continue;
          this.scanExpressionStatement(declarator.init, flow, options);
          const classified = this.classify(declarator.init);
          if (classified !== undefined) {
            flow.fetch ??= classified.fetch;
            this.bind(declarator.id, classified);
          } else if (declarator.id.type === 'ArrayPattern') {
            // `const [{ userId }, user] = await Promise.all([auth(), currentUser()])`
            const elements = promiseAllElements(declarator.init);
            declarator.id.elements.forEach((pattern, index) => {
              const element = elements?.[index];
              const value = pattern === null || element === undefined || element === null ? undefined : this.classify(element);
              if (value === undefined || pattern === null) return;
              flow.fetch ??= value.fetch;
              this.bind(pattern, value);
            });
          } else if (declarator.id.type === 'Identifier' && statement.kind === 'const') {
            const guard = this.guardOf(declarator.init, options);
            const variable = guard === undefined ? undefined : this.variableOf(declarator.id);
            if (variable !== undefined && guard !== undefined) this.derivedGuards.set(variable, guard);
          }
          if (flow.established) return;
        }
        return;
      }
      case 'ExpressionStatement':
        this.scanExpressionStatement(statement.expression, flow, options);
        if (!flow.established && this.exitOf(statement) !== undefined) flow.terminated = true;
        return;
      case 'ReturnStatement':
      case 'ThrowStatement':
        if (statement.argument) {
          this.scanExpressionStatement(statement.argument, flow, options);
          if (!flow.established && this.isAuthExpression(statement.argument)) flow.returnsAuth = true;
        }
        flow.terminated = true;
        return;
      case 'IfStatement':
        this.scanIf(statement, flow, options);
        return;
      case 'BlockStatement':
        this.scanList(statement.body, flow, options);
        return;
      case 'TryStatement':
        this.scanList(statement.block.body, flow, options);
        // A check that throws inside `try` is undone by a `catch` that does not exit: the code after it runs. (A
        // swallowed `auth.protect()` / `redirect()` is no-swallowed-auth-redirect's finding, not reported twice.)
        if (
          flow.established &&
          flow.exit === 'throw' &&
          statement.handler !== null &&
          this.exitOf(statement.handler.body) === undefined &&
          !this.throwsControlFlow(statement.block)
        ) {
          flow.established = false;
          flow.exit = undefined;
        }
        if (!flow.established && statement.finalizer) this.scanList(statement.finalizer.body, flow, options);
        return;
      case 'LabeledStatement':
        this.scanStatement(statement.body, flow, options);
        return;
      case 'FunctionDeclaration':
      case 'ClassDeclaration':
      case 'EmptyStatement':
        return;
      default:
        this.noteWork(statement, flow);
    }
  }

  /** An expression evaluated for its effect: establishes auth, or counts as work. */
  private scanExpressionStatement(expression: TSESTree.Node, flow: Flow, options: AnalyzeOptions): void {
    const establishing = this.findEstablishingCall(expression);
    if (establishing !== undefined) {
      this.noteWorkBefore(expression, establishing, flow);
      this.establish(flow, establishing, 'throw');
      return;
    }
    void options;
    this.noteWork(expression, flow);
    const fetch = this.findFetch(expression);
    if (fetch !== undefined) flow.fetch ??= fetch;
  }

  private scanIf(statement: TSESTree.IfStatement, flow: Flow, options: AnalyzeOptions): void {
    this.noteWork(statement.test, flow);
    const fetch = this.findFetch(statement.test);
    if (fetch !== undefined) flow.fetch ??= fetch;
    const guard = this.guardOf(statement.test, options);
    if (guard?.polarity === 'negative') {
      const exit = this.exitOf(statement.consequent);
      if (exit !== undefined) {
        if (guard.fetch !== undefined) flow.fetch ??= guard.fetch;
        if (guard.strictNull !== undefined && guard.fetch?.acceptsMachine === true) {
          flow.nullOnly = { test: guard.strictNull, fetch: guard.fetch };
        }
        this.establish(flow, statement, exit);
        return;
      }
    }
    const consequent = this.branch(flow);
    if (guard?.polarity === 'positive') consequent.established = true;
    else this.scanStatement(statement.consequent, consequent, options);
    const alternate = this.branch(flow);
    if (statement.alternate) this.scanStatement(statement.alternate, alternate, options);
    flow.work ??= consequent.work ?? alternate.work;
    flow.fetch ??= consequent.fetch ?? alternate.fetch;
    flow.lateGuard ??= consequent.lateGuard ?? alternate.lateGuard;
    flow.nullOnly ??= consequent.nullOnly ?? alternate.nullOnly;
    flow.returnsAuth ||= consequent.returnsAuth || alternate.returnsAuth;
    const outcome = (branch: Flow): 'auth' | 'exit' | 'open' =>
      branch.established ? 'auth' : branch.terminated ? 'exit' : 'open';
    const a = outcome(consequent);
    const b = outcome(alternate);
    if (a !== 'open' && b !== 'open') {
      if (a === 'exit' && b === 'exit') flow.terminated = true;
      else {
        flow.established = true;
        flow.exit = consequent.exit ?? alternate.exit ?? 'return';
      }
    }
  }

  private branch(flow: Flow): Flow {
    return { established: flow.established, terminated: false, fetch: flow.fetch, returnsAuth: false };
  }

  private establish(flow: Flow, guard: TSESTree.Node, exit: ExitKind): void {
    if (flow.work !== undefined) flow.lateGuard ??= guard;
    flow.established = true;
    flow.exit = exit;
  }

  private noteWork(node: TSESTree.Node, flow: Flow): void {
    if (flow.work !== undefined) return;
    const work = this.findWork(node);
    if (work !== undefined) flow.work = work;
  }

  /** Work that runs before the establishing call inside the same expression (`await db.x(await auth.protect())`). */
  private noteWorkBefore(node: TSESTree.Node, establishing: TSESTree.Node, flow: Flow): void {
    if (flow.work !== undefined) return;
    const work = this.findWork(node);
    if (work !== undefined && work.range[0] < establishing.range[0] && !contains(work, establishing)) flow.work = work;
  }

  // ---------------------------------------------------------------------------------------------------------
  // What establishes authentication

  /** A call that on its own ends the request for anonymous callers: `auth.protect()`, a guard helper. */
  private findEstablishingCall(node: TSESTree.Node): TSESTree.CallExpression | undefined {
    return findFirst(this.sourceCode, node, (candidate) => {
      if (candidate.type !== 'CallExpression') return false;
      return this.isEstablishingCall(candidate);
    }) as TSESTree.CallExpression | undefined;
  }

  private isEstablishingCall(call: TSESTree.CallExpression): boolean {
    // `auth.protect().catch(() => null)`: the rejection that turns callers away is swallowed.
    const parent = call.parent;
    if (parent?.type === 'MemberExpression' && parent.object === call && propertyName(parent) === 'catch') return false;
    const api = this.refs.calls.get(call);
    if (api?.kind === 'protect' || api?.kind === 'verifyToken') return true;
    const callee = skipTypeWrappers(call.callee as TSESTree.Expression);
    if (callee.type === 'MemberExpression' && propertyName(callee) === 'protect') {
      const object = this.classify(callee.object);
      if (object?.kind === 'authObject') return true;
    }
    // `invariant(userId, 'Unauthorized')`, `assert(userId)`, `assert.ok(userId)`: throw for anonymous callers.
    // `console.assert` only logs: a member call counts only on `assert` itself (`assert.ok`, `assert.strict`).
    const assertName =
      callee.type === 'Identifier'
        ? callee.name
        : callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'assert'
          ? propertyName(callee)
          : undefined;
    if (assertName !== undefined && ASSERT_FUNCTIONS.has(assertName) && call.arguments[0] !== undefined && call.arguments[0].type !== 'SpreadElement') {
      const guard = this.guardOf(call.arguments[0], { routeHandler: false });
      if (guard?.polarity === 'positive') return true;
    }
    if (callee.type === 'Identifier') {
      const bound = this.bindingOf(callee);
      if (bound?.kind === 'protectFn') return true;
      const helper = this.resolveHelper(callee);
      if (helper !== undefined && helper.analyzer.helperKind(helper.fn) === 'guard' && (isAwaited(call) || !helper.fn.async)) return true;
    }
    return calleeMatchesNameRefs(this.sourceCode, call.callee, this.settings.authFunctions);
  }

  /** Whether a block calls `auth.protect()` or a Next.js never-returning call (`redirect`, `notFound`). */
  private throwsControlFlow(block: TSESTree.Node): boolean {
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

  private findFetch(node: TSESTree.Node): AuthFetch | undefined {
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
  private isAuthExpression(expression: TSESTree.Expression): boolean {
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
  private authKeysOf(object: TSESTree.ObjectExpression): Set<string> {
    const keys = new Set<string>();
    for (const property of object.properties) {
      if (property.type !== 'Property' || property.computed || property.kind !== 'init') continue;
      const key = property.key.type === 'Identifier' ? property.key.name : typeof property.key.value === 'string' ? property.key.value : undefined;
      if (key !== undefined && property.value.type !== 'AssignmentPattern' && this.isAuthExpression(property.value as TSESTree.Expression)) keys.add(key);
    }
    return keys;
  }

  /**
   * The keys of a helper's result that hold the caller's identity, when every value it returns is an object literal
   * (`return { userId, user }`); undefined when it returns anything else (then any destructured key counts, as for
   * `{ userId, error }` results read through `rejection`).
   */
  resultAuthKeys(fn: FunctionNode): ReadonlySet<string> | undefined {
    const known = this.resultKeys.get(fn);
    if (known !== undefined || this.resultKeys.has(fn)) return known ?? undefined;
    this.helperKind(fn);
    let keys: Set<string> | undefined = new Set();
    const returns: TSESTree.Expression[] = [];
    if (fn.body.type !== 'BlockStatement') returns.push(fn.body);
    else {
      findFirst(this.sourceCode, fn.body, (node) => {
        if (node.type === 'ReturnStatement' && node.argument !== null) returns.push(node.argument);
        return false;
      });
    }
    for (const value of returns) {
      const node = skipAwaitAndWrappers(value);
      if (node.type !== 'ObjectExpression') {
        keys = undefined;
        break;
      }
      for (const key of this.authKeysOf(node)) keys.add(key);
    }
    this.resultKeys.set(fn, keys ?? null);
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

  private classifyCall(call: TSESTree.CallExpression): Classified | undefined {
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
      if (FUNCTION_AUTH_ACCESSORS.has(key) && this.isParameterRooted(callee.object)) {
        return { kind: 'authObject', fetch: fetchOf(call) };
      }
      if (key === 'authenticateRequest') return { kind: 'authObject', fetch: fetchOf(call) };
      if (key === 'currentUser' && this.isParameterRooted(callee.object)) {
        return { kind: 'authValue', fetch: fetchOf(call), key: 'user' };
      }
      // Hono: `c.get('clerkAuth')`.
      if (key === 'get' && isStringLiteral(call.arguments[0], 'clerkAuth')) {
        return { kind: 'authObject', fetch: fetchOf(call) };
      }
      return undefined;
    }
    if (callee.type !== 'Identifier') return undefined;
    const bound = this.bindingOf(callee);
    if (bound?.kind === 'hasFn') return { kind: 'authValue', fetch: bound.fetch, key: bound.key ?? 'has' };
    const helper = this.resolveHelper(callee);
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

  private bind(pattern: TSESTree.Node, value: Classified): void {
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
  private rejection(value: Classified, key: string): Classified | undefined {
    const helper = value.helper;
    if (helper === undefined || !helper.analyzer.returnsOnAnonymous(helper.fn, key)) return undefined;
    return { kind: 'authValue', fetch: value.fetch, key, rejects: true };
  }

  /** Whether `node` sits on the branch of a guard that anonymous callers take (`if (!userId) …`), inside `fn`. */
  private inAnonymousBranch(node: TSESTree.Node, fn: FunctionNode): boolean {
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

  /** Whether `fn` returns `{ [key]: <set> }` on the anonymous branch of a guard. */
  returnsOnAnonymous(fn: FunctionNode, key: string): boolean {
    this.analyze(fn, { routeHandler: false });
    return (
      findFirst(this.sourceCode, fn.body, (node) => {
        if (node.type !== 'ReturnStatement' || node.argument?.type !== 'ObjectExpression') return false;
        const property = node.argument.properties.find(
          (candidate): candidate is TSESTree.Property =>
            candidate.type === 'Property' && !candidate.computed && candidate.key.type === 'Identifier' && candidate.key.name === key,
        );
        if (property === undefined || isNullish(property.value) || (property.value.type === 'Literal' && property.value.value === false)) return false;
        return this.inAnonymousBranch(node, fn);
      }) !== undefined
    );
  }

  protected bindingOf(identifier: TSESTree.Identifier): Classified | undefined {
    const variable = this.variableOf(identifier);
    return variable === undefined ? undefined : this.bindings.get(variable);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Guards and exits

  private guardOf(test: TSESTree.Expression, options: AnalyzeOptions): Guard | undefined {
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

  private comparisonGuard(node: TSESTree.BinaryExpression, options: AnalyzeOptions): Guard | undefined {
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

  private isNeverReturnsCall(expression: TSESTree.Expression): boolean {
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

  protected selfAnalyzer(): AuthAnalyzer {
    return this;
  }

  protected createModuleAnalyzer(
    sourceCode: TSESLint.SourceCode,
    refs: ClerkReferences,
    crossFile: CrossFileOptions,
    referencesOf: (sourceCode: TSESLint.SourceCode) => ClerkReferences,
  ): AuthAnalyzer {
    return new AuthAnalyzer(sourceCode, refs, this.settings, crossFile, referencesOf);
  }
}

function fetchOf(node: TSESTree.CallExpression | TSESTree.MemberExpression): AuthFetch {
  return { call: node, acceptsMachine: node.type === 'CallExpression' && acceptsMachineTokens(node) };
}

/** `acceptsToken` admits something other than session tokens (`'any'`, `'api_key'`, an array, a variable). */
function acceptsMachineTokens(call: TSESTree.CallExpression): boolean {
  for (const argument of call.arguments) {
    if (argument.type !== 'ObjectExpression') continue;
    for (const property of argument.properties) {
      if (property.type !== 'Property' || property.computed) continue;
      const key = property.key.type === 'Identifier' ? property.key.name : property.key.value;
      if (key !== 'acceptsToken') continue;
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

function isAwaited(call: TSESTree.Node): boolean {
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

function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === 'Literal' && node.value === null && !('regex' in node)) ||
    (node.type === 'Identifier' && node.name === 'undefined') ||
    (node.type === 'UnaryExpression' && node.operator === 'void')
  );
}

function isStringLiteral(node: TSESTree.Node | undefined, value: string): boolean {
  return node?.type === 'Literal' && node.value === value;
}

/** The function a higher-order function returns: `(fn) => async (...args) => …`, `return async function …`. */
function returnedFunction(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): FunctionNode | undefined {
  if (fn.body.type !== 'BlockStatement') return functionOfExpression(sourceCode, fn.body);
  for (const statement of fn.body.body) {
    if (statement.type === 'ReturnStatement' && statement.argument !== null) return functionOfExpression(sourceCode, statement.argument);
  }
  return undefined;
}

function isConstant(node: TSESTree.Node): boolean {
  return node.type === 'Literal' || (node.type === 'TemplateLiteral' && node.expressions.length === 0);
}

/** The elements of `Promise.all([a, b])` (awaited or not). */
function promiseAllElements(init: TSESTree.Expression): (TSESTree.Node | null)[] | undefined {
  const call = skipAwaitAndWrappers(init);
  if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression') return undefined;
  const { object, property } = call.callee;
  if (object.type !== 'Identifier' || object.name !== 'Promise' || property.type !== 'Identifier') return undefined;
  if (property.name !== 'all') return undefined;
  const [list] = call.arguments;
  return list?.type === 'ArrayExpression' ? list.elements : undefined;
}

//END
