import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from './functions.js';

/**
 * The first node, in pre-order, for which `predicate` holds; nested functions and classes are not entered
 * (their bodies do not run when the enclosing code does) unless `enterFunctions` is set. The predicate may return 'skip' to prune a subtree.
 */
export function findFirst(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  predicate: (node: TSESTree.Node) => boolean | 'skip',
  options: { enterFunctions?: boolean } = {},
): TSESTree.Node | undefined {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    const verdict = predicate(node);
    if (verdict === true) return node;
    if (verdict === 'skip') continue;
    // Children pushed last-first (so popped in source order), without building a list per node.
    const keys = sourceCode.visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k -= 1) {
      const value = (node as unknown as Record<string, unknown>)[keys[k] as string];
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index -= 1) {
          const child: unknown = value[index];
          if (isNode(child) && shouldEnter(child, options.enterFunctions === true)) stack.push(child);
        }
      } else if (isNode(value) && shouldEnter(value, options.enterFunctions === true)) stack.push(value);
    }
  }
  return undefined;
}

function shouldEnter(child: TSESTree.Node, enterFunctions: boolean): boolean {
  if (isFunctionNode(child) || child.type === 'ClassBody') return enterFunctions;
  return !child.type.startsWith('TS') || isRuntimeTsWrapper(child);
}

/** TypeScript nodes that wrap runtime expressions (`x as T`, `x!`) must still be entered. */
function isRuntimeTsWrapper(node: TSESTree.Node): boolean {
  return (
    node.type === 'TSAsExpression' ||
    node.type === 'TSNonNullExpression' ||
    node.type === 'TSSatisfiesExpression' ||
    node.type === 'TSTypeAssertion' ||
    node.type === 'TSInstantiationExpression'
  );
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Whether `inner` lies within `outer` in the source (by range). */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** `return …` / `throw …`, or a block holding one at its top level: the branch leaves the function. */
export function returnsOrThrows(statement: TSESTree.Statement): boolean {
  const leaves = (node: TSESTree.Statement) => node.type === 'ReturnStatement' || node.type === 'ThrowStatement';
  return leaves(statement) || (statement.type === 'BlockStatement' && statement.body.some(leaves));
}
