import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import { OWNER_ID_NAMES, TENANT_ID_NAME } from '../clerk/index.js';
import { ASSERT_FUNCTIONS } from './checks.js';
import { isDataQueryCall } from './data-access.js';
import { type FunctionNode, isFunctionNode, skipAwaitAndWrappers, skipTypeWrappers } from './functions.js';
import { enclosingFunction } from './promises.js';
import { findFirst } from './traverse.js';

/**
 * Tenant scoping by record id (issue 22, class 8; `strict` only). Decides, for one organization-scoped entry point,
 * which data query selects a record by an id the caller supplied (`where: { id: issueId }`, `data: { projectId }`,
 * `eq(issues.id, id)`, `.eq('id', id)`) with nothing tying that record to the session: a member of one organization
 * can then read or change another's records by passing their ids. Tied, and quiet:
 * - a filter that also holds a session value (`where: { id, orgId }`, `organization: { id: orgId }`,
 *   `companyId: org.id` with `org` loaded by the session's `orgId`), or a tenant or owner key with a value the
 *   caller did not supply; a new record whose data holds one;
 * - a caller id that an earlier tied read, or an access-check call given both that id and a session value
 *   (`assertProjectAccess(projectId, orgId)`), already vetted;
 * - queries after an exit that compares a loaded value with a session value (`if (project.orgId !== orgId) throw
 *   …`, through a `const`, `invariant(…)`, `members.some((m) => m.userId === userId)`, `canAccess(project, orgId)`),
 *   the reads before it (they loaded what was compared), and queries in the branch where such a comparison holds.
 * It does not decide whether the function is organization-scoped (the rule does), nor what the schema's tenant
 * column is called: a record tied by a relation this module cannot see is still reported.
 */

/** Keys whose value names one record or parent record: `id`, `projectId`, `sprint_id`. */
const ID_KEY = /^(?:id|_id|[A-Za-z]\w*(?:Id|_id|ID))$/u;
/** Query methods that change stored data: the finding prefers them to reads. */
const MUTATIONS = /^(?:create|insert|update|upsert|delete|remove|replace)/u;
/** Keys of a Prisma-style argument that hold the filter or the data written (where the ids that matter are). */
const QUERY_KEYS: ReadonlySet<string> = new Set(['where', 'data', 'create', 'update', 'cursor']);
/** Keys under which a filter goes on: `AND: [{ id }, { orgId }]`, `id: { in: ids }`. */
const OBJECT_KEYS: ReadonlySet<string> = new Set(['where', 'data', 'create', 'update', 'AND', 'OR', 'NOT']);
/** Array methods whose callback, in a test, compares items: `members.some((m) => m.userId === userId)`. */
const MEMBERSHIP_METHODS: ReadonlySet<string> = new Set(['some', 'every', 'find', 'findIndex', 'includes', 'indexOf']);
/** `assert.equal(a, b)` and its kin, besides the assertions of a condition (`ASSERT_FUNCTIONS`). */
const ASSERT_EQUAL_METHODS: ReadonlySet<string> = new Set(['equal', 'strictEqual', 'deepEqual', 'deepStrictEqual']);

export interface TenantScopingContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** The entry point. */
  readonly fn: FunctionNode;
  /** The value derives from the caller (the entry point's request input). */
  readonly callerControlled: (node: TSESTree.Node) => boolean;
  /** The value derives from the verified session (`auth()`, a session helper's result, a record loaded by one). */
  readonly fromSession: (node: TSESTree.Node) => boolean;
  /** The configured tenant-id names (`orgId`, `organizationId`, …). */
  readonly tenantKeys: ReadonlySet<string>;
  /** The branch always leaves the function. */
  readonly exits: (branch: TSESTree.Statement) => boolean;
}

export interface UnscopedIdQuery {
  /** The query call to report. */
  readonly call: TSESTree.CallExpression;
  /** The caller-supplied value that selects the record. */
  readonly value: TSESTree.Node;
  /** Whether the query changes data (else it reads). */
  readonly mutation: boolean;
}

interface Candidate {
  readonly call: TSESTree.CallExpression;
  readonly values: TSESTree.Node[];
  readonly tied: boolean;
  readonly mutation: boolean;
}

/**
 * The first query of the entry point (a mutation if there is one, else a read) that selects a record by a
 * caller-supplied id with no tie to the session, or undefined when there is none.
 */
export function unscopedIdQuery(context: TenantScopingContext): UnscopedIdQuery | undefined {
  const { sourceCode, fn } = context;
  const candidates: Candidate[] = [];
  /** Where the first exiting tie check is: mutations after it, and every read, are tied. */
  let checkedAt: number | undefined;
  /** Branches that run only when a tie comparison holds. */
  const branches: TSESTree.Node[] = [];
  let branchQueries = false;
  /** Names of caller values that an access-check call received together with a session value, and where. */
  const vettedByCall: { name: string; at: number }[] = [];
  findFirst(
    sourceCode,
    fn.body,
    (node) => {
      if (node.type === 'IfStatement' && enclosingFunction(node) === fn && isTieTest(context, node.test)) {
        if (context.exits(node.consequent) || (node.alternate !== null && context.exits(node.alternate))) checkedAt ??= node.range[0];
        else branches.push(node.consequent, ...(node.alternate === null ? [] : [node.alternate]));
        return false;
      }
      if (node.type !== 'CallExpression') return false;
      if (enclosingFunction(node) === fn && node.parent.type !== 'CallExpression' && isAssertionOfTie(context, node)) checkedAt ??= node.range[0];
      if (!isDataQueryCall(node)) {
        for (const name of accessCheckedNames(context, node)) vettedByCall.push({ name, at: node.range[0] });
        return false;
      }
      const inBranch = branches.some((branch) => branch.range[0] <= node.range[0] && node.range[1] <= branch.range[1]);
      if (inBranch) {
        branchQueries = true;
        return false;
      }
      const query = queryIds(context, node);
      if (query !== undefined) candidates.push({ call: node, ...query, mutation: mutates(node) });
      return false;
    },
    { enterFunctions: true },
  );
  const open = candidates.filter((candidate) => {
    if (candidate.tied) return false;
    if (!candidate.mutation && (branchQueries || checkedAt !== undefined)) return false;
    if (candidate.mutation && checkedAt !== undefined && checkedAt < candidate.call.range[0]) return false;
    return unvetted(candidate).length > 0;
  });
  const pick = open.find((candidate) => candidate.mutation) ?? open[0];
  if (pick === undefined) return undefined;
  const values = unvetted(pick);
  // Name the caller's own argument (`projectId`) rather than a field of a submitted object when there is one.
  const value = values.find((candidate) => skipTypeWrappers(candidate as TSESTree.Expression).type === 'Identifier') ?? (values[0] as TSESTree.Node);
  return { call: pick.call, value, mutation: pick.mutation };

  /** The candidate's caller values that no earlier tied read or access-check call looked up. */
  function unvetted(candidate: Candidate): TSESTree.Node[] {
    const at = candidate.call.range[0];
    return candidate.values.filter((value) => {
      const name = valueName(sourceCode, value);
      if (vettedByCall.some((vetted) => vetted.name === name && vetted.at < at)) return false;
      return !candidates.some(
        (other) => other.tied && !other.mutation && other.call.range[0] < at && other.values.some((looked) => valueName(sourceCode, looked) === name),
      );
    });
  }
}

/**
 * The caller-supplied values a query selects records by, and whether it is tied: Prisma-style object arguments
 * (under `where` / `data` / `create` / `update` / `cursor`, through `const`s of the function and the callbacks that
 * build them, `status.map((s) => ({ projectId }))`), Drizzle's `eq(table.id, id)` and Supabase's `.eq('id', id)`.
 */
function queryIds(context: TenantScopingContext, call: TSESTree.CallExpression): { values: TSESTree.Node[]; tied: boolean } | undefined {
  const callee = call.callee;
  // Drizzle: `eq(issues.id, issueId)`; tied when the enclosing `and(…)` also holds a tie.
  if (callee.type === 'Identifier') {
    if (callee.name !== 'eq') return undefined;
    const [column, value] = call.arguments;
    const key = column?.type === 'MemberExpression' ? propertyKey(column.property, column.computed) : undefined;
    if (key === undefined || value === undefined || !ID_KEY.test(key) || scopingKey(context, key) || !context.callerControlled(value)) return undefined;
    let outer: TSESTree.Node = call;
    while (outer.parent?.type === 'CallExpression' && outer.parent.callee.type === 'Identifier' && outer.parent.callee.name === 'and') outer = outer.parent;
    // `const conditions = [eq(t.id, id), eq(t.orgId, orgId)]` then `and(...conditions)`.
    if (outer === call && outer.parent?.type === 'ArrayExpression' && outer.parent.parent.type === 'VariableDeclarator') {
      outer = andOfConditions(context, outer.parent.parent) ?? call;
    }
    return { values: [value], tied: outer !== call && tiedEq(context, outer) };
  }
  if (callee.type !== 'MemberExpression') return undefined;
  // Supabase: `.from('issues').update(…).eq('id', id)`; tied by another `.eq` / `.match` anywhere in the chain.
  const method = methodName(call);
  if (method === 'eq') {
    const [column, value] = call.arguments;
    if (column?.type !== 'Literal' || typeof column.value !== 'string' || value === undefined) return undefined;
    if (!ID_KEY.test(column.value) || scopingKey(context, column.value) || !context.callerControlled(value)) return undefined;
    return { values: [value], tied: chainTied(context, call) };
  }
  // Prisma-style: only a receiver chain (`db.issue.update`), never a bare array method's callback.
  if (callee.object.type !== 'MemberExpression' && callee.object.type !== 'Identifier') return undefined;
  const [argument] = call.arguments;
  if (argument === undefined || argument.type === 'SpreadElement') return undefined;
  const object = skipTypeWrappers(argument);
  const parts: TSESTree.Node[] = [];
  if (object.type === 'ObjectExpression') {
    for (const property of object.properties) {
      if (property.type === 'Property' && QUERY_KEYS.has(propertyKey(property.key, property.computed) ?? '')) parts.push(property.value);
      if (property.type === 'SpreadElement') parts.push(property.argument);
    }
  } else if (object.type === 'Identifier') {
    parts.push(object);
  }
  const values: TSESTree.Node[] = [];
  for (const part of parts) collectIds(context, part, values, 0);
  if (values.length === 0) return undefined;
  // A filter is tied by its `where`; a new record by its data (`create({ data: { orgId, imageId } })` belongs to
  // the session's organization, whatever else it names).
  const where = object.type === 'ObjectExpression' ? propertyValue(object, 'where') : undefined;
  if (where !== undefined) return { values, tied: holdsTie(context, where, 0, false) };
  // A new record names its tenant (an owner alone does not: a comment by the session user on another
  // organization's post is still a write into that organization).
  const creates = MUTATIONS.test(method ?? '') && !/^(?:update|delete|remove|replace)/u.test(method ?? '');
  return { values, tied: creates && holdsTie(context, argument, 0, true) };
}

/** Walks a filter or data for id-keyed properties whose value the caller supplied, through local `const`s. */
function collectIds(context: TenantScopingContext, root: TSESTree.Node, values: TSESTree.Node[], depth: number): void {
  findFirst(
    context.sourceCode,
    root,
    (node) => {
      if (node.type === 'Property' && node.parent?.type === 'ObjectExpression') {
        const key = propertyKey(node.key, node.computed);
        const value = idValue(node.value);
        if (key !== undefined && ID_KEY.test(key) && !scopingKey(context, key) && value !== undefined && context.callerControlled(value)) {
          values.push(value);
          return 'skip';
        }
        return false;
      }
      if (node.type === 'Identifier' && depth < 2 && standsForObject(node, root)) {
        const init = localConstInit(context, node);
        if (init !== undefined) collectIds(context, init, values, depth + 1);
      }
      return false;
    },
    // Callbacks that build the data (`status.map((s) => ({ projectId }))`) count only behind a `const`.
    { enterFunctions: depth > 0 },
  );
}

/**
 * Whether a filter ties the record: a property whose value comes from the session (any key), or a tenant or owner
 * key with a value the caller did not supply, at any depth.
 */
function holdsTie(context: TenantScopingContext, root: TSESTree.Node, depth: number, tenantOnly: boolean): boolean {
  return (
    findFirst(context.sourceCode, root, (node) => {
      if (node.type === 'Property' && node.parent?.type === 'ObjectExpression') {
        const key = propertyKey(node.key, node.computed);
        const value = idValue(node.value);
        if (key === undefined || value === undefined || value.type === 'Literal' || context.callerControlled(value)) return false;
        if (tenantOnly) return context.tenantKeys.has(key) || TENANT_ID_NAME.test(key);
        return scopingKey(context, key) || context.fromSession(value);
      }
      if (node.type === 'Identifier' && depth < 2 && standsForObject(node, root)) {
        const init = localConstInit(context, node);
        return init !== undefined && holdsTie(context, init, depth + 1, tenantOnly);
      }
      return false;
    }) !== undefined
  );
}

/** `and(eq(t.id, id), eq(t.orgId, orgId))`: an `eq` of a tenant or owner column, or of any column with a session value. */
function tiedEq(context: TenantScopingContext, root: TSESTree.Node): boolean {
  return (
    findFirst(context.sourceCode, root, (node) => {
      if (node.type === 'Identifier' && node.parent?.type === 'SpreadElement') {
        const init = localConstInit(context, node);
        return init !== undefined && tiedEq(context, init);
      }
      if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'eq') return false;
      const [column, value] = node.arguments;
      const key = column?.type === 'MemberExpression' ? propertyKey(column.property, column.computed) : undefined;
      return key !== undefined && value !== undefined && isTie(context, key, value);
    }) !== undefined
  );
}

/** `const conditions = [eq(t.id, id), …]` spread into `and(...conditions)`: that `and` call. */
function andOfConditions(context: TenantScopingContext, declarator: TSESTree.VariableDeclarator): TSESTree.Node | undefined {
  if (declarator.id.type !== 'Identifier') return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(declarator.id), declarator.id);
  for (const reference of variable?.references ?? []) {
    const spread = reference.identifier.parent;
    if (spread?.type === 'SpreadElement' && spread.parent.type === 'CallExpression' && spread.parent.callee.type === 'Identifier' && spread.parent.callee.name === 'and') {
      return spread.parent;
    }
  }
  return undefined;
}

/** A Supabase chain with another filter that ties it: `.eq('org_id', orgId)`, `.eq('id', id).eq('user_id', userId)`, `.match({ … })`. */
function chainTied(context: TenantScopingContext, call: TSESTree.CallExpression): boolean {
  // Up to the end of the chain, then down through every call of it.
  let top: TSESTree.Node = call;
  while (top.parent?.type === 'MemberExpression' && top.parent.object === top && top.parent.parent?.type === 'CallExpression') top = top.parent.parent;
  for (let node: TSESTree.Node = top; node.type === 'CallExpression' && node.callee.type === 'MemberExpression'; node = node.callee.object) {
    const method = methodName(node);
    const [first, second] = node.arguments;
    if (node !== call && method === 'eq' && first?.type === 'Literal' && typeof first.value === 'string' && second !== undefined && isTie(context, first.value, second)) return true;
    if (method === 'match' && first !== undefined && holdsTie(context, first, 0, false)) return true;
  }
  return false;
}

function isTie(context: TenantScopingContext, key: string, value: TSESTree.Node): boolean {
  if (value.type === 'Literal' || context.callerControlled(value)) return false;
  return scopingKey(context, key) || context.fromSession(value);
}

function scopingKey(context: TenantScopingContext, key: string): boolean {
  return context.tenantKeys.has(key) || OWNER_ID_NAMES.has(key);
}

/**
 * A test that ties a loaded record to the session: a comparison of a session value with a value neither constant
 * nor the caller's (`project.orgId !== orgId`, `issue.reporterId !== user.id`), directly, inside a membership
 * callback (`members.some((m) => m.userId === userId)`) or through a `const` (`const allowed = p?.orgId ===
 * orgId`); or a call given a session value and something loaded (`canAccess(project, orgId)`).
 */
function isTieTest(context: TenantScopingContext, test: TSESTree.Node, depth = 0): boolean {
  return (
    findFirst(
      context.sourceCode,
      test,
      (node) => {
        if (node.type === 'Identifier' && depth < 1) {
          const init = localConstInit(context, node);
          return init !== undefined && isTieTest(context, init, depth + 1);
        }
        if (node.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(node.operator)) {
          const sides = [node.left, node.right];
          return sides.some((side) => context.fromSession(side)) && sides.some((side) => !context.fromSession(side) && isLoaded(context, side));
        }
        if (node.type === 'CallExpression') {
          const method = methodName(node);
          if (node.callee.type === 'MemberExpression' && method !== undefined && MEMBERSHIP_METHODS.has(method)) return false;
          if (isDataQueryCall(node)) return 'skip';
          const args = node.arguments.filter((argument): argument is TSESTree.Expression => argument.type !== 'SpreadElement');
          return args.some((argument) => context.fromSession(argument)) && args.some((argument) => !context.fromSession(argument) && isLoaded(context, argument));
        }
        return false;
      },
      { enterFunctions: true },
    ) !== undefined
  );
}

/** `invariant(record && record.orgId === orgId)`, `assert.equal(record.orgId, orgId)`: an assertion of a tie. */
function isAssertionOfTie(context: TenantScopingContext, call: TSESTree.CallExpression): boolean {
  const name = methodName(call);
  if (name === undefined || !(ASSERT_FUNCTIONS.has(name) || ASSERT_EQUAL_METHODS.has(name))) return false;
  const args = call.arguments.filter((argument): argument is TSESTree.Expression => argument.type !== 'SpreadElement');
  if (args.some((argument) => isTieTest(context, argument))) return true;
  return args.some((argument) => context.fromSession(argument)) && args.some((argument) => !context.fromSession(argument) && isLoaded(context, argument));
}

/**
 * The caller values an access-check call vets: a call (not a query) given a caller value and a session value,
 * `assertProjectAccess(projectId, orgId)`, `getProjectForOrg(input.projectId, orgId)`.
 */
function accessCheckedNames(context: TenantScopingContext, call: TSESTree.CallExpression): string[] {
  const args = call.arguments.filter((argument): argument is TSESTree.Expression => argument.type !== 'SpreadElement');
  if (args.length < 2 || !args.some((argument) => context.fromSession(argument))) return [];
  return args.filter((argument) => context.callerControlled(argument)).map((argument) => valueName(context.sourceCode, argument));
}

/**
 * A value the code loaded or computed: rooted at a variable of the function or a callback parameter, not a
 * constant, a module-level binding (`ROLES.ADMIN`) or the caller's own input.
 */
function isLoaded(context: TenantScopingContext, node: TSESTree.Node): boolean {
  const value = skipAwaitAndWrappers(node as TSESTree.Expression);
  if (value.type === 'Literal' || (value.type === 'TemplateLiteral' && value.expressions.length === 0)) return false;
  if (context.callerControlled(value)) return false;
  let root: TSESTree.Node = value;
  for (;;) {
    if (root.type === 'MemberExpression') root = root.object;
    else if (root.type === 'ChainExpression') root = root.expression;
    else if (root.type === 'TSNonNullExpression') root = root.expression;
    else break;
  }
  if (root.type !== 'Identifier') return root.type === 'CallExpression' || root.type === 'AwaitExpression';
  if (root.name === 'undefined') return false;
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(root), root)?.defs[0];
  if (definition === undefined) return false;
  return definition.name.range[0] > context.fn.range[0] && definition.name.range[1] < context.fn.range[1];
}

/** Keys whose value is (part of) a filter or the data written, in Prisma-style arguments. */
function standsForObject(identifier: TSESTree.Identifier, root: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (identifier === root || parent?.type === 'SpreadElement') return true;
  if (parent?.type === 'Property' && parent.value === identifier && parent.parent?.type === 'ObjectExpression') {
    const key = propertyKey(parent.key, parent.computed);
    return key !== undefined && OBJECT_KEYS.has(key);
  }
  return false;
}

/** The value that names one record: itself, or the list of `{ in: ids }` / `{ equals: id }`; not a nested filter. */
function idValue(node: TSESTree.Node): TSESTree.Node | undefined {
  const value = node.type.startsWith('TS') ? skipTypeWrappers(node as TSESTree.Expression) : node;
  if (value.type === 'ObjectExpression') {
    const inner = propertyValue(value, 'in') ?? propertyValue(value, 'equals');
    return inner === undefined ? undefined : idValue(inner);
  }
  if (value.type === 'ArrayExpression' || value.type === 'AssignmentPattern' || isFunctionNode(value)) return undefined;
  return value;
}

/** How a value is known across statements: `projectId` for `projectId`, `input.projectId` and `String(projectId)`. */
function valueName(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  let value = skipAwaitAndWrappers(node as TSESTree.Expression);
  if (value.type === 'CallExpression' && value.arguments.length === 1 && value.arguments[0]?.type !== 'SpreadElement') {
    value = skipAwaitAndWrappers(value.arguments[0] as TSESTree.Expression);
  }
  if (value.type === 'ChainExpression') value = value.expression;
  if (value.type === 'MemberExpression' && !value.computed && value.property.type === 'Identifier') return value.property.name;
  return sourceCode.getText(value);
}

/**
 * Whether a query changes data: its own method (`db.issue.update`), or for a filter call (`eq(…)`, Supabase's
 * `.eq(…)`) the chain it belongs to (`db.update(t).set(…).where(eq(…))`, `.from(t).delete().eq(…)`).
 */
function mutates(call: TSESTree.CallExpression): boolean {
  if (MUTATIONS.test(methodName(call) ?? '')) return true;
  if (methodName(call) !== 'eq') return false;
  let outer: TSESTree.Node = call;
  // Out of `and(…)` / `where(…)` arguments (and `const conditions = [eq(…)]` arrays) to the chain that holds them.
  for (;;) {
    const parent: TSESTree.Node | undefined = outer.parent;
    if (parent?.type === 'CallExpression' && parent.arguments.includes(outer as TSESTree.CallExpressionArgument)) outer = parent;
    else if (parent?.type === 'SpreadElement' || parent?.type === 'ArrayExpression') outer = parent;
    else break;
  }
  for (let node: TSESTree.Node = outer; ; ) {
    if (node.type === 'CallExpression') {
      if (MUTATIONS.test(methodName(node) ?? '')) return true;
      node = node.callee;
    } else if (node.type === 'MemberExpression') node = node.object;
    else if (node.type === 'AwaitExpression') node = node.argument;
    else return false;
  }
}

/** The initialiser of a `const` declared inside the entry point that `identifier` reads. */
function localConstInit(context: TenantScopingContext, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const parent = identifier.parent;
  if ((parent?.type === 'MemberExpression' && parent.property === identifier && !parent.computed) || (parent?.type === 'Property' && parent.key === identifier && !parent.shorthand)) {
    return undefined;
  }
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier)?.defs[0];
  if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || definition.node.init === null || definition.node.id.type !== 'Identifier') return undefined;
  const declarator = definition.node;
  if (declarator.range[0] < context.fn.range[0] || declarator.range[1] > context.fn.range[1]) return undefined;
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
