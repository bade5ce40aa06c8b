import type { TSESLint } from '@typescript-eslint/utils';

import { perFile } from '../util/file-cache.js';
import type { ClerkSettings } from '../util/settings.js';
import { AuthAnalyzer } from './auth-flow.js';
import { getClerkReferences } from './clerk-references.js';

export * from './auth-flow.js';
export * from './authorization.js';
export * from './clerk-references.js';
export * from './directives.js';
export * from './entry-points.js';
export * from './env-reads.js';
export * from './file-kind.js';
export * from './functions.js';
export * from './name-refs.js';
export * from './path-matcher.js';
export * from './promises.js';
export * from './request-input.js';
export * from './traverse.js';
export * from './webhooks.js';

/** The file's auth analyzer, shared by every rule that lints it. */
export function getAuthAnalyzer(sourceCode: Readonly<TSESLint.SourceCode>, settings: ClerkSettings): AuthAnalyzer {
  return perFile(sourceCode, 'authAnalyzer', () => new AuthAnalyzer(sourceCode, getClerkReferences(sourceCode), settings));
}
