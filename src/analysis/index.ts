import { dirname } from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

import { perFile } from '../util/file-cache.js';
import { isVirtualFilename } from '../util/paths.js';
import { findProjectRoot } from '../util/project.js';
import type { ClerkSettings } from '../project/settings.js';
import { AuthAnalyzer } from './auth-flow.js';
import { getClerkReferences } from './clerk-references.js';
import type { ImportedFunctionResolver } from './role-checks.js';
import { enterProject, exportedFunction, importOf, importsMayMention, isModuleCached, loadImportedBinding, type Parser } from './cross-file.js';
import { ORG_ID_TEXT, READS_SESSION_DEPTH } from './session-values.js';
import { middlewareCoverage, middlewareFileFor, type MiddlewareVerdict } from './middleware-protection.js';
import { WebhookAnalyzer } from './webhooks.js';

export * from './auth-flow.js';
export { acceptsMachineTokens, mayAcceptMachineTokens } from './checks.js';
export * from './clerk-references.js';
export * from './cross-file.js';
export * from './data-access.js';
export * from './directives.js';
export * from './entry-points.js';
export * from './env-reads.js';
export * from './file-kind.js';
export * from './functions.js';
export * from './node-routers.js';
export * from './membership-lookups.js';
export * from './middleware-protection.js';
export * from './name-refs.js';
export * from './org-access.js';
export * from './path-matcher.js';
export * from './promises.js';
export * from './request-input.js';
export * from './role-checks.js';
export * from './session-values.js';
export * from './tenant-scoping.js';
export * from './traverse.js';
export * from './webhooks.js';

/**
 * The file's auth analyzer, shared by every rule that lints it. With a rule context (and unless
 * `settings.clerk.crossFile` is false), it follows auth helpers imported from relative paths and tsconfig aliases.
 */
export function getAuthAnalyzer(
  sourceCode: Readonly<TSESLint.SourceCode>,
  settings: ClerkSettings,
  context?: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): AuthAnalyzer {
  return perFile(sourceCode, 'authAnalyzer', () => {
    const parsing = context === undefined ? undefined : crossFileParsing(context, settings);
    const crossFile = parsing === undefined ? undefined : { ...parsing, depth: 0 };
    return new AuthAnalyzer(sourceCode, getClerkReferences(sourceCode), settings, crossFile, getClerkReferences);
  });
}

/**
 * The file's webhook analyzer, shared by every rule that lints it (require-route-handler-auth asks whether a handler
 * is a webhook, require-webhook-verification how it verifies): what it learns about the helpers a handler calls,
 * each read from its module, is then learned once per file. Follows imported helpers like getAuthAnalyzer.
 */
export function getWebhookAnalyzer(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  settings: ClerkSettings,
): WebhookAnalyzer {
  const { sourceCode } = context;
  return perFile(sourceCode, 'webhookAnalyzer', () => {
    const parsing = crossFileParsing(context, settings);
    return new WebhookAnalyzer(sourceCode, getClerkReferences(sourceCode), settings.webhookVerifiers, parsing && { ...parsing, depth: 0 });
  });
}

/**
 * How to parse the project's other modules like the linted file, or undefined when cross-file reading is off
 * (`settings.clerk.crossFile: false`) or the file is not on disk.
 */
export function crossFileParsing(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  settings: ClerkSettings,
): { filename: string; parser: Parser | undefined; parserOptions: Record<string, unknown> } | undefined {
  if (!settings.crossFile || isVirtualFilename(context.filename)) return undefined;
  // Without a package.json above the file there is no project to tell apart: the cache is left as it is.
  const root = findProjectRoot(dirname(context.filename));
  if (root !== undefined) enterProject(root);
  return {
    filename: context.filename,
    parser: context.languageOptions.parser as Parser | undefined,
    // ESLint passes sourceType and ecmaVersion from languageOptions to the parser; do the same.
    parserOptions: {
      ...(context.languageOptions.parserOptions as Record<string, unknown> | undefined),
      sourceType: context.languageOptions.sourceType ?? 'module',
      ecmaVersion: context.languageOptions.ecmaVersion ?? 'latest',
    },
  };
}

/**
 * Whether an entry point of the linted file may read the session's `orgId` (readsSession with `orgOnly`): the file
 * mentions it, or (when other modules are read) a project module at most READS_SESSION_DEPTH imports away does, or
 * is a barrel. A text test, so that the questions asked only of entry points that work in an organization are not
 * asked in a file where none can.
 */
export function mayReadOrgId(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, settings: ClerkSettings): boolean {
  if (ORG_ID_TEXT.test(context.sourceCode.text)) return true;
  const parsing = crossFileParsing(context, settings);
  return parsing !== undefined && importsMayMention(parsing.filename, context.sourceCode.text, ORG_ID_TEXT, READS_SESSION_DEPTH);
}

/**
 * What the app's middleware does for `urlPath` (see middlewareCoverage), read as the linted file is parsed;
 * `unknown` when cross-file reading is off or the file is not on disk.
 */
export function middlewareCoverageFor(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  settings: ClerkSettings,
  urlPath: string,
  options?: { dottedValues?: boolean },
): MiddlewareVerdict {
  const parsing = crossFileParsing(context, settings);
  if (parsing === undefined) return { coverage: 'unknown' };
  return middlewareCoverage(parsing.filename, urlPath, parsing.parser, parsing.parserOptions, options);
}

/**
 * Whether the app's middleware is already parsed (an earlier file of the app needed it), so that asking what it
 * does for a route costs no parse. Lets a rule ask the middleware before a dearer analysis whose findings the
 * middleware's answer would drop, without parsing the middleware of an app that never needs it.
 */
export function middlewareAtHand(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, settings: ClerkSettings): boolean {
  if (crossFileParsing(context, settings) === undefined) return false;
  const found = middlewareFileFor(context.filename);
  return found !== undefined && isModuleCached(found.file);
}

/**
 * A resolver for functions imported from the project's own modules (relative paths, tsconfig aliases), parsed
 * like the linted file; undefined when cross-file reading is off. Only the linted file's imports are followed.
 */
export function importedFunctionResolver(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  settings: ClerkSettings,
): ImportedFunctionResolver | undefined {
  const parsing = crossFileParsing(context, settings);
  if (parsing === undefined) return undefined;
  return (sourceCode, identifier) => {
    if (sourceCode !== context.sourceCode) return undefined;
    const imported = importOf(sourceCode, identifier);
    const binding =
      imported === undefined ? undefined : loadImportedBinding(parsing.filename, imported.source, imported.imported, parsing.parser, parsing.parserOptions);
    const fn = binding === undefined ? undefined : exportedFunction(binding.module, binding.name);
    return fn === undefined || binding === undefined ? undefined : { fn, sourceCode: binding.module, refs: getClerkReferences(binding.module) };
  };
}
