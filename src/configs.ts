import type { ESLint, Linter } from 'eslint';

import { rules } from './rules/index.js';

export type FlatConfigName = 'recommended' | 'strict' | 'all';
export type LegacyConfigName = 'legacy-recommended' | 'legacy-strict';
export type ConfigName = FlatConfigName | LegacyConfigName;

/** The files every preset applies to. */
export const CONFIG_FILES = ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'];

type Level = 'recommended' | 'strict' | 'all';

/** The rules a preset turns on, computed from each rule's `meta.docs.recommended`, never kept by hand. */
export function rulesFor(level: Level): Linter.RulesRecord {
  const entries = Object.entries(rules).filter(([, rule]) => {
    const preset = rule.meta.docs?.recommended;
    if (level === 'all') return true;
    if (level === 'strict') return preset === 'recommended' || preset === 'strict';
    return preset === 'recommended';
  });
  return Object.fromEntries(
    entries.map(([name, rule]) => {
      const strictOptions = rule.meta.docs?.strictOptions;
      const entry: Linter.RuleEntry = level !== 'recommended' && strictOptions ? ['error', ...strictOptions] : 'error';
      return [`clerk/${name}`, entry];
    }),
  );
}

export function buildConfigs(plugin: ESLint.Plugin): Record<FlatConfigName, Linter.Config> &
  Record<LegacyConfigName, Linter.LegacyConfig> {
  const flat = (level: Level): Linter.Config => ({
    name: `clerk/${level}`,
    files: CONFIG_FILES,
    plugins: { clerk: plugin },
    rules: rulesFor(level),
  });
  return {
    recommended: flat('recommended'),
    strict: flat('strict'),
    all: flat('all'),
    'legacy-recommended': { plugins: ['clerk'], rules: rulesFor('recommended') },
    'legacy-strict': { plugins: ['clerk'], rules: rulesFor('strict') },
  };
}
