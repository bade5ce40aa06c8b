import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Whether a program or function body starts with the directive, using `ExpressionStatement.directive`, which
 * the parser sets only inside the real prologue (a `'use client'` after an import is not a directive).
 */
export function hasDirective(body: readonly TSESTree.ProgramStatement[], directive: string): boolean {
  for (const statement of body) {
    if (statement.type !== 'ExpressionStatement' || statement.directive === undefined) return false;
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
    if (statement.type !== 'ExpressionStatement' || statement.directive === undefined) break;
    last = statement;
  }
  return last;
}
