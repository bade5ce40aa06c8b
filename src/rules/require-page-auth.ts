import { relative } from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

import {
  exportedValues,
  type FunctionNode,
  getAuthAnalyzer,
  getFileKind,
  middlewareCoverageFor,
  resolveEntryFunction,
  segmentUrlPath,
} from '../analysis/index.js';
import { insertProtectFix } from '../fixes/auth-guard.js';
import { createRule } from './kit/create-rule.js';
import { matchesAnyGlob } from '../util/glob.js';
import { isVirtualFilename, toPosix } from '../util/paths.js';
import { projectRootOf } from '../util/project.js';
import { promotedFix } from './kit/report.js';
import { setupRule } from './kit/rule-setup.js';
import { stringListOption } from './kit/schema.js';

export type Options = [{ protected?: string[]; public?: string[] }];
export type MessageIds = 'missingAuth' | 'uncheckedAuth' | 'authAfterWork' | 'addProtect';

/**
 * App-router files that render a route segment on the server, and the image routes Next.js generates per segment
 * (`opengraph-image.tsx` can render a private record's title for whoever asks for `/docs/42/opengraph-image`).
 */
const SEGMENT_BASENAME = /(?:^|[\\/])(?:page|layout|template|default|opengraph-image|twitter-image|icon|apple-icon)\.[cm]?[jt]sx?$/u;
const SEGMENT_FILE = /^(?:src\/)?app\/(?:(.*)\/)?(page|layout|template|default|opengraph-image|twitter-image|icon|apple-icon)\.[cm]?[jt]sx?$/u;

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
      // Intent, not coverage: a route the middleware protects for plain values is meant to be protected.
      const settings = (setup as NonNullable<typeof setup>).settings;
      return middlewareCoverageFor(context, settings, urlPath, { dottedValues: false }).coverage === 'protected';
    }

    function protectSuggestion(fn: FunctionNode): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const repair = insertProtectFix(sourceCode, fn, (setup as NonNullable<typeof setup>).major);
      return repair === undefined ? [] : [{ messageId: 'addProtect', data: { call: repair.call }, fix: repair.fix }];
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
