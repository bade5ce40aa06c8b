import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { NameRef } from '../project/settings.js';
import type { ClerkReferences } from './clerk-references.js';
import { type FunctionNode, resolveLocalFunction } from './functions.js';
import { calleeMatchesNameRefs } from './name-refs.js';
import { findFirst } from './traverse.js';

/**
 * Role and permission checks: whether a function decides what the caller may do (authorisation, not only who
 * they are) before a point: `has({ role | permission })`, `auth.protect({ … })` with arguments, a `sessionClaims` /
 * `orgRole` guard, a same-file or imported helper doing one, or a configured auth function. It does not decide
 * which organization such a check covers (the active one only: see org-access) nor whether the role came from a
 * source the caller can write (see the user-object role rule).
 */

/**
 * Whether the function checks authorisation (not just authentication) before `position`: `has({ role |
 * permission })`, `auth.protect({ … })` with arguments, a `sessionClaims` / `orgRole` guard, a same-file helper
 * doing one of these (Clerk's `checkRole`), or a configured auth function.
 */
export function hasAuthorizationBefore(
  sourceCode: Readonly<TSESLint.SourceCode>,
  refs: ClerkReferences,
  authFunctions: readonly NameRef[],
  fn: FunctionNode,
  position: number,
  depth = 0,
  resolveImported?: ImportedFunctionResolver,
): boolean {
  return (
    findFirst(sourceCode, fn.body, (node) => {
      if (node.range[0] >= position) return 'skip';
      if (node.type === 'CallExpression') {
        const callee = node.callee;
        if (isRoleOrPermissionCheck(refs, node)) return true;
        if (calleeMatchesNameRefs(sourceCode, callee, authFunctions)) return true;
        if (callee.type === 'Identifier' && depth < 2) {
          const helper = resolveLocalFunction(sourceCode, callee);
          if (
            helper !== undefined &&
            helper !== fn &&
            (hasAuthorizationBefore(sourceCode, refs, authFunctions, helper, Number.POSITIVE_INFINITY, depth + 1, resolveImported) ||
              mentionsRoleClaims(sourceCode, helper))
          ) {
            return true;
          }
          // Clerk's RBAC guide keeps `checkRole` in utils/roles.ts.
          const imported = helper === undefined ? resolveImported?.(sourceCode, callee) : undefined;
          if (
            imported !== undefined &&
            (hasAuthorizationBefore(imported.sourceCode, imported.refs, authFunctions, imported.fn, Number.POSITIVE_INFINITY, depth + 1) ||
              mentionsRoleClaims(imported.sourceCode, imported.fn))
          ) {
            return true;
          }
        }
      }
      if (node.type === 'IfStatement' && mentionsRoleClaims(sourceCode, node.test)) return true;
      return false;
    }) !== undefined
  );
}

/**
 * `has({ role | permission | … })` or `auth.protect({ … })`: a check of the caller's role or permission in the
 * active organization (so it also needs one).
 */
export function isRoleOrPermissionCheck(refs: ClerkReferences, call: TSESTree.CallExpression): boolean {
  if (call.arguments.length === 0) return false;
  const callee = call.callee;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
  return name === 'has' || refs.calls.get(call)?.kind === 'protect';
}

/** Resolves a function imported from the project's own modules (see `importedFunction`). */
export type ImportedFunctionResolver = (
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
) => { fn: FunctionNode; sourceCode: TSESLint.SourceCode; refs: ClerkReferences } | undefined;

function mentionsRoleClaims(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  return (
    findFirst(
      sourceCode,
      node,
      (candidate) => candidate.type === 'Identifier' && (candidate.name === 'sessionClaims' || candidate.name === 'orgRole'),
      { enterFunctions: true },
    ) !== undefined
  );
}
