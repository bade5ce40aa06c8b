import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import type { ClerkReferences } from './clerk-references.js';
import { rootIdentifier, skipAwaitAndWrappers } from './functions.js';

/**
 * Values of the verified session: what `auth()` / `auth.protect()` returned, directly or through a variable. The
 * caller cannot choose them. It does not decide whether they were checked (see auth-flow) or are present.
 */

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
