import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

import type { ClerkRuleDocs } from '../types.js';

export type { ClerkRuleDocs } from '../types.js';

const REPO_DOCS = 'https://github.com/eslint-plugin-clerk/eslint-plugin-clerk/blob/main/docs/rules';

export const docsUrl = (name: string): string => `${REPO_DOCS}/${name}.md`;

/**
 * typescript-eslint's RuleCreator (docs URL, typed options), except that the options merged with
 * `meta.defaultOptions` are computed once per distinct configuration instead of once per file: the creator's
 * `structuredClone` + deep merge showed up in profiles as ~10% of the plugin's time on a Clerk-heavy corpus.
 * The memo holds only values derived from configuration (validated, JSON-shaped options), never file data.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, ClerkRuleDocs>>,
): TSESLint.RuleModule<MessageIds, Options, ClerkRuleDocs> & { name: string } {
  const defaults = (rule.meta.defaultOptions ?? []) as Options;
  const merged = new Map<string, Options>();
  const optionsFor = (options: readonly unknown[]): Options => {
    const key = JSON.stringify(options);
    let value = merged.get(key);
    if (value === undefined) {
      // Shared by every file linted with this configuration: frozen, so no rule can change it for the next file.
      value = deepFreeze(ESLintUtils.applyDefault(defaults, options as Options) as Options);
      if (merged.size < 64) merged.set(key, value);
    }
    return value;
  };
  return {
    name: rule.name,
    meta: { ...rule.meta, docs: { ...rule.meta.docs, url: docsUrl(rule.name) } },
    create: (context) => rule.create(context, optionsFor(context.options)),
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
