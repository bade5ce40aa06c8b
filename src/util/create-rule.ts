import { ESLintUtils } from '@typescript-eslint/utils';

import type { ClerkRuleDocs } from '../types.js';

export type { ClerkRuleDocs } from '../types.js';


const REPO_DOCS = 'https://github.com/eslint-plugin-clerk/eslint-plugin-clerk/blob/main/docs/rules';

export const docsUrl = (name: string): string => `${REPO_DOCS}/${name}.md`;

export const createRule = ESLintUtils.RuleCreator<ClerkRuleDocs>(docsUrl);
