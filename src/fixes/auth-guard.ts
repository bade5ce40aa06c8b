import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import type { ClerkReferences } from '../analysis/clerk-references.js';
import type { EntryPoint } from '../analysis/entry-points.js';
import { type FunctionNode, skipAwaitAndWrappers } from '../analysis/functions.js';
import { GUARD_IMPORT_SOURCE, PRIMARY_SDK, PROTECT_CALL_FROM, PROTECT_MEMBER_FROM, ROUTE_GUARD_MIDDLEWARE } from '../clerk/index.js';
import { existingImport, planImport } from './imports.js';
import { insertAfterStatement, insertAtFunctionStart } from './guard.js';
import { freeName, namesInUse } from './names.js';
import { codeStyle, quoted, statementEnd } from './style.js';

type Fix = TSESLint.ReportFixFunction;

interface GuardTemplate {
  readonly source: string;
  readonly sources: readonly string[];
  readonly accessor: 'auth' | 'getAuth';
  readonly argument: string;
  readonly awaited: boolean;
  /** The exit statement for an anonymous caller. */
  readonly exit: string;
}

/** The statement that turns an anonymous caller away, by entry kind and framework, in the file's style. */
export function exitStatement(
  sourceCode: Readonly<TSESLint.SourceCode>,
  entry: EntryPoint,
  framework: string,
  reason: 'signedOut' | 'noOrganization' | 'badSignature' = 'signedOut',
): string | undefined {
  const style = codeStyle(sourceCode);
  const message = quoted({ signedOut: 'Unauthorized', noOrganization: 'No active organization', badSignature: 'Error verifying webhook' }[reason], style);
  const status = { signedOut: 401, noOrganization: 403, badSignature: 400 }[reason];
  const end = statementEnd(style);
  const [first, second] = entry.fn.params.map((param) => (param.type === 'Identifier' ? param.name : undefined));
  switch (entry.kind) {
    case 'serverAction':
      return `throw new Error(${message})${end}`;
    case 'appRoute': {
      const responder = existingImport(sourceCode, ['next/server'], 'NextResponse') ?? 'Response';
      return `return ${responder}.json({ error: ${message} }, { status: ${status} })${end}`;
    }
    case 'pagesApi':
      return second === undefined ? undefined : `return ${second}.status(${status}).json({ error: ${message} })${end}`;
    case 'nodeRoute':
      if (framework === 'hono') return first === undefined ? undefined : `return ${first}.json({ error: ${message} }, ${status})${end}`;
      if (second === undefined) return undefined;
      if (framework === 'fastify') return `return ${second}.code(${status}).send({ error: ${message} })${end}`;
      return `return ${second}.status(${status}).json({ error: ${message} })${end}`;
  }
}

export function nodeFramework(refs: ClerkReferences): 'express' | 'fastify' | 'hono' | undefined {
  for (const source of refs.clerkSources) {
    if (source.startsWith('@clerk/express')) return 'express';
    if (source.startsWith('@clerk/fastify')) return 'fastify';
    if (source === '@hono/clerk-auth' || source.startsWith('@clerk/hono')) return 'hono';
  }
  return undefined;
}

function template(
  sourceCode: Readonly<TSESLint.SourceCode>,
  entry: EntryPoint,
  refs: ClerkReferences,
  major: number,
): GuardTemplate | undefined {
  const [first] = entry.fn.params.map((param) => (param.type === 'Identifier' ? param.name : undefined));
  if (entry.kind === 'serverAction' || entry.kind === 'appRoute') {
    const source = major <= 4 ? '@clerk/nextjs' : GUARD_IMPORT_SOURCE.next;
    const exit = exitStatement(sourceCode, entry, 'next');
    if (exit === undefined) return undefined;
    return { source, sources: [source], accessor: 'auth', argument: '', awaited: major >= 6, exit };
  }
  if (entry.kind === 'pagesApi') {
    const exit = exitStatement(sourceCode, entry, 'next');
    if (exit === undefined || first === undefined) return undefined;
    const source = GUARD_IMPORT_SOURCE.next;
    return { source, sources: [source], accessor: 'getAuth', argument: first, awaited: false, exit };
  }
  const framework = nodeFramework(refs);
  if (framework === undefined || first === undefined) return undefined;
  const exit = exitStatement(sourceCode, entry, framework);
  if (exit === undefined) return undefined;
  const source =
    framework === 'hono'
      ? ([...refs.clerkSources].find((s) => s === '@hono/clerk-auth' || s === '@clerk/hono') ?? GUARD_IMPORT_SOURCE.hono)
      : GUARD_IMPORT_SOURCE[framework];
  return { source, sources: [source], accessor: 'getAuth', argument: first, awaited: false, exit };
}

/** A fix inserting a complete guard (fetch + check) at the top of the entry point, with its import. */
export function insertGuardFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  entry: EntryPoint,
  refs: ClerkReferences,
  major: number,
): Fix | undefined {
  const guard = template(sourceCode, entry, refs, major);
  if (guard === undefined) return undefined;
  const style = codeStyle(sourceCode);
  const taken = namesInUse(sourceCode, entry.fn);
  const userId = freeName(taken, 'userId', 'clerkUserId');
  const binding = userId === 'userId' ? '{ userId }' : `{ userId: ${userId} }`;
  return (fixer) => {
    const imported = planImport(sourceCode, guard.source, guard.accessor, guard.sources);
    const call = `${imported.local}(${guard.argument})`;
    const fetch = guard.awaited ? `await ${call}` : call;
    const lines =
      entry.kind === 'nodeRoute' && guard.source !== GUARD_IMPORT_SOURCE.express && guard.source !== GUARD_IMPORT_SOURCE.fastify
        ? [`const ${userId} = ${call}?.userId${statementEnd(style)}`, `if (!${userId}) ${guard.exit}`]
        : [`const ${binding} = ${fetch}${statementEnd(style)}`, `if (!${userId}) ${guard.exit}`];
    const body = insertAtFunctionStart(fixer, sourceCode, entry.fn, lines, guard.awaited);
    if (body === undefined) return null;
    return imported.fix === undefined ? body : [imported.fix(fixer), ...body];
  };
}

/** A fix inserting only the missing check after the statement that fetched the identity. */
export function insertCheckFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  entry: EntryPoint,
  fetchCall: TSESTree.Node,
  refs: ClerkReferences,
): { fix: Fix; value: string } | undefined {
  const declaration = enclosingDeclaration(fetchCall);
  if (declaration === undefined) return undefined;
  const declarator = declaration.declarations.find(
    (candidate) => candidate.init !== null && candidate.range[0] <= fetchCall.range[0] && fetchCall.range[1] <= candidate.range[1],
  );
  if (declarator?.init == null) return undefined;
  const framework = nodeFramework(refs) ?? 'next';
  const exit = exitStatement(sourceCode, entry, framework);
  if (exit === undefined) return undefined;
  // A `return` leaves the function from inside a `try` too; a `throw` there goes to the `catch`, which may carry on.
  if (exit.startsWith('throw') && !thrownOut(declaration, entry.fn)) return undefined;
  const checked = checkedValue(sourceCode, entry, declarator, fetchCall, refs);
  if (checked === undefined) return undefined;
  return {
    value: checked.value,
    fix: (fixer) => [
      ...(checked.extraFix === undefined ? [] : [checked.extraFix(fixer)]),
      insertAfterStatement(fixer, sourceCode, declaration, `if (!${checked.value}) ${exit}`),
    ],
  };
}

/**
 * A `throw` inserted after `node` ends the function: no `try` with a `catch` holds it, or each one that does is the
 * last statement of the function (so the `catch` can only answer, not carry on with the work after the `try`).
 */
function thrownOut(node: TSESTree.Node, fn: TSESTree.Node): boolean {
  for (let current = node.parent; current !== undefined && current !== fn; current = current.parent) {
    if (current.type !== 'BlockStatement' || current.parent?.type !== 'TryStatement' || current.parent.block !== current || current.parent.handler === null) continue;
    for (let statement: TSESTree.Node = current.parent; statement.parent !== undefined && statement !== fn; statement = statement.parent) {
      const parent: TSESTree.Node = statement.parent;
      if (parent.type === 'BlockStatement' && parent.body[parent.body.length - 1] !== statement) return false;
    }
  }
  return true;
}

function enclosingDeclaration(node: TSESTree.Node): TSESTree.VariableDeclaration | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current !== undefined && current !== null) {
    if (current.type === 'VariableDeclaration') {
      const parent = current.parent;
      return parent?.type === 'BlockStatement' || parent?.type === 'Program' ? current : undefined;
    }
    if (current.type.includes('Function') || current.type.endsWith('Statement')) return undefined;
    current = current.parent;
  }
  return undefined;
}

const CHECK_KEYS = ['isAuthenticated', 'userId', 'sessionId'] as const;

function checkedValue(
  sourceCode: Readonly<TSESLint.SourceCode>,
  entry: EntryPoint,
  declarator: TSESTree.VariableDeclarator,
  fetchCall: TSESTree.Node,
  refs: ClerkReferences,
): { value: string; extraFix?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix } | undefined {
  const { id } = declarator;
  const init = declarator.init as TSESTree.Expression;
  if (id.type === 'Identifier') {
    const direct = skipAwaitAndWrappers(init) === fetchCall;
    const kind = fetchCall.type === 'CallExpression' ? refs.calls.get(fetchCall)?.kind : undefined;
    const isAuthObject = direct && (kind === 'authObject' || (kind === undefined && fetchCall.type !== 'CallExpression'));
    const isFrameworkAccessor = direct && kind === undefined && isAccessorCall(fetchCall);
    return { value: isAuthObject || isFrameworkAccessor ? `${id.name}.userId` : id.name };
  }
  if (id.type !== 'ObjectPattern' || skipAwaitAndWrappers(init) !== fetchCall) return undefined;
  for (const key of CHECK_KEYS) {
    const property = id.properties.find(
      (candidate): candidate is TSESTree.Property =>
        candidate.type === 'Property' && !candidate.computed && candidate.key.type === 'Identifier' && candidate.key.name === key,
    );
    const target = property?.value.type === 'AssignmentPattern' ? property.value.left : property?.value;
    if (target?.type === 'Identifier') return { value: target.name };
  }
  const last = id.properties[id.properties.length - 1];
  if (last === undefined || last.type === 'RestElement') return undefined;
  const name = freeName(namesInUse(sourceCode, entry.fn), 'userId', 'clerkUserId');
  return {
    value: name,
    extraFix: (fixer) => fixer.insertTextAfter(last, name === 'userId' ? ', userId' : `, userId: ${name}`),
  };
}

function isAccessorCall(node: TSESTree.Node): boolean {
  return (
    node.type === 'CallExpression' &&
    node.callee.type === 'MemberExpression' &&
    node.callee.property.type === 'Identifier' &&
    ['auth', 'getAuth', 'authenticateRequest', 'toAuth'].includes(node.callee.property.name)
  );
}

/** A fix replacing `userId === null` with `!isAuthenticated` (adding it to the destructuring when needed). */
export function isAuthenticatedFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  test: TSESTree.BinaryExpression,
): { fix: Fix; replacement: string } | undefined {
  const value = [test.left, test.right].find((side) => side.type === 'Identifier' || side.type === 'MemberExpression');
  if (value === undefined) return undefined;
  if (value.type === 'MemberExpression' && !value.computed && value.property.type === 'Identifier') {
    const replacement = `!${sourceCode.getText(value.object)}${value.optional ? '?.' : '.'}isAuthenticated`;
    return { replacement, fix: (fixer) => fixer.replaceText(test, replacement) };
  }
  if (value.type !== 'Identifier') return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(value), value);
  const definition = variable?.defs[0];
  if (definition?.type !== 'Variable' || definition.node.id.type !== 'ObjectPattern') return undefined;
  const pattern = definition.node.id;
  const existing = pattern.properties.find(
    (property): property is TSESTree.Property =>
      property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && property.key.name === 'isAuthenticated',
  );
  if (existing !== undefined) {
    if (existing.value.type !== 'Identifier') return undefined;
    const replacement = `!${existing.value.name}`;
    return { replacement, fix: (fixer) => fixer.replaceText(test, replacement) };
  }
  const fn = definition.node.parent?.parent;
  const taken = namesInUse(sourceCode, fn ?? definition.node);
  if (taken.has('isAuthenticated')) return undefined;
  const last = pattern.properties[pattern.properties.length - 1];
  if (last === undefined || last.type === 'RestElement') return undefined;
  return {
    replacement: '!isAuthenticated',
    fix: (fixer) => [fixer.insertTextAfter(last, ', isAuthenticated'), fixer.replaceText(test, '!isAuthenticated')],
  };
}

/**
 * A fix inserting `await auth.protect()` (v6+) or `auth().protect()` (v5) at the top of a function, adding the
 * `auth` import once and making the function async when it needs `await`. Before v5, `auth()` and an `if (!userId)`
 * that redirects to `/sign-in` instead.
 */
export function insertProtectFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: FunctionNode,
  major: number,
): { fix: Fix; call: string } | undefined {
  const style = codeStyle(sourceCode);
  const end = statementEnd(style);
  if (major < PROTECT_CALL_FROM) {
    // 4.x: no `protect()` in every 4.x release; the sign-in check it stands for, with Next's own redirect.
    const userId = freeName(namesInUse(sourceCode, fn), 'userId', 'clerkUserId');
    const binding = userId === 'userId' ? '{ userId }' : `{ userId: ${userId} }`;
    return {
      call: `if (!${userId}) redirect(${quoted('/sign-in', style)})`,
      fix: (fixer) => {
        const auth = planImport(sourceCode, PRIMARY_SDK, 'auth', [PRIMARY_SDK, GUARD_IMPORT_SOURCE.next]);
        const redirect = planImport(sourceCode, 'next/navigation', 'redirect');
        const lines = [`const ${binding} = ${auth.local}()${end}`, `if (!${userId}) ${redirect.local}(${quoted('/sign-in', style)})${end}`];
        const body = insertAtFunctionStart(fixer, sourceCode, fn, lines, false);
        if (body === undefined) return null;
        return [...[auth.fix, redirect.fix].flatMap((fix) => (fix === undefined ? [] : [fix(fixer)])), ...body];
      },
    };
  }
  const awaited = major >= PROTECT_MEMBER_FROM;
  return {
    call: awaited ? 'await auth.protect()' : 'auth().protect()',
    fix: (fixer) => {
      const imported = planImport(sourceCode, GUARD_IMPORT_SOURCE.next, 'auth', [GUARD_IMPORT_SOURCE.next]);
      const line = awaited ? `await ${imported.local}.protect()${end}` : `${imported.local}().protect()${end}`;
      const body = insertAtFunctionStart(fixer, sourceCode, fn, [line], awaited);
      if (body === undefined) return null;
      return imported.fix === undefined ? body : [imported.fix(fixer), ...body];
    },
  };
}

/**
 * Express: the Clerk route guard as middleware before a route's handler (`router.post('/', requireAuth(), create)`),
 * with its import; for a handler that may live in another module, which a repair of this file must not edit.
 * Undefined outside an Express module.
 */
export function routeGuardMiddlewareFix(sourceCode: Readonly<TSESLint.SourceCode>, handler: TSESTree.Node): Fix | undefined {
  const express = sourceCode.ast.body.some((statement) => statement.type === 'ImportDeclaration' && statement.source.value === 'express');
  if (!express) return undefined;
  return (fixer) => {
    const imported = planImport(sourceCode, GUARD_IMPORT_SOURCE.express, ROUTE_GUARD_MIDDLEWARE.express);
    const insert = fixer.insertTextBefore(handler, `${imported.local}(), `);
    return imported.fix === undefined ? insert : [imported.fix(fixer), insert];
  };
}
