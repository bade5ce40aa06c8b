import * as parser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

export type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Runs `callback` inside a real ESLint rule context for `code` (TS + JSX parser), at `Program:exit`, and returns
 * what it returns. Used to unit-test analysis helpers with real scope analysis.
 */
export function withContext<T>(
  code: string,
  callback: (context: Context, program: TSESTree.Program) => T,
  options: { filename?: string; settings?: Record<string, unknown>; cwd?: string } = {},
): T {
  let result: { value: T } | undefined;
  let failure: unknown;
  const rule: TSESLint.RuleModule<string, []> = {
    defaultOptions: [],
    meta: { type: 'problem', schema: [], messages: {} },
    create(context) {
      return {
        'Program:exit'(program) {
          try {
            result = { value: callback(context, program) };
          } catch (error) {
            failure = error;
          }
        },
      };
    },
  };
  const cwd = options.cwd ?? process.cwd();
  const linter = new Linter({ cwd });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}'],
        languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { test: { rules: { probe: rule } } as never },
        rules: { 'test/probe': 'error' },
        settings: options.settings ?? {},
      },
    ],
    { filename: options.filename ?? `${cwd}/file.tsx` },
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (failure !== undefined) throw failure;
  if (result === undefined) throw new Error('the probe rule did not run');
  return result.value;
}
