import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { ZSA_PROCEDURE } from '../clerk/index.js';
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
import { calleeMatchesNameRefs } from './name-refs.js';
import { ASSERT_FUNCTIONS, type AuthFetch, CheckAnalysis, type ExitKind, isAwaited, isNullish, promiseAllElements, returnedFunction } from './checks.js';
import type { CrossFileOptions } from './helper-modules.js';
import { verifiesSignature } from './shared-secrets.js';
import { contains, findFirst } from './traverse.js';

export type { AuthFetch, Classified } from './checks.js';

/**
 * The auth flow: whether a function establishes who the caller is before it does work, walking its statements in
 * order (a check, then work; work, then a late check; a check that only tests for `null`), and what helpers do for
 * their callers (guard, fetcher, none; which keys of their result hold the identity; whether a wrapper or an
 * action client authenticates before calling the wrapped function). What counts as a check and as an exit is in
 * checks, what counts as work in work, how helpers are found in helper-modules. It does not decide authorisation
 * (roles, organizations: see role-checks and org-access).
 */

type Variable = TSESLint.Scope.Variable;

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

/**
 * Decides whether functions establish authentication before doing work. One analyzer serves a whole file: it
 * remembers what it learned about variables and same-file helpers.
 */
export class AuthAnalyzer extends CheckAnalysis {
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
    // A Clerk API called by its imported name (`auth()`, `currentUser()`) is neither a variable bound to an auth
    // object's `protect` nor a project helper: no binding or helper to look up.
    if (callee.type === 'Identifier' && api === undefined) {
      const bound = this.bindingOf(callee);
      if (bound?.kind === 'protectFn') return true;
      const helper = this.resolveAuthHelper(callee);
      if (helper !== undefined && helper.analyzer.helperKind(helper.fn) === 'guard' && (isAwaited(call) || !helper.fn.async)) return true;
    }
    return calleeMatchesNameRefs(this.sourceCode, call.callee, this.settings.authFunctions);
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
