import type { TSESLint } from '@typescript-eslint/utils';

import noHardcodedKeys from './no-hardcoded-keys.js';
import noPublicSecretEnv from './no-public-secret-env.js';
import noSecretsInClient from './no-secrets-in-client.js';
import requireAwaitAuth from './require-await-auth.js';
import requireRouteHandlerAuth from './require-route-handler-auth.js';
import requireServerActionAuth from './require-server-action-auth.js';

/** Every rule, by name, alphabetised. */
export const rules = {
  'no-hardcoded-keys': noHardcodedKeys,
  'no-public-secret-env': noPublicSecretEnv,
  'no-secrets-in-client': noSecretsInClient,
  'require-await-auth': requireAwaitAuth,
  'require-route-handler-auth': requireRouteHandlerAuth,
  'require-server-action-auth': requireServerActionAuth,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
