import type { TSESLint } from '@typescript-eslint/utils';

import type { ClerkSettings } from '../../project/settings.js';

/**
 * The autofix for a finding: its first suggestion, when the team opted in with `settings.clerk.autofix: true`
 * (the rule must declare `fixable`); otherwise none, and the repairs stay editor suggestions.
 */
export function promotedFix<MessageIds extends string>(
  settings: ClerkSettings,
  suggestions: readonly TSESLint.SuggestionReportDescriptor<MessageIds>[],
): TSESLint.ReportFixFunction | null {
  return settings.autofix ? (suggestions[0]?.fix ?? null) : null;
}
