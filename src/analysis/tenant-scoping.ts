import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import { isDataQueryCall } from './data-access.js';
import { type FunctionNode, isFunctionNode, skipTypeWrappers } from './functions.js';
import { findFirst } from './traverse.js';

/**
 * Tenant scoping by record id (issue 22, class 8; `strict` only). Decides, for one organization-scoped entry point,
 * which data queries select a record by an id the caller supplied (`where: { id: issueId }`, `data: { projectId }`,
 * `eq(issues.id, id)`) with nothing tying that record to the session's organization: a member of one organization
 * can then read or change another's records by passing their ids. A query is tied when its own filter also holds a
 * session value under a tenant or owner key (`where: { id, organizationId: orgId }`, `project: { orgId }`,
 * `authorId: user.id`), or when another query already looked the same caller value up that way; a function is
 * tied as a whole when it compares something loaded with something the caller did not supply and branches on it
 * (`if (project.organizationId !== orgId) throw …`, `if (issue.reporterId !== user.id) …`). It does not decide
 * whether the function is organization-scoped (the rule does, from `auth()`), nor what the schema's tenant column
 * is called: a query tied by a column this module does not know (`workspace: { members: … }`) is still reported.
 */

/** Keys whose value names one record or parent record: `id`, `projectId`, `sprint_id`. */
const ID_KEY = /^(?:id|_id|[A-Za-z]\w*(?:Id|_id|ID))$/u;
/** Keys that tie a record to a tenant or an owner, besides the configured tenant-id names. */
const OWNER_KEYS: ReadonlySet<string> = new Set([
  'userId', 'user_id', 'ownerId', 'owner_id', 'authorId', 'author_id', 'creatorId', 'creator_id', 'createdBy', 'created_by',
  'createdById', 'clerkUserId', 'clerk_user_id', 'clerkId', 'memberId', 'member_id', 'teamId', 'team_id', 'tenantId',
  'tenant_id', 'workspaceId', 'workspace_id', 'accountId', 'account_id',
]);
/** Query methods that change stored data: the finding prefers them to reads. */
const MUTATIONS = /^(?:create|insert|update|upsert|delete|remove|replace)/u;
/** Array methods whose callback, in an `if` test, compares items: `members.some((m) => m.userId === userId)`. */
const MEMBERSHIP_METHODS: ReadonlySet<string> = new Set(['some', 'every', 'find', 'findIndex', 'includes', 'indexOf']);

export interface UnscopedIdQuery {
  /** The query call to report. */
  readonly call: TSESTree.CallExpression;
  /** The caller-supplied value that selects the record. */
  readonly value: TSESTree.Node;
  /** Whether the query changes data (else it reads). */
  readonly mutation: boolean;
}

/**
 * The first query of `fn` (a mutation if there is one, else a read) that selects a record by a caller-supplied id
 * with no tie to the tenant, or undefined when there is none or the function ties its records as a whole.
 * `callerControlled` says whether a value is the caller's (the entry point's request input); `tenantKeys` are the
 * configured tenant-id names (`orgId`, `organizationId`, …).
 */
export function unscopedIdQuery(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: FunctionNode,
  callerControlled: (node: TSESTree.Node) => boolean,
  tenantKeys: ReadonlySet<string>,
  exits: (branch: TSESTree.Statement) => boolean,
): UnscopedIdQuery | undefined {
  const scopingKey = (key: string) => tenantKeys.has(key) || OWNER_KEYS.has(key);
  const candidates: { call: TSESTree.CallExpression; values: TSESTree.Node[]; scoped: boolean; mutation: boolean }[] = [];
  let compares = false;
  /** A query runs only in the branch of such a comparison: the reads before it loaded what was compared. */
  let branchQueries = false;
  const branches: TSESTree.Statement[] = [];
  findFirst(
    sourceCode,
    fn.body,
    (node) => {
      // `if (project.organizationId !== orgId) throw …` ties the function's records; `if (a.ownerId === userId) {
      // …query… }` ties the queries in its branch. A comparison that neither exits nor holds the query (`if
      // (user.id !== issue.assigneeId) notify()`) ties nothing.
      if (node.type === 'IfStatement' && comparesLoadedValues(sourceCode, node.test, callerControlled)) {
        if (exits(node.consequent) || (node.alternate !== null && exits(node.alternate))) compares = true;
        else branches.push(node.consequent, ...(node.alternate === null ? [] : [node.alternate]));
      }
      if (node.type !== 'CallExpression' || !isDataQueryCall(node)) return false;
      const query = queryIds(sourceCode, node, fn, callerControlled, scopingKey);
      const inBranch = branches.some((branch) => branch.range[0] <= node.range[0] && node.range[1] <= branch.range[1]);
      if (inBranch) branchQueries = true;
      else if (query !== undefined) candidates.push({ call: node, ...query, mutation: mutates(node) });
      return false;
    },
    { enterFunctions: true },
  );
  if (compares || candidates.length === 0) return undefined;
  // A caller value that a tied query already looked up is vetted (`findFirst({ where: { id, orgId } })` first).
  const vetted = new Set(candidates.filter((query) => query.scoped).flatMap((query) => query.values.map((value) => sourceCode.getText(value))));
  const open = candidates.filter((query) => !query.scoped && (query.mutation || !branchQueries) && query.values.some((value) => !vetted.has(sourceCode.getText(value))));
  const pick = open.find((query) => query.mutation) ?? open[0];
  if (pick === undefined) return undefined;
  const unvetted = pick.values.filter((candidate) => !vetted.has(sourceCode.getText(candidate)));
  // Name the caller's own argument (`projectId`) rather than a field of a submitted object when there is one.
  const value = unvetted.find((candidate) => candidate.type === 'Identifier') ?? (unvetted[0] as TSESTree.Node);
  return { call: pick.call, value, mutation: pick.mutation };
}

/**
 * Whether a query changes data: its own method (`db.issue.update`), or for a filter call (`eq(…)`, Supabase's
 * `.eq(…)`) the chain it belongs to (`db.update(t).set(…).where(eq(…))`, `.from(t).delete().eq(…)`).
 */
function mutates(call: TSESTree.CallExpression): boolean {
  if (MUTATIONS.test(methodName(call) ?? '')) return true;
  if (methodName(call) !== 'eq') return false;
  let outer: TSESTree.Node = call;
  // Out of `and(…)` / `where(…)` arguments to the chain that holds them.
  while (outer.parent?.type === 'CallExpression' && outer.parent.arguments.includes(outer as TSESTree.CallExpressionArgument)) outer = outer.parent;
  for (let node: TSESTree.Node = outer; ; ) {
    if (node.type === 'CallExpression') {
      if (MUTATIONS.test(methodName(node) ?? '')) return true;
      node = node.callee;
    } else if (node.type === 'MemberExpression') node = node.object;
    else if (node.type === 'AwaitExpression') node = node.argument;
    else return false;
  }
}

/**
 * The caller-supplied values a query selects records by, and whether its filter is tied to a tenant or owner:
 * Prisma-style object arguments (`{ where: { id }, data: { projectId } }`, through `const`s of the function and
 * the callbacks that build them, `status.map((s) => ({ projectId }))`), Drizzle's `eq(table.id, id)` and
 * Supabase's `.eq('id', id)`.
 */
function queryIds(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  fn: FunctionNode,
  callerControlled: (node: TSESTree.Node) => boolean,
  scopingKey: (key: string) => boolean,
): { values: TSESTree.Node[]; scoped: boolean } | undefined {
  const callee = call.callee;
  // Drizzle: `eq(issues.id, issueId)`; tied when an enclosing `and(…)` also has `eq(issues.orgId, orgId)`.
  if (callee.type === 'Identifier') {
    if (callee.name !== 'eq') return undefined;
    const [column, value] = call.arguments;
    const key = column?.type === 'MemberExpression' ? propertyKey(column.property, column.computed) : undefined;
    if (key === undefined || value === undefined || !ID_KEY.test(key) || scopingKey(key) || !callerControlled(value)) return undefined;
    let outer: TSESTree.Node = call;
    while (outer.parent?.type === 'CallExpression' && outer.parent.callee.type === 'Identifier' && outer.parent.callee.name === 'and') outer = outer.parent;
    return { values: [value], scoped: outer !== call && tiedEq(sourceCode, outer, callerControlled, scopingKey) };
  }
  if (callee.type !== 'MemberExpression') return undefined;
  // Supabase: `.from('issues').update(…).eq('id', id)`.
  const method = methodName(call);
  if (method === 'eq') {
    const [column, value] = call.arguments;
    if (column?.type !== 'Literal' || typeof column.value !== 'string' || value === undefined) return undefined;
    if (!ID_KEY.test(column.value) || scopingKey(column.value) || !callerControlled(value)) return undefined;
    return { values: [value], scoped: chainTied(callee.object, callerControlled, scopingKey) };
  }
  // Prisma-style: only a receiver chain (`db.issue.update`), never a bare array method's callback.
  if (callee.object.type !== 'MemberExpression' && callee.object.type !== 'Identifier') return undefined;
  const [argument] = call.arguments;
  if (argument === undefined || argument.type === 'SpreadElement') return undefined;
  const values: TSESTree.Node[] = [];
  collectIds(sourceCode, argument, fn, callerControlled, scopingKey, values, 0);
  if (values.length === 0) return undefined;
  const object = skipTypeWrappers(argument);
  // A filter is tied by its `where`; a new record by its data (`create({ data: { orgId, imageId } })` belongs to
  // the session's organization, whatever else it names).
  const where = object.type === 'ObjectExpression' ? propertyValue(object, 'where') : undefined;
  const tie = where ?? (MUTATIONS.test(method ?? '') && !/^(?:update|delete|remove|replace)/u.test(method ?? '') ? argument : undefined);
  return { values, scoped: tie !== undefined && holdsTie(sourceCode, tie, fn, callerControlled, scopingKey, 0) };
}

/** Walks an argument for id-keyed properties whose value the caller supplied, through local `const`s. */
function collectIds(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  fn: FunctionNode,
  callerControlled: (node: TSESTree.Node) => boolean,
  scopingKey: (key: string) => boolean,
  values: TSESTree.Node[],
  depth: number,
): void {
  findFirst(
    sourceCode,
    root,
    (node) => {
      if (node.type === 'Property' && node.parent?.type === 'ObjectExpression') {
        const key = propertyKey(node.key, node.computed);
        const value = node.value;
        if (key !== undefined && ID_KEY.test(key) && !scopingKey(key) && isValue(value) && callerControlled(value)) {
          values.push(value);
          return 'skip';
        }
        return false;
      }
      if (node.type === 'Identifier' && depth < 2 && standsForObject(node, root)) {
        const init = localConstInit(sourceCode, node, fn);
        if (init !== undefined) collectIds(sourceCode, init, fn, callerControlled, scopingKey, values, depth + 1);
      }
      return false;
    },
    // Callbacks that build the data (`status.map((s) => ({ projectId }))`) count only behind a `const`.
    { enterFunctions: depth > 0 },
  );
}

/** Whether a filter holds a tenant or owner key with a value the caller did not supply, at any depth. */
function holdsTie(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  fn: FunctionNode,
  callerControlled: (node: TSESTree.Node) => boolean,
  scopingKey: (key: string) => boolean,
  depth: number,
): boolean {
  return (
    findFirst(sourceCode, root, (node) => {
      if (node.type === 'Property' && node.parent?.type === 'ObjectExpression') {
        const key = propertyKey(node.key, node.computed);
        return key !== undefined && scopingKey(key) && isValue(node.value) && node.value.type !== 'Literal' && !callerControlled(node.value);
      }
      if (node.type === 'Identifier' && depth < 2 && standsForObject(node, root)) {
        const init = localConstInit(sourceCode, node, fn);
        return init !== undefined && holdsTie(sourceCode, init, fn, callerControlled, scopingKey, depth + 1);
      }
      return false;
    }) !== undefined
  );
}

/** `and(eq(t.id, id), eq(t.orgId, orgId))`: another `eq` of a tenant or owner column with a session value. */
function tiedEq(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  callerControlled: (node: TSESTree.Node) => boolean,
  scopingKey: (key: string) => boolean,
): boolean {
  return (
    findFirst(sourceCode, root, (node) => {
      if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'eq') return false;
      const [column, value] = node.arguments;
      const key = column?.type === 'MemberExpression' ? propertyKey(column.property, column.computed) : undefined;
      return key !== undefined && scopingKey(key) && value !== undefined && value.type !== 'Literal' && !callerControlled(value);
    }) !== undefined
  );
}

/** A Supabase chain that also filters by a tenant or owner column: `.eq('org_id', orgId).eq('id', id)`. */
function chainTied(receiver: TSESTree.Node, callerControlled: (node: TSESTree.Node) => boolean, scopingKey: (key: string) => boolean): boolean {
  let node: TSESTree.Node = receiver;
  while (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
    const [column, value] = node.arguments;
    if (methodName(node) === 'eq' && column?.type === 'Literal' && typeof column.value === 'string' && scopingKey(column.value)) {
      if (value !== undefined && value.type !== 'Literal' && !callerControlled(value)) return true;
    }
    node = node.callee.object;
  }
  return false;
}

/**
 * An `if` (or ternary) test that compares values neither of which is a literal nor the caller's own input alone:
 * `project.organizationId !== orgId`, `issue.reporterId !== user.id`, `members.some((m) => m.userId === userId)`.
 * Such a comparison is how code ties a loaded record to the session by hand.
 */
function comparesLoadedValues(sourceCode: Readonly<TSESLint.SourceCode>, test: TSESTree.Node, callerControlled: (node: TSESTree.Node) => boolean): boolean {
  return (
    findFirst(
      sourceCode,
      test,
      (node) => {
        if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
          const method = propertyKey(node.callee.property, node.callee.computed);
          return method !== undefined && MEMBERSHIP_METHODS.has(method) && node.arguments.some((argument) => isFunctionNode(argument) || (argument.type !== 'Literal' && !callerControlled(argument)));
        }
        if (node.type !== 'BinaryExpression' || !['===', '!==', '==', '!='].includes(node.operator)) return false;
        const sides = [node.left, node.right];
        if (sides.some((side) => isConstant(side))) return false;
        return !sides.every((side) => callerControlled(side));
      },
      { enterFunctions: true },
    ) !== undefined
  );
}

function isConstant(node: TSESTree.Node): boolean {
  if (node.type === 'Literal') return true;
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0;
  if (node.type === 'Identifier') return node.name === 'undefined';
  if (node.type === 'UnaryExpression') return node.operator === 'typeof' || isConstant(node.argument);
  return false;
}

/** Keys whose value is (part of) a filter or the data written, in Prisma-style arguments. */
const OBJECT_KEYS: ReadonlySet<string> = new Set(['where', 'data', 'create', 'update', 'AND', 'OR', 'NOT']);

/**
 * An identifier that stands for an object of the query (followed to its `const`): the argument itself, a spread,
 * or the value of `where` / `data` (`createMany({ data: rows })`). A record read elsewhere (`reporterId: user.id`)
 * is a value, not the filter: what loaded it says nothing about this query.
 */
function standsForObject(identifier: TSESTree.Identifier, root: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (identifier === root || parent?.type === 'SpreadElement') return true;
  if (parent?.type === 'Property' && parent.value === identifier && parent.parent?.type === 'ObjectExpression') {
    const key = propertyKey(parent.key, parent.computed);
    return key !== undefined && OBJECT_KEYS.has(key);
  }
  return false;
}

/** A value that names one thing (not a nested filter object or a list of them). */
function isValue(node: TSESTree.Node): boolean {
  const value = node.type.startsWith('TS') ? skipTypeWrappers(node as TSESTree.Expression) : node;
  return value.type !== 'ObjectExpression' && value.type !== 'ArrayExpression' && value.type !== 'AssignmentPattern' && !isFunctionNode(value);
}

/** The initialiser of a `const` declared inside `fn` that `identifier` reads. */
function localConstInit(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier, fn: FunctionNode): TSESTree.Expression | undefined {
  const parent = identifier.parent;
  if ((parent?.type === 'MemberExpression' && parent.property === identifier && !parent.computed) || (parent?.type === 'Property' && parent.key === identifier && !parent.shorthand)) {
    return undefined;
  }
  const definition = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.defs[0];
  if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || definition.node.init === null || definition.node.id.type !== 'Identifier') return undefined;
  const declarator = definition.node;
  if (declarator.range[0] < fn.range[0] || declarator.range[1] > fn.range[1]) return undefined;
  return declarator.init ?? undefined;
}

function propertyValue(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type === 'Property' && propertyKey(property.key, property.computed) === name) return property.value;
  }
  return undefined;
}

function propertyKey(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === 'Identifier' && !computed) return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

function methodName(call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type === 'Identifier') return callee.name;
  return callee.type === 'MemberExpression' ? propertyKey(callee.property, callee.computed) : undefined;
}
