import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

// A development publishable key hardcoded in the provider: reported only with `checkPublishableKeys`.
const code = `const el = <ClerkProvider publishableKey="pk_test_bGVhZGluZy1kb2Jlcm1hbi00MC5jbGVyay5hY2NvdW50cy5kZXYk" />\n`;

function lint(linter: Linter, options: Record<string, unknown> | null | undefined): number {
  // undefined: severity alone; null: `['error']`. Flat config stores both as `[2]`: ESLint passes a fresh array of the frozen defaults.
  const rule = options === undefined ? 'error' : options === null ? ['error'] : ['error', options];
  return linter.verify(
    code,
    [
      {
        files: ['**/*.tsx'],
        plugins: { clerk: plugin },
        languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        rules: { 'clerk/no-hardcoded-keys': rule as Linter.RuleEntry },
      },
    ],
    'app/layout.tsx',
  ).length;
}

describe('createRule options memo', () => {
  it('gives each file the options of its own configuration when configurations alternate', () => {
    const linter = new Linter();
    const sequence = [true, false, undefined, true, true, null, false, true, undefined, null, true];
    const found = sequence.map((check) => lint(linter, check === undefined || check === null ? check : { checkPublishableKeys: check }));
    expect(found).toEqual(sequence.map((check) => (check === true ? 1 : 0)));
  });

  it('hands rules frozen options, so one file cannot change them for the next', () => {
    const rule = plugin.rules['no-hardcoded-keys'];
    expect(Object.isFrozen(rule.meta?.defaultOptions)).toBe(true);
    expect(Object.isFrozen(rule.meta?.defaultOptions?.[0])).toBe(true);
  });
});
