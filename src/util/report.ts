import type { TSESLint } from '@typescript-eslint/utils';

import type { ClerkSettings } from './settings.js';

export type Suggestion<MessageIds extends string> = TSESLint.SuggestionReportDescriptor<MessageIds>;

/**
 * Reports with suggestions, promoting the first one to an autofix when the team opted in with
 * `settings.clerk.autofix: true` (the rule must declare `fixable`).
 */
export function reportWithRepairs<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  settings: ClerkSettings,
  descriptor: TSESLint.ReportDescriptor<MessageIds>,
  suggestions: readonly Suggestion<MessageIds>[],
): void {
  const first = suggestions[0];
  context.report({
    ...descriptor,
    ...(settings.autofix && first !== undefined ? { fix: first.fix } : {}),
    suggest: suggestions,
  } as TSESLint.ReportDescriptor<MessageIds>);
}
