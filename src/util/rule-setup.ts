import type { TSESLint } from '@typescript-eslint/utils';

import { perFile } from './file-cache.js';
import { type ClerkSettings, clerkMajor, readSettings } from './settings.js';

export interface RuleSetup {
  readonly settings: ClerkSettings;
  readonly major: number;
}

/** The message every rule carries for invalid `settings.clerk`. */
export const INVALID_SETTINGS_MESSAGE = 'Invalid `settings.clerk`: {{message}} The Clerk rules skip this file until it is fixed.';

/**
 * Reads and validates `settings.clerk` for a rule. Invalid settings are reported once per file (by the first
 * rule that runs) as a lint message naming the bad key, never thrown as a stack trace; rules then skip the file.
 */
export function setupRule(
  context: Readonly<TSESLint.RuleContext<'invalidSettings' | (string & {}), readonly unknown[]>>,
): RuleSetup | undefined {
  const result = readSettings(context);
  if (!result.ok) {
    const alreadyReported = perFile(context.sourceCode, 'invalidSettingsReported', () => ({ done: false }));
    if (!alreadyReported.done) {
      alreadyReported.done = true;
      context.report({
        loc: { line: 1, column: 0 },
        messageId: 'invalidSettings',
        data: { message: result.message },
      });
    }
    return undefined;
  }
  // The same for every rule that lints this file (settings and file name are), so worked out once per file.
  const settings = result.settings;
  return perFile(context.sourceCode, 'ruleSetup', () => ({ settings, major: clerkMajor(context, settings) }));
}
