import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

import type { ClerkRuleDocs } from '../../types.js';

export type { ClerkRuleDocs } from '../../types.js';

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
  const defaults = deepFreeze((rule.meta.defaultOptions ?? []) as Options);
  const merged = new Map<string, Options>();
  // The configuration most recently seen. ESLint builds a fresh options array per file: `[]` for a rule without
  // defaults, else its `meta.defaultOptions` merged with the configured options, which keeps the (frozen) default
  // objects themselves when nothing is configured and builds objects of the same values when something is. So: by
  // length, then element by element one level deep by identity, and only then by structure.
  let last: { readonly given: readonly unknown[]; readonly options: readonly unknown[]; readonly value: Options } | undefined;
  let forNone: Options | undefined;
  const optionsFor = (options: readonly unknown[]): Options => {
    if (options.length === 0) return (forNone ??= deepFreeze(ESLintUtils.applyDefault(defaults, [] as unknown as Options) as Options));
    if (last !== undefined && (sameValues(last.given, options) || sameJson(last.options, options))) return last.value;
    const key = JSON.stringify(options);
    let value = merged.get(key);
    if (value === undefined) {
      // Shared by every file linted with this configuration: frozen, so no rule can change it for the next file.
      value = deepFreeze(ESLintUtils.applyDefault(defaults, options as Options) as Options);
      if (merged.size < 64) merged.set(key, value);
    }
    last = { given: options, options: structuredClone(options), value };
    return value;
  };
  // `meta.defaultOptions` is not handed to ESLint: ESLint merges it into the configured options before validating
  // them, so a typo (`publicRoute`) was printed inside defaults the user never wrote. The defaults are applied here
  // (optionsFor) and kept in `meta.docs.defaultOptions` for the docs (.eslint-doc-generatorrc.js).
  const meta = { ...rule.meta };
  delete meta.defaultOptions;
  return {
    name: rule.name,
    meta: {
      ...meta,
      docs: { ...rule.meta.docs, url: docsUrl(rule.name), ...(rule.meta.defaultOptions === undefined ? {} : { defaultOptions: defaults }) },
    },
    create: (context) => rule.create(context, optionsFor(context.options)),
  };
}

/** Arrays whose elements are the same values, or plain objects holding the same values (one level, by identity). */
function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index];
    const y = b[index];
    if (x === y) continue;
    if (!isPlainObject(x) || !isPlainObject(y)) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const key of keys) if (!Object.hasOwn(y, key) || x[key] !== y[key]) return false;
  }
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON-shaped values (what validated rule options are). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index += 1) if (!sameJson(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!Object.hasOwn(b, key) || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
