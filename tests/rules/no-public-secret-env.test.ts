import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-public-secret-env.js';
import { fixture, ruleTester } from '../rule-tester.js';
import { invalid } from './no-public-secret-env.invalid.js';

ruleTester.run('no-public-secret-env', rule, {
  valid: [
    {
      name: 'public-by-design names',
      filename: fixture('lib/env.ts'),
      code: `const a = process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY
const b = import.meta.env.VITE_CLERK_PUBLISHABLE_KEY
const c = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY
const d = process.env.EXPO_PUBLIC_STRIPE_PUBLIC_KEY
const e = process.env.NEXT_PUBLIC_CLERK_SIGN_IN_URL`,
    },
    {
      name: 'server-only secret names',
      filename: fixture('lib/env.ts'),
      code: `const a = process.env.CLERK_SECRET_KEY
const { CLERK_WEBHOOK_SIGNING_SECRET, DATABASE_PASSWORD } = process.env`,
    },
    {
      name: 'secret words must be whole words',
      filename: fixture('lib/env.ts'),
      code: `const a = process.env.NEXT_PUBLIC_SECRETARIAT_URL
const b = process.env.NEXT_PUBLIC_PASSWORDLESS_ENABLED`,
    },
    {
      name: 'env objects outside next.config are not inlined by Next',
      filename: fixture('lib/config.ts'),
      code: `export const config = { env: { CLERK_SECRET_KEY: process.env.CLERK_SECRET_KEY } }`,
    },
    {
      name: 'public names in next.config env are fine',
      filename: fixture('next.config.mjs'),
      code: `export default { env: { APP_VERSION: '1.0.0', NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY } }`,
    },
    {
      name: 'a look-alike object named env',
      filename: fixture('lib/env.ts'),
      code: `const env = { NEXT_PUBLIC_CLERK_SECRET_KEY: 1 }
const x = env.NEXT_PUBLIC_CLERK_SECRET_KEY`,
    },
  ],
  invalid,
});

describe('listeners', () => {
  /** The selectors the rule asks ESLint for, linting `code` as `filename` (the rule's own create, wrapped). */
  function selectorsFor(filename: string, code: string): string[] {
    let keys: string[] = [];
    const probe = { ...rule, create: (context: Parameters<typeof rule.create>[0]) => {
      const listeners = rule.create(context);
      keys = Object.keys(listeners);
      return listeners;
    } };
    new Linter({ configType: 'flat' }).verify(
      code,
      [{ files: ['**/*.{ts,mjs}'], languageOptions: { parser }, plugins: { clerk: { rules: { probe } } as unknown as NonNullable<Linter.Config['plugins']>[string] }, rules: { 'clerk/probe': 'error' } }],
      filename,
    );
    return keys;
  }

  // ESLint tests an attribute selector on every node of its type: on every object literal of every file that names
  // a public secret, for an `env` object that only next.config can hold.
  it('asks for the next.config `env` selector only in next.config', () => {
    const code = 'export const a = process.env.NEXT_PUBLIC_CLERK_SECRET_KEY\nexport default { env: {} }\n';
    expect(selectorsFor(fixture('lib/env.ts'), code)).toEqual(['MemberExpression', 'VariableDeclarator']);
    expect(selectorsFor(fixture('next.config.mjs'), code)).toContain('Property[key.name="env"] > ObjectExpression.value');
  });
});
