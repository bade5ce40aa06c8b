import { relative } from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

import {
  crossFileParsing,
  exportedValues,
  getAuthAnalyzer,
  getFileKind,
  middlewareCoverage,
  projectRootOf,
  resolveEntryFunction,
} from '../analysis/index.js';
import { GUARD_IMPORT_SOURCE } from '../clerk/index.js';
import { insertAtFunctionStart } from '../fixes/guard.js';
import { planImport } from '../fixes/imports.js';
import { codeStyle, statementEnd } from '../fixes/style.js';
import { createRule } from '../util/create-rule.js';
import { matchesAnyGlob } from '../util/glob.js';
import { isVirtualFilename, toPosix } from '../util/paths.js';
import { promotedFix } from '../util/report.js';
import { INVALID_SETTINGS_MESSAGE, setupRule } from '../util/rule-setup.js';
import { stringListOption } from '../util/schema.js';

export type Options = [{ protected?: string[]; public?: string[] }];
export type MessageIds = 'missingAuth' | 'uncheckedAuth' | 'authAfterWork' | 'addProtect' | 'invalidSettings';

/** App-router files that render a route segment on the server. */
const SEGMENT_BASENAME = /(?:^|[\\/])(?:page|layout|template|default)\.[cm]?[jt]sx?$/u;
const SEGMENT_FILE = /^(?:src\/)?app\/(?:(.*)\/)?(page|layout|template|default)\.[cm]?[jt]sx?$/u;

export default createRule<Options, MessageIds>({
  name: 'require-page-auth',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require pages and layouts in protected folders to check the session themselves',
      recommended: 'strict',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          protected: stringListOption(
            'Folder globs, relative to the app directory (such as `dashboard` or `(app)/**`), whose pages must check the session; a folder protects everything inside it. When empty, the folders the middleware protects with `auth.protect()`.',
          ),
          public: stringListOption(
            'Folder globs, relative to the app directory, that are public even inside a protected folder (such as `dashboard/help`).',
          ),
        },
      },
    ],
    defaultOptions: [{ protected: [], public: [] }],
    messages: {
      missingAuth:
        'The {{file}} for `{{route}}` is meant for signed-in users but never checks the session; when middleware misses it, anonymous visitors get what it renders.',
      uncheckedAuth: 'The {{file}} for `{{route}}` reads the session but never sends anonymous visitors away.',
      authAfterWork: 'The {{file}} for `{{route}}` does work before it checks the session; anonymous visitors reach that work.',
      addProtect: 'Insert `{{call}}` at the top of the component.',
      invalidSettings: INVALID_SETTINGS_MESSAGE,
    },
  },
  create(context, [options]) {
    const { sourceCode } = context;
    // Cheap test on the file name first: most files are not segment files.
    if (isVirtualFilename(context.filename) || !SEGMENT_BASENAME.test(context.filename)) return {};
    const root = projectRootOf(context.filename);
    const inRoot = toPosix(relative(root, context.filename));
    const segment = SEGMENT_FILE.exec(inRoot);
    if (segment === null || getFileKind(context).client) return {};
    const setup = setupRule(context);
    if (setup === undefined) return {};
    const folder = segment[1] ?? '';
    const fileKind = segment[2] as string;
    const url = segmentUrlPath(folder);

    return {
      Program() {
        if (!isProtected(folder, url)) return;
        const exported = exportedValues(sourceCode).find((value) => value.exportedName === 'default');
        if (exported === undefined) return;
        const resolved = resolveEntryFunction(sourceCode, exported.value, setup.settings.authWrappers);
        if (resolved === undefined || resolved.authWrapper !== undefined) return;
        const analyzer = getAuthAnalyzer(sourceCode, setup.settings, context);
        if (resolved.wrappers?.some((call) => analyzer.wrapsWithAuth(call))) return;
        const verdict = analyzer.analyze(resolved.fn, { routeHandler: false });
        const messageId =
          verdict.kind === 'missing' ? 'missingAuth' : verdict.kind === 'unchecked' ? 'uncheckedAuth' : verdict.kind === 'afterWork' ? 'authAfterWork' : undefined;
        if (messageId === undefined) return;
        const suggest = protectSuggestion(resolved.fn);
        context.report({
          loc: exported.reportNode.loc,
          messageId,
          data: { file: fileKind, route: url },
          fix: promotedFix(setup.settings, suggest),
          suggest,
        });
      },
    };

    /** Declared protected by the options, or (without a `protected` option) by the middleware's protect rules. */
    function isProtected(path: string, urlPath: string): boolean {
      const prefixes = folderPrefixes(path);
      const declared = options.protected ?? [];
      for (const prefix of prefixes) {
        if (matchesAnyGlob(prefix, options.public ?? [])) return false;
        if (declared.length > 0 && matchesAnyGlob(prefix, declared)) return true;
      }
      if (declared.length > 0) return false;
      // A layout or template also wraps child routes the middleware may leave public (`/org/[slug]/join`): only
      // the `protected` option declares them protected.
      if (fileKind === 'layout' || fileKind === 'template') return false;
      const parsing = crossFileParsing(context, (setup as NonNullable<typeof setup>).settings);
      if (parsing === undefined) return false;
      // Intent, not coverage: a route the middleware protects for plain values is meant to be protected.
      const coverage = middlewareCoverage(parsing.filename, urlPath, parsing.parser, parsing.parserOptions, { dottedValues: false });
      return coverage.coverage === 'protected';
    }

    function protectSuggestion(
      fn: Parameters<typeof insertAtFunctionStart>[2],
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const major = (setup as NonNullable<typeof setup>).major;
      // `auth.protect()` arrived in v6 (`auth().protect()` in v5); v4 has neither.
      if (major <= 4) return [];
      const awaited = major >= 6;
      const end = statementEnd(codeStyle(sourceCode));
      const call = awaited ? 'await auth.protect()' : 'auth().protect()';
      return [
        {
          messageId: 'addProtect',
          data: { call },
          fix: (fixer) => {
            const imported = planImport(sourceCode, GUARD_IMPORT_SOURCE.next, 'auth', [GUARD_IMPORT_SOURCE.next]);
            const line = awaited ? `await ${imported.local}.protect()${end}` : `${imported.local}().protect()${end}`;
            const body = insertAtFunctionStart(fixer, sourceCode, fn, [line], awaited);
            if (body === undefined) return null;
            return imported.fix === undefined ? body : [imported.fix(fixer), ...body];
          },
        },
      ];
    }
  },
});

/** `dashboard/settings` → [`dashboard/settings`, `dashboard`, ``]: deepest first, the app root last. */
function folderPrefixes(folder: string): string[] {
  const parts = folder === '' ? [] : folder.split('/');
  const prefixes: string[] = [];
  for (let length = parts.length; length >= 0; length -= 1) prefixes.push(parts.slice(0, length).join('/'));
  return prefixes;
}

/**
 * The URL path a segment folder serves: route groups `(x)` and parallel-route slots `@x` are not in the URL, and
 * an intercepting route `(.)photo` / `(..)photo` serves `photo`.
 */
export function segmentUrlPath(folder: string): string {
  const parts = folder
    .split('/')
    .filter((part) => part !== '' && !/^\([^.].*\)$/u.test(part) && !part.startsWith('@'))
    .map((part) => part.replace(/^(?:\(\.{1,3}\))+/u, ''));
  return `/${parts.join('/')}`;
}
