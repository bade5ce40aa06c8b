import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import type { NameRef } from '../project/settings.js';
import type { ClerkReferences } from './clerk-references.js';
import { type FunctionNode, resolveLocalFunction, skipAwaitAndWrappers, skipTypeWrappers } from './functions.js';
import { calleeMatchesNameRefs } from './name-refs.js';
import { alwaysExits, membershipCheckedBefore } from './membership-lookups.js';
import { isFromSession } from './session-values.js';
import { findFirst } from './traverse.js';

/**
 * Access to an organization the caller names: whether a function established, before a use of a caller-supplied
 * organization id, that the caller may act on it: a platform-level role (a claim outside the active
 * organization's, or a configured auth function), or a membership lookup (see membership-lookups). Checks of the
 * ACTIVE organization (`has({ role })`, `orgRole`) do not count. It does not decide whether the id came from the
 * caller (see request-input) nor anything about records picked by other ids (see tenant-scoping).
 */

/** Claims of the active organization in the session token: checking them says nothing about another org. */
const ACTIVE_ORG_CLAIMS: ReadonlySet<string> = new Set(['orgRole', 'orgPermissions', 'org_role', 'org_permissions', 'org_id', 'org_slug', 'o']);
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
