import type { TSESLint } from '@typescript-eslint/utils';

import requireRouteHandlerAuth from './require-route-handler-auth.js';
import requireServerActionAuth from './require-server-action-auth.js';

/** Every rule, by name, alphabetised. */
export const rules = {
  'require-route-handler-auth': requireRouteHandlerAuth,
  'require-server-action-auth': requireServerActionAuth,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
