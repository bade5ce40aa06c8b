import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import type { NameRef } from '../util/settings.js';
import type { ClerkReferences } from './clerk-references.js';
import { calledName, type FunctionNode, resolveLocalFunction, rootIdentifier, skipAwaitAndWrappers, skipTypeWrappers } from './functions.js';
import { calleeMatchesNameRefs } from './name-refs.js';
import { findFirst } from './traverse.js';

/**
 * Whether the function checks authorisation (not just authentication) before `position`: `has({ role |
 * permission })`, `auth.protect({ … })` with arguments, a `sessionClaims` / `orgRole` guard, a same-file helper
 * doing one of these (Clerk's `checkRole`), or a configured auth function.
 */
export function hasAuthorizationBefore(
  sourceCode: Readonly<TSESLint.SourceCode>,
  refs: ClerkReferences,
  authFunctions: readonly NameRef[],
  fn: FunctionNode,
  position: number,
  depth = 0,
  resolveImported?: ImportedFunctionResolver,
): boolean {
  return (
    findFirst(sourceCode, fn.body, (node) => {
      if (node.range[0] >= position) return 'skip';
      if (node.type === 'CallExpression') {
        const callee = node.callee;
        if (isRoleOrPermissionCheck(refs, node)) return true;
        if (calleeMatchesNameRefs(sourceCode, callee, authFunctions)) return true;
        if (callee.type === 'Identifier' && depth < 2) {
          const helper = resolveLocalFunction(sourceCode, callee);
          if (
            helper !== undefined &&
            helper !== fn &&
            (hasAuthorizationBefore(sourceCode, refs, authFunctions, helper, Number.POSITIVE_INFINITY, depth + 1, resolveImported) ||
              mentionsRoleClaims(sourceCode, helper))
          ) {
            return true;
          }
          // Clerk's RBAC guide keeps `checkRole` in utils/roles.ts.
          const imported = helper === undefined ? resolveImported?.(sourceCode, callee) : undefined;
          if (
            imported !== undefined &&
            (hasAuthorizationBefore(imported.sourceCode, imported.refs, authFunctions, imported.fn, Number.POSITIVE_INFINITY, depth + 1) ||
              mentionsRoleClaims(imported.sourceCode, imported.fn))
          ) {
            return true;
          }
        }
      }
      if (node.type === 'IfStatement' && mentionsRoleClaims(sourceCode, node.test)) return true;
      return false;
    }) !== undefined
  );
}

/**
 * `has({ role | permission | … })` or `auth.protect({ … })`: a check of the caller's role or permission in the
 * active organization (so it also needs one).
 */
export function isRoleOrPermissionCheck(refs: ClerkReferences, call: TSESTree.CallExpression): boolean {
  if (call.arguments.length === 0) return false;
  const callee = call.callee;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
  return name === 'has' || refs.calls.get(call)?.kind === 'protect';
}

/** Resolves a function imported from the project's own modules (see `importedFunction`). */
export type ImportedFunctionResolver = (
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
) => { fn: FunctionNode; sourceCode: TSESLint.SourceCode; refs: ClerkReferences } | undefined;

function mentionsRoleClaims(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  return (
    findFirst(
      sourceCode,
      node,
      (candidate) => candidate.type === 'Identifier' && (candidate.name === 'sessionClaims' || candidate.name === 'orgRole'),
      { enterFunctions: true },
    ) !== undefined
  );
}

/**
 * Whether a value comes from the verified session: `(await auth()).orgId`, or a variable initialised from
 * `auth()` / `auth.protect()` (`const { userId, orgId } = await auth()`). The caller cannot choose it.
 */
export function isFromSession(sourceCode: Readonly<TSESLint.SourceCode>, refs: ClerkReferences, node: TSESTree.Node): boolean {
  const target = skipAwaitAndWrappers(node as TSESTree.Expression);
  const root = target.type === 'MemberExpression' ? skipAwaitAndWrappers(target.object) : target;
  if (root.type === 'CallExpression') return isSessionCall(refs, root);
  const identifier = rootIdentifier(root);
  if (identifier === undefined) return false;
  const definition = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.defs[0];
  const init = definition?.type === 'Variable' && definition.node.init ? skipAwaitAndWrappers(definition.node.init) : undefined;
  return init?.type === 'CallExpression' && isSessionCall(refs, init);
}

function isSessionCall(refs: ClerkReferences, call: TSESTree.CallExpression): boolean {
  const kind = refs.calls.get(call)?.kind;
  return kind === 'authObject' || kind === 'protect';
}

/** Claims of the active organization in the session token: checking them says nothing about another org. */
const ACTIVE_ORG_CLAIMS: ReadonlySet<string> = new Set(['orgRole', 'orgPermissions', 'org_role', 'org_permissions', 'org_id', 'org_slug', 'o']);
/** Array methods whose callback tests membership: `memberships.some((m) => m.organization.id === orgId)`. */
const MEMBERSHIP_TESTS: ReadonlySet<string> = new Set(['some', 'find', 'findIndex', 'indexOf', 'filter', 'includes']);
/** Array methods that keep where the items came from: `memberships.map((m) => m.organization.id)`. */
const DERIVING_METHODS: ReadonlySet<string> = new Set(['map', 'filter', 'flatMap']);
const EXIT_CALLS: ReadonlySet<string> = new Set(['redirect', 'permanentRedirect', 'notFound', 'forbidden', 'unauthorized']);

/**
 * Whether the function establishes, before `use`, that the caller may act on the organization `use` names (a
 * caller-supplied `orgId`). Checks of the ACTIVE organization do not (`has({ role })`, `auth.protect({ role |
 * permission })`, `orgRole`: clerk-api.md §1.3), unless the supplied id is also compared with the session's
 * `orgId` (the rule checks that itself). What does:
 * - a platform-level check: a configured auth function, or a guard with an exit that stops a caller without a
 *   platform role claim (a role, roles, permissions or admin flag under `sessionClaims`, not the active org's
 *   claims nor unsafe metadata): `if (sessionClaims?.metadata?.role !== 'admin') throw …`, directly, through a
 *   same-file helper's result, or inside a helper that throws or redirects;
 * - a membership lookup of the session user in that organization, followed by an exit when it finds nothing:
 *   `const m = await db.membership.findFirst({ where: { orgId, userId } }); if (!m) throw …`. An exit when it
 *   finds something (`if (m) return 409` before a join) stops members, not strangers. A read by both ids is
 *   no finding itself: it can only return the caller's own rows;
 * - a membership list of the session user checked against that organization with an exit:
 *   `const { data } = await client.users.getOrganizationMembershipList({ userId });
 *   if (!data.some((m) => m.organization.id === orgId)) throw …`, or the organization's member list checked
 *   against the session user;
 * - either lookup as the test of an `if` whose branch holding `use` runs only when it found something:
 *   `if (membership) { … }`, `if (membership && …) { … }`, `if (!membership) … else { … }`.
 */
export function orgAccessAuthorizedBefore(
  sourceCode: Readonly<TSESLint.SourceCode>,
  refs: ClerkReferences,
  authFunctions: readonly NameRef[],
  fn: FunctionNode,
  use: TSESTree.Node,
): boolean {
  return platformAuthorizationBefore(sourceCode, refs, authFunctions, fn, use) || membershipCheckedBefore(sourceCode, refs, fn, use);
}

/**
 * A platform-level check before `use`: a configured auth function, a guard that stops a caller without a
 * platform role claim (`if (sessionClaims?.metadata?.role !== 'admin') throw …`), a same-file helper whose own
 * guard throws or redirects, or `use` inside `if (sessionClaims?.metadata?.role === 'admin') { … }`. Claims such
 * as an onboarding flag or a plan say nothing about who may act on an organization, and neither does a test
 * with no exit.
 */
function platformAuthorizationBefore(
  sourceCode: Readonly<TSESLint.SourceCode>,
  refs: ClerkReferences,
  authFunctions: readonly NameRef[],
  fn: FunctionNode,
  use: TSESTree.Node | undefined,
  depth = 0,
): boolean {
  // Inside a helper, `return` leaves the helper, not its caller: only a throw or a redirect stops the request.
  const inHelper = use === undefined;
  if (use !== undefined) {
    for (let child: TSESTree.Node = use, parent = use.parent; parent !== undefined && parent !== fn; child = parent, parent = parent.parent) {
      if (parent.type === 'IfStatement' && parent.consequent === child && whenNoRoleClaim(sourceCode, refs, parent.test, 0) === false) return true;
    }
  }
  const position = use?.range[0] ?? Number.POSITIVE_INFINITY;
  return (
    findFirst(sourceCode, fn.body, (node) => {
      if (node.range[0] >= position) return 'skip';
      if (node.type === 'CallExpression') {
        if (calleeMatchesNameRefs(sourceCode, node.callee, authFunctions)) return true;
        if (node.callee.type === 'Identifier' && depth < 2) {
          const helper = resolveLocalFunction(sourceCode, node.callee);
          if (helper !== undefined && helper !== fn && platformAuthorizationBefore(sourceCode, refs, authFunctions, helper, undefined, depth + 1)) {
            return true;
          }
        }
      }
      return (
        node.type === 'IfStatement' &&
        alwaysExits(sourceCode, refs, node.consequent, !inHelper) &&
        whenNoRoleClaim(sourceCode, refs, node.test, 0) === true
      );
    }) !== undefined
  );
}

/**
 * The value of a guard's test for a caller whose session carries no platform role claim (the claim reads
 * `undefined`), or undefined when it depends on something else: `role !== 'admin'` → true, `!isAdmin` → true,
 * `!roles?.includes('admin')` → true, `role === 'admin'` → false, `!(await isAdmin())` with a same-file
 * `isAdmin` returning such a comparison → true.
 */
function whenNoRoleClaim(sourceCode: Readonly<TSESLint.SourceCode>, refs: ClerkReferences, test: TSESTree.Expression, depth: number): boolean | undefined {
  if (depth > 3) return undefined;
  const node = skipAwaitAndWrappers(test);
  const isClaim = (candidate: TSESTree.Node): boolean => isPlatformRoleClaim(claimPath(sourceCode, refs, candidate as TSESTree.Expression, 0));
  switch (node.type) {
    case 'UnaryExpression': {
      if (node.operator !== '!') return undefined;
      const inner = whenNoRoleClaim(sourceCode, refs, node.argument, depth);
      return inner === undefined ? undefined : !inner;
    }
    case 'LogicalExpression': {
      const left = whenNoRoleClaim(sourceCode, refs, node.left, depth);
      const right = whenNoRoleClaim(sourceCode, refs, node.right, depth);
      if (node.operator === '||') return left === true || right === true ? true : left === false && right === false ? false : undefined;
      if (node.operator === '&&') return left === false || right === false ? false : left === true && right === true ? true : undefined;
      return undefined;
    }
    case 'BinaryExpression': {
      if (!['===', '==', '!==', '!='].includes(node.operator) || node.left.type === 'PrivateIdentifier') return undefined;
      const [claim, other] = isClaim(node.left) ? [node.left, node.right] : isClaim(node.right) ? [node.right, node.left] : [];
      if (claim === undefined || other === undefined || !isDefinedValue(other) || isClaim(other)) return undefined;
      return node.operator.startsWith('!');
    }
    case 'CallExpression': {
      const callee = skipAwaitAndWrappers(node.callee as TSESTree.Expression);
      // `roles?.includes('admin')`: undefined (or a TypeError) without the claim.
      if (callee.type === 'MemberExpression' && isClaim(callee.object)) return false;
      if (callee.type !== 'Identifier' || depth >= 2) return undefined;
      const helper = resolveLocalFunction(sourceCode, callee);
      if (helper === undefined) return undefined;
      if (helper.body.type !== 'BlockStatement') return whenNoRoleClaim(sourceCode, refs, helper.body, depth + 1);
      const result = returnedWithoutRoleClaim(sourceCode, refs, helper.body, depth + 1);
      return result === 'none' ? undefined : result;
    }
    case 'Literal':
      return typeof node.value === 'boolean' ? node.value : undefined;
    case 'Identifier':
    case 'MemberExpression': {
      if (isClaim(node)) return false;
      // `const isAdmin = await checkRole('admin')`
      if (node.type !== 'Identifier') return undefined;
      const definition = ASTUtils.findVariable(sourceCode.getScope(node), node)?.defs[0];
      if (definition?.type !== 'Variable' || definition.node.id.type !== 'Identifier' || definition.node.init === null) return undefined;
      return whenNoRoleClaim(sourceCode, refs, definition.node.init, depth + 1);
    }
    default:
      return undefined;
  }
}

/**
 * What a helper returns for a caller without a platform role claim, following its guards: `if (role !==
 * 'admin') return false; return true` → false. 'none' when `statement` can finish without returning.
 */
function returnedWithoutRoleClaim(
  sourceCode: Readonly<TSESLint.SourceCode>,
  refs: ClerkReferences,
  statement: TSESTree.Statement,
  depth: number,
): boolean | undefined | 'none' {
  switch (statement.type) {
    case 'ReturnStatement':
      return statement.argument === null ? undefined : whenNoRoleClaim(sourceCode, refs, statement.argument, depth);
    case 'BlockStatement':
      for (const inner of statement.body) {
        const result = returnedWithoutRoleClaim(sourceCode, refs, inner, depth);
        if (result !== 'none') return result;
      }
      return 'none';
    case 'IfStatement': {
      const taken = whenNoRoleClaim(sourceCode, refs, statement.test, depth);
      if (taken === true) return returnedWithoutRoleClaim(sourceCode, refs, statement.consequent, depth);
      if (taken === false) return statement.alternate === null ? 'none' : returnedWithoutRoleClaim(sourceCode, refs, statement.alternate, depth);
      break;
    }
    default:
      break;
  }
  return findFirst(sourceCode, statement, (node) => node.type === 'ReturnStatement') === undefined ? 'none' : undefined;
}

/** A value that is not `undefined`: a literal, a template, an enum member (`Roles.Admin`), a parameter. */
function isDefinedValue(node: TSESTree.Node): boolean {
  const value = node.type === 'PrivateIdentifier' ? node : skipTypeWrappers(node as TSESTree.Expression);
  if (value.type === 'Literal') return value.value !== null;
  if (value.type === 'Identifier') return value.name !== 'undefined';
  return value.type === 'TemplateLiteral' || value.type === 'MemberExpression';
}

/** Claim names that grant platform-wide access: `role`, `roles`, `permissions`, `isAdmin`, `superAdmin`, `platformRole`. */
function isPlatformRoleName(name: string): boolean {
  return /^(?:roles?|permissions?|(?:is_?)?(?:super_?)?admin)$/u.test(name.toLowerCase()) || /^[a-z]+(?:Role|_role)s?$/u.test(name);
}

/**
 * A platform role read from the session's claims: a role-like name under `sessionClaims`, not the active
 * organization's claims (`org_role`, `o.rol`) and not unsafe metadata, which the user writes themselves.
 */
function isPlatformRoleClaim(path: string[] | undefined): boolean {
  return (
    path !== undefined &&
    path.some(isPlatformRoleName) &&
    !path.some((name) => ACTIVE_ORG_CLAIMS.has(name) || /unsafe/iu.test(name))
  );
}

/**
 * The property names read from the session claims: `['metadata', 'role']` for `sessionClaims?.metadata?.role`,
 * `(await auth()).sessionClaims.metadata.role`, `role` in `const { role } = sessionClaims?.metadata ?? {}`, or
 * `claims.metadata.role` with `const { sessionClaims: claims } = await auth()`. Undefined when `value` is not one.
 */
function claimPath(sourceCode: Readonly<TSESLint.SourceCode>, refs: ClerkReferences, value: TSESTree.Expression, depth: number): string[] | undefined {
  if (depth > 3) return undefined;
  let node = skipAwaitAndWrappers(value);
  if (node.type === 'LogicalExpression' && node.operator === '??') node = skipAwaitAndWrappers(node.left);
  const names: string[] = [];
  while (node.type === 'MemberExpression') {
    const key = node.property;
    const name = !node.computed && key.type === 'Identifier' ? key.name : key.type === 'Literal' && typeof key.value === 'string' ? key.value : undefined;
    if (name === undefined) return undefined;
    if (name === 'sessionClaims') return isFromSession(sourceCode, refs, node) ? names : undefined;
    names.unshift(name);
    node = skipAwaitAndWrappers(node.object);
  }
  if (node.type !== 'Identifier') return undefined;
  if (node.name === 'sessionClaims') return names;
  const definition = ASTUtils.findVariable(sourceCode.getScope(node), node)?.defs[0];
  if (definition?.type !== 'Variable' || definition.node.init === null) return undefined;
  const pattern = definition.node.id;
  if (pattern.type === 'Identifier') {
    const base = claimPath(sourceCode, refs, definition.node.init, depth + 1);
    return base === undefined ? undefined : [...base, ...names];
  }
  if (pattern.type !== 'ObjectPattern') return undefined;
  const property = pattern.properties.find(
    (candidate): candidate is TSESTree.Property =>
      candidate.type === 'Property' &&
      (candidate.value === definition.name || (candidate.value.type === 'AssignmentPattern' && candidate.value.left === definition.name)),
  );
  const key = property === undefined || property.computed ? undefined : property.key.type === 'Identifier' ? property.key.name : undefined;
  if (key === undefined) return undefined;
  if (key === 'sessionClaims') return names;
  const base = claimPath(sourceCode, refs, definition.node.init, depth + 1);
  return base === undefined ? undefined : [...base, key, ...names];
}

function membershipCheckedBefore(
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
function alwaysExits(sourceCode: Readonly<TSESLint.SourceCode>, refs: ClerkReferences, statement: TSESTree.Statement, returnExits = true): boolean {
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
