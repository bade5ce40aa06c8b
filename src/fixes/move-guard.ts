import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { lastDirective } from '../analysis/directives.js';
import type { FunctionNode } from '../analysis/functions.js';

type Fix = TSESLint.ReportFixFunction;

/**
 * A fix moving a late authentication check to the top of the function, instead of adding a second one:
 * the guard statement (`await auth.protect()`, `if (!userId) return …`) and, when it tests a value, the
 * declaration that fetched that value (`const { userId } = await auth()`). Only when both are statements of
 * the function body on lines of their own, the guard has no `else`, and they use nothing declared in the
 * function but its parameters and each other; else undefined (the caller falls back to inserting a guard).
 */
export function moveGuardFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: FunctionNode,
  establishing: TSESTree.Node,
): Fix | undefined {
  const guard = enclosingStatement(establishing);
  const body = fn.body;
  if (body.type !== 'BlockStatement' || guard.parent !== body) return undefined;
  if (guard.type === 'IfStatement' ? guard.alternate !== null : guard.type !== 'ExpressionStatement' && guard.type !== 'VariableDeclaration') {
    return undefined;
  }
  const statements = body.body;
  const directive = lastDirective(statements);
  const first = statements.find((statement) => statement !== directive && !(directive && statement.range[0] < directive.range[1]));
  if (first === undefined || first === guard || first.loc.start.line === body.loc.start.line) return undefined;

  const guardLocals = localReferences(sourceCode, fn, guard);
  if (guardLocals === undefined) return undefined;
  // `const userId = await requireUser()`: its own bindings do not tie it to earlier code.
  const locals = new Set([...guardLocals].filter((variable) => guard.type !== 'VariableDeclaration' || !isDeclaredBy(variable, guard)));
  let fetch: TSESTree.VariableDeclaration | undefined;
  if (locals.size > 0) {
    const declarations = new Set([...locals].map((variable) => variable.defs[0]?.parent));
    const [declaration] = declarations;
    if (declarations.size !== 1 || declaration?.type !== 'VariableDeclaration' || declaration.parent !== body) return undefined;
    if (declaration.kind !== 'const' || declaration.declarations.length !== 1) return undefined;
    if (declaration.range[0] > guard.range[0] || declaration === first) return undefined;
    const fetchLocals = localReferences(sourceCode, fn, declaration);
    if (fetchLocals === undefined || [...fetchLocals].some((variable) => !isDeclaredBy(variable, declaration))) return undefined;
    fetch = declaration;
  }
  const moved = fetch === undefined ? [guard] : [fetch, guard];
  if (!moved.every((statement) => onOwnLines(sourceCode, statement))) return undefined;
  return (fixer) => {
    const lineStart = (node: TSESTree.Node) => sourceCode.getIndexFromLoc({ line: node.loc.start.line, column: 0 });
    const lineEnd = (node: TSESTree.Node) => {
      const next = sourceCode.lines[node.loc.end.line] === undefined ? sourceCode.text.length : sourceCode.getIndexFromLoc({ line: node.loc.end.line + 1, column: 0 });
      return next;
    };
    const block = moved.map((statement) => sourceCode.text.slice(lineStart(statement), lineEnd(statement))).join('');
    const text = block.endsWith('\n') ? block : `${block}\n`;
    return [
      fixer.insertTextBeforeRange([lineStart(first), lineStart(first)], text),
      ...moved.map((statement) => fixer.removeRange([lineStart(statement), lineEnd(statement)])),
    ];
  };
}

type Variable = NonNullable<ReturnType<TSESLint.Scope.ScopeManager['getDeclaredVariables']>[number]>;

/**
 * Variables declared inside `fn` (parameters excluded) that `node` reads; undefined when `node` contains a
 * function or class (whose closures make moving it harder to reason about).
 */
function localReferences(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode, node: TSESTree.Node): Set<Variable> | undefined {
  const found = new Set<Variable>();
  const manager = sourceCode.scopeManager;
  if (manager === null) return undefined;
  for (const scope of manager.scopes) {
    const block = scope.block;
    if (block.range[0] < fn.range[0] || block.range[1] > fn.range[1]) continue;
    if (block !== fn && block.range[0] >= node.range[0] && block.range[1] <= node.range[1]) return undefined;
    for (const reference of scope.references) {
      const identifier = reference.identifier;
      if (identifier.range[0] < node.range[0] || identifier.range[1] > node.range[1]) continue;
      const variable = reference.resolved;
      if (variable === null) continue;
      const definition = variable.defs[0];
      if (definition === undefined || definition.type === 'Parameter') continue;
      const declared = definition.node;
      if (declared.range[0] >= fn.range[0] && declared.range[1] <= fn.range[1]) found.add(variable);
    }
  }
  return found;
}

function isDeclaredBy(variable: Variable, declaration: TSESTree.VariableDeclaration): boolean {
  return variable.defs.some((definition) => definition.parent === declaration);
}

/** No other code shares the statement's first or last line. */
function onOwnLines(sourceCode: Readonly<TSESLint.SourceCode>, statement: TSESTree.Node): boolean {
  const before = sourceCode.getTokenBefore(statement, { includeComments: true });
  const after = sourceCode.getTokenAfter(statement, { includeComments: true });
  return (
    (before === null || before.loc.end.line < statement.loc.start.line) &&
    (after === null || after.loc.start.line > statement.loc.end.line)
  );
}

/** The statement a guard call is the whole of: `await auth.protect()`, `const userId = await requireUser()`. */
function enclosingStatement(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent !== undefined &&
    (current.parent.type === 'AwaitExpression' ||
      current.parent.type === 'ChainExpression' ||
      current.parent.type === 'TSNonNullExpression' ||
      current.parent.type === 'TSAsExpression' ||
      (current.parent.type === 'VariableDeclarator' && current.parent.init === current) ||
      (current.parent.type === 'ExpressionStatement' && current.parent.expression === current) ||
      current.parent.type === 'VariableDeclaration')
  ) {
    current = current.parent;
  }
  return current;
}
