import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode } from './functions.js';

/** How a promise-returning call's result is used. */
export type PromiseUse =
  /** Awaited, returned, chained with then/catch/finally, or handed to Promise.all & co.: handled. */
  | 'handled'
  /** Passed to another function (`use(p)`, `cache(p)`), or stored where we cannot follow it: not judged. */
  | 'unknown'
  /** Its value is read as if it were resolved (`p.userId`, destructuring, a condition, a floating call). */
  | 'misused';

const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/** Climbs through parentheses-free wrappers that keep the same value (`x!`, `x as T`, `(x)`). */
function valueParent(node: TSESTree.Node): { node: TSESTree.Node; parent: TSESTree.Node | undefined } {
  let current = node;
  while (
    current.parent?.type === 'TSNonNullExpression' ||
    current.parent?.type === 'TSAsExpression' ||
    current.parent?.type === 'TSSatisfiesExpression' ||
    current.parent?.type === 'ChainExpression'
  ) {
    current = current.parent;
  }
  return { node: current, parent: current.parent ?? undefined };
}

/** Decides how the value of `call` (a promise) is used. */
export function promiseUse(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.Node, depth = 0): PromiseUse {
  const { node, parent } = valueParent(call);
  if (parent === undefined) return 'unknown';
  switch (parent.type) {
    case 'AwaitExpression':
    case 'ReturnStatement':
    case 'YieldExpression':
      return 'handled';
    case 'ArrowFunctionExpression':
      return parent.body === node ? 'handled' : 'unknown';
    case 'MemberExpression': {
      if (parent.object !== node) return 'unknown';
      const key = !parent.computed && parent.property.type === 'Identifier' ? parent.property.name : undefined;
      if (key === 'then' || key === 'catch' || key === 'finally') return 'handled';
      return 'misused';
    }
    case 'ArrayExpression': {
      const call_ = parent.parent;
      if (call_?.type === 'CallExpression' && call_.callee.type === 'MemberExpression') {
        const key = call_.callee.property.type === 'Identifier' ? call_.callee.property.name : undefined;
        if (key !== undefined && PROMISE_COMBINATORS.has(key)) return 'handled';
      }
      return 'unknown';
    }
    case 'ExpressionStatement':
      return 'misused';
    case 'UnaryExpression':
      return parent.operator === 'void' ? 'handled' : 'misused';
    case 'IfStatement':
    case 'ConditionalExpression':
    case 'WhileStatement':
    case 'DoWhileStatement':
      return parent.type === 'ConditionalExpression' && parent.test !== node ? 'unknown' : 'misused';
    case 'LogicalExpression':
      return parent.left === node ? 'misused' : promiseUse(sourceCode, parent, depth);
    case 'BinaryExpression':
      return 'misused';
    case 'VariableDeclarator': {
      if (parent.init !== node) return 'unknown';
      if (parent.id.type === 'ObjectPattern' || parent.id.type === 'ArrayPattern') return 'misused';
      if (parent.id.type !== 'Identifier' || depth > 2) return 'unknown';
      // `const p = auth(); … await p`: judge by the variable's uses.
      const variable = ASTUtils.findVariable(sourceCode.getScope(parent.id), parent.id);
      const reads = variable?.references.filter((reference) => reference.isRead()) ?? [];
      if (reads.length === 0) return 'unknown';
      const uses = reads.map((reference) => promiseUse(sourceCode, reference.identifier, depth + 1));
      if (uses.includes('handled')) return 'handled';
      return uses.includes('misused') ? 'misused' : 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** The innermost function around a node (undefined at module level). */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  let current: TSESTree.Node | null | undefined = node.parent;
  while (current !== undefined && current !== null) {
    if (isFunctionNode(current)) return current;
    current = current.parent;
  }
  return undefined;
}
