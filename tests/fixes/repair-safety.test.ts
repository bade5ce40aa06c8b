// No repair may widen access. Every fix and every suggestion of every rule, on every case of the rule tests, is
// applied alone; on the repaired text, a session value (`userId`, `orgId`, `orgRole`, … from `auth()`, `getAuth()`,
// `auth.protect()`) that reaches a call argument (a query filter, an API call) or an SQL template must be dominated
// by an exit for when it is missing. A repair may leave such a use that was already there (that is another
// finding's business); it may not add one.
//
// The checker below is deliberately independent of src/: a second, plainer reading of "checked before use".
import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { rules } from '../../src/rules/index.js';
import { collectRuleTestCases, type RuleTestCase } from '../integration/rule-cases.js';

const SESSION_KEYS = new Set(['userId', 'orgId', 'orgRole', 'orgSlug', 'orgPermissions', 'sessionId', 'actor']);
/** What `auth.protect()` (no argument) guarantees; with a role/permission argument, an active organization too. */
const PROTECTED_KEYS = new Set(['userId', 'sessionId']);
const NEVER_RETURNS = /^(?:redirect|permanentRedirect|notFound|unauthorized|forbidden|redirectToSignIn|redirectToSignUp|\w+\.redirectToSignIn)$/u;

type Node = TSESTree.Node;

interface SessionUse {
  name: string;
  guarded: boolean;
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(value)) for (const item of value) if (item !== null && typeof item === 'object' && typeof item.type === 'string') out.push(item as Node);
    if (value !== null && typeof value === 'object' && typeof (value as Node).type === 'string') out.push(value as Node);
  }
  return out;
}

function walk(node: Node, visit: (node: Node) => void, parent?: Node): void {
  (node as { parent?: Node }).parent = parent;
  visit(node);
  for (const child of children(node)) walk(child, visit, node);
}

function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (current.type === 'AwaitExpression') current = current.argument;
    else if (current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression' || current.type === 'ChainExpression') current = current.expression;
    else return current;
  }
}

/** `auth()`, `getAuth(req)`, `auth.protect()`, `auth().protect()`, `clerk.getAuth(req)`: which keys it guarantees. */
function authCall(init: Node): { guaranteed: ReadonlySet<string> } | undefined {
  const call = unwrap(init);
  if (call.type !== 'CallExpression') return undefined;
  const callee = call.callee;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : undefined;
  if (name === 'auth' || name === 'getAuth') return { guaranteed: new Set() };
  if (name === 'protect') return { guaranteed: call.arguments.length > 0 ? new Set(SESSION_KEYS) : PROTECTED_KEYS };
  return undefined;
}

/** `!x`, `!x || …`, `x == null`, `x === null || …`: the test is true whenever `name` is missing. */
function trueWhenMissing(test: Node, name: string): boolean {
  if (test.type === 'UnaryExpression' && test.operator === '!' && test.argument.type === 'Identifier') return test.argument.name === name;
  if (test.type === 'LogicalExpression' && test.operator === '||') return trueWhenMissing(test.left, name) || trueWhenMissing(test.right, name);
  if (test.type === 'BinaryExpression' && ['==', '==='].includes(test.operator)) {
    const sides = [test.left, test.right];
    return sides.some((side) => side.type === 'Identifier' && side.name === name) && sides.some((side) => (side.type === 'Literal' && side.value === null) || (side.type === 'Identifier' && side.name === 'undefined'));
  }
  return false;
}

/** `x`, `x && …`, `x != null`: the test is false whenever `name` is missing. */
function falseWhenMissing(test: Node, name: string): boolean {
  if (test.type === 'Identifier') return test.name === name;
  if (test.type === 'LogicalExpression' && test.operator === '&&') return falseWhenMissing(test.left, name) || falseWhenMissing(test.right, name);
  if (test.type === 'UnaryExpression' && test.operator === '!' && test.argument.type === 'UnaryExpression' && test.argument.operator === '!') return falseWhenMissing(test.argument.argument, name);
  return false;
}

function exits(statement: Node): boolean {
  const last = statement.type === 'BlockStatement' ? statement.body[statement.body.length - 1] : statement;
  if (last === undefined) return false;
  if (last.type === 'ReturnStatement' || last.type === 'ThrowStatement') return true;
  if (last.type !== 'ExpressionStatement') return false;
  const call = unwrap(last.expression);
  if (call.type !== 'CallExpression') return false;
  const callee = call.callee;
  const text = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && callee.object.type === 'Identifier' ? `${callee.object.name}.${callee.property.name}` : '';
  return NEVER_RETURNS.test(text);
}

const isFunction = (node: Node) => node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';

/** Whether an exit for a missing `name` dominates `use` within its function. */
function guarded(use: Node, name: string, guaranteed: boolean): boolean {
  if (guaranteed) return true;
  let child: Node = use;
  for (let parent = use.parent; parent !== undefined; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return false;
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.consequent === child && falseWhenMissing(parent.test, name)) return true;
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.alternate === child && trueWhenMissing(parent.test, name)) return true;
    if (parent.type === 'LogicalExpression' && parent.operator === '&&' && parent.right === child && falseWhenMissing(parent.left, name)) return true;
    if (parent.type === 'BlockStatement' || parent.type === 'Program') {
      for (const statement of parent.body) {
        if (statement === child) break;
        if (statement.type === 'IfStatement' && trueWhenMissing(statement.test, name) && exits(statement.consequent)) return true;
      }
    }
  }
  return false;
}

/** Reaches a call as (part of) an argument, or an SQL template. */
function reachesCall(use: Node): boolean {
  let child: Node = use;
  for (let parent = use.parent; parent !== undefined; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case 'Property':
        if (parent.value !== child) return false;
        continue;
      case 'ObjectExpression':
      case 'ArrayExpression':
      case 'SpreadElement':
      case 'TSAsExpression':
      case 'TSNonNullExpression':
        continue;
      case 'TemplateLiteral':
        return parent.parent?.type === 'TaggedTemplateExpression';
      case 'CallExpression':
        return parent.arguments.includes(child as TSESTree.CallExpressionArgument);
      default:
        return false;
    }
  }
  return false;
}

/** Every session value that reaches a call, with whether an exit for its absence dominates it. */
export function sessionUses(code: string): SessionUse[] {
  const ast = parse(code, { jsx: true, range: true, loc: true }) as unknown as TSESTree.Program;
  /** local name → guaranteed by the call that bound it */
  const bindings = new Map<string, boolean>();
  walk(ast, (node) => {
    if (node.type !== 'VariableDeclarator' || node.init === null) return;
    const auth = authCall(node.init);
    if (auth === undefined || node.id.type !== 'ObjectPattern') return;
    for (const property of node.id.properties) {
      if (property.type !== 'Property' || property.key.type !== 'Identifier' || !SESSION_KEYS.has(property.key.name)) continue;
      const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
      if (value.type === 'Identifier') bindings.set(value.name, auth.guaranteed.has(property.key.name));
    }
  });
  const uses: SessionUse[] = [];
  walk(ast, (node) => {
    if (node.type !== 'Identifier' || !bindings.has(node.name)) return;
    const parent = node.parent;
    if (parent?.type === 'Property' && parent.key === node && !parent.shorthand) return;
    if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return;
    if (parent?.type === 'Property' && parent.parent?.type === 'ObjectPattern') return;
    if (!reachesCall(node)) return;
    uses.push({ name: node.name, guarded: guarded(node, node.name, bindings.get(node.name) === true) });
  }, undefined);
  return uses;
}

function unguardedCount(code: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const use of sessionUses(code)) if (!use.guarded) counts.set(use.name, (counts.get(use.name) ?? 0) + 1);
  return counts;
}

describe('the session-value checker itself', () => {
  it('tells a checked use from an unchecked one', () => {
    const unchecked = `const { userId, orgId } = await auth(); if (!userId) throw new Error(); db.x.findMany({ where: { orgId } })`;
    const checked = `const { orgId } = await auth(); if (!orgId) throw new Error(); db.x.findMany({ where: { orgId } })`;
    const inside = `const { orgId } = await auth(); if (orgId) { db.x.findMany({ where: { orgId } }) }`;
    const protectedId = `const { userId } = await auth.protect(); db.x.findMany({ where: { ownerId: userId } })`;
    const protectedOrg = `const { orgId } = await auth.protect(); db.x.findMany({ where: { orgId } })`;
    expect(sessionUses(unchecked)).toEqual([{ name: 'orgId', guarded: false }]);
    expect(sessionUses(checked)).toEqual([{ name: 'orgId', guarded: true }]);
    expect(sessionUses(inside)).toEqual([{ name: 'orgId', guarded: true }]);
    expect(sessionUses(protectedId)).toEqual([{ name: 'userId', guarded: true }]);
    expect(sessionUses(protectedOrg)).toEqual([{ name: 'orgId', guarded: false }]);
    expect(sessionUses('const { orgId } = await auth(); sql`select * from t where org = ${orgId}`')).toEqual([{ name: 'orgId', guarded: false }]);
  });

  it("reports the old no-org-id-from-request repair (an orgId added to an existing destructuring, no exit)", () => {
    const before = `export async function listInvoices(orgId: string) {
  const { userId } = await auth(); if (!userId) throw new Error('Unauthorized')
  return db.invoice.findMany({ where: { orgId } })
}`;
    const oldRepair = `export async function listInvoices(orgId: string) {
  const { userId, orgId: sessionOrgId } = await auth(); if (!userId) throw new Error('Unauthorized')
  return db.invoice.findMany({ where: { orgId: sessionOrgId } })
}`;
    expect(unguardedCount(before)).toEqual(new Map());
    expect(unguardedCount(oldRepair)).toEqual(new Map([['sessionOrgId', 1]]));
  });
});

/** The config a rule test case runs under: its rule, options and settings. */
function caseConfig(testCase: RuleTestCase): Linter.Config[] {
  return [
    {
      files: ['**/*.{ts,tsx,js,jsx,mts,cts,mjs,cjs}'],
      plugins: { clerk: plugin },
      languageOptions: { parser: { parse } as unknown as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      rules: { [`clerk/${testCase.rule}`]: ['error', ...(testCase.options ?? [])] },
      settings: testCase.settings ?? {},
    },
  ];
}

describe('every repair of every rule', () => {
  let cases: RuleTestCase[] = [];
  beforeAll(async () => {
    cases = await collectRuleTestCases();
  });

  it('adds no session value to a query or a call without an exit for when it is missing', () => {
    const linter = new Linter({ configType: 'flat' });
    let repairs = 0;
    const problems: string[] = [];
    for (const testCase of cases) {
      if (!testCase.id.includes('/invalid-')) continue;
      const config = caseConfig(testCase);
      const messages = linter.verify(testCase.code, config, { filename: testCase.filename ?? 'file.ts' });
      let before: Map<string, number>;
      try {
        before = unguardedCount(testCase.code);
      } catch {
        continue; // code the plain parser does not read (a .js file with Flow-like syntax, …)
      }
      for (const message of messages) {
        for (const fix of [...(message.fix ? [message.fix] : []), ...(message.suggestions ?? []).map((suggestion) => suggestion.fix)]) {
          repairs += 1;
          const output = testCase.code.slice(0, fix.range[0]) + fix.text + testCase.code.slice(fix.range[1]);
          const after = unguardedCount(output);
          for (const [name, count] of after) {
            if (count > (before.get(name) ?? 0)) problems.push(`${testCase.id} (${testCase.name ?? ''}) ${message.ruleId}: \`${name}\` reaches a call unchecked\n${output}`);
          }
        }
      }
    }
    expect(repairs).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  }, 120_000);

  it('fixes by default exactly in the rules whose docs say so (meta.docs.fixesByDefault, the 🔧 in the README)', () => {
    const linter = new Linter({ configType: 'flat' });
    const fixing = new Set<string>();
    for (const testCase of cases) {
      const clerkSettings = (testCase.settings?.clerk ?? {}) as { autofix?: boolean };
      if (!testCase.id.includes('/invalid-') || clerkSettings.autofix === true) continue;
      const config = caseConfig(testCase);
      if (linter.verify(testCase.code, config, { filename: testCase.filename ?? 'file.ts' }).some((message) => message.fix !== undefined)) fixing.add(testCase.rule);
    }
    const declared = Object.entries(rules).filter(([, rule]) => rule.meta.docs?.fixesByDefault === true).map(([name]) => name);
    expect([...fixing].sort()).toEqual(declared.sort());
  }, 120_000);

  it('declares a finding without a repair by design (meta.docs.withoutRepair) only where no case of it carries one', () => {
    const linter = new Linter({ configType: 'flat' });
    const seen = new Map<string, { repaired: number; bare: number }>();
    for (const testCase of cases) {
      if (!testCase.id.includes('/invalid-')) continue;
      const declared = rules[testCase.rule as keyof typeof rules].meta.docs?.withoutRepair ?? {};
      for (const message of linter.verify(testCase.code, caseConfig(testCase), { filename: testCase.filename ?? 'file.ts' })) {
        if (message.messageId === undefined || !(message.messageId in declared)) continue;
        const key = `${testCase.rule}/${message.messageId}`;
        const counts = seen.get(key) ?? { repaired: 0, bare: 0 };
        if (message.fix !== undefined || (message.suggestions ?? []).length > 0) counts.repaired += 1;
        else counts.bare += 1;
        seen.set(key, counts);
      }
    }
    const declaredKeys = Object.entries(rules).flatMap(([name, rule]) => Object.keys(rule.meta.docs?.withoutRepair ?? {}).map((id) => `${name}/${id}`));
    expect(declaredKeys.length).toBeGreaterThan(0);
    for (const key of declaredKeys) expect(seen.get(key), key).toEqual({ repaired: 0, bare: expect.any(Number) as number });
    for (const key of declaredKeys) expect(seen.get(key)?.bare ?? 0, key).toBeGreaterThan(0);
  }, 120_000);
});
