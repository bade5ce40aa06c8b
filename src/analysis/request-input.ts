import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import type { ClerkReferences } from './clerk-references.js';
import { type FunctionNode, isFunctionNode, skipTypeWrappers } from './functions.js';

/** Calls that return their (first) argument's value, validated or converted: `schema.parse(body)`. */
const PASS_THROUGH_METHODS = new Set(['parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'validate', 'validateSync', 'cast']);
const PASS_THROUGH_FUNCTIONS = new Set(['String', 'Number', 'Boolean', 'parseInt', 'parseFloat', 'decodeURIComponent', 'structuredClone']);
/** `Object.*` functions that build an object (or entries) from their arguments' entries. */
const OBJECT_COPIES = new Set(['fromEntries', 'assign', 'entries']);
/** Array methods whose callback's first parameter is an item of the array. */
const ITERATION_METHODS = new Set(['map', 'flatMap', 'forEach', 'filter', 'some', 'every', 'find', 'findIndex']);
/** Next.js request helpers whose values the caller controls. */
const REQUEST_FUNCTIONS = new Set(['cookies', 'headers']);

/**
 * Decides, within one entry point, whether an expression derives from caller-controlled input: the entry's own
 * parameters (the request, route params, a server action's arguments and FormData), `cookies()` / `headers()`,
 * and everything computed from them by member access, destructuring, `await`, `??` / `||` / ternaries, template
 * literals, spreads, TypeScript wrappers, conversions and validation that keeps the value. Values from Clerk
 * (`auth()`, `currentUser()`, `sessionClaims`) are never caller-controlled.
 */
export class RequestInputAnalyzer {
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly refs: ClerkReferences,
    private readonly entry: FunctionNode,
  ) {}

  isCallerControlled(expression: TSESTree.Node, depth = 0): boolean {
    if (depth > 12) return false;
    const next = (node: TSESTree.Node): boolean => this.isCallerControlled(node, depth + 1);
    const node = expression.type.startsWith('TS') ? skipTypeWrappers(expression as TSESTree.Expression) : expression;
    switch (node.type) {
      case 'Identifier':
        return this.identifierIsControlled(node, depth);
      case 'MemberExpression':
        return next(node.object);
      case 'ChainExpression':
        return next(node.expression);
      case 'AwaitExpression':
        return next(node.argument);
      case 'SpreadElement':
        return next(node.argument);
      case 'LogicalExpression':
        return next(node.left) || next(node.right);
      case 'ConditionalExpression':
        return next(node.consequent) || next(node.alternate);
      case 'TemplateLiteral':
        return node.expressions.some(next);
      case 'NewExpression':
        // `new URL(req.url)`, `new URLSearchParams(body)`.
        return node.arguments.some(next);
      case 'CallExpression': {
        if (this.refs.calls.has(node)) return false;
        const callee = node.callee;
        if (callee.type === 'Identifier') {
          if (PASS_THROUGH_FUNCTIONS.has(callee.name) || REQUEST_FUNCTIONS.has(callee.name)) {
            return REQUEST_FUNCTIONS.has(callee.name) || (node.arguments[0] !== undefined && next(node.arguments[0]));
          }
          return false;
        }
        if (callee.type !== 'MemberExpression') return false;
        const method = !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : undefined;
        // `Object.fromEntries(formData)`, `Object.assign({}, body)`: a new object of the caller's entries.
        if (callee.object.type === 'Identifier' && callee.object.name === 'Object' && method !== undefined && OBJECT_COPIES.has(method)) {
          return node.arguments.some(next);
        }
        if (method !== undefined && PASS_THROUGH_METHODS.has(method)) return node.arguments[0] !== undefined && next(node.arguments[0]);
        if (method === 'parse' && callee.object.type === 'Identifier' && callee.object.name === 'JSON') {
          return node.arguments[0] !== undefined && next(node.arguments[0]);
        }
        // `req.json()`, `formData.get('orgId')`, `body.orgId.trim()`, `(await cookies()).get('x')`.
        return next(callee.object);
      }
      default:
        return false;
    }
  }

  private identifierIsControlled(identifier: TSESTree.Identifier, depth: number): boolean {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    const definition = variable?.defs[0];
    if (definition === undefined) return false;
    if (definition.type === 'Parameter') {
      if (definition.node === this.entry) return true;
      // `ids.map((id) => …)`, `items.forEach((item) => …)`: each item is as much the caller's as the list.
      const callback = definition.node;
      const call = callback.parent;
      const item = callback.params[0];
      const within = this.entry.range[0] < callback.range[0] && callback.range[1] < this.entry.range[1];
      if (!within || item === undefined || definition.name.range[0] < item.range[0] || definition.name.range[1] > item.range[1]) return false;
      if (call?.type !== 'CallExpression' || call.arguments[0] !== callback) return false;
      if (call.callee.type !== 'MemberExpression' || call.callee.property.type !== 'Identifier' || !ITERATION_METHODS.has(call.callee.property.name)) return false;
      return this.isCallerControlled(call.callee.object, depth + 1);
    }
    if (definition.type !== 'Variable') return false;
    // `for (const issue of updatedIssues)`: each item is as much the caller's as the list.
    const loop = definition.parent.parent;
    if (definition.node.init === null && loop?.type === 'ForOfStatement' && loop.left === definition.parent && isInside(loop, this.entry)) {
      return this.isCallerControlled(loop.right, depth + 1);
    }
    if (definition.node.init === null) return false;
    // Only values computed inside this entry point (not module constants).
    if (!isInside(definition.node, this.entry)) return false;
    return this.isCallerControlled(definition.node.init, depth + 1);
  }
}

function isInside(node: TSESTree.Node, fn: FunctionNode): boolean {
  return fn.range[0] <= node.range[0] && node.range[1] <= fn.range[1] && !isFunctionNode(node);
}
