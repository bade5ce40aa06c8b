import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { findFirst } from '../../src/analysis/traverse.js';

const root = join(import.meta.dirname, '../..');

function parse(code: string, jsx = false): { sourceCode: TSESLint.SourceCode; ast: TSESTree.Program } {
  const { ast, visitorKeys } = parseForESLint(code, { ecmaFeatures: { jsx }, range: true, loc: true });
  return { sourceCode: { visitorKeys } as unknown as TSESLint.SourceCode, ast: ast as TSESTree.Program };
}

/** The walk as it was written before it was kept in one function (helpers for which children are entered). */
function referenceWalk(
  visitorKeys: Record<string, readonly string[] | undefined>,
  root: TSESTree.Node,
  predicate: (node: TSESTree.Node) => boolean | 'skip',
  enterFunctions: boolean,
): TSESTree.Node | undefined {
  const isNode = (value: unknown): value is TSESTree.Node =>
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
  const shouldEnter = (child: TSESTree.Node): boolean => {
    if (child.type === 'ArrowFunctionExpression' || child.type === 'FunctionDeclaration' || child.type === 'FunctionExpression' || child.type === 'ClassBody') {
      return enterFunctions;
    }
    return (
      !child.type.startsWith('TS') ||
      ['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'TSInstantiationExpression'].includes(child.type)
    );
  };
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    const verdict = predicate(node);
    if (verdict === true) return node;
    if (verdict === 'skip') continue;
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k -= 1) {
      const value = (node as unknown as Record<string, unknown>)[keys[k] as string];
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index -= 1) {
          const child: unknown = value[index];
          if (isNode(child) && shouldEnter(child)) stack.push(child);
        }
      } else if (isNode(value) && shouldEnter(value)) stack.push(value);
    }
  }
  return undefined;
}

/** Code samples, and whether each is parsed as JSX (`<T>x` is a type assertion only without it). */
const SAMPLES: readonly (readonly [string, boolean])[] = [
  // Nested functions, callbacks, a class with members, an immediately invoked function.
  [
    `export async function POST(req: Request) {
    const { userId } = await auth();
    const ids = [1, , 3].map((id) => db.x.delete({ where: { id } }));
    class Local { field = load(); method() { return work(); } }
    (function () { sideEffect(); })();
    return new Response(JSON.stringify(ids));
  }`,
    false,
  ],
  // TypeScript: types are not entered, runtime wrappers are.
  [
    `const a = (value as Session).userId!;
   const b = <Config>read() satisfies Config;
   const make = create<Options>;
   register(create<Options>, <Config>read(), value!, other as Session, third satisfies Config);
   type T = { nested: ReturnType<typeof fn> };
   interface I { method(): void }
   function typed(this: Window, x: number = compute()): Promise<void> { return go(x); }
   enum E { A = call() }`,
    false,
  ],
  // JSX, optional chaining, templates, destructuring with defaults, spread, labels, switch, try.
  [
    `export default function Page({ params = defaults() }) {
     label: for (const item of list ?? []) { if (item?.skip) continue label; }
     switch (kind) { case 'a': doA(); break; default: doB(); }
     try { risky(); } catch { recover(); } finally { done(); }
     const text = \`\${first()}-\${second?.()}\`;
     return <div {...props} onClick={() => click()}>{items.map((i) => <Item key={i.id} />)}</div>;
   }`,
    true,
  ],
];

/** The program and the body of every function in it: the walks start at both in the analyses. */
function rootsOf(sourceCode: TSESLint.SourceCode, ast: TSESTree.Program): TSESTree.Node[] {
  const roots: TSESTree.Node[] = [ast];
  referenceWalk(sourceCode.visitorKeys, ast, (node) => {
    if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') roots.push(node.body);
    return false;
  }, true);
  return roots;
}

describe('findFirst', () => {
  for (const [index, [code, jsx]] of SAMPLES.entries()) {
    for (const enterFunctions of [false, true]) {
      it(`visits the nodes of sample ${index + 1} in the reference order (enterFunctions: ${enterFunctions})`, () => {
        const { sourceCode, ast } = parse(code, jsx);
        const visited: TSESTree.Node[] = [];
        const expected: TSESTree.Node[] = [];
        for (const root of rootsOf(sourceCode, ast)) {
          findFirst(sourceCode, root, (node) => (visited.push(node), false), { enterFunctions });
          referenceWalk(sourceCode.visitorKeys, root, (node) => (expected.push(node), false), enterFunctions);
        }
        expect(visited.length).toBeGreaterThan(20);
        expect(visited).toEqual(expected);
        // Nothing of a type annotation is visited; the runtime wrappers are.
        expect(visited.some((node) => node.type === 'TSTypeAnnotation' || node.type === 'TSTypeReference')).toBe(false);
      });
    }
  }

  it('prunes a subtree on "skip" and stops at the first match, as the reference does', () => {
    const { sourceCode, ast } = parse(SAMPLES[0]?.[0] as string);
    const predicate = (seen: string[]) => (node: TSESTree.Node): boolean | 'skip' => {
      seen.push(node.type);
      if (node.type === 'ArrowFunctionExpression') return 'skip';
      return node.type === 'NewExpression';
    };
    const seen: string[] = [];
    const reference: string[] = [];
    const found = findFirst(sourceCode, ast, predicate(seen), { enterFunctions: true });
    const expected = referenceWalk(sourceCode.visitorKeys, ast, predicate(reference), true);
    expect(found?.type).toBe('NewExpression');
    expect(found).toBe(expected);
    expect(seen).toEqual(reference);
    expect(seen).toContain('ArrowFunctionExpression');
  });

  it('enters the runtime TypeScript wrappers', () => {
    const { sourceCode, ast } = parse(SAMPLES[1]?.[0] as string);
    const types = new Set<string>();
    findFirst(sourceCode, ast, (node) => (types.add(node.type), false));
    for (const wrapper of ['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'TSInstantiationExpression']) {
      expect(types).toContain(wrapper);
    }
    expect(types).not.toContain('TSTypeAliasDeclaration');
    expect(types).not.toContain('TSInterfaceDeclaration');
  });

  // V8 inlines a function of up to --max-inlined-bytecode-size bytes of bytecode into each caller it optimizes; the
  // walk is kept above that so that it is compiled once rather than once per caller (src/analysis/traverse.ts). A
  // performance property, checked on the built code as it ships.
  it('stays above V8\'s inlining limit in the built code', () => {
    const built = join(root, 'dist/analysis/traverse.js');
    expect(existsSync(built), 'npm run build first').toBe(true);
    const flags = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    const limit = Number(/--max-inlined-bytecode-size=(\d+)/u.exec(flags)?.[1]);
    expect(limit).toBeGreaterThan(0);
    const script = `import(${JSON.stringify(`file://${built}`)}).then((m) => { m.findFirst({ visitorKeys: {} }, { type: 'Program' }, () => false); })`;
    const printed = execFileSync(process.execPath, ['--print-bytecode', '--print-bytecode-filter=findFirst', '-e', script], { encoding: 'utf8' });
    const length = Number(/Bytecode length: (\d+)/u.exec(printed)?.[1]);
    expect(length).toBeGreaterThan(limit);
  });
});
