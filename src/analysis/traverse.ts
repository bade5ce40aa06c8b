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
    const keys = sourceCode.visitorKeys[node.type] ?? [];
    const children: TSESTree.Node[] = [];
    for (const key of keys) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) children.push(child);
      } else if (isNode(value)) children.push(value);
    }
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index] as TSESTree.Node;
      if (isFunctionNode(child) || child.type === 'ClassBody') {
        if (options.enterFunctions !== true) continue;
      } else if (child.type.startsWith('TS') && !isRuntimeTsWrapper(child)) {
        continue;
      }
      stack.push(child);
    }
  }
  return undefined;
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
