import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import type { NameRef } from '../project/settings.js';
import { calleePath } from './functions.js';

/**
 * Whether a callee is one of the functions named in settings. A bare name matches the callee's root or its full
 * dotted path (`authActionClient` matches `authActionClient.schema(s).action`); `{ name, from }` also requires
 * the root to be imported from `from` under that name.
 */
export function calleeMatchesNameRefs(
  sourceCode: Readonly<TSESLint.SourceCode>,
  callee: TSESTree.Node,
  refs: readonly NameRef[],
): boolean {
  if (refs.length === 0) return false;
  const path = calleePath(callee);
  if (path === undefined) return false;
  const dotted = path.join('.');
  const root = path[0] as string;
  return refs.some((ref) => {
    const matchesName = ref.name === dotted || ref.name === root || dotted.startsWith(`${ref.name}.`);
    if (!matchesName) return false;
    if (ref.from === undefined) return true;
    return importedFrom(sourceCode, callee, root) === `${ref.from}#${ref.name.split('.')[0]}`;
  });
}

/** `source#importedName` of the identifier `root` at the start of `callee`, if it is an import. */
function importedFrom(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Node, root: string): string | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(callee), root);
  const definition = variable?.defs[0];
  if (definition?.type !== 'ImportBinding') return undefined;
  const declaration = definition.parent as TSESTree.ImportDeclaration;
  const specifier = definition.node;
  const imported =
    specifier.type === 'ImportSpecifier'
      ? specifier.imported.type === 'Identifier'
        ? specifier.imported.name
        : specifier.imported.value
      : 'id' in specifier
        ? specifier.id.name
        : specifier.local.name;
  return `${declaration.source.value}#${imported}`;
}
