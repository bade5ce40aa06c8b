import { ESLintUtils } from '@typescript-eslint/utils';

export interface ClerkRuleDocs {
  /** The preset that first enables the rule: `recommended` (findings nearly always real) or `strict`. */
  recommended: 'recommended' | 'strict';
  /** Stricter options the `strict` and `all` presets use instead of the defaults. */
  strictOptions?: readonly unknown[];
}

const REPO_DOCS = 'https://github.com/eslint-plugin-clerk/eslint-plugin-clerk/blob/main/docs/rules';

export const docsUrl = (name: string): string => `${REPO_DOCS}/${name}.md`;

export const createRule = ESLintUtils.RuleCreator<ClerkRuleDocs>(docsUrl);
