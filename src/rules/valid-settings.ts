import { createRule } from './kit/create-rule.js';
import { readSettings } from '../project/settings.js';

export type Options = [];
export type MessageIds = 'invalidSettings';

/** Where the settings are documented: the README's Settings section. */
export const SETTINGS_DOCS_URL = 'https://github.com/eslint-plugin-clerk/eslint-plugin-clerk#settings';

/**
 * Reports an invalid `settings.clerk` once per file, under one stable rule id, so that "Show documentation" opens the
 * settings docs and one disable comment silences it. Every other Clerk rule skips a file with invalid settings,
 * silently.
 */
export default createRule<Options, MessageIds>({
  name: 'valid-settings',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a valid `settings.clerk`, reported once per file with the key at fault',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      invalidSettings: `Invalid \`settings.clerk\`: {{message}} The Clerk rules skip this file until it is fixed; see ${SETTINGS_DOCS_URL}.`,
    },
  },
  create(context) {
    const result = readSettings(context);
    if (result.ok) return {};
    return {
      Program() {
        context.report({ loc: { line: 1, column: 0 }, messageId: 'invalidSettings', data: { message: result.message } });
      },
    };
  },
});
