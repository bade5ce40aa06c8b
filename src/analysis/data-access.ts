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
/** `getOrCreateChipiServer()`: getting (or building once) a client or service object touches no data. */
const FACTORY_NAME = /(?:Client|Server|Sdk|SDK|Instance|Service|Connection|Pool|Provider)$/u;
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
  /^(?:users?|accounts?|invoices?|orders?|payments?|transactions?|customers?|subscriptions?|messages?|chats?|conversations?|profiles?|address(?:es)?|notes?|documents?|files?|secrets?|tokens?|keys?|apiKeys?|sessions?|members?|memberships?|employees?|patients?|contacts?|emails?|notifications?|billings?|cards?|banks?|bankAccounts?|wallets?|credentials?|passwords?|logs?|audits?|auditLogs?|reports?|salar(?:y|ies)|payrolls?|medicalRecords?|healthRecords?|admins?|carts?|purchases?|refunds?|tickets?|applications?|resumes?|issues?|projects?|workspaces?|teams?|organi[sz]ations?|orgs?|tasks?|boards?|bookings?|appointments?|reservations?|leads?|deals?|charges?|payouts?|balances?|expenses?|budgets?|incomes?)$/iu;

/** `invoice`, `userOrders`, `getInvoices`, `user_accounts`: one of the words is a private data name. */
function namesPrivateData(name: string): boolean {
  return name.split(/[_\-\s]+|(?<=[a-z\d])(?=[A-Z])/u).some((word) => PRIVATE_DATA_NAME.test(word));
}

/** Methods whose first argument names the table or collection read (`db.select().from(orders)`). */
const TABLE_METHODS = new Set(['from', 'join', 'leftJoin', 'rightJoin', 'innerJoin', 'fullJoin', 'table', 'collection', 'model', 'into']);

/**
 * Whether a read names private data where data is named: the model, table or collection it goes through
 * (`db.invoice.findMany()`, `User.find()`, `db.query.users`, `db.select().from(orders)`, `collection('payments')`),
 * a project function named for it (`getRecentOrders()`), the relations it pulls in (`include: { user: true }`), or
 * the words of a SQL query (`sql\`SELECT email FROM users\``). Values passed along (`userId`, `key`) name nothing.
 */
function readsPrivateData(sourceCode: Readonly<TSESLint.SourceCode>, work: readonly TSESTree.Node[]): boolean {
  const named = (node: TSESTree.Node | undefined): boolean =>
    (node?.type === 'Identifier' && namesPrivateData(node.name)) || (node?.type === 'Literal' && typeof node.value === 'string' && namesPrivateData(node.value));
  return work.some((node) => {
    if (node.type === 'TaggedTemplateExpression') return sqlNamesPrivateData(node.quasi);
    if (node.type !== 'CallExpression') return false;
    for (let current: TSESTree.Node = node; ; ) {
      const call = skipAwaitAndWrappers(current as TSESTree.Expression);
      if (call.type !== 'CallExpression') {
        // The root of a chain: `db.invoice`, `User`, `db.query.users`.
        for (let object: TSESTree.Node = call; ; ) {
          if (object.type === 'Identifier') return named(object);
          if (object.type !== 'MemberExpression') return false;
          if (!object.computed && named(object.property)) return true;
          object = object.object;
        }
      }
      const callee = skipTypeWrappers(call.callee as TSESTree.Expression);
      const [first] = call.arguments;
      if (callee.type === 'Identifier') return named(callee) || (TABLE_METHODS.has(callee.name) && named(first)) || relationsNamePrivateData(sourceCode, call);
      if (callee.type !== 'MemberExpression') return false;
      const method = !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : '';
      if (TABLE_METHODS.has(method) && named(first)) return true;
      if (relationsNamePrivateData(sourceCode, call)) return true;
      if (call.arguments.some((argument) => argument.type === 'TemplateLiteral' && sqlNamesPrivateData(argument))) return true;
      current = callee.object;
    }
  });
}

/** `include: { user: true, payment: true }` in the call's options: relations pulled into the read. */
function relationsNamePrivateData(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): boolean {
  return call.arguments.some(
    (argument) =>
      findFirst(sourceCode, argument, (candidate) => {
        const parent = candidate.parent;
        return parent?.type === 'Property' && parent.key === candidate && !parent.computed && isRelationKey(parent) && candidate.type === 'Identifier' && namesPrivateData(candidate.name);
      }) !== undefined,
  );
}

function sqlNamesPrivateData(template: TSESTree.TemplateLiteral): boolean {
  return template.quasis.some((quasi) => (quasi.value.cooked ?? '').split(/[^A-Za-z0-9_]+/u).some(namesPrivateData));
}

/** A key of the object given to `include`, `select`, `with`, `populate` or `columns`: a relation or field that is read. */
function isRelationKey(property: TSESTree.Property): boolean {
  const owner = property.parent.parent;
  return (
    owner?.type === 'Property' &&
    !owner.computed &&
    owner.key.type === 'Identifier' &&
    ['include', 'select', 'with', 'populate', 'columns', 'fields'].includes(owner.key.name)
  );
}

/** Whether one piece of work only reads data that is not private by its name. */
export function isPublicReadWork(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  return accessOf(sourceCode, node) === 'read' && !readsPrivateData(sourceCode, [node]);
}

function accessOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): 'read' | 'write' {
  if (node.type === 'TaggedTemplateExpression') {
    // sql`select …`
    const text = node.quasi.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ').trim();
    return /^(?:select|with)\b/iu.test(text) ? 'read' : 'write';
  }
  if (node.type !== 'CallExpression') return 'write';
  let named = false;
  let exec = false;
  // Every call of the chain this call ends (`db.select().from(t).where(c)`), outermost first.
  for (let current: TSESTree.Expression = node; ; ) {
    const call = skipAwaitAndWrappers(current);
    if (call.type !== 'CallExpression') break;
    const callee = skipTypeWrappers(call.callee as TSESTree.Expression);
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : undefined;
    if (name === undefined) return 'write';
    // `getSignedUrl(s3, new PutObjectCommand(…))`: a command that is not a read makes the call a write.
    if (call.arguments.some((argument) => isCommand(sourceCode, argument) && !isReadCommand(sourceCode, argument))) return 'write';
    if (name === 'fetch' && callee.type === 'Identifier') {
      if (!getOnly(call.arguments[1])) return 'write';
      named = true;
    } else if (name === 'send' && isReadCommand(sourceCode, call.arguments[0])) {
      named = true;
    } else if (NEUTRAL_METHODS.has(name)) {
      exec ||= name === 'exec';
    } else {
      if (!READ_VERB.test(name) || (COMBINED_WRITE.test(name) && !FACTORY_NAME.test(name))) return 'write';
      named = true;
    }
    if (callee.type !== 'MemberExpression') break;
    current = callee.object;
  }
  // Reads, or only promise and response plumbing on a value an earlier read returned (`body.transformToByteArray()`);
  // but `db.exec('DELETE …')` runs whatever it is given unless the chain started as a read (`Model.find().exec()`).
  return exec && !named ? 'write' : 'read';
}

/** Objects whose `post` / `put` / `patch` / `delete` send an HTTP request (`axios`, `api`, `httpClient`, `ky`). */
const HTTP_CLIENT_NAME = /axios|api|http|client|ky/iu;
const HTTP_WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/**
 * Whether a call sends an HTTP request that is not a read: `fetch(url, { method: 'POST' })` (an init object with
 * another method than GET / HEAD; an init that cannot be read counts as no write), `axios.delete(url)`.
 */
export function sendsWriteRequest(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === 'Identifier') return callee.name === 'fetch' && call.arguments[1]?.type === 'ObjectExpression' && !getOnly(call.arguments[1]);
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || !HTTP_WRITE_METHODS.has(callee.property.name)) return false;
  return callee.object.type === 'Identifier' && HTTP_CLIENT_NAME.test(callee.object.name);
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

/** The class an AWS SDK style command argument is built from (`new GetObjectCommand(…)`, also through a `const`). */
function commandName(sourceCode: Readonly<TSESLint.SourceCode>, argument: TSESTree.Node | undefined): string | undefined {
  let value = argument;
  if (value?.type === 'Identifier') {
    const definition = ASTUtils.findVariable(sourceCode.getScope(value), value)?.defs[0];
    value = definition?.type === 'Variable' && definition.node.init !== null ? definition.node.init : undefined;
  }
  return value?.type === 'NewExpression' && value.callee.type === 'Identifier' && /Command$/u.test(value.callee.name) ? value.callee.name : undefined;
}

function isCommand(sourceCode: Readonly<TSESLint.SourceCode>, argument: TSESTree.Node | undefined): boolean {
  return commandName(sourceCode, argument) !== undefined;
}

function isReadCommand(sourceCode: Readonly<TSESLint.SourceCode>, argument: TSESTree.Node | undefined): boolean {
  return READ_COMMAND.test(commandName(sourceCode, argument) ?? '');
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

/** Calls that filter or change stored data by their arguments (Prisma, Drizzle, Supabase, Mongoose, Kysely). */
const QUERY_METHODS =
  /^(?:find\w*|update(?:Many|One)?(?:AndReturn)?|delete(?:Many|One)?|create(?:Many(?:AndReturn)?)?|upsert|count(?:Documents)?|aggregate|groupBy|where|eq|and|or|inArray|select|insert|filter|match|in|exists|remove|replaceOne)$/u;

/**
 * A call whose arguments filter or change stored data: `db.board.findMany({ where })`, `eq(projects.orgId, x)`,
 * `.eq('org_id', x)`, `deleteMany(…)`. A context object handed to a tRPC caller, or a Clerk API call, is not one.
 */
export function isDataQueryCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : undefined;
  return name !== undefined && QUERY_METHODS.test(name);
}

/** The text of a file that may call a query method at all (a cheap first test, before any AST walk). */
const QUERY_CALL_TEXT = /\b(?:find\w*|update\w*|delete\w*|create\w*|upsert|count|aggregate|groupBy|eq)\s*\(/u;
export function mayQueryData(text: string): boolean {
  return QUERY_CALL_TEXT.test(text);
}
