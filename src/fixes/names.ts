import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** The names a new binding must avoid (see `namesInUse`). */
export interface NamesInUse {
  has(name: string): boolean;
}

/**
 * Every name declared or referenced within `node`'s scope and the scopes nested in it, plus the names visible
 * from it: a new binding with a name outside this set neither clashes nor shadows anything. The enclosing scopes
 * are asked by name rather than copied: the global scope of a TypeScript file holds every lib global (~1,000
 * names), and a repair asks about two or three.
 */
export function namesInUse(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): NamesInUse {
  const names = new Set<string>();
  const start = sourceCode.scopeManager?.acquire(node, true) ?? sourceCode.getScope(node);
  const stack = [start];
  while (stack.length > 0) {
    const scope = stack.pop() as TSESLint.Scope.Scope;
    for (const variable of scope.variables) names.add(variable.name);
    for (const reference of scope.through) names.add(reference.identifier.name);
    for (const reference of scope.references) names.add(reference.identifier.name);
    stack.push(...scope.childScopes);
  }
  return {
    has(name) {
      if (names.has(name)) return true;
      for (let scope: TSESLint.Scope.Scope | null = start.upper; scope !== null; scope = scope.upper) {
        if (scope.set.has(name)) return true;
      }
      return false;
    },
  };
}

/** `preferred` if free, else `fallback`, else `fallback2`, `fallback3`, … */
export function freeName(taken: NamesInUse, preferred: string, fallback: string): string {
  if (!taken.has(preferred)) return preferred;
  if (!taken.has(fallback)) return fallback;
  for (let index = 2; ; index += 1) {
    const candidate = `${fallback}${index}`;
    if (!taken.has(candidate)) return candidate;
  }
}
