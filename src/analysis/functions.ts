import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === 'ArrowFunctionExpression' ||
    node?.type === 'FunctionDeclaration' ||
    node?.type === 'FunctionExpression'
  );
}

/** Strips TypeScript-only wrappers, parentheses-free: `x as T`, `x!`, `x satisfies T`, `<T>x`. */
export function skipTypeWrappers(node: TSESTree.Expression): TSESTree.Expression {
  let current = node;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'TSInstantiationExpression'
  ) {
    current = current.expression;
  }
  return current;
}

/** Strips `await`, TypeScript wrappers and optional chains. */
export function skipAwaitAndWrappers(node: TSESTree.Expression): TSESTree.Expression {
  let current = skipTypeWrappers(node);
  for (;;) {
    if (current.type === 'AwaitExpression') current = skipTypeWrappers(current.argument);
    else if (current.type === 'ChainExpression') current = skipTypeWrappers(current.expression);
    else return current;
  }
}

/** The local function an identifier names (`function f`, `const f = () => …`, `const f = cache(async () => …)`). */
export function resolveLocalFunction(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
  seen: Set<TSESTree.Node> = new Set(),
): FunctionNode | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition === undefined) return undefined;
  if (definition.type === 'FunctionName' && isFunctionNode(definition.node)) return definition.node;
  if (
    definition.type === 'Variable' &&
    definition.node.id.type === 'Identifier' &&
    definition.node.init &&
    (definition.parent as TSESTree.VariableDeclaration | undefined)?.kind === 'const'
  ) {
    return functionOfExpression(sourceCode, definition.node.init, seen);
  }
  return undefined;
}

/** The function an expression evaluates to, looking through identifiers and single-function wrapper calls. */
export function functionOfExpression(
  sourceCode: Readonly<TSESLint.SourceCode>,
  expression: TSESTree.Expression,
  seen: Set<TSESTree.Node> = new Set(),
): FunctionNode | undefined {
  const node = skipTypeWrappers(expression);
  if (seen.has(node)) return undefined;
  seen.add(node);
  if (isFunctionNode(node)) return node;
  if (node.type === 'Identifier') return resolveLocalFunction(sourceCode, node, seen);
  if (node.type === 'CallExpression') {
    const inner = lastFunctionArgument(node);
    return inner === undefined ? undefined : functionOfExpression(sourceCode, inner, seen);
  }
  return undefined;
}

/** The last argument of a wrapper call that is (or may name) a function: `withAuth(opts, async () => …)`. */
export function lastFunctionArgument(call: TSESTree.CallExpression): TSESTree.Expression | undefined {
  for (let index = call.arguments.length - 1; index >= 0; index -= 1) {
    const argument = call.arguments[index];
    if (argument === undefined || argument.type === 'SpreadElement') continue;
    const inner = skipTypeWrappers(argument);
    if (isFunctionNode(inner) || inner.type === 'Identifier' || inner.type === 'CallExpression') return argument;
  }
  return undefined;
}

/** The dotted callee path with calls skipped: `a.b(x).c` → ['a', 'b', 'c']; undefined when not a name chain. */
export function calleePath(callee: TSESTree.Node): string[] | undefined {
  const parts: string[] = [];
  let current: TSESTree.Node = callee;
  for (;;) {
    if (current.type === 'Identifier') {
      parts.unshift(current.name);
      return parts;
    }
    if (current.type === 'ThisExpression') {
      parts.unshift('this');
      return parts;
    }
    if (current.type === 'MemberExpression') {
      if (current.computed || current.property.type !== 'Identifier') return undefined;
      parts.unshift(current.property.name);
      current = current.object;
    } else if (current.type === 'CallExpression') {
      current = current.callee;
    } else if (current.type === 'ChainExpression') {
      current = current.expression;
    } else if (current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression') {
      current = current.expression;
    } else {
      return undefined;
    }
  }
}

/** The identifier at the root of a member chain (`req` in `req.headers.get('x')`). */
export function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current: TSESTree.Node = node;
  for (;;) {
    switch (current.type) {
      case 'Identifier':
        return current;
      case 'MemberExpression':
        current = current.object;
        break;
      case 'CallExpression':
        current = current.callee;
        break;
      case 'ChainExpression':
      case 'TSNonNullExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
        current = current.expression;
        break;
      case 'AwaitExpression':
        current = current.argument;
        break;
      default:
        return undefined;
    }
  }
}

/** The name under which a function is known: its id, or the variable / property it is assigned to. */
export function functionDisplayName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  let parent: TSESTree.Node | undefined = fn.parent;
  while (parent?.type === 'CallExpression' || parent?.type === 'TSAsExpression') parent = parent.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'Property' && parent.key.type === 'Identifier') return parent.key.name;
  return undefined;
}

/** The name a call is made by: `f` for `f()`, `m` for `x.y.m()`; '' for computed or other callees. */
export function calledName(callee: TSESTree.Node): string {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return '';
}

/** The name of a member expression's property: `a.b` and `a['b']` give `b`; any other computed key gives undefined. */
export function propertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === 'Identifier') return member.property.name;
  if (member.computed && member.property.type === 'Literal' && typeof member.property.value === 'string') {
    return member.property.value;
  }
  return undefined;
}
