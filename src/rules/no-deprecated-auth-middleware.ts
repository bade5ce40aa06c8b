import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getClerkReferences } from '../analysis/index.js';
import { CLERK_MIDDLEWARE_FROM, GUARD_IMPORT_SOURCE } from '../clerk/index.js';
import { existingImport } from '../fixes/imports.js';
import { freeName, namesInUse } from '../fixes/names.js';
import { codeStyle, quoted, statementEnd } from '../fixes/style.js';
import { createRule } from './kit/create-rule.js';
import { promotedFix } from './kit/report.js';
import { setupRule } from './kit/rule-setup.js';

export type Options = [];
export type MessageIds =
  | 'removedAuthMiddleware'
  | 'deprecatedAuthMiddleware'
  | 'deprecatedAfterAuth'
  | 'migrateToClerkMiddleware';

/** `authMiddleware` treated these as public unless `publicRoutes` was a function. */
const DEFAULT_PUBLIC_ROUTES = ['/sign-in(.*)', '/sign-up(.*)'];

export default createRule<Options, MessageIds>({
  name: 'no-deprecated-auth-middleware',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `authMiddleware`, whose protect-everything default the replacement `clerkMiddleware` does not have',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      removedAuthMiddleware:
        '`authMiddleware` was removed in Clerk v6, and `clerkMiddleware()`, its replacement, protects nothing by default: migrate with the protection spelled out, or every route becomes public.',
      deprecatedAuthMiddleware:
        '`authMiddleware` is deprecated and protects every route by default, while `clerkMiddleware()` protects none: a hand migration that drops the protection silently opens every route.',
      deprecatedAfterAuth:
        '`authMiddleware` is deprecated, and its `afterAuth` decides what signed-out requests get; `clerkMiddleware()` protects nothing by default, so a migration must carry that decision over or every route becomes public.',
      migrateToClerkMiddleware: 'Migrate to `clerkMiddleware()` that protects every route except the public ones.',
    },
  },
  create(context) {
    const { sourceCode } = context;
    if (!sourceCode.text.includes('authMiddleware')) return {};
    const setup = setupRule(context);
    // In v4 `authMiddleware` is current: there is nothing to migrate to yet.
    if (setup === undefined || setup.major < CLERK_MIDDLEWARE_FROM) return {};

    return {
      'Program:exit'() {
        const refs = getClerkReferences(sourceCode);
        const calls = [...refs.calls].filter(([, ref]) => ref.kind === 'legacyMiddleware');
        for (const [call] of calls) {
          const suggest = calls.length === 1 ? migration(call) : [];
          context.report({
            node: call.callee,
            messageId: setup.major >= 6 ? 'removedAuthMiddleware' : hasAfterAuth(call) ? 'deprecatedAfterAuth' : 'deprecatedAuthMiddleware',
            fix: promotedFix(setup.settings, suggest),
            suggest,
          });
        }
      },
    };

    function migration(call: TSESTree.CallExpression): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const routes = literalRoutes(call);
      const statement = topLevelStatement(call);
      const specifier = importSpecifierOf(call.callee);
      if (routes === undefined || statement === undefined || specifier === undefined) return [];
      const declaration = specifier.parent as TSESTree.ImportDeclaration;
      const style = codeStyle(sourceCode);
      const end = statementEnd(style);
      const serverSources = [GUARD_IMPORT_SOURCE.next];
      const middleware = existingImport(sourceCode, serverSources, 'clerkMiddleware');
      const matcher = existingImport(sourceCode, serverSources, 'createRouteMatcher');
      const missing = [middleware ?? 'clerkMiddleware', matcher ?? 'createRouteMatcher'].filter(
        (name, index) => [middleware, matcher][index] === undefined && name !== undefined,
      );
      const isPublic = freeName(namesInUse(sourceCode, sourceCode.ast), 'isPublicRoute', 'isClerkPublicRoute');
      const list = [...new Set([...DEFAULT_PUBLIC_ROUTES, ...routes])].map((route) => quoted(route, style)).join(', ');
      const body =
        setup!.major >= 6
          ? `async (auth, req) => {\n${style.indentUnit}if (!${isPublic}(req)) await auth.protect()${end}\n}`
          : `(auth, req) => {\n${style.indentUnit}if (!${isPublic}(req)) auth().protect()${end}\n}`;
      return [
        {
          messageId: 'migrateToClerkMiddleware',
          fix: (fixer) => {
            const fixes: TSESLint.RuleFix[] = [];
            const names = missing.join(', ');
            if (declaration.source.value === GUARD_IMPORT_SOURCE.next) {
              fixes.push(names === '' ? removeSpecifier(fixer, specifier) : fixer.replaceText(specifier, names));
            } else if (declaration.specifiers.length === 1) {
              fixes.push(
                fixer.replaceText(declaration, names === '' ? '' : `import { ${names} } from ${quoted(GUARD_IMPORT_SOURCE.next, style)}${end}`),
              );
            } else {
              fixes.push(removeSpecifier(fixer, specifier));
              if (names !== '') {
                fixes.push(fixer.insertTextAfter(declaration, `\nimport { ${names} } from ${quoted(GUARD_IMPORT_SOURCE.next, style)}${end}`));
              }
            }
            fixes.push(fixer.insertTextBefore(statement, `const ${isPublic} = ${matcher ?? 'createRouteMatcher'}([${list}])${end}\n\n`));
            fixes.push(fixer.replaceText(call, `${middleware ?? 'clerkMiddleware'}(${body})`));
            return fixes;
          },
        },
      ];
    }

    function removeSpecifier(fixer: TSESLint.RuleFixer, specifier: TSESTree.ImportSpecifier): TSESLint.RuleFix {
      const after = sourceCode.getTokenAfter(specifier);
      if (after?.value === ',') return fixer.removeRange([specifier.range[0], sourceCode.getTokenAfter(after)?.range[0] ?? after.range[1]]);
      const before = sourceCode.getTokenBefore(specifier);
      return fixer.removeRange([before?.value === ',' ? before.range[0] : specifier.range[0], specifier.range[1]]);
    }

    function importSpecifierOf(callee: TSESTree.Node): TSESTree.ImportSpecifier | undefined {
      if (callee.type !== 'Identifier') return undefined;
      for (const statement of sourceCode.ast.body) {
        if (statement.type !== 'ImportDeclaration') continue;
        for (const specifier of statement.specifiers) {
          if (specifier.type === 'ImportSpecifier' && specifier.local.name === callee.name) return specifier;
        }
      }
      return undefined;
    }
  },
});

/** `authMiddleware({ afterAuth })`: a custom `afterAuth` replaces the default that sends signed-out requests to sign in. */
function hasAfterAuth(call: TSESTree.CallExpression): boolean {
  const [options] = call.arguments;
  return (
    options?.type === 'ObjectExpression' &&
    options.properties.some((property) => property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && property.key.name === 'afterAuth')
  );
}

/** The routes of `authMiddleware()` / `authMiddleware({ publicRoutes, ignoredRoutes })` with literal lists only. */
function literalRoutes(call: TSESTree.CallExpression): string[] | undefined {
  if (call.arguments.length === 0) return [];
  const [options] = call.arguments;
  if (call.arguments.length !== 1 || options?.type !== 'ObjectExpression') return undefined;
  const routes: string[] = [];
  for (const property of options.properties) {
    if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') return undefined;
    if (property.key.name !== 'publicRoutes' && property.key.name !== 'ignoredRoutes') return undefined;
    const values = property.value.type === 'ArrayExpression' ? property.value.elements : [property.value];
    for (const value of values) {
      if (value?.type === 'Literal' && typeof value.value === 'string') routes.push(value.value);
      else if (value?.type === 'TemplateLiteral' && value.expressions.length === 0) routes.push(value.quasis[0]?.value.cooked ?? '');
      else return undefined;
    }
  }
  return routes;
}

function topLevelStatement(node: TSESTree.Node): TSESTree.ProgramStatement | undefined {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent.type !== 'Program') current = current.parent;
  return current.parent?.type === 'Program' ? (current as TSESTree.ProgramStatement) : undefined;
}
