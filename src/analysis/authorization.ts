import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import type { NameRef } from '../util/settings.js';
import type { ClerkReferences } from './clerk-references.js';
import { type FunctionNode, resolveLocalFunction, rootIdentifier, skipAwaitAndWrappers } from './functions.js';
import { calleeMatchesNameRefs } from './name-refs.js';
import { findFirst } from './traverse.js';

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
): boolean {
  return (
    findFirst(sourceCode, fn.body, (node) => {
      if (node.range[0] >= position) return 'skip';
      if (node.type === 'CallExpression') {
        const callee = node.callee;
        const name =
          callee.type === 'Identifier'
            ? callee.name
            : callee.type === 'MemberExpression' && callee.property.type === 'Identifier'
              ? callee.property.name
              : '';
        if ((name === 'has' || refs.calls.get(node)?.kind === 'protect') && node.arguments.length > 0) return true;
        if (calleeMatchesNameRefs(sourceCode, callee, authFunctions)) return true;
        if (callee.type === 'Identifier' && depth < 2) {
          const helper = resolveLocalFunction(sourceCode, callee);
          if (
            helper !== undefined &&
            helper !== fn &&
            (hasAuthorizationBefore(sourceCode, refs, authFunctions, helper, Number.POSITIVE_INFINITY, depth + 1) ||
              mentionsRoleClaims(sourceCode, helper))
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

/**
 * Whether a value comes from the verified session: `(await auth()).orgId`, or a variable initialised from
 * `auth()` / `auth.protect()` (`const { userId, orgId } = await auth()`). The caller cannot choose it.
 */
export function isFromSession(sourceCode: Readonly<TSESLint.SourceCode>, refs: ClerkReferences, node: TSESTree.Node): boolean {
  const target = skipAwaitAndWrappers(node as TSESTree.Expression);
  const root = target.type === 'MemberExpression' ? skipAwaitAndWrappers(target.object) : target;
  if (root.type === 'CallExpression') return isSessionCall(refs, root);
  const identifier = rootIdentifier(root);
  if (identifier === undefined) return false;
  const definition = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.defs[0];
  const init = definition?.type === 'Variable' && definition.node.init ? skipAwaitAndWrappers(definition.node.init) : undefined;
  return init?.type === 'CallExpression' && isSessionCall(refs, init);
}

function isSessionCall(refs: ClerkReferences, call: TSESTree.CallExpression): boolean {
  const kind = refs.calls.get(call)?.kind;
  return kind === 'authObject' || kind === 'protect';
}
