import type { TSESTree } from '@typescript-eslint/utils';

import { calleePath } from './functions.js';
import { returnsOrThrows } from './traverse.js';

/** A read of an environment variable by a constant name. */
export interface EnvRead {
  readonly name: string;
  /** The node holding the name: the property of `process.env.X`, the literal of `process.env['X']`, the key of `{ X } = process.env`. */
  readonly nameNode: TSESTree.Node;
  /** The whole read (`process.env.X`), or the destructured property. */
  readonly node: TSESTree.Node;
  readonly via: 'member' | 'computed' | 'destructuring';
}

/** Whether `node` is `process.env` or `import.meta.env`. */
export function isEnvObject(node: TSESTree.Node): boolean {
  if (node.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier') return false;
  if (node.property.name !== 'env') return false;
  if (node.object.type === 'MetaProperty') return true;
  return calleePath(node)?.join('.') === 'process.env';
}

/** The env read a MemberExpression makes (`process.env.X`, `process.env['X']`, `import.meta.env.X`). */
export function envReadOfMember(node: TSESTree.MemberExpression): EnvRead | undefined {
  if (!isEnvObject(node.object)) return undefined;
  if (!node.computed && node.property.type === 'Identifier') {
    return { name: node.property.name, nameNode: node.property, node, via: 'member' };
  }
  if (node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string') {
    return { name: node.property.value, nameNode: node.property, node, via: 'computed' };
  }
  if (node.computed && node.property.type === 'TemplateLiteral' && node.property.expressions.length === 0) {
    const name = node.property.quasis[0]?.value.cooked;
    if (typeof name === 'string') return { name, nameNode: node.property, node, via: 'computed' };
  }
  return undefined;
}

/** The env reads of `const { X, Y: y } = process.env`. */
export function envReadsOfPattern(declarator: TSESTree.VariableDeclarator): EnvRead[] {
  if (declarator.id.type !== 'ObjectPattern' || declarator.init === null || !isEnvObject(declarator.init)) return [];
  const reads: EnvRead[] = [];
  for (const property of declarator.id.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const name =
      property.key.type === 'Identifier'
        ? property.key.name
        : property.key.type === 'Literal' && typeof property.key.value === 'string'
          ? property.key.value
          : undefined;
    if (name !== undefined) reads.push({ name, nameNode: property.key, node: property, via: 'destructuring' });
  }
  return reads;
}

/**
 * Whether `node` runs only where there is no `window`: in the branch of `typeof window === 'undefined'` (also
 * `typeof document`, `!==` with the branches swapped, `&&` / `?:`), or after `if (typeof window !== 'undefined')
 * return …` in an enclosing block.
 */
export function inServerOnlyCode(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent != null; child = parent, parent = parent.parent) {
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && child !== parent.test) {
      const server = browserTest(parent.test);
      if (server !== undefined && (child === parent.consequent) === server) return true;
    }
    if (parent.type === 'LogicalExpression' && child === parent.right && parent.operator === '&&' && browserTest(parent.left) === true) return true;
    if (parent.type === 'BlockStatement' || parent.type === 'Program') {
      const index = (parent.body as TSESTree.Node[]).indexOf(child);
      for (const earlier of (parent.body as TSESTree.Node[]).slice(0, index)) {
        // `if (typeof window !== 'undefined') return window.location.origin`: what follows runs on the server.
        if (earlier.type === 'IfStatement' && earlier.alternate === null && browserTest(earlier.test) === false && returnsOrThrows(earlier.consequent)) return true;
      }
    }
    if (parent.type === 'FunctionDeclaration' || parent.type === 'FunctionExpression' || parent.type === 'ArrowFunctionExpression') return false;
  }
  return false;
}

/** `typeof window === 'undefined'` → true (no browser), `typeof window !== 'undefined'` → false; else undefined. */
function browserTest(test: TSESTree.Expression): boolean | undefined {
  if (test.type === 'UnaryExpression' && test.operator === '!') {
    const inner = browserTest(test.argument);
    return inner === undefined ? undefined : !inner;
  }
  if (test.type !== 'BinaryExpression' || !['===', '==', '!==', '!='].includes(test.operator)) return undefined;
  const sides = [test.left, test.right];
  const typeOf = sides.find(
    (side) => side.type === 'UnaryExpression' && side.operator === 'typeof' && side.argument.type === 'Identifier' && ['window', 'document'].includes(side.argument.name),
  );
  const undefinedText = sides.find((side) => side.type === 'Literal' && side.value === 'undefined');
  if (typeOf === undefined || undefinedText === undefined) return undefined;
  return test.operator === '===' || test.operator === '==';
}
