import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isDirective } from '../analysis/directives.js';
import { perFile } from '../util/file-cache.js';

export interface CodeStyle {
  readonly quote: "'" | '"';
  readonly semi: boolean;
  /** One level of indentation: two spaces, four spaces or a tab. */
  readonly indentUnit: string;
}

/** The file's own quote, semicolon and indentation style, so that inserted code looks like its neighbours. */
export function codeStyle(sourceCode: Readonly<TSESLint.SourceCode>): CodeStyle {
  return perFile(sourceCode, 'codeStyle', () => {
    const { ast, text } = sourceCode;
    const firstString = sourceCode.ast.tokens?.find(
      (token) => token.type === 'String' && token.value.length > 1,
    )?.value;
    const quote = firstString?.startsWith('"') === true ? '"' : "'";
    const indented = /^([ \t]+)\S/mu.exec(text)?.[1] ?? '  ';
    const indentUnit = indented.startsWith('\t') ? '\t' : indented.length >= 4 && indented.length % 4 === 0 ? '    ' : '  ';
    return { quote, semi: usesSemicolons(ast.body, text, sourceCode.visitorKeys), indentUnit };
  });
}

/**
 * Whether the file ends its statements with `;`. The top level decides when its statements agree and there are at
 * least two of them (imports, top-level declarations: what a formatter wrote along with the rest); otherwise the vote
 * of the first 50 statements anywhere in the file (allStatements), a tie going to semicolons. The walk into nested
 * code was the costliest part of building a repair: on the benchmark's 300 files of corpus (b), a walk of the top
 * level only counted ~55 M instructions fewer for `all` (V8 compiling the walk once it got hot, more than running it).
 */
function usesSemicolons(body: readonly TSESTree.ProgramStatement[], text: string, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const top = semicolonVotes(body.filter(isStyleStatement), text);
  if (top.without === 0 && top.withSemi >= 2) return true;
  if (top.withSemi === 0 && top.without >= 2) return false;
  const all = semicolonVotes(allStatements(body, visitorKeys), text);
  return all.withSemi >= all.without;
}

function semicolonVotes(statements: Iterable<TSESTree.Node>, text: string): { withSemi: number; without: number } {
  let withSemi = 0;
  let without = 0;
  for (const statement of statements) {
    // A node's range ends with its last token, so its last character tells `;` and `}` apart from the rest
    // (no other token ends in either: strings end in a quote, template literals in a backtick) without a token
    // cursor per statement (~0.5 µs each, timed over 200 files of corpus (b)).
    const last = text[statement.range[1] - 1];
    if (last === ';') withSemi += 1;
    else if (last !== '}') without += 1;
  }
  return { withSemi, without };
}

const STYLE_STATEMENTS = new Set([
  'ImportDeclaration',
  'VariableDeclaration',
  'ExpressionStatement',
  'ReturnStatement',
  'ThrowStatement',
  'ExportNamedDeclaration',
]);

/** Statements whose last token shows the semicolon style (directives and block-ending ones excluded). */
function* allStatements(body: readonly TSESTree.Node[], visitorKeys: TSESLint.SourceCode.VisitorKeys): Generator<TSESTree.Node> {
  const stack = [...body].reverse();
  let seen = 0;
  let visited = 0;
  while (stack.length > 0 && seen < 50 && visited < 5_000) {
    visited += 1;
    const node = stack.pop() as TSESTree.Node;
    if (isStyleStatement(node)) {
      seen += 1;
      yield node;
    }
    // Only the children that can hold statements (bodies, blocks, functions), by the parser's visitor keys.
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isStatementHolder(child)) stack.push(child);
      } else if (isStatementHolder(value)) stack.push(value);
    }
  }
}

/** A statement of a kind that ends with `;` in a file that uses them (STYLE_STATEMENTS; an `export` only of variables), not a directive. */
function isStyleStatement(node: TSESTree.Node): boolean {
  if (isDirective(node) || !STYLE_STATEMENTS.has(node.type)) return false;
  return node.type !== 'ExportNamedDeclaration' || node.declaration?.type === 'VariableDeclaration';
}

function isStatementHolder(value: unknown): value is TSESTree.Node {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && !type.startsWith('TS') && type !== 'Literal' && type !== 'Identifier';
}

export function quoted(value: string, style: CodeStyle): string {
  return `${style.quote}${value.replaceAll('\\', '\\\\').replaceAll(style.quote, `\\${style.quote}`)}${style.quote}`;
}

export function statementEnd(style: CodeStyle): string {
  return style.semi ? ';' : '';
}

/** The whitespace at the start of the line holding `node`. */
export function lineIndent(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node | TSESTree.Token): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^[ \t]*/u.exec(line)?.[0] ?? '';
}
