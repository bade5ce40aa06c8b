import type { TSESTree } from '@typescript-eslint/utils';

import {
  envSecrecy,
  SECRET_COMPARE_FUNCTIONS,
  SIGNATURE_VERIFY_FUNCTIONS,
  SIGNATURE_VERIFY_METHODS,
} from '../clerk/index.js';
import {
  calleePath,
  type FunctionNode,
  resolveLocalFunction,
  skipAwaitAndWrappers,
  skipTypeWrappers,
  propertyName,
} from './functions.js';
import { envReadOfMember, isEnvObject } from './env-reads.js';
import { findFirst } from './traverse.js';
import type { ModuleAnalysis } from './helper-modules.js';

/**
 * Machine checks other than a session: a verified signature (Clerk/svix webhooks, Stripe, JWTs), and a shared
 * secret from the environment compared with the request (`token === process.env.CRON_SECRET`, a constant-time
 * compare, a helper that returns such a comparison). Route handlers may authenticate that way; server actions may
 * not. It does not decide whether the comparison guards the work (see auth-flow).
 */

/**
 * Whether `fn` returns its input compared with a secret from the environment: `payload.token === secret` with
 * `const secret = process.env.KOFI_VERIFICATION_TOKEN`, or a constant-time compare. The env name must hold a secret
 * (`envSecrecy`), and the other side must come from a parameter.
 */
export function returnsSecretComparison(facts: ModuleAnalysis, fn: FunctionNode): boolean {
  return (
    findFirst(facts.sourceCode, fn.body, (node) => {
      if (node.type !== 'ReturnStatement' || node.argument === null) return false;
      const value = skipAwaitAndWrappers(node.argument);
      if (value.type !== 'BinaryExpression' || (value.operator !== '===' && value.operator !== '==')) return false;
      const sides: TSESTree.Node[] = [value.left, value.right];
      return sides.some((side) => readsSecretEnv(facts, side)) && sides.some((side) => facts.isParameterRooted(side));
    }) !== undefined
  );
}

/** `process.env.X` (or a `const` holding it) where X holds a secret or something of unknown content. */
function readsSecretEnv(facts: ModuleAnalysis, node: TSESTree.Node, depth = 0): boolean {
  const value = skipAwaitAndWrappers(node as TSESTree.Expression);
  const read = value.type === 'MemberExpression' ? envReadOfMember(value) : undefined;
  if (read !== undefined) return envSecrecy(read.name) !== 'public';
  if (value.type !== 'Identifier' || depth > 1) return false;
  const definition = facts.variableOf(value)?.defs[0];
  return definition?.type === 'Variable' && definition.node.init !== null && readsSecretEnv(facts, definition.node.init, depth + 1);
}

/** Whether `node` reads `process.env.X` / `import.meta.env.X`, directly or through a `const`. */
export function mentionsEnv(facts: ModuleAnalysis, node: TSESTree.Node, depth = 0): boolean {
  return (
    findFirst(facts.sourceCode, node, (candidate) => {
      if (candidate.type === 'MemberExpression' && isEnvObject(candidate.object)) return true;
      if (candidate.type === 'Identifier' && depth < 2) {
        const variable = facts.variableOf(candidate);
        const definition = variable?.defs[0];
        if (definition?.type === 'Variable' && definition.node.init && definition.node.id.type === 'Identifier') {
          return mentionsEnv(facts, definition.node.init, depth + 1);
        }
      }
      return false;
    }) !== undefined
  );
}

/** Whether the handler verifies a signature (Clerk/svix webhooks, Stripe, JWTs): another rule's concern. */
export function verifiesSignature(facts: ModuleAnalysis, fn: FunctionNode, depth = 0): boolean {
  return (
    findFirst(facts.sourceCode, fn.body, (candidate) => {
      if (candidate.type !== 'CallExpression') return false;
      const api = facts.refs.calls.get(candidate);
      if (api?.kind === 'verifyWebhook') return true;
      const callee = skipTypeWrappers(candidate.callee as TSESTree.Expression);
      if (callee.type === 'MemberExpression') {
        const method = propertyName(callee);
        return method !== undefined && SIGNATURE_VERIFY_METHODS.has(method);
      }
      if (callee.type !== 'Identifier') return false;
      if (SIGNATURE_VERIFY_FUNCTIONS.has(callee.name)) return true;
      const local = depth < 2 ? resolveLocalFunction(facts.sourceCode, callee) : undefined;
      return local !== undefined && local !== fn && verifiesSignature(facts, local, depth + 1);
    }) !== undefined
  );
}

export function isSecretCompare(call: TSESTree.CallExpression): boolean {
  const path = calleePath(call.callee);
  const name = path?.[path.length - 1];
  return name !== undefined && SECRET_COMPARE_FUNCTIONS.has(name);
}
