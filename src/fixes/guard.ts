import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { lastDirective } from '../analysis/directives.js';
import type { FunctionNode } from '../analysis/functions.js';
import { codeStyle, lineIndent } from './style.js';

/**
 * Inserts `lines` (complete statements, without indentation) at the start of a function body, after its
 * directives. Expression-bodied arrows become block bodies that return the old expression. When `needsAsync`,
 * a sync function is made async. Returns the fixes, or undefined when the spot is unsafe.
 */
export function insertAtFunctionStart(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: FunctionNode,
  lines: readonly string[],
  needsAsync: boolean,
): TSESLint.RuleFix[] | undefined {
  if (fn.generator) return undefined;
  const style = codeStyle(sourceCode);
  const fixes: TSESLint.RuleFix[] = [];
  if (needsAsync && !fn.async) {
    const asyncFix = makeAsync(fixer, sourceCode, fn);
    if (asyncFix === undefined) return undefined;
    fixes.push(asyncFix);
  }
  const body = fn.body;
  if (body.type !== 'BlockStatement') {
    const outer = lineIndent(sourceCode, fn);
    const inner = outer + style.indentUnit;
    const returned = sourceCode.getText(body);
    const open = sourceCode.getTokenBefore(body, { filter: (token) => token.value === '=>' });
    if (open === null) return undefined;
    // Replace from after `=>` to the end of the body, including any parentheses around it.
    const end = lastParenEnd(sourceCode, body);
    const statements = [...lines, `return ${returned}${style.semi ? ';' : ''}`];
    fixes.push(
      fixer.replaceTextRange(
        [open.range[1], end],
        ` {\n${statements.map((line) => indentLines(line, inner)).join('\n')}\n${outer}}`,
      ),
    );
    return fixes;
  }
  const directive = lastDirective(body.body);
  const first = body.body.find((statement) => statement !== directive && !(directive && statement.range[0] < directive.range[1]));
  if (first !== undefined && first.loc.start.line !== body.loc.start.line) {
    const indent = lineIndent(sourceCode, first);
    const text = lines.map((line) => indentLines(line, indent)).join('\n');
    const anchor = directive ?? sourceCode.getFirstToken(body);
    if (anchor === null) return undefined;
    fixes.push(fixer.insertTextAfter(anchor, `\n${text}`));
    return fixes;
  }
  const outer = lineIndent(sourceCode, body);
  const inner = outer + style.indentUnit;
  const text = lines.map((line) => indentLines(line, inner)).join('\n');
  const openBrace = sourceCode.getFirstToken(body);
  if (openBrace === null) return undefined;
  if (directive !== undefined) {
    fixes.push(fixer.insertTextAfter(directive, `\n${text}`));
  } else if (body.body.length === 0) {
    fixes.push(fixer.replaceText(body, `{\n${text}\n${outer}}`));
  } else {
    // A one-line body `{ work() }` becomes a block laid out over lines.
    const firstStatement = body.body[0] as TSESTree.Statement;
    const lastStatement = body.body[body.body.length - 1] as TSESTree.Statement;
    fixes.push(fixer.replaceTextRange([openBrace.range[1], firstStatement.range[0]], `\n${text}\n${inner}`));
    if (lastStatement.loc.end.line === body.loc.end.line) {
      fixes.push(fixer.replaceTextRange([lastStatement.range[1], body.range[1] - 1], `\n${outer}`));
    }
  }
  return fixes;
}

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n');
}

function lastParenEnd(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): number {
  let end = node.range[1];
  let before = sourceCode.getTokenBefore(node);
  let after = sourceCode.getTokenAfter(node);
  while (before?.value === '(' && after?.value === ')') {
    end = after.range[1];
    before = sourceCode.getTokenBefore(before);
    after = sourceCode.getTokenAfter(after);
  }
  return end;
}

export function makeAsync(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: FunctionNode,
): TSESLint.RuleFix | undefined {
  if (fn.type === 'ArrowFunctionExpression') {
    const first = sourceCode.getFirstToken(fn);
    return first === null ? undefined : fixer.insertTextBefore(first, 'async ');
  }
  if (fn.parent?.type === 'MethodDefinition' || (fn.parent?.type === 'Property' && fn.parent.method)) {
    const key = fn.parent.key;
    return fixer.insertTextBefore(key, 'async ');
  }
  const functionToken = sourceCode.getFirstToken(fn, { filter: (token) => token.value === 'function' });
  return functionToken === null ? undefined : fixer.insertTextBefore(functionToken, 'async ');
}

/** Inserts `line` on its own line after `statement`, at the statement's indentation. */
export function insertAfterStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
  line: string,
): TSESLint.RuleFix {
  return fixer.insertTextAfter(statement, `\n${indentLines(line, lineIndent(sourceCode, statement))}`);
}

/** The range that removes `statement`, with its line when nothing else stands on it. */
export function statementRemovalRange(sourceCode: Readonly<TSESLint.SourceCode>, statement: TSESTree.Node): [number, number] {
  const { text } = sourceCode;
  const lineStart = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const next = text.indexOf('\n', statement.range[1]);
  const ownLine = text.slice(lineStart, statement.range[0]).trim() === '' && next !== -1 && text.slice(statement.range[1], next).trim() === '';
  return ownLine ? [lineStart, next + 1] : [statement.range[0], statement.range[1]];
}

/** The range that removes a property of an object pattern, with the comma that separates it from a neighbour. */
export function propertyRemovalRange(sourceCode: Readonly<TSESLint.SourceCode>, property: TSESTree.Node): [number, number] {
  const after = sourceCode.getTokenAfter(property);
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after);
    return [property.range[0], next === null ? after.range[1] : next.range[0]];
  }
  const before = sourceCode.getTokenBefore(property);
  return [before?.value === ',' ? before.range[0] : property.range[0], property.range[1]];
}
