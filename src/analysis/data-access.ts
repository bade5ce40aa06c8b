/**
 * What an entry point's work does to data, read from method and function names: whether every piece of work only
 * reads (`db.product.findMany()`, `db.select().from(posts)`, `Product.find({})`, `fetch(url)`, `s3.send(new
 * GetObjectCommand(…))`), and whether the entry point takes a caller-identifying input (a user, owner, author or
 * organization id) that such a read could be scoped by.
 *
 * It decides "public-by-design read" for entry points that never read the session: a catalogue list or a public
 * post needs no sign-in; a read by a caller-supplied user id does, and so does a read of data that is private by
 * its name (invoices, users, orders, messages …). Anything it cannot name as a read (an unknown method, a project
 * helper not named like a read) counts as a write.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import { type FunctionNode, skipAwaitAndWrappers, skipTypeWrappers } from './functions.js';
import { findFirst } from './traverse.js';

/** Verbs of methods and functions that only read. */
const READ_VERB =
  /^(?:find|get|select|query|count|aggregate|list|search|read|fetch|load|retrieve|lookup|exists|first|all|many|paginate|distinct|where|from|orderBy|order|limit|offset|skip|take|leftJoin|innerJoin|rightJoin|fullJoin|join|groupBy|having|lean|populate|sort|\$query)(?:[A-Z_$\d]|$)/u;
/** `findOneAndUpdate`, `findByIdAndDelete`, `getOrCreate`: a read verb first, a write after it. */
const COMBINED_WRITE = /(?:And|Or)(?:Update|Delete|Remove|Replace|Create|Upsert|Insert|Set)/u;
/** Calls that neither read nor write on their own: promise and response plumbing in a chain. */
const NEUTRAL_METHODS = new Set(['then', 'catch', 'finally', 'exec', 'toArray', 'json', 'text', 'arrayBuffer', 'blob', 'transformToByteArray', 'transformToString', 'prepare']);
/** AWS SDK v3 commands that only read (`client.send(new GetObjectCommand(…))`). */
const READ_COMMAND = /^(?:Get|List|Head|Describe|Query|Scan|BatchGet|Select)[A-Z]\w*Command$/u;

/** Names of inputs that identify a caller or an owner of data. */
export const CALLER_ID_NAME =
  /^(?:user|owner|author|creator|org|organization|organisation|account|customer|member|tenant|team|profile|seller|buyer|client|person|employee|student|patient)_?ids?$/iu;

/**
 * Models, tables and collections that hold private data by their name (singular or plural, any case): a read of
 * them without a session check is a leak, not a public page.
 */
const PRIVATE_DATA_NAME =
  /^(?:users?|accounts?|invoices?|orders?|payments?|transactions?|customers?|subscriptions?|messages?|chats?|conversations?|profiles?|address(?:es)?|notes?|documents?|files?|secrets?|tokens?|keys?|apiKeys?|sessions?|members?|memberships?|employees?|patients?|contacts?|emails?|notifications?|billings?|cards?|banks?|bankAccounts?|wallets?|credentials?|passwords?|logs?|audits?|auditLogs?|reports?|salar(?:y|ies)|payrolls?|medicalRecords?|healthRecords?|admins?|carts?|purchases?|refunds?|tickets?|applications?|resumes?|issues?)$/iu;

/** `invoice`, `userOrders`, `getInvoices`, `user_accounts`: one of the words is a private data name. */
function namesPrivateData(name: string): boolean {
  return name.split(/[_\-\s]+|(?<=[a-z\d])(?=[A-Z])/u).some((word) => PRIVATE_DATA_NAME.test(word));
}

/** Whether a read names private data: `db.invoice.findMany()`, `User.find()`, `db.select().from(orders)`, `db.query.users`. */
export function readsPrivateData(sourceCode: Readonly<TSESLint.SourceCode>, work: readonly TSESTree.Node[]): boolean {
  return work.some(
    (node) =>
      findFirst(sourceCode, node, (candidate) => {
        // Method names and option keys (`orderBy`, `findMany`) name no data; models, tables and collections do.
        const parent = candidate.parent;
        if (parent?.type === 'Property' && parent.key === candidate && !parent.computed) return false;
        if (parent?.type === 'MemberExpression' && parent.property === candidate && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) return false;
        if (candidate.type === 'Identifier') return namesPrivateData(candidate.name);
        return candidate.type === 'Literal' && typeof candidate.value === 'string' && namesPrivateData(candidate.value);
      }) !== undefined,
  );
}

/** Whether every piece of work (`workNodes`) only reads data; false when there is none to judge by. */
export function onlyReads(sourceCode: Readonly<TSESLint.SourceCode>, work: readonly TSESTree.Node[]): boolean {
  return work.length > 0 && work.every((node) => accessOf(sourceCode, node) === 'read');
}

function accessOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): 'read' | 'write' {
  if (node.type === 'TaggedTemplateExpression') {
    // sql`select …`
    const text = node.quasi.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ').trim();
    return /^(?:select|with)\b/iu.test(text) ? 'read' : 'write';
  }
  if (node.type !== 'CallExpression') return 'write';
  // Every call of the chain this call ends (`db.select().from(t).where(c)`), outermost first.
  for (let current: TSESTree.Expression = node; ; ) {
    const call = skipAwaitAndWrappers(current);
    if (call.type !== 'CallExpression') break;
    const callee = skipTypeWrappers(call.callee as TSESTree.Expression);
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : undefined;
    if (name === undefined) return 'write';
    if (name === 'fetch' && callee.type === 'Identifier') {
      if (!getOnly(call.arguments[1])) return 'write';
    } else if (!(name === 'send' && isReadCommand(sourceCode, call.arguments[0])) && !NEUTRAL_METHODS.has(name)) {
      if (!READ_VERB.test(name) || COMBINED_WRITE.test(name)) return 'write';
    }
    if (callee.type !== 'MemberExpression') break;
    current = callee.object;
  }
  // Reads, or only promise and response plumbing on a value an earlier read returned (`body.transformToByteArray()`).
  return 'read';
}

/** `fetch(url)`, `fetch(url, { method: 'GET', … })`: no method, or a literal GET / HEAD. */
function getOnly(init: TSESTree.Node | undefined): boolean {
  if (init === undefined) return true;
  if (init.type !== 'ObjectExpression') return false;
  for (const property of init.properties) {
    if (property.type !== 'Property') return false;
    if (property.computed || property.key.type !== 'Identifier' || property.key.name !== 'method') continue;
    return property.value.type === 'Literal' && typeof property.value.value === 'string' && ['GET', 'HEAD'].includes(property.value.value.toUpperCase());
  }
  return true;
}

/** `new GetObjectCommand(…)`, directly or through a `const`. */
function isReadCommand(sourceCode: Readonly<TSESLint.SourceCode>, argument: TSESTree.Node | undefined): boolean {
  let value = argument;
  if (value?.type === 'Identifier') {
    const definition = ASTUtils.findVariable(sourceCode.getScope(value), value)?.defs[0];
    value = definition?.type === 'Variable' && definition.node.init !== null ? definition.node.init : undefined;
  }
  return value?.type === 'NewExpression' && value.callee.type === 'Identifier' && READ_COMMAND.test(value.callee.name);
}

/**
 * Whether the entry point takes an input that identifies a caller or owner: a parameter, a destructured field, a
 * query/route/form key or an object key named like `userId`, `ownerId`, `orgId` (`searchParams.get('userId')`,
 * `{ params: { orgId } }`, `where: { authorId: … }`).
 */
export function takesCallerId(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): boolean {
  const matches = (node: TSESTree.Node): boolean =>
    (node.type === 'Identifier' && CALLER_ID_NAME.test(node.name)) || (node.type === 'Literal' && typeof node.value === 'string' && CALLER_ID_NAME.test(node.value));
  for (const param of fn.params) if (findFirst(sourceCode, param, matches) !== undefined) return true;
  return findFirst(sourceCode, fn.body, matches, { enterFunctions: true }) !== undefined;
}
