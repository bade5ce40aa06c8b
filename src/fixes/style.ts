import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

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
    let withSemi = 0;
    let without = 0;
    for (const statement of allStatements(ast.body)) {
      const last = sourceCode.getLastToken(statement);
      if (last === null) continue;
      if (last.value === ';') withSemi += 1;
      else if (last.value !== '}') without += 1;
    }
    const indented = /^([ \t]+)\S/mu.exec(text)?.[1] ?? '  ';
    const indentUnit = indented.startsWith('\t') ? '\t' : indented.length >= 4 && indented.length % 4 === 0 ? '    ' : '  ';
    return { quote, semi: withSemi >= without, indentUnit };
  });
}

function* allStatements(body: readonly TSESTree.ProgramStatement[]): Generator<TSESTree.Node> {
  for (const statement of body) {
    if (statement.type === 'ExpressionStatement' && statement.directive !== undefined) continue;
    if (
      statement.type === 'ImportDeclaration' ||
      statement.type === 'VariableDeclaration' ||
      statement.type === 'ExpressionStatement'
    ) {
      yield statement;
    } else if (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration') {
      yield statement;
    }
  }
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
