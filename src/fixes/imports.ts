import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { lastDirective } from '../analysis/directives.js';
import { statementRemovalRange } from './guard.js';
import { freeName, namesInUse } from './names.js';
import { codeStyle, quoted, statementEnd } from './style.js';

export interface ImportPlan {
  /** The expression to use for the import in inserted code: `auth`, `clerkAuth`, or `clerk.auth`. */
  readonly local: string;
  /** The edit that adds the import; absent when an existing import already provides it. */
  readonly fix?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
}

/**
 * Plans the import of `name` from `source`, exactly once: reuses an existing value import (also a renamed or a
 * namespace one), else extends an existing named import from the same source, else adds a declaration after
 * the last import. Picks an alias when the name is taken.
 */
export function planImport(
  sourceCode: Readonly<TSESLint.SourceCode>,
  source: string,
  name: string,
  sources: readonly string[] = [source],
): ImportPlan {
  const program = sourceCode.ast;
  const declarations = program.body.filter(
    (statement): statement is TSESTree.ImportDeclaration =>
      statement.type === 'ImportDeclaration' && sources.includes(statement.source.value),
  );
  for (const declaration of declarations) {
    if (declaration.importKind === 'type') continue;
    for (const specifier of declaration.specifiers) {
      if (specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type' && importedName(specifier) === name) {
        return { local: specifier.local.name };
      }
      if (specifier.type === 'ImportNamespaceSpecifier') return { local: `${specifier.local.name}.${name}` };
    }
  }
  const taken = namesInUse(sourceCode, program);
  const local = freeName(taken, name, `clerk${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`);
  const specifierText = local === name ? name : `${name} as ${local}`;
  const extendable = declarations.find(
    (declaration) =>
      declaration.source.value === source &&
      declaration.importKind !== 'type' &&
      declaration.specifiers.some((specifier) => specifier.type === 'ImportSpecifier'),
  );
  if (extendable !== undefined) {
    const last = extendable.specifiers[extendable.specifiers.length - 1] as TSESTree.ImportSpecifier;
    return { local, fix: (fixer) => fixer.insertTextAfter(last, `, ${specifierText}`) };
  }
  const style = codeStyle(sourceCode);
  const text = `import { ${specifierText} } from ${quoted(source, style)}${statementEnd(style)}`;
  const imports = program.body.filter((statement) => statement.type === 'ImportDeclaration');
  const anchor = imports[imports.length - 1] ?? lastDirective(program.body);
  if (anchor !== undefined) return { local, fix: (fixer) => fixer.insertTextAfter(anchor, `\n${text}`) };
  const first = program.body[0];
  if (first !== undefined) return { local, fix: (fixer) => fixer.insertTextBefore(first, `${text}\n`) };
  return { local, fix: (fixer) => fixer.insertTextAfterRange([0, 0], `${text}\n`) };
}

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
}

/** The local name of a value import (or, with `typesToo`, any import) of `name` from one of `sources`. */
export function existingImport(
  sourceCode: Readonly<TSESLint.SourceCode>,
  sources: readonly string[],
  name: string,
  typesToo = false,
): string | undefined {
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== 'ImportDeclaration' || (statement.importKind === 'type' && !typesToo)) continue;
    if (!sources.includes(statement.source.value)) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportSpecifier' && (typesToo || specifier.importKind !== 'type') && importedName(specifier) === name) {
        return specifier.local.name;
      }
    }
  }
  return undefined;
}

/**
 * Removes an import specifier (and its comma), or the whole declaration when it is the only one, with its line.
 * For repairs that remove the last use of an imported name, so that no unused import is left behind.
 */
export function removeImportSpecifier(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  specifier: TSESTree.ImportClause,
): TSESLint.RuleFix {
  const declaration = specifier.parent as TSESTree.ImportDeclaration;
  if (declaration.specifiers.length === 1) return fixer.removeRange(statementRemovalRange(sourceCode, declaration));
  const after = sourceCode.getTokenAfter(specifier);
  if (after?.value === ',') return fixer.removeRange([specifier.range[0], (sourceCode.getTokenAfter(after) ?? after).range[0]]);
  const before = sourceCode.getTokenBefore(specifier);
  return fixer.removeRange([before?.value === ',' ? before.range[0] : specifier.range[0], specifier.range[1]]);
}
