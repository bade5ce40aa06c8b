import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { rules } from '../src/rules/index.js';
import { fixture } from './rule-tester.js';

/**
 * ESLint dispatches a listener whose selector is node types alone (`CallExpression`, `A, B`, with or without
 * `:exit`) on the node's type; any other selector (an attribute, a child, esquery's `:function` class) it tests with
 * esquery on every node of the types it may match, in every file the rule lints. Such a selector is kept to the files
 * that need it.
 */
const PLAIN = /^[A-Z][A-Za-z]*(?:, [A-Z][A-Za-z]*)*(?::exit)?$/u;
/** The one selector that is not plain, and the file it is asked for in. */
const NEXT_CONFIG_ENV = 'Property[key.name="env"] > ObjectExpression.value';

const samples: [string, string][] = [
  [
    'app/items/actions.ts',
    "'use server'\nimport { auth } from '@clerk/nextjs/server'\nexport async function save(id: string) {\n  const inline = async () => { 'use server'; return id }\n  await db.item.update({ where: { id } })\n  return inline\n}\n",
  ],
  [
    'app/api/items/route.ts',
    "import { auth } from '@clerk/nextjs/server'\nexport async function GET(req: Request) {\n  const { orgId } = await auth()\n  const body = await req.json()\n  return Response.json(await db.item.findMany({ where: { orgId: body.orgId ?? orgId } }))\n}\n",
  ],
  ['middleware.ts', "import { clerkMiddleware } from '@clerk/nextjs/server'\nexport default clerkMiddleware()\nexport const config = { matcher: ['/dashboard'] }\n"],
  ['next.config.mjs', 'export default { env: { CLERK_SECRET_KEY: process.env.CLERK_SECRET_KEY } }\n'],
  ['components/panel.tsx', "'use client'\nexport const key = process.env.NEXT_PUBLIC_CLERK_SECRET_KEY\n"],
];

/** Every selector each rule asks for, linting each sample as the file it names (the rule's own create, wrapped). */
function selectors(): { rule: string; file: string; selector: string }[] {
  const asked: { rule: string; file: string; selector: string }[] = [];
  for (const [name, rule] of Object.entries(rules)) {
    for (const [file, code] of samples) {
      const probe = {
        ...rule,
        create(context: Parameters<typeof rule.create>[0]) {
          const listeners = (rule.create as (context: unknown) => Record<string, unknown>)(context);
          for (const selector of Object.keys(listeners)) asked.push({ rule: name, file, selector });
          return listeners;
        },
      };
      new Linter({ configType: 'flat' }).verify(
        code,
        [
          {
            files: ['**/*.{ts,tsx,mjs}'],
            languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } },
            plugins: { clerk: { rules: { probe } } as unknown as NonNullable<Linter.Config['plugins']>[string] },
            rules: { 'clerk/probe': 'error' },
          },
        ],
        fixture(file),
      );
    }
  }
  return asked;
}

describe('rule listeners', () => {
  it('are node types alone, but for the next.config env selector, asked only in next.config', () => {
    const asked = selectors();
    // The samples reach the rules: most rules ask for something in one of them.
    expect(new Set(asked.map((entry) => entry.rule)).size).toBeGreaterThanOrEqual(7);
    const other = asked.filter((entry) => !PLAIN.test(entry.selector));
    expect(other).toEqual([{ rule: 'no-public-secret-env', file: 'next.config.mjs', selector: NEXT_CONFIG_ENV }]);
  });
});
