import type { TSESTree } from '@typescript-eslint/utils';

import {
  BENIGN_CALL_NAMES,
  CLIENT_FACTORY_NAMES,
  COMPUTE_ONLY_SOURCES,
  DB_CONNECT_FUNCTION,
  DB_CONNECT_SOURCES,
  DELEGATING_ADAPTER_SOURCES,
  LOG_METHODS,
  LOGGER_NAME,
  PURE_GLOBAL_CALLS,
  PURE_GLOBAL_OBJECTS,
  PURE_METHODS,
  RATE_LIMIT_SOURCE,
  REQUEST_INFO_FUNCTIONS,
  REQUEST_READ_METHODS,
  RESPONSE_GLOBALS,
  RESPONSE_METHODS,
  VALIDATION_METHODS,
  VALIDATION_SOURCES,
} from '../clerk/index.js';
import {
  type FunctionNode,
  rootIdentifier,
  skipAwaitAndWrappers,
  skipTypeWrappers,
  propertyName,
} from './functions.js';
import { calleeMatchesNameRefs } from './name-refs.js';
import { findFirst } from './traverse.js';
import type { Classified } from './auth-flow.js';
import { ModuleAnalysis } from './helper-modules.js';

/**
 * What counts as work: the calls of a function that read or change data or have other effects (a query, a write,
 * a fetch), as opposed to reading the request, building a response, logging, validating, computing, rate limiting,
 * opening a connection, or calling Clerk and the project's own auth helpers. Work before an auth check is what the
 * route and action rules report. It decides nothing about checks or exits (see auth-flow).
 */

export abstract class WorkAnalysis extends ModuleAnalysis {
  /** What an expression holds as far as authentication goes (the analyzer's classification). */
  protected abstract classify(expression: TSESTree.Node): Classified | undefined;
  /** What a variable was bound to (the analyzer's bindings). */
  protected abstract bindingOf(identifier: TSESTree.Identifier): Classified | undefined;

  /** The first node that does work: a call with effects or data access (not auth, request reads, responses). */
  findWork(node: TSESTree.Node): TSESTree.Node | undefined {
    return findFirst(this.sourceCode, node, (candidate) => this.isWorkNode(candidate, node), { enterFunctions: true });
  }

  /** Every node of `fn` that does work (see findWork), in source order, the calls of a chain each on their own. */
  workNodes(fn: FunctionNode): TSESTree.Node[] {
    const nodes: TSESTree.Node[] = [];
    findFirst(
      this.sourceCode,
      fn.body,
      (candidate) => {
        const verdict = this.isWorkNode(candidate, fn.body);
        if (verdict === true) nodes.push(candidate);
        return verdict === 'skip' ? 'skip' : false;
      },
      { enterFunctions: true },
    );
    return nodes;
  }

  protected isWorkNode(candidate: TSESTree.Node, node: TSESTree.Node): boolean | 'skip' {
    // Callbacks passed to a call run as part of it (`ids.map((id) => db.x.delete(…))`); other functions don't run here.
    // An immediately invoked function runs here too: its body is looked at, the call itself is no work.
    if (candidate !== node && (candidate.type === 'ArrowFunctionExpression' || candidate.type === 'FunctionExpression')) {
      const parent = candidate.parent;
      if (parent?.type === 'CallExpression' && parent.callee === candidate) return false;
      return (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.arguments.includes(candidate) ? false : 'skip';
    }
    if (candidate.type === 'FunctionDeclaration' || candidate.type === 'ClassBody') return candidate === node ? false : 'skip';
    if (candidate.type === 'CallExpression') {
      if (candidate.callee.type === 'ArrowFunctionExpression' || candidate.callee.type === 'FunctionExpression') return false;
      return !this.isBenignCall(candidate);
    }
    if (candidate.type === 'TaggedTemplateExpression') return candidate.parent.type === 'AwaitExpression';
    return false;
  }

  protected isBenignCall(call: TSESTree.CallExpression): boolean {
    if (this.refs.calls.has(call)) return true;
    const callee = skipTypeWrappers(call.callee as TSESTree.Expression);
    if (callee.type === 'Identifier') return this.isBenignFunction(call, callee);
    if (callee.type !== 'MemberExpression') return false;
    const method = propertyName(callee);
    const root = rootIdentifier(callee);
    if (root !== undefined) {
      // `crypto.createHmac('sha256', secret).update(body).digest('hex')` with `crypto` imported from node:crypto.
      if (this.isComputeOnlyRoot(root)) return true;
      // `z.enum(stages).safeParse(stage)`, `yup.object({…}).validate(body)`: schemas only inspect input.
      const rootSource = this.importSource(root);
      if (rootSource !== undefined && VALIDATION_SOURCES.has(rootSource)) return true;
      // `Ratelimit.fixedWindow(1, '5m')`, `ratelimit.limit(ip)`: rate limiting reads no user data.
      if (rootSource !== undefined && RATE_LIMIT_SOURCE.test(rootSource)) return true;
      // `await mongoose.connect(uri)`: opening a connection touches no data.
      if (method === 'connect' && root === callee.object && rootSource !== undefined && DB_CONNECT_SOURCES.has(rootSource)) return true;
      // `logger.info('…')`, `log.error(err)`.
      if (method !== undefined && LOG_METHODS.has(method) && root === callee.object && LOGGER_NAME.test(root.name)) return true;
      const global = this.isGlobal(root);
      if (global && (PURE_GLOBAL_OBJECTS.has(root.name) || RESPONSE_GLOBALS.has(root.name))) return true;
      if (RESPONSE_GLOBALS.has(root.name) && this.isImported(root)) return true;
      if (BENIGN_CALL_NAMES.has(root.name) && root !== callee.object) return true;
    }
    if (method === undefined) return false;
    if (VALIDATION_METHODS.has(method) || PURE_METHODS.has(method)) return true;
    // `ratelimit.limit(ip)`, `limiter.limit(key)`: rate limiting before the auth check reads no user data.
    if (method === 'limit' && root !== undefined && /limit/iu.test(root.name)) return true;
    if (this.classify(callee.object) !== undefined) return true;
    if (
      (REQUEST_READ_METHODS.has(method) || RESPONSE_METHODS.has(method)) &&
      this.isParameterRooted(callee.object)
    ) {
      return true;
    }
    return calleeMatchesNameRefs(this.sourceCode, call.callee, this.settings.authFunctions);
  }

  protected isBenignFunction(call: TSESTree.CallExpression, callee: TSESTree.Identifier): boolean {
    if (this.bindingOf(callee) !== undefined) return true;
    if (BENIGN_CALL_NAMES.has(callee.name)) return true;
    // `await connectDB()`, `await dbConnect()`: opening a connection touches no data (by name, any source).
    if (DB_CONNECT_FUNCTION.test(callee.name) && call.arguments.length <= 1) return true;
    // `v.parse(schema, input)` with valibot's functions imported one by one.
    const calleeSource = this.importSource(callee);
    if (calleeSource !== undefined && VALIDATION_SOURCES.has(calleeSource)) return true;
    // `ipAddress(req)`, `geolocation(req)`: helpers that read the request.
    if (calleeSource !== undefined && REQUEST_INFO_FUNCTIONS[calleeSource]?.includes(callee.name) === true) return true;
    // `const t = await getTranslations()`, then `t('title')`: a function a benign call returned.
    const definition = this.variableOf(callee)?.defs[0];
    if (definition?.type === 'Variable' && definition.node.init !== null) {
      const init = skipAwaitAndWrappers(definition.node.init);
      if (init.type === 'CallExpression' && init.callee.type === 'Identifier' && BENIGN_CALL_NAMES.has(init.callee.name)) return true;
    }
    // Client factories by name only when they come from a package; a project function is read below.
    if (CLIENT_FACTORY_NAMES.has(callee.name) && this.resolveHelper(callee) === undefined) return true;
    if (PURE_GLOBAL_CALLS.has(callee.name) && this.isGlobal(callee)) return true;
    // tRPC and similar adapters: the framework's procedures authenticate, per procedure.
    const source = calleeSource;
    if (source !== undefined && DELEGATING_ADAPTER_SOURCES.some((prefix) => source.startsWith(prefix))) return true;
    if (source !== undefined && COMPUTE_ONLY_SOURCES.has(source)) return true;
    if (calleeMatchesNameRefs(this.sourceCode, call.callee, this.settings.authFunctions)) return true;
    const helper = this.resolveHelper(callee);
    if (helper === undefined) return false;
    return helper.analyzer.helperKind(helper.fn) !== 'none' || !helper.analyzer.doesWork(helper.fn);
  }

  /** `crypto` imported from node:crypto, or a `const hmac = crypto.createHmac(…)` built from it. */
  protected isComputeOnlyRoot(root: TSESTree.Identifier, depth = 0): boolean {
    const source = this.importSource(root);
    if (source !== undefined) return COMPUTE_ONLY_SOURCES.has(source);
    const definition = this.variableOf(root)?.defs[0];
    if (depth > 1 || definition?.type !== 'Variable' || definition.node.init === null || definition.parent.kind !== 'const') return false;
    const initRoot = rootIdentifier(definition.node.init);
    return initRoot !== undefined && this.isComputeOnlyRoot(initRoot, depth + 1);
  }
}
