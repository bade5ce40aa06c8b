// The rule tests' cases (code, file name inside a tests/fixtures project, options, settings) as data, so a
// real-client test can lint them as files on disk. `ruleTester.run` is replaced while the rule test modules are
// imported: they register no tests here, they only hand over their cases. (So a rule test module must hold no
// top-level describe/it of its own: those would run inside the importing test file.)
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { RuleTester } from '@typescript-eslint/rule-tester';

import { rules } from '../../src/rules/index.js';
import { ruleTester } from '../rule-tester.js';
import { repoRoot } from './consumer.js';

export interface RuleTestCase {
  /** Plugin rule name (`require-await-auth`) of the test module that holds the case. */
  rule: string;
  /** `require-await-auth/valid-3`: the `ruleTester.run` name, then the case's place in its list; unique. */
  id: string;
  name: string | undefined;
  code: string;
  /** Absolute file name the rule test lints the code as, usually inside tests/fixtures/v<major>/. */
  filename: string | undefined;
  options: readonly unknown[] | undefined;
  settings: Record<string, unknown> | undefined;
  /** Case properties this collector does not model (a custom parser, globals); such cases need a look. */
  unmodelled: string[];
}

const MODELLED = new Set(['name', 'code', 'filename', 'options', 'settings', 'output', 'errors', 'only', 'skip']);

export const rulesDir = join(repoRoot, 'tests/rules');
export const fixturesDir = join(repoRoot, 'tests/fixtures');

export async function collectRuleTestCases(): Promise<RuleTestCase[]> {
  const names = new Map<unknown, string>(Object.entries(rules).map(([name, rule]) => [rule, name]));
  const cases: RuleTestCase[] = [];
  const original = Object.getOwnPropertyDescriptor(ruleTester, 'run');
  const run: RuleTester['run'] = (ruleName, rule, tests) => {
    const plugin = names.get(rule);
    if (plugin === undefined) throw new Error(`rule test ${ruleName} runs a rule that is not in src/rules/index.ts`);
    const counters = { valid: 0, invalid: 0 };
    const add = (kind: 'valid' | 'invalid', test: string | Record<string, unknown>) => {
      const record = typeof test === 'string' ? { code: test } : test;
      const count = (counters[kind] += 1);
      if (record.skip === true) return;
      cases.push({
        rule: plugin,
        id: `${ruleName.replace(/[^\w-]+/gu, '-')}/${kind}-${count}`,
        name: record.name as string | undefined,
        code: record.code as string,
        filename: record.filename as string | undefined,
        options: record.options as readonly unknown[] | undefined,
        settings: record.settings as Record<string, unknown> | undefined,
        unmodelled: Object.keys(record).filter((key) => !MODELLED.has(key)),
      });
    };
    for (const test of tests.valid) add('valid', test as string | Record<string, unknown>);
    for (const test of tests.invalid) add('invalid', test as unknown as Record<string, unknown>);
  };
  ruleTester.run = run;
  try {
    for (const file of readdirSync(rulesDir).filter((name) => name.endsWith('.test.ts')).sort()) {
      const before = cases.length;
      await import(pathToFileURL(join(rulesDir, file)).href);
      // A module with its own RuleTester (or only describe/it blocks) would be skipped silently; say so instead.
      if (cases.length === before) throw new Error(`tests/rules/${file} handed over no cases through tests/rule-tester.ts's ruleTester`);
    }
  } finally {
    if (original === undefined) delete (ruleTester as { run?: unknown }).run;
    else Object.defineProperty(ruleTester, 'run', original);
  }
  return cases;
}
