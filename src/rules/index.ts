import type { TSESLint } from '@typescript-eslint/utils';

import type { ClerkRuleName } from '../types.js';
import noDeprecatedAuthMiddleware from './no-deprecated-auth-middleware.js';
import noHardcodedKeys from './no-hardcoded-keys.js';
import noMetadataWriteFromRequest from './no-metadata-write-from-request.js';
import noMiddlewareMatcherGaps from './no-middleware-matcher-gaps.js';
import noOrgIdFromRequest from './no-org-id-from-request.js';
import noPublicSecretEnv from './no-public-secret-env.js';
import noSecretsInClient from './no-secrets-in-client.js';
import noSwallowedAuthRedirect from './no-swallowed-auth-redirect.js';
import noUserObjectRoleChecks from './no-user-object-role-checks.js';
import requireAwaitAuth from './require-await-auth.js';
import requirePageAuth from './require-page-auth.js';
import requireRouteHandlerAuth from './require-route-handler-auth.js';
import requireServerActionAuth from './require-server-action-auth.js';
import requireWebhookVerification from './require-webhook-verification.js';
import validSettings from './valid-settings.js';

/** Every rule, by name, alphabetised. */
export const rules = {
  'no-deprecated-auth-middleware': noDeprecatedAuthMiddleware,
  'no-hardcoded-keys': noHardcodedKeys,
  'no-metadata-write-from-request': noMetadataWriteFromRequest,
  'no-middleware-matcher-gaps': noMiddlewareMatcherGaps,
  'no-org-id-from-request': noOrgIdFromRequest,
  'no-public-secret-env': noPublicSecretEnv,
  'no-secrets-in-client': noSecretsInClient,
  'no-swallowed-auth-redirect': noSwallowedAuthRedirect,
  'no-user-object-role-checks': noUserObjectRoleChecks,
  'require-await-auth': requireAwaitAuth,
  'require-page-auth': requirePageAuth,
  'require-route-handler-auth': requireRouteHandlerAuth,
  'require-server-action-auth': requireServerActionAuth,
  'require-webhook-verification': requireWebhookVerification,
  'valid-settings': validSettings,
} satisfies Record<ClerkRuleName, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
