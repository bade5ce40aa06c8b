import type { TSESLint } from '@typescript-eslint/utils';

import { perFile } from '../../util/file-cache.js';
import { type ClerkSettings, clerkMajor, readSettings } from '../../project/settings.js';

export interface RuleSetup {
  readonly settings: ClerkSettings;
  readonly major: number;
}

/**
 * Reads and validates `settings.clerk` for a rule. Invalid settings are reported once per file by `valid-settings`
 * (in every preset); the other rules skip the file silently, so one finding, under one rule id, names the key.
 */
export function setupRule(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): RuleSetup | undefined {
  const result = readSettings(context);
  if (!result.ok) return undefined;
  // The same for every rule that lints this file (settings and file name are), so worked out once per file.
  const settings = result.settings;
  return perFile(context.sourceCode, 'ruleSetup', () => ({ settings, major: clerkMajor(context, settings) }));
}
