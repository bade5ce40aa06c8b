import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  type ApiRef,
  type AuthAnalyzer,
  type ClerkReferences,
  findFirst,
  functionOfExpression,
  getAuthAnalyzer,
  getClerkReferences,
  isFunctionNode,
  skipAwaitAndWrappers,
  skipTypeWrappers,
} from '../analysis/index.js';
import { NEXT_NAVIGATION_SOURCE, NEXT_RETHROW } from '../clerk/index.js';
import { planImport } from '../fixes/imports.js';
import { freeName, namesInUse } from '../fixes/names.js';
import { codeStyle, lineIndent, statementEnd } from '../fixes/style.js';
import { createRule } from './kit/create-rule.js';
import { promotedFix } from './kit/report.js';
import { setupRule } from './kit/rule-setup.js';

export type Options = [{ checkExitingCatch?: boolean }];
export type MessageIds = 'swallowedRedirect' | 'replacedDenial' | 'addRethrow' | 'removePromiseCatch';

export default createRule<Options, MessageIds>({
  name: 'no-swallowed-auth-redirect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow catching the control-flow errors thrown by `auth.protect()`, `redirect()` and `notFound()`',
      recommended: 'recommended',
      strictOptions: [{ checkExitingCatch: true }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkExitingCatch: {
            type: 'boolean',
            description:
              'Also report a `catch` that returns or throws on every path without doing work, and a `.catch()` whose result is used: no code runs as if allowed, but the caller gets that answer instead of the redirect, 404 or 401 (off in `recommended`, on in `strict`).',
          },
        },
      },
    ],
    defaultOptions: [{ checkExitingCatch: false }],
    messages: {
      swallowedRedirect:
        '`{{name}}()` throws a Next.js control-flow error to deny the request, but this `catch` swallows it and the code after it runs as if the caller were allowed.',
      replacedDenial:
        "`{{name}}()` throws a Next.js control-flow error to deny the request, and this `catch` answers in its place: the caller gets the `catch`'s response instead of the redirect, 404 or 401.",
      addRethrow: 'Call `unstable_rethrow({{param}})` first in the `catch`.',
      removePromiseCatch: 'Remove the `.catch()` so that the denial reaches Next.js.',
    },
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const text = sourceCode.text;
    if (!(text.includes('try') || text.includes('catch')) || !(text.includes('@clerk/nextjs') || text.includes(NEXT_NAVIGATION_SOURCE))) {
      return {};
    }
    const setup = setupRule(context);
    if (setup === undefined) return {};
    const { settings } = setup;
    const checkExitingCatch = options.checkExitingCatch ?? false;
    let analyzer: AuthAnalyzer | undefined;
    const work = (): AuthAnalyzer => (analyzer ??= getAuthAnalyzer(sourceCode, settings, context));

    return {
      'Program:exit'() {
        const refs = getClerkReferences(sourceCode);
        for (const [call, ref] of refs.calls) {
          if (throwsControlFlow(ref)) check(call, refs);
          // `clerkMiddleware(async (auth, req) => …)`: the handler's `auth` parameter protects too.
          if (ref.kind === 'middleware' && ref.framework === 'next') {
            for (const protect of middlewareProtectCalls(call, sourceCode)) check(protect, refs);
          }
        }
      },
    };

    function check(call: TSESTree.CallExpression, refs: ClerkReferences): void {
      const name = sourceCode.getText(call.callee);
      const promiseCatch = promiseCatchOf(call);
      if (promiseCatch !== undefined) {
        if (callbackRethrows(promiseCatch.callback, refs)) return;
        // `await auth.protect().catch(() => null)` as a statement: the code after it runs as if allowed. A
        // result that is kept (`const session = await auth.protect().catch(() => null)`) is usually checked.
        const discarded = statementOf(promiseCatch.call) !== undefined;
        if (!discarded && !checkExitingCatch) return;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [
          { messageId: 'removePromiseCatch', fix: (fixer) => fixer.removeRange([call.range[1], promiseCatch.call.range[1]]) },
        ];
        report(call, discarded ? 'swallowedRedirect' : 'replacedDenial', name, suggest);
        return;
      }
      const handler = swallowingCatch(call, refs);
      if (handler === undefined) return;
      const exits = exitsWithoutWork(handler, refs);
      if (exits && !checkExitingCatch) return;
      report(call, exits ? 'replacedDenial' : 'swallowedRedirect', name, rethrowSuggestion(handler));
    }

    function report(
      call: TSESTree.CallExpression,
      messageId: MessageIds,
      name: string,
      suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[],
    ): void {
      context.report({ node: call, messageId, data: { name }, fix: promotedFix(settings, suggest), suggest });
    }

    /**
     * Every path of the `catch` returns or throws, and it does no work on the way: nothing runs as if the caller
     * were allowed. Logging, handling the caught error (`return handleApiError(err)`) and building the answer
     * (`return { success: false }`, `return NextResponse.json(…)`) are not work; a data call is, also awaited in
     * the answer (`return <List items={await db.item.findMany()} />`).
     */
    function exitsWithoutWork(handler: TSESTree.CatchClause, refs: ClerkReferences): boolean {
      const body = handler.body;
      if (!alwaysExits(body, refs)) return false;
      const param = handler.param?.type === 'Identifier' ? handler.param.name : undefined;
      const found = findFirst(sourceCode, body, (node) => {
        if (node.type !== 'CallExpression' && node.type !== 'TaggedTemplateExpression') return false;
        if (node.type === 'CallExpression' && (isLoggingCall(node) || (param !== undefined && passes(node, param)))) return 'skip';
        if (inAnswer(node, body) && node.parent?.type !== 'AwaitExpression') return false;
        return work().findWork(node) === node;
      });
      return found === undefined;
    }

    /** The call hands the caught error on: `handleApiError(err)`, `reportError({ error })`. */
    function passes(call: TSESTree.CallExpression, param: string): boolean {
      return call.arguments.some(
        (argument) => findFirst(sourceCode, argument, (node) => node.type === 'Identifier' && node.name === param) !== undefined,
      );
    }

    function rethrowSuggestion(handler: TSESTree.CatchClause): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const style = codeStyle(sourceCode);
      const param =
        handler.param?.type === 'Identifier'
          ? handler.param.name
          : handler.param === null
            ? freeName(namesInUse(sourceCode, handler.body), 'error', 'caughtError')
            : undefined;
      if (param === undefined) return [];
      const first = handler.body.body[0];
      return [
        {
          messageId: 'addRethrow',
          data: { param },
          fix: (fixer) => {
            const imported = planImport(sourceCode, NEXT_NAVIGATION_SOURCE, NEXT_RETHROW);
            const statement = `${imported.local}(${param})${statementEnd(style)}`;
            const fixes: TSESLint.RuleFix[] = imported.fix === undefined ? [] : [imported.fix(fixer)];
            if (handler.param === null) {
              const catchToken = sourceCode.getFirstToken(handler);
              if (catchToken === null) return null;
              fixes.push(fixer.insertTextAfter(catchToken, ` (${param})`));
            }
            const openBrace = sourceCode.getFirstToken(handler.body);
            if (openBrace === null) return null;
            const indent =
              first !== undefined && first.loc.start.line !== openBrace.loc.start.line
                ? lineIndent(sourceCode, first)
                : lineIndent(sourceCode, handler) + style.indentUnit;
            fixes.push(fixer.insertTextAfter(openBrace, `\n${indent}${statement}${first === undefined ? `\n${lineIndent(sourceCode, handler)}` : ''}`));
            return fixes;
          },
        },
      ];
    }
  },
});

function throwsControlFlow(ref: ApiRef): boolean {
  if (ref.kind === 'nextNeverReturns') return true;
  return ref.framework === 'next' && (ref.kind === 'protect' || ref.kind === 'neverReturns');
}

/** Whether the node is inside a `return` or `throw` of the block: part of the answer. */
function inAnswer(node: TSESTree.Node, block: TSESTree.BlockStatement): boolean {
  for (let current = node.parent; current !== undefined && current !== block; current = current.parent) {
    if (current.type === 'ReturnStatement' || current.type === 'ThrowStatement') return true;
  }
  return false;
}

/** `auth.protect()` and v5 `auth().protect()` on the `auth` parameter of a `clerkMiddleware(handler)` call. */
function middlewareProtectCalls(middleware: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] {
  const argument = middleware.arguments[0];
  const handler = argument === undefined || argument.type === 'SpreadElement' ? undefined : functionOfExpression(sourceCode, argument);
  const authParam = handler?.params[0];
  if (handler === undefined || authParam?.type !== 'Identifier') return [];
  const variable = sourceCode.getDeclaredVariables(handler).find((candidate) => candidate.name === authParam.name);
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable?.references ?? []) {
    let object: TSESTree.Node = reference.identifier;
    // v5: `auth().protect()`.
    if (object.parent?.type === 'CallExpression' && object.parent.callee === object) object = object.parent;
    const member = object.parent;
    if (
      member?.type === 'MemberExpression' &&
      member.object === object &&
      !member.computed &&
      member.property.type === 'Identifier' &&
      member.property.name === 'protect' &&
      member.parent?.type === 'CallExpression' &&
      member.parent.callee === member
    ) {
      calls.push(member.parent);
    }
  }
  return calls;
}

/** `call.catch(callback)` or `call.then(onFulfilled, callback)`. */
function promiseCatchOf(call: TSESTree.CallExpression): { call: TSESTree.CallExpression; callback: TSESTree.Node | undefined } | undefined {
  const member = call.parent;
  if (member?.type !== 'MemberExpression' || member.object !== call || member.computed || member.property.type !== 'Identifier') return undefined;
  const outer = member.parent;
  if (outer?.type !== 'CallExpression' || outer.callee !== member) return undefined;
  if (member.property.name === 'catch') return { call: outer, callback: outer.arguments[0] };
  if (member.property.name === 'then' && outer.arguments.length > 1) return { call: outer, callback: outer.arguments[1] };
  return undefined;
}

/** The expression statement that evaluates `node` and drops its value (`await x.catch(…)`, `void x`). */
function statementOf(node: TSESTree.Node): TSESTree.ExpressionStatement | undefined {
  let current: TSESTree.Node = node;
  while (
    current.parent?.type === 'AwaitExpression' ||
    current.parent?.type === 'ChainExpression' ||
    current.parent?.type === 'TSAsExpression' ||
    current.parent?.type === 'TSNonNullExpression' ||
    (current.parent?.type === 'UnaryExpression' && current.parent.operator === 'void')
  ) {
    current = current.parent;
  }
  return current.parent?.type === 'ExpressionStatement' ? current.parent : undefined;
}

/** A `.catch()` callback that lets the error go on: it throws, rethrows, or itself redirects. */
function callbackRethrows(callback: TSESTree.Node | undefined, refs: ClerkReferences): boolean {
  if (callback === undefined || !isFunctionNode(callback)) return false;
  const param = callback.params[0]?.type === 'Identifier' ? callback.params[0].name : undefined;
  if (callback.body.type !== 'BlockStatement') {
    const body = skipAwaitAndWrappers(callback.body);
    return body.type === 'CallExpression' && isThrowingCall(body, refs);
  }
  return rethrows(callback.body.body, param, refs) || alwaysExitsByThrowing(callback.body, refs);
}

function alwaysExitsByThrowing(block: TSESTree.BlockStatement, refs: ClerkReferences): boolean {
  return block.body.some((statement) => statement.type === 'ThrowStatement' || isThrowingStatement(statement, refs));
}

/** `redirect('/sign-in')`, `notFound()`, `unstable_rethrow(e)` or `auth.protect()` as a statement. */
function isThrowingStatement(statement: TSESTree.Statement, refs: ClerkReferences): boolean {
  if (statement.type !== 'ExpressionStatement') return false;
  const expression = skipAwaitAndWrappers(statement.expression);
  return expression.type === 'CallExpression' && isThrowingCall(expression, refs);
}

function isThrowingCall(call: TSESTree.CallExpression, refs: ClerkReferences): boolean {
  const ref = refs.calls.get(call);
  return ref !== undefined && (ref.kind === 'nextRethrow' || throwsControlFlow(ref));
}

/** Every path through the statement returns or throws. */
function alwaysExits(statement: TSESTree.Statement, refs: ClerkReferences): boolean {
  switch (statement.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
      return true;
    case 'BlockStatement':
      return statement.body.some((inner) => alwaysExits(inner, refs));
    case 'IfStatement':
      return statement.alternate !== null && alwaysExits(statement.consequent, refs) && alwaysExits(statement.alternate, refs);
    case 'ExpressionStatement':
      return isThrowingStatement(statement, refs);
    default:
      return false;
  }
}

const LOGGING_METHODS: ReadonlySet<string> = new Set([
  'log',
  'info',
  'warn',
  'error',
  'debug',
  'trace',
  'fatal',
  'captureException',
  'captureMessage',
  'captureError',
]);

/** `console.error(e)`, `logger.warn(…)`, `Sentry.captureException(e)`, `logError(e)`, `reportError(e)`. */
function isLoggingCall(call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(call.callee as TSESTree.Expression);
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    return LOGGING_METHODS.has(callee.property.name);
  }
  return callee.type === 'Identifier' && /^(?:log|report|capture)[A-Z]/u.test(callee.name);
}

/** The `catch` of the innermost `try` whose block holds the call, when that `catch` swallows errors. */
function swallowingCatch(call: TSESTree.CallExpression, refs: ClerkReferences): TSESTree.CatchClause | undefined {
  let child: TSESTree.Node = call;
  let node: TSESTree.Node | null | undefined = call.parent;
  while (node !== undefined && node !== null && !isFunctionNode(node)) {
    if (node.type === 'TryStatement' && node.block === child) {
      const handler = node.handler;
      if (handler === null) {
        child = node;
        node = node.parent;
        continue;
      }
      const param = handler.param?.type === 'Identifier' ? handler.param.name : undefined;
      return rethrows(handler.body.body, param, refs) ? undefined : handler;
    }
    child = node;
    node = node.parent;
  }
  return undefined;
}

/** A `catch` that rethrows: `unstable_rethrow(e)` first, an unconditional `throw`, or `if (…) throw e` at the top. */
function rethrows(body: readonly TSESTree.Statement[], param: string | undefined, refs: ClerkReferences): boolean {
  const first = body[0];
  if (
    first?.type === 'ExpressionStatement' &&
    first.expression.type === 'CallExpression' &&
    refs.calls.get(first.expression)?.kind === 'nextRethrow'
  ) {
    return true;
  }
  return body.some((statement) => {
    if (statement.type === 'ThrowStatement') return true;
    if (statement.type !== 'IfStatement' || param === undefined) return false;
    const consequent = statement.consequent.type === 'BlockStatement' ? statement.consequent.body[0] : statement.consequent;
    return consequent?.type === 'ThrowStatement' && consequent.argument.type === 'Identifier' && consequent.argument.name === param;
  });
}
