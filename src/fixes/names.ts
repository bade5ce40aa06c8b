import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * Every name declared or referenced within `node`'s scope and the scopes nested in it, plus the names visible
 * from it: a new binding with a name outside this set neither clashes nor shadows anything.
 */
export function namesInUse(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): Set<string> {
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
  for (let scope: TSESLint.Scope.Scope | null = start.upper; scope !== null; scope = scope.upper) {
    for (const variable of scope.variables) names.add(variable.name);
  }
  return names;
}

/** `preferred` if free, else `fallback`, else `fallback2`, `fallback3`, … */
export function freeName(taken: ReadonlySet<string>, preferred: string, fallback: string): string {
  if (!taken.has(preferred)) return preferred;
  if (!taken.has(fallback)) return fallback;
  for (let index = 2; ; index += 1) {
    const candidate = `${fallback}${index}`;
    if (!taken.has(candidate)) return candidate;
  }
}
