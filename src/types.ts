/**
 * The plugin's public types, kept free of imports so that consumers' type-checking of `eslint.config.ts` loads
 * nothing else (no @typescript-eslint/utils).
 */

/** A function named in settings: a bare name, or a name imported from a module. */
export interface NameRef {
  readonly name: string;
  readonly from?: string;
}

export interface ClerkSettings {
  /** Clerk SDK major, or `'detect'` to read it from the nearest package.json. */
  readonly version: number | 'detect';
  /** Project functions that establish authentication (`requireUser`). */
  readonly authFunctions: readonly NameRef[];
  /** Higher-order functions whose callback only runs for authenticated callers (`withAuth`). */
  readonly authWrappers: readonly NameRef[];
  /** Promote each rule's first suggestion to an autofix. */
  readonly autofix: boolean;
  /** Project functions that verify a webhook signature and return the event (`verifyClerkWebhook`). */
  readonly webhookVerifiers: readonly NameRef[];
  /** Follow auth helpers imported from other modules of the project. */
  readonly crossFile: boolean;
}

export interface ClerkRuleDocs {
  /** The preset that first enables the rule: `recommended` (findings nearly always real) or `strict`. */
  recommended: 'recommended' | 'strict';
  /** Stricter options the `strict` and `all` presets use instead of the defaults. */
  strictOptions?: readonly unknown[];
  /**
   * Some findings are fixed by `eslint --fix` without `settings.clerk.autofix`: repairs that cannot change runtime
   * behaviour for the worse. (Every rule declares `fixable`, so that `autofix: true` can promote its suggestions.)
   */
  fixesByDefault?: true;
  /**
   * Findings that carry no repair by design, by message id, each with the reason (shown in the repairs report and
   * counted apart from repair coverage): what the repair would need is not in the code, such as which column of the
   * schema ties a record to an organization.
   */
  withoutRepair?: Readonly<Record<string, string>>;
  /**
   * The options' defaults (set from `meta.defaultOptions` by `createRule`, which applies them itself): ESLint is not
   * given `meta.defaultOptions`, so that an option typo is reported with only what the user wrote.
   */
  defaultOptions?: readonly unknown[];
}

/**
 * The plugin's rule names. `rules/index.ts` checks the registry against this list, so a rule missing here fails the
 * build.
 */
export type ClerkRuleName =
  | 'no-deprecated-auth-middleware'
  | 'no-hardcoded-keys'
  | 'no-metadata-write-from-request'
  | 'no-middleware-matcher-gaps'
  | 'no-org-id-from-request'
  | 'no-public-secret-env'
  | 'no-secrets-in-client'
  | 'no-swallowed-auth-redirect'
  | 'no-user-object-role-checks'
  | 'require-await-auth'
  | 'require-page-auth'
  | 'require-route-handler-auth'
  | 'require-server-action-auth'
  | 'require-webhook-verification'
  | 'valid-settings';
