import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Whether a program or function body starts with the directive, using `ExpressionStatement.directive`, which
 * the parser sets (to a string) only inside the real prologue (a `'use client'` after an import is not a directive;
 * oxc sets `directive: null` on other statements).
 */
/**
 * Whether a statement is a prologue directive such as `'use server'`. Tests for a string: typescript-eslint
 * leaves `directive` undefined on other expression statements, but oxc (oxlint's parser) sets it to null.
 */
export function isDirective(node: TSESTree.Node): node is TSESTree.ExpressionStatement & { directive: string } {
  return node.type === 'ExpressionStatement' && typeof node.directive === 'string';
}

export function hasDirective(body: readonly TSESTree.ProgramStatement[], directive: string): boolean {
  for (const statement of body) {
    if (!isDirective(statement)) return false;
    if (statement.directive === directive) return true;
  }
  return false;
}

export function functionHasDirective(fn: TSESTree.FunctionLike, directive: string): boolean {
  return fn.body?.type === 'BlockStatement' && hasDirective(fn.body.body, directive);
}

/** The last directive statement of a prologue, for inserting code after it. */
export function lastDirective(body: readonly TSESTree.ProgramStatement[]): TSESTree.ExpressionStatement | undefined {
  let last: TSESTree.ExpressionStatement | undefined;
  for (const statement of body) {
    if (!isDirective(statement)) break;
    last = statement;
  }
  return last;
}
