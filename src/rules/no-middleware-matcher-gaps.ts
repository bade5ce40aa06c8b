import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  anyPatternMatches,
  getClerkReferences,
  getFileKind,
  matcherPatterns,
  matcherProperty,
  routeListUsage,
} from '../analysis/index.js';
import { MIDDLEWARE_BASENAMES, RECOMMENDED_MATCHER } from '../clerk/index.js';
import { codeStyle, quoted } from '../fixes/style.js';
import { createRule } from './kit/create-rule.js';
import { projectRootOf } from '../util/project.js';
import { promotedFix } from './kit/report.js';
import { setupRule } from './kit/rule-setup.js';

export type Options = [];
export type MessageIds =
  | 'apiNotCovered'
  | 'dotPathsSkipped'
  | 'catchAllPublic'
  | 'missingLeadingSlash'
  | 'ignoredApiRoute'
  | 'misplacedMiddleware'
  | 'useRecommendedMatcher'
  | 'addLeadingSlash'
  | 'removeEntry';

/**
 * Public-list entries that make every route public: the middleware then protects nothing it was written to protect.
 * (`'/api(.*)'` is not one: route handlers may protect themselves, and require-route-handler-auth reports each one
 * that does not.)
 */
const CATCH_ALLS = new Set(['(.*)', '/(.*)', '/:path*', '/:path+', '/((?!_next).*)']);
const MISPLACED = new RegExp(String.raw`(?:^|/)(?:app|pages|lib)/(?:${MIDDLEWARE_BASENAMES.join('|')})\.[cm]?[jt]sx?$`, 'u');
/** The same on the file name: the path inside the project is a suffix of it, so most files are ruled out without it. */
const MISPLACED_NAME = new RegExp(String.raw`(?:^|[\\/])(?:app|pages|lib)[\\/](?:${MIDDLEWARE_BASENAMES.join('|')})\.[cm]?[jt]sx?$`, 'u');

export default createRule<Options, MessageIds>({
  name: 'no-middleware-matcher-gaps',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Clerk middleware matchers and route lists that leave routes unprotected',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      apiNotCovered:
        'The middleware `matcher` never runs on `/api` routes: `auth()` there throws, and any protection done in middleware is skipped for them.',
      dotPathsSkipped:
        'The middleware `matcher` skips paths with a dot, such as `/api/users/john.doe`: middleware does not run for them.',
      catchAllPublic: '`{{pattern}}` in the public route list matches every route, so `auth.protect()` never runs.',
      missingLeadingSlash: '`{{pattern}}` has no leading slash, so it never matches a request path.',
      ignoredApiRoute:
        '`{{pattern}}` in `ignoredRoutes` skips Clerk on an API route: `auth()` there throws, and nothing in middleware protects it.',
      misplacedMiddleware:
        'Next.js loads `middleware`/`proxy` only from the project root or `src/`; this file never runs, so nothing it protects is protected. Move it beside `app/` (the project root, or `src/` when the app is in `src/app`).',
      useRecommendedMatcher: "Use Clerk's recommended matcher.",
      addLeadingSlash: 'Write `/{{pattern}}`.',
      removeEntry: 'Remove `{{pattern}}` from the list.',
    },
  },
  create(context) {
    const { sourceCode } = context;
    const kind = getFileKind(context);
    // `app/middleware.ts` is misplaced inside a Next app folder, but not when `app/` is the project (its package.json is there).
    // A root `middleware.ts` of an app that lives in `src/app` (no root `app/` or `pages/`): Next loads `src/middleware.ts`.
    const misplaced = (!kind.middleware && MISPLACED_NAME.test(context.filename) && MISPLACED.test(kind.path)) || (kind.middleware && besideSrcApp(kind.path, context.filename));
    if (!kind.middleware && !misplaced) return {};
    const setup = setupRule(context);
    if (setup === undefined) return {};
    // The file's style, read only when a repair is built.
    const style = (): ReturnType<typeof codeStyle> => codeStyle(sourceCode);

    function report(
      node: TSESTree.Node,
      messageId: MessageIds,
      data: Record<string, string>,
      suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [],
    ): void {
      context.report({ node, messageId, data, fix: promotedFix(setup!.settings, suggest), suggest });
    }

    return {
      'Program:exit'() {
        const refs = getClerkReferences(sourceCode);
        if (misplaced) {
          const exported = sourceCode.ast.body.find((statement) => statement.type === 'ExportDefaultDeclaration');
          const call = exported?.declaration.type === 'CallExpression' ? exported.declaration : undefined;
          const ref = call === undefined ? undefined : refs.calls.get(call);
          if (ref?.kind === 'middleware' || ref?.kind === 'legacyMiddleware') report(exported as TSESTree.Node, 'misplacedMiddleware', {});
          return;
        }
        checkConfigMatcher();
        for (const [call, ref] of refs.calls) {
          if (ref.kind === 'routeMatcher') checkRouteList(call, refs);
          if (ref.kind === 'legacyMiddleware') checkIgnoredRoutes(call);
        }
      },
    };

    function checkConfigMatcher(): void {
      for (const statement of sourceCode.ast.body) {
        if (statement.type !== 'ExportNamedDeclaration' || statement.declaration?.type !== 'VariableDeclaration') continue;
        for (const declarator of statement.declaration.declarations) {
          if (declarator.id.type !== 'Identifier' || declarator.id.name !== 'config') continue;
          if (declarator.init?.type !== 'ObjectExpression') continue;
          const property = matcherProperty(declarator.init);
          if (property === undefined) continue;
          const patterns = matcherPatterns(property.value);
          if (patterns === undefined) continue;
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [
            {
              messageId: 'useRecommendedMatcher',
              fix: (fixer) =>
                fixer.replaceText(property.value, `[${RECOMMENDED_MATCHER.map((pattern) => quoted(pattern, style())).join(', ')}]`),
            },
          ];
          const api = anyPatternMatches(patterns, '/api/users');
          if (api === false) report(property.value, 'apiNotCovered', {}, suggest);
          else if (api === true && anyPatternMatches(patterns, '/api/users/john.doe') === false) {
            report(property.value, 'dotPathsSkipped', {}, suggest);
          }
        }
      }
    }

    function checkRouteList(call: TSESTree.CallExpression, refs: ReturnType<typeof getClerkReferences>): void {
      const [argument] = call.arguments;
      const elements = argument?.type === 'ArrayExpression' ? argument.elements : argument ? [argument] : [];
      const entries = elements.flatMap((element) =>
        element?.type === 'Literal' && typeof element.value === 'string' ? [{ node: element, pattern: element.value }] : [],
      );
      for (const { node, pattern } of entries) {
        if (!pattern.startsWith('/') && !pattern.startsWith('(')) {
          report(node, 'missingLeadingSlash', { pattern }, [
            { messageId: 'addLeadingSlash', data: { pattern }, fix: (fixer) => fixer.replaceText(node, quoted(`/${pattern}`, style())) },
          ]);
        }
      }
      if (routeListUsage(sourceCode, refs, call) === 'public') {
        for (const { node, pattern } of entries) {
          if (CATCH_ALLS.has(pattern)) report(node, 'catchAllPublic', { pattern }, removeEntry(node, pattern));
        }
      }
    }

    /** Removing an entry narrows a public or ignored list: it can only protect more. */
    function removeEntry(node: TSESTree.Literal, pattern: string): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const list = node.parent;
      if (list?.type !== 'ArrayExpression' || list.elements.length < 2) return [];
      const after = sourceCode.getTokenAfter(node);
      const before = sourceCode.getTokenBefore(node);
      const range: [number, number] =
        after?.value === ','
          ? [node.range[0], (sourceCode.getTokenAfter(after, { includeComments: true }) ?? after).range[0]]
          : before?.value === ','
            ? [before.range[0], node.range[1]]
            : node.range;
      return [{ messageId: 'removeEntry', data: { pattern }, fix: (fixer) => fixer.removeRange(range) }];
    }

    function checkIgnoredRoutes(call: TSESTree.CallExpression): void {
      const [options] = call.arguments;
      if (options?.type !== 'ObjectExpression') return;
      for (const property of options.properties) {
        if (property.type !== 'Property' || property.key.type !== 'Identifier' || property.key.name !== 'ignoredRoutes') continue;
        const elements = property.value.type === 'ArrayExpression' ? property.value.elements : [property.value];
        for (const element of elements) {
          if (element?.type !== 'Literal' || typeof element.value !== 'string') continue;
          // Webhooks are verified by signature, and Clerk's own v4 docs ignored them.
          if (/webhook/iu.test(element.value)) continue;
          if (anyPatternMatches([element.value], '/api/x') === true || element.value.startsWith('/api') || element.value.startsWith('/trpc')) {
            report(element, 'ignoredApiRoute', { pattern: element.value }, removeEntry(element, element.value));
          }
        }
      }
    }
  },
});

/** `middleware.ts` at the project root while the app is in `src/app` or `src/pages` and the root has neither. */
function besideSrcApp(path: string, filename: string): boolean {
  if (path.includes('/')) return false;
  const root = projectRootOf(filename);
  const has = (folder: string) => existsSync(join(root, folder));
  return (has('src/app') || has('src/pages')) && !has('app') && !has('pages');
}
