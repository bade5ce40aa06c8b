import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import type { ClerkReferences } from './clerk-references.js';
import { calledName, type FunctionNode, skipAwaitAndWrappers, skipTypeWrappers } from './functions.js';
import { isFromSession } from './session-values.js';
import { findFirst } from './traverse.js';

/**
 * Membership lookups: a read of the session user's membership in an organization (a database row by both ids, or
 * Clerk's membership lists checked with `some` / `find` / `includes`), followed by an exit when it finds nothing,
 * or as the test of a branch that runs only when it found something. It does not decide what a missing lookup
 * means (the caller does) nor whether the organization id came from the caller.
 */

/** Array methods whose callback tests membership: `memberships.some((m) => m.organization.id === orgId)`. */
const MEMBERSHIP_TESTS: ReadonlySet<string> = new Set(['some', 'find', 'findIndex', 'indexOf', 'filter', 'includes']);
/** Array methods that keep where the items came from: `memberships.map((m) => m.organization.id)`. */
const DERIVING_METHODS: ReadonlySet<string> = new Set(['map', 'filter', 'flatMap']);
const EXIT_CALLS: ReadonlySet<string> = new Set(['redirect', 'permanentRedirect', 'notFound', 'forbidden', 'unauthorized']);

export function membershipCheckedBefore(
  sourceCode: Readonly<TSESLint.SourceCode>,
  refs: ClerkReferences,
  fn: FunctionNode,
  use: TSESTree.Node,
): boolean {
  const text = sourceCode.getText(use);
  const isOrg = (node: TSESTree.Node): boolean => isValue(node) && sourceCode.getText(node) === text;
  const isUser = (node: TSESTree.Node): boolean => isValue(node) && isSessionUserId(sourceCode, refs, node);
  const contains = (root: TSESTree.Node, predicate: (node: TSESTree.Node) => boolean, enterFunctions = false): boolean =>
    findFirst(sourceCode, root, predicate, { enterFunctions }) !== undefined;

  /**
   * A read by both ids: `db.membership.findFirst({ where: { orgId, userId } })`, `isMember(orgId, userId)`,
   * `supabase.from('members').select().eq('org_id', orgId).eq('user_id', userId).single()`.
   */
  const readByBothIds = (lookup: TSESTree.CallExpression): boolean => {
    const chain = callChain(lookup);
    if (chain.some(isWrite)) return false;
    const args = chain.flatMap((call) => call.arguments);
    return args.some((arg) => contains(arg, isOrg)) && args.some((arg) => contains(arg, isUser));
  };
  // Such a read only finds the caller's own rows: it is no finding itself, guarded or not.
  const query = enclosingQuery(use);
  if (query !== undefined && readByBothIds(query)) return true;

  /** The nodes a guarded lookup vouches for (besides what follows the guard), or undefined if it is no check. */
  const evidence = (lookup: TSESTree.CallExpression): TSESTree.Node[] | undefined => {
    if (callChain(lookup).some(isWrite)) return undefined;
    if (readByBothIds(lookup)) return [lookup];
    const callee = lookup.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
    if (!MEMBERSHIP_TESTS.has(callee.property.name)) return undefined;
    const list = sourceCall(sourceCode, callee.object, 0);
    const test = lookup.arguments[0];
    if (list === undefined || test === undefined || callChain(list).some(isWrite)) return undefined;
    const listArgs = callChain(list).flatMap((call) => call.arguments);
    // The session user's memberships tested for the org, or the org's members tested for the session user.
    if (listArgs.some((arg) => contains(arg, isUser)) && contains(test, isOrg, true)) return [lookup];
    if (listArgs.some((arg) => contains(arg, isOrg)) && contains(test, isUser, true)) return [lookup, list];
    return undefined;
  };

  const inside = (outer: TSESTree.Node | null): boolean => outer !== null && outer.range[0] <= use.range[0] && use.range[1] <= outer.range[1];
  const vouches = (lookups: TSESTree.CallExpression[]): boolean => lookups.some((lookup) => evidence(lookup) !== undefined);
  let covered = false;
  findFirst(sourceCode, fn.body, (node) => {
    if (covered) return 'skip';
    if (node.type !== 'IfStatement') return false;
    // `if (!m) throw …` (or `if (m) { … } else throw …`): the uses after the guard, and those inside the lookup it guards.
    const exitWhenMissing = alwaysExits(sourceCode, refs, node.consequent)
      ? trueWhenMissing(sourceCode, node.test)
      : node.alternate !== null && alwaysExits(sourceCode, refs, node.alternate)
        ? falseWhenMissing(sourceCode, node.test)
        : [];
    for (const lookup of new Set(exitWhenMissing)) {
      const nodes = evidence(lookup);
      if (nodes !== undefined && (use.range[0] > node.range[1] || nodes.some(inside))) {
        covered = true;
        return true;
      }
    }
    // `if (m) { use }`, `if (m && …) { use }`, `if (!m) … else { use }`: the branch runs only when the lookup found something.
    if ((inside(node.consequent) && vouches(falseWhenMissing(sourceCode, node.test))) || (inside(node.alternate) && vouches(trueWhenMissing(sourceCode, node.test)))) {
      covered = true;
      return true;
    }
    return false;
  });
  return covered;
}

/**
 * The outermost call holding `node` in its arguments, through objects, arrays, nested calls and builder chains:
 * the whole query in `db.select().from(m).where(and(eq(m.orgId, orgId), eq(m.userId, userId)))`.
 */
function enclosingQuery(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  let query: TSESTree.CallExpression | undefined;
  let child = node;
  for (let parent = node.parent; parent !== undefined; child = parent, parent = parent.parent) {
    if (parent.type === 'CallExpression') query = parent;
    else if (parent.type === 'MemberExpression' ? parent.object !== child : parent.type === 'Property' ? parent.value !== child : !QUERY_PARTS.has(parent.type)) break;
  }
  return query;
}

const QUERY_PARTS: ReadonlySet<string> = new Set([
  'ObjectExpression',
  'ArrayExpression',
  'SpreadElement',
  'ChainExpression',
  'TSAsExpression',
  'TSNonNullExpression',
  'TSSatisfiesExpression',
]);

/** A query builder chain, outermost call first: `.single()`, `.eq('user_id', …)`, `.eq('org_id', …)`, `.from(…)`. */
function callChain(call: TSESTree.CallExpression): TSESTree.CallExpression[] {
  const chain: TSESTree.CallExpression[] = [];
  let current: TSESTree.Node = call;
  for (let depth = 0; depth < 12; depth += 1) {
    current = skipAwaitAndWrappers(current as TSESTree.Expression);
    if (current.type === 'CallExpression') {
      chain.push(current);
      current = current.callee;
    } else if (current.type === 'MemberExpression') {
      current = current.object;
    } else {
      break;
    }
  }
  return chain;
}

/** A call that writes (`create`, `upsert`, `insert`, …): a write is no membership check, even if guarded. */
function isWrite(call: TSESTree.CallExpression): boolean {
  return /^(?:create|insert|upsert|update|delete|remove|destroy|add|set|save|put|patch|join|invite|accept|connect)/iu.test(calledName(call.callee));
}

/**
 * The lookups whose finding nothing makes a guard's test true, so that `if (test) exit` stops a caller without
 * access: `!m`, `m == null`, `!m || m.role !== 'org:admin'`, `!(await isMember(orgId, userId))`,
 * `!data.some(…)`, `data.findIndex(…) === -1`, `rows.length === 0`. `if (m) return 409` stops the members instead
 * (it guards a join or an invite), `if (!m && !isOwner) throw` lets a non-member through, and
 * `!data.filter(…)` or `!data.every(…)` is false for a caller in no organization at all.
 */
function trueWhenMissing(sourceCode: Readonly<TSESLint.SourceCode>, test: TSESTree.Expression): TSESTree.CallExpression[] {
  const node = skipTypeWrappers(test);
  switch (node.type) {
    case 'UnaryExpression':
      return node.operator === '!' ? falseWhenMissing(sourceCode, node.argument) : [];
    case 'LogicalExpression': {
      const left = trueWhenMissing(sourceCode, node.left);
      const right = trueWhenMissing(sourceCode, node.right);
      if (node.operator === '||') return [...left, ...right];
      return node.operator === '&&' ? left.filter((call) => right.includes(call)) : [];
    }
    case 'BinaryExpression':
      return comparisonLookups(sourceCode, node, true);
    default:
      return [];
  }
}

/** The lookups whose finding nothing makes `test` false: `m`, `m.role === 'org:admin'`, `isMember(…)`, `rows.length`. */
function falseWhenMissing(sourceCode: Readonly<TSESLint.SourceCode>, test: TSESTree.Expression): TSESTree.CallExpression[] {
  const node = skipTypeWrappers(test);
  switch (node.type) {
    case 'UnaryExpression':
      return node.operator === '!' ? trueWhenMissing(sourceCode, node.argument) : [];
    case 'LogicalExpression': {
      const left = falseWhenMissing(sourceCode, node.left);
      const right = falseWhenMissing(sourceCode, node.right);
      if (node.operator === '&&') return [...left, ...right];
      return node.operator === '||' ? left.filter((call) => right.includes(call)) : [];
    }
    case 'BinaryExpression':
      return comparisonLookups(sourceCode, node, false);
    default: {
      const read = readOf(sourceCode, node);
      return read !== undefined && falsyWhenMissing(read) ? [read.call] : [];
    }
  }
}

/**
 * What a lookup's result is when it finds nothing: `item` null or undefined (`findFirst`, `maybeSingle`,
 * `isMember`), `found` undefined (`list.find(fn)`), `boolean` false (`some`, `includes`), `list` empty (`filter`,
 * `findMany`, a Drizzle or Supabase query), `count` 0, `index` -1 (`findIndex`, `indexOf`). `every` is true for an
 * empty list, so it tests nothing.
 */
type Shape = 'item' | 'found' | 'boolean' | 'list' | 'count' | 'index';

/** A read of a lookup's result: the call, its shape, and the properties read from it (`['length']`, `[0, 'role']`). */
interface Read {
  call: TSESTree.CallExpression;
  shape: Shape;
  path: (string | number | undefined)[];
}

const LIST_QUERIES: ReadonlySet<string> = new Set([
  'filter', 'map', 'flatMap', 'slice', 'toArray', 'findMany', 'findAll', 'getMany', 'where', 'from', 'select', 'eq', 'neq',
  'in', 'match', 'limit', 'offset', 'orderBy', 'query', 'execute', 'all',
]);

function resultShape(call: TSESTree.CallExpression): Shape | undefined {
  const name = calledName(skipAwaitAndWrappers(call.callee as TSESTree.Expression));
  const first = call.arguments[0];
  const callback = first !== undefined && (first.type === 'ArrowFunctionExpression' || first.type === 'FunctionExpression');
  if (name === 'every') return undefined;
  if (name === 'some' || name === 'includes') return 'boolean';
  if (name === 'findIndex' || name === 'indexOf') return 'index';
  if (name === 'find' && callback) return 'found';
  // Mongo's `collection.find({ … })` returns a cursor.
  if (LIST_QUERIES.has(name) || name === 'find') return 'list';
  if (/^\$?count(?:Documents)?$/iu.test(name)) return 'count';
  return 'item';
}

/** The lookup `node` reads: the call itself, a variable holding its result (`m`, `{ data }`, `[m]`), or a property of either. */
function readOf(sourceCode: Readonly<TSESLint.SourceCode>, value: TSESTree.Expression): Read | undefined {
  let node = skipAwaitAndWrappers(value);
  const path: Read['path'] = [];
  while (node.type === 'MemberExpression') {
    const key = node.property;
    path.unshift(
      !node.computed && key.type === 'Identifier' ? key.name : key.type === 'Literal' && typeof key.value === 'number' ? key.value : undefined,
    );
    node = skipAwaitAndWrappers(node.object);
  }
  if (node.type === 'CallExpression') {
    const shape = resultShape(node);
    return shape === undefined ? undefined : { call: node, shape, path };
  }
  if (node.type !== 'Identifier') return undefined;
  const definition = ASTUtils.findVariable(sourceCode.getScope(node), node)?.defs[0];
  if (definition?.type !== 'Variable' || definition.node.init === null) return undefined;
  const init = skipAwaitAndWrappers(definition.node.init);
  if (init.type !== 'CallExpression') return undefined;
  const shape = resultShape(init);
  if (shape === undefined) return undefined;
  const pattern = definition.node.id;
  const bound = (target: TSESTree.Node | null): boolean =>
    target === definition.name || (target?.type === 'AssignmentPattern' && target.left === definition.name);
  if (pattern.type === 'Identifier') return { call: init, shape, path };
  // `const { data } = await supabase.from(…)…` keeps the shape; `const [m] = await db.select()…` is one row.
  if (pattern.type === 'ObjectPattern' && pattern.properties.some((property) => property.type === 'Property' && bound(property.value))) {
    return { call: init, shape, path };
  }
  if (pattern.type === 'ArrayPattern' && pattern.elements.some(bound)) return { call: init, shape: shape === 'list' ? 'item' : shape, path };
  return undefined;
}

/** Whether the value read is falsy (or reading it throws) when the lookup found nothing. */
function falsyWhenMissing({ shape, path }: Read): boolean {
  switch (shape) {
    case 'item':
    case 'found':
      return true;
    case 'boolean':
    case 'count':
      return path.length === 0;
    case 'list':
      return path[0] === 'length' ? path.length === 1 : typeof path[0] === 'number';
    default:
      return false;
  }
}

/**
 * The lookups for which a comparison is `when` (true or false) if they found nothing: `m == null`,
 * `m?.role !== 'org:admin'`, `rows.length === 0`, `count < 1`, `data.findIndex(…) === -1`, and their negations.
 */
function comparisonLookups(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.BinaryExpression, when: boolean): TSESTree.CallExpression[] {
  if (node.left.type === 'PrivateIdentifier') return [];
  const left = constantOf(node.left);
  const right = constantOf(node.right);
  if ((left === undefined) === (right === undefined)) return [];
  const FLIPPED: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };
  const operator = right === undefined ? (FLIPPED[node.operator] ?? node.operator) : node.operator;
  const constant = (right ?? left) as { value: unknown };
  const read = readOf(sourceCode, right === undefined ? node.right : node.left);
  if (read === undefined) return [];
  const { shape, path } = read;
  // The value the read has when nothing was found; undefined when the comparison cannot tell.
  let missing: { value: unknown } | undefined;
  if (shape === 'list' && path.length === 1 && path[0] === 'length') missing = { value: 0 };
  else if (shape === 'count' && path.length === 0) missing = { value: 0 };
  else if (shape === 'index' && path.length === 0) missing = { value: -1 };
  else if (shape === 'boolean' && path.length === 0) missing = { value: false };
  else if (shape === 'found' || (shape === 'item' && path.length > 0) || (shape === 'list' && typeof path[0] === 'number')) {
    missing = { value: undefined };
  } else if (shape === 'item') {
    // `findFirst` returns null, Drizzle's `findFirst` undefined: only a loose or explicit nullish test is sure.
    if (constant.value === null || constant.value === undefined) return ['==', '==='].includes(operator) === when ? [read.call] : [];
    return [];
  }
  if (missing === undefined) return [];
  const result = compare(missing.value, operator, constant.value);
  return result === when ? [read.call] : [];
}

/** A literal, `undefined` or a negative number: the constant side of a comparison. */
function constantOf(node: TSESTree.Node): { value: unknown } | undefined {
  if (node.type === 'Literal' && !('regex' in node)) return { value: node.value };
  if (node.type === 'Identifier' && node.name === 'undefined') return { value: undefined };
  if (node.type === 'UnaryExpression' && node.operator === '-' && node.argument.type === 'Literal' && typeof node.argument.value === 'number') {
    return { value: -node.argument.value };
  }
  return undefined;
}

function compare(left: unknown, operator: string, right: unknown): boolean | undefined {
  switch (operator) {
    case '===':
      return left === right;
    case '!==':
      return left !== right;
    case '==':
      // eslint-disable-next-line eqeqeq -- evaluates the guard's own loose comparison
      return left == right;
    case '!=':
      // eslint-disable-next-line eqeqeq -- evaluates the guard's own loose comparison
      return left != right;
    case '<':
    case '>':
    case '<=':
    case '>=': {
      if (typeof left !== 'number' || typeof right !== 'number') return undefined;
      return operator === '<' ? left < right : operator === '>' ? left > right : operator === '<=' ? left <= right : left >= right;
    }
    default:
      return undefined;
  }
}

/** The call a list comes from: `data` in `const { data } = await client.users.getOrganizationMembershipList(…)`. */
function sourceCall(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, depth: number): TSESTree.CallExpression | undefined {
  if (depth > 4) return undefined;
  const target = skipAwaitAndWrappers(node as TSESTree.Expression);
  if (target.type === 'MemberExpression') return sourceCall(sourceCode, target.object, depth + 1);
  if (target.type === 'CallExpression') {
    const callee = target.callee;
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && DERIVING_METHODS.has(callee.property.name)) {
      return sourceCall(sourceCode, callee.object, depth + 1);
    }
    return target;
  }
  if (target.type !== 'Identifier') return undefined;
  const definition = ASTUtils.findVariable(sourceCode.getScope(target), target)?.defs[0];
  if (definition?.type !== 'Variable' || definition.node.init === null) return undefined;
  return sourceCall(sourceCode, definition.node.init, depth + 1);
}

/** A value, not an object key: `orgId` in `{ orgId }` or `{ id: orgId }`, not in `{ orgId: x }`. */
function isValue(node: TSESTree.Node): boolean {
  if (node.type !== 'Identifier' && node.type !== 'MemberExpression') return false;
  const parent = node.parent;
  if (parent?.type === 'Property' && parent.key === node && !parent.shorthand) return false;
  return !(parent?.type === 'MemberExpression' && parent.property === node && !parent.computed);
}

/**
 * The signed-in user's id: `userId` from `auth()` / `auth.protect()` (also `session.userId`), or `user.id` of
 * `currentUser()`.
 */
function isSessionUserId(sourceCode: Readonly<TSESLint.SourceCode>, refs: ClerkReferences, node: TSESTree.Node): boolean {
  if (node.type === 'MemberExpression') {
    if (node.computed || node.property.type !== 'Identifier') return false;
    if (node.property.name === 'userId') return isFromSession(sourceCode, refs, node);
    if (node.property.name !== 'id' || node.object.type !== 'Identifier') return false;
    const definition = ASTUtils.findVariable(sourceCode.getScope(node.object), node.object)?.defs[0];
    const init = definition?.type === 'Variable' && definition.node.init ? skipAwaitAndWrappers(definition.node.init) : undefined;
    return init?.type === 'CallExpression' && refs.calls.get(init)?.kind === 'currentUser';
  }
  if (node.type !== 'Identifier' || !isFromSession(sourceCode, refs, node)) return false;
  const definition = ASTUtils.findVariable(sourceCode.getScope(node), node)?.defs[0];
  if (definition?.type !== 'Variable') return false;
  const pattern = definition.node.id;
  if (pattern.type !== 'ObjectPattern') return false;
  return pattern.properties.some(
    (property) =>
      property.type === 'Property' &&
      property.key.type === 'Identifier' &&
      property.key.name === 'userId' &&
      property.value.type === 'Identifier' &&
      property.value.name === node.name,
  );
}

/** Every path of the guard's consequent leaves: `return`, `throw`, `redirect()`, `notFound()`. */
export function alwaysExits(sourceCode: Readonly<TSESLint.SourceCode>, refs: ClerkReferences, statement: TSESTree.Statement, returnExits = true): boolean {
  switch (statement.type) {
    case 'ReturnStatement':
      return returnExits;
    case 'ThrowStatement':
      return true;
    case 'BlockStatement':
      return statement.body.some((inner) => alwaysExits(sourceCode, refs, inner, returnExits));
    case 'IfStatement':
      return (
        statement.alternate !== null &&
        alwaysExits(sourceCode, refs, statement.consequent, returnExits) &&
        alwaysExits(sourceCode, refs, statement.alternate, returnExits)
      );
    case 'ExpressionStatement': {
      const expression = skipAwaitAndWrappers(statement.expression);
      if (expression.type !== 'CallExpression') return false;
      const kind = refs.calls.get(expression)?.kind;
      if (kind === 'nextNeverReturns' || kind === 'neverReturns') return true;
      return expression.callee.type === 'Identifier' && EXIT_CALLS.has(expression.callee.name);
    }
    default:
      return false;
  }
}
