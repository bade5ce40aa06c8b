import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { planImport } from '../../src/fixes/imports.js';
import { codeStyle } from '../../src/fixes/style.js';
import { withContext } from '../harness.js';

/** Applies the planned import to the code and returns [local name, new code]. */
function applyImport(code: string, source = '@clerk/nextjs/server', name = 'auth'): [string, string] {
  return withContext(code, (context) => {
    const plan = planImport(context.sourceCode, source, name);
    if (plan.fix === undefined) return [plan.local, code];
    const fixer = {
      insertTextAfter: (node: { range: [number, number] }, text: string) => ({ range: [node.range[1], node.range[1]], text }),
      insertTextBefore: (node: { range: [number, number] }, text: string) => ({ range: [node.range[0], node.range[0]], text }),
      insertTextAfterRange: (range: [number, number], text: string) => ({ range: [range[1], range[1]], text }),
    } as unknown as TSESLint.RuleFixer;
    const fix = plan.fix(fixer);
    return [plan.local, code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1])];
  });
}

describe('planImport', () => {
  it('reuses an existing, a renamed, or a namespace import', () => {
    expect(applyImport(`import { auth } from '@clerk/nextjs/server'`)[0]).toBe('auth');
    expect(applyImport(`import { auth as a } from '@clerk/nextjs/server'`)[0]).toBe('a');
    expect(applyImport(`import * as clerk from '@clerk/nextjs/server'`)[0]).toBe('clerk.auth');
  });

  it('extends a named import from the same source', () => {
    expect(applyImport(`import { currentUser } from '@clerk/nextjs/server'\nx()`)).toEqual([
      'auth',
      `import { currentUser, auth } from '@clerk/nextjs/server'\nx()`,
    ]);
  });

  it('does not extend a type-only import, and adds a new line after the last import', () => {
    expect(applyImport(`import type { User } from '@clerk/nextjs/server';\nimport { db } from "./db";\nx();`)).toEqual([
      'auth',
      `import type { User } from '@clerk/nextjs/server';\nimport { db } from "./db";\nimport { auth } from '@clerk/nextjs/server';\nx();`,
    ]);
  });

  it('aliases the import when the name is taken', () => {
    expect(applyImport(`const auth = 1\nexport {}`)).toEqual([
      'clerkAuth',
      `import { auth as clerkAuth } from '@clerk/nextjs/server'\nconst auth = 1\nexport {}`,
    ]);
  });

  it('goes after the directive prologue (semicolons when the file shows no style)', () => {
    expect(applyImport(`'use server'\nexport async function f() {}`)[1]).toBe(
      `'use server'\nimport { auth } from '@clerk/nextjs/server';\nexport async function f() {}`,
    );
  });
});

describe('codeStyle', () => {
  it('reads quotes, semicolons and indentation', () => {
    const style = (code: string) => withContext(code, (context) => codeStyle(context.sourceCode));
    expect(style(`import a from "a";\nfunction f() {\n    return 1;\n}`)).toEqual({ quote: '"', semi: true, indentUnit: '    ' });
    expect(style(`import a from 'a'\nconst f = () => {\n  return 1\n}`)).toEqual({ quote: "'", semi: false, indentUnit: '  ' });
    expect(style(`function f() {\n\treturn 'x';\n}`)).toEqual({ quote: "'", semi: true, indentUnit: '\t' });
    // Only a statement's own last token counts: a `;` or `}` inside a string or template literal does not.
    expect(style("const s = 'a;'\nconst t = `${s}`\nconst o = { a: 1 }\nlet u = 1;\nf('}')")).toMatchObject({ semi: false });
    expect(style("const o = { a: 1 };\nconst s = 'a'\nlet u = 1;")).toMatchObject({ semi: true });
  });

  it('takes the semicolon style from the top level when two or more of its statements agree', () => {
    const semi = (code: string) => withContext(code, (context) => codeStyle(context.sourceCode).semi);
    const nestedWithout = 'export async function POST() {\n  const a = 1\n  const b = 2\n  const c = 3\n  return a\n}';
    const nestedWith = 'export async function POST() {\n  const a = 1;\n  const b = 2;\n  const c = 3;\n  return a;\n}';
    // Two imports with `;` decide, though the function below has four statements without.
    expect(semi(`import a from 'a';\nimport b from 'b';\n${nestedWithout}`)).toBe(true);
    expect(semi(`import a from 'a'\nimport b from 'b'\n${nestedWith}`)).toBe(false);
    // The directive prologue does not vote.
    expect(semi(`'use server'\nimport a from 'a';\nimport b from 'b';\n${nestedWithout}`)).toBe(true);
    // One statement at the top level, or two that disagree: the first 50 statements of the whole file vote.
    expect(semi(`import a from 'a';\n${nestedWithout}`)).toBe(false);
    expect(semi(`import a from 'a';\nimport b from 'b'\n${nestedWithout}`)).toBe(false);
    expect(semi(`import a from 'a'\nimport b from 'b';\n${nestedWith}`)).toBe(true);
    // `export function` ends with its body's `}` and does not vote; `export const` does.
    expect(semi(`export const a = 1\nexport const b = 2\n${nestedWith}`)).toBe(false);
  });
});
