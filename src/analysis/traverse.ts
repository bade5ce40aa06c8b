import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * The first node, in pre-order, for which `predicate` holds; nested functions and classes are not entered
 * (their bodies do not run when the enclosing code does) unless `enterFunctions` is set. The predicate may return 'skip' to prune a subtree.
 *
 * Every analysis walks through here (~80 callers), and the walk is written to stay one function that V8 does not
 * inline: which children are entered is decided in the loop itself, once, rather than by small helpers. V8's
 * optimizing compiler inlines a function of up to 460 bytes of bytecode into each caller it compiles, and a caller
 * such as `findWork` or `findFetch` (a one-line wrapper, compiled early) then carried its own copy of the walk with
 * its predicate and everything that predicate calls, compiled again after each deoptimisation. Above that size the
 * walk is compiled once, and its callers are small: on the whole of benchmark corpus (b), 272 M fewer instructions
 * with `all` and 170 M fewer with `recommended` (docs/development.md, "One walk, compiled once").
 * tests/analysis/traverse.test.ts keeps it above the limit.
 */
export function findFirst(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  predicate: (node: TSESTree.Node) => boolean | 'skip',
  options: { enterFunctions?: boolean } = {},
): TSESTree.Node | undefined {
  const enterFunctions = options.enterFunctions === true;
  const visitorKeys = sourceCode.visitorKeys;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    const verdict = predicate(node);
    if (verdict === true) return node;
    if (verdict === 'skip') continue;
    // Children pushed last-first (so popped in source order), without building a list per node. A key holds a
    // node, an array of nodes (with `null` holes: `[, b]`), or something else (a name, a flag, `null`).
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k -= 1) {
      const value = (node as unknown as Record<string, unknown>)[keys[k] as string];
      if (typeof value !== 'object' || value === null) continue;
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index -= 1) {
          const child: unknown = value[index];
          if (typeof child !== 'object' || child === null) continue;
          const type: unknown = (child as { type?: unknown }).type;
          if (typeof type !== 'string') continue;
          // Nested functions and class bodies run at another time: entered only when asked.
          if (type === 'ArrowFunctionExpression' || type === 'FunctionExpression' || type === 'FunctionDeclaration' || type === 'ClassBody') {
            if (enterFunctions) stack.push(child as TSESTree.Node);
            continue;
          }
          // TypeScript's type nodes hold no runtime code; its wrappers of runtime expressions (`x as T`, `x!`,
          // `x satisfies T`, `<T>x`, `f<T>`) do.
          if (
            type.startsWith('TS') &&
            type !== 'TSAsExpression' &&
            type !== 'TSNonNullExpression' &&
            type !== 'TSSatisfiesExpression' &&
            type !== 'TSTypeAssertion' &&
            type !== 'TSInstantiationExpression'
          ) {
            continue;
          }
          stack.push(child as TSESTree.Node);
        }
        continue;
      }
      // The same for a key that holds one node (written out again rather than shared: see above).
      const type: unknown = (value as { type?: unknown }).type;
      if (typeof type !== 'string') continue;
      if (type === 'ArrowFunctionExpression' || type === 'FunctionExpression' || type === 'FunctionDeclaration' || type === 'ClassBody') {
        if (enterFunctions) stack.push(value as TSESTree.Node);
        continue;
      }
      if (
        type.startsWith('TS') &&
        type !== 'TSAsExpression' &&
        type !== 'TSNonNullExpression' &&
        type !== 'TSSatisfiesExpression' &&
        type !== 'TSTypeAssertion' &&
        type !== 'TSInstantiationExpression'
      ) {
        continue;
      }
      stack.push(value as TSESTree.Node);
    }
  }
  return undefined;
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
