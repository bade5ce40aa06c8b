import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import { ORG_ID_KEY } from '../clerk/index.js';

import type { AuthAnalyzer } from './auth-flow.js';
import type { ClerkReferences } from './clerk-references.js';
import { isDataQueryCall } from './data-access.js';
import { type FunctionNode, rootIdentifier, skipAwaitAndWrappers } from './functions.js';
import { findFirst } from './traverse.js';

/**
 * Values of the verified session: what `auth()` / `auth.protect()` returned, directly or through a variable, and
 * (more widely) what project helpers that read the session return and records loaded by such values; and whether a
 * function reads the session at all. The caller cannot choose them. It does not decide whether they were checked
 * (see auth-flow) or are present.
 */

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

/** What a function that reads the session's organization must mention (readsSession with `orgOnly`). */
export const ORG_ID_TEXT = new RegExp(String.raw`\b${ORG_ID_KEY}\b`, 'u');
/** How many helpers deep readsSession follows calls (so, at most that many imports away from the entry point). */
export const READS_SESSION_DEPTH = 2;

/**
 * Whether a function reads the session (with `orgOnly`, its `orgId`): a call of `auth()` / `auth.protect()` in it,
 * or in a project helper it calls (same module or imported), two helpers deep at most.
 */
export function readsSession(analyzer: AuthAnalyzer, fn: FunctionNode, { orgOnly }: { orgOnly: boolean }, depth = 0): boolean {
  const module = analyzer.sourceCode;
  if (!orgOnly || ORG_ID_TEXT.test(module.getText(fn))) {
    for (const call of analyzer.refs.calls.keys()) {
      if (fn.range[0] <= call.range[0] && call.range[1] <= fn.range[1] && isSessionCall(analyzer.refs, call)) return true;
    }
  }
  if (depth >= READS_SESSION_DEPTH) return false;
  return (
    findFirst(module, fn.body, (node) => {
      if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier') return false;
      const helper = analyzer.resolveFunction(node.callee);
      return helper !== undefined && helper.fn !== fn && readsSession(helper.analyzer, helper.fn, { orgOnly }, depth + 1);
    }) !== undefined
  );
}

/**
 * A value derived from the verified session, more widely than `isFromSession`: from `auth()` / `auth.protect()`,
 * from a project helper that reads the session (`const { orgId } = await requireOrg()`), or a field of a record a
 * query loaded by such a value (`org.id` with `org = await db.organization.findUnique({ where: { clerkOrgId: orgId }
 * })`), through conversions (`String(orgId)`) and `??` fallbacks. The caller decides none of them.
 */
export function derivesFromSession(analyzer: AuthAnalyzer, node: TSESTree.Node, depth = 0): boolean {
  if (depth > 3) return false;
  let value = skipAwaitAndWrappers(node as TSESTree.Expression);
  for (;;) {
    if (value.type === 'MemberExpression') value = skipAwaitAndWrappers(value.object);
    else if (value.type === 'ChainExpression') value = value.expression;
    else if (value.type === 'LogicalExpression' && value.operator === '??') value = skipAwaitAndWrappers(value.left);
    else if (value.type === 'CallExpression' && value.callee.type === 'Identifier' && CONVERSIONS.has(value.callee.name) && value.arguments[0] !== undefined && value.arguments[0].type !== 'SpreadElement') {
      value = skipAwaitAndWrappers(value.arguments[0]);
    } else break;
  }
  if (value.type === 'CallExpression') return sessionDerivingCall(analyzer, value, depth);
  if (value.type !== 'Identifier') return false;
  const definition = ASTUtils.findVariable(analyzer.sourceCode.getScope(value), value)?.defs[0];
  if (definition?.type !== 'Variable' || definition.node.init === null) return false;
  const init = skipAwaitAndWrappers(definition.node.init);
  return init.type === 'CallExpression' ? sessionDerivingCall(analyzer, init, depth) : derivesFromSession(analyzer, init, depth + 1);
}

const CONVERSIONS: ReadonlySet<string> = new Set(['String', 'Number']);

/** `auth()`, a project helper that reads the session, or a query filtered by a session value. */
function sessionDerivingCall(analyzer: AuthAnalyzer, call: TSESTree.CallExpression, depth: number): boolean {
  if (isSessionCall(analyzer.refs, call)) return true;
  if (call.callee.type === 'Identifier') {
    const helper = analyzer.resolveFunction(call.callee);
    return helper !== undefined && readsSession(helper.analyzer, helper.fn, { orgOnly: false }, 1);
  }
  if (!isDataQueryCall(call)) return false;
  return call.arguments.some(
    (argument) =>
      findFirst(analyzer.sourceCode, argument, (candidate) => {
        if (candidate.type !== 'Property' || candidate.parent.type !== 'ObjectExpression') return false;
        const property = candidate.value;
        return (property.type === 'Identifier' || property.type === 'MemberExpression') && derivesFromSession(analyzer, property, depth + 1);
      }) !== undefined,
  );
}
