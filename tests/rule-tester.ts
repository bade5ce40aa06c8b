import { fileURLToPath } from 'node:url';

import { RuleTester } from '@typescript-eslint/rule-tester';

/** A RuleTester that parses TS and JSX. */
export const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

/** An absolute file name inside a fixture project whose package.json declares `@clerk/nextjs@^<major>`. */
export function fixture(path: string, major: 5 | 6 | 7 = 7): string {
  return `${fixtures}v${major}/${path}`;
}
