import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import {
  type ApiRef,
  crossFileParsing,
  enclosingFunction,
  exportedFunction,
  findFirst,
  type FunctionNode,
  getClerkReferences,
  importOf,
  loadImportedBinding,
  importsMayLeadToClerk,
  mayHoldAsyncProjectHelper,
  mayImportFromProject,
  mayLeadToClerk,
  promiseUse,
  resolveImportPath,
  resolveLocalFunction,
} from '../analysis/index.js';
import { isAsyncIn } from '../clerk/index.js';
import { makeAsync } from '../fixes/guard.js';
import { createRule } from './kit/create-rule.js';
import { setupRule } from './kit/rule-setup.js';

export type Options = [];
export type MessageIds =
  | 'missingAwait'
  | 'protectNotAwaited'
  | 'v5Protect'
  | 'clerkClientNotCalled'
  | 'helperNotAwaited'
  | 'addAwait';

export default createRule<Options, MessageIds>({
  name: 'require-await-auth',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `await` on Clerk APIs that return a Promise, and on async auth helpers used in conditions',
      recommended: 'recommended',
      fixesByDefault: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      missingAwait:
        '`{{name}}()` returns a Promise in Clerk {{version}} and is used without `await`: values read from it are `undefined`, so `=== null` and `=== false` guards never trip.',
      protectNotAwaited:
        '`{{name}}()` is not awaited: the redirect or 404 it throws becomes an unhandled rejection and the request goes on.',
      v5Protect:
        '`auth().protect()` is the Clerk v5 form; since v6 `auth()` returns a Promise without `protect`, so this throws. Use `await auth.protect()`.',
      clerkClientNotCalled:
        '`clerkClient` is a function since Clerk v6, so `clerkClient.{{property}}` is `undefined`; call it: `(await clerkClient()).{{property}}`.',
      helperNotAwaited:
        '`{{name}}()` is async, so `{{text}}` tests a Promise, which is always truthy: the check never does what it says.',
      addAwait: 'Add `await` (and make the enclosing function async).',
    },
  },
  create(context) {
    const { sourceCode } = context;
    // Without a Clerk import, the only finding possible is an auth helper imported from the project (relative path
    // or alias) used un-awaited in a condition; files without such an import cost one text test.
    if (!sourceCode.text.includes('@clerk/')) {
      return mayImportFromProject(sourceCode.text) ? { CallExpression: (call) => checkHelperCall(call, false) } : {};
    }
    const setup = setupRule(context);
    if (setup === undefined) return {};
    const { major } = setup;

    /** `await` before `node`, in parentheses where precedence needs them. */
    function awaitFixes(fixer: TSESLint.RuleFixer, node: TSESTree.Node): TSESLint.RuleFix[] {
      const parent = node.parent;
      const needsParens =
        (parent?.type === 'MemberExpression' && parent.object === node) ||
        (parent?.type === 'CallExpression' && parent.callee === node) ||
        parent?.type === 'TSNonNullExpression';
      return needsParens
        ? [fixer.insertTextBefore(node, '(await '), fixer.insertTextAfter(node, ')')]
        : [fixer.insertTextBefore(node, 'await ')];
    }

    /** Reports with `await` as an autofix inside async functions, else as a suggestion that also adds `async`. */
    function reportMissingAwait(
      node: TSESTree.Node,
      messageId: MessageIds,
      data: Record<string, string>,
      rewrite: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] = (fixer) => awaitFixes(fixer, node),
    ): void {
      const fn = enclosingFunction(node);
      if (fn === undefined) {
        context.report({ node, messageId, data });
        return;
      }
      if (fn.async) {
        context.report({ node, messageId, data, fix: rewrite });
        return;
      }
      context.report({
        node,
        messageId,
        data,
        suggest: [
          {
            messageId: 'addAwait',
            fix: (fixer) => {
              const asyncFix = makeAsync(fixer, sourceCode, fn);
              return asyncFix === undefined ? null : [asyncFix, ...rewrite(fixer)];
            },
          },
        ],
      });
    }

    function checkAsyncCall(call: TSESTree.CallExpression, name: string, isProtect: boolean): void {
      const use = promiseUse(sourceCode, call);
      if (use !== 'misused') return;
      // v5 idiom `auth().protect()` on v6+.
      const parent = call.parent;
      if (
        !isProtect &&
        parent?.type === 'MemberExpression' &&
        !parent.computed &&
        parent.property.type === 'Identifier' &&
        parent.property.name === 'protect' &&
        parent.parent?.type === 'CallExpression' &&
        parent.parent.callee === parent
      ) {
        const protectCall = parent.parent;
        const calleeText = sourceCode.getText(call.callee);
        const args = protectCall.arguments.map((argument) => sourceCode.getText(argument)).join(', ');
        const awaited = protectCall.parent?.type === 'AwaitExpression';
        reportMissingAwait(protectCall, 'v5Protect', {}, (fixer) =>
          awaited
            ? [fixer.replaceText(protectCall, `${calleeText}.protect(${args})`)]
            : [fixer.replaceText(protectCall, `await ${calleeText}.protect(${args})`)],
        );
        return;
      }
      const floating = call.parent?.type === 'ExpressionStatement';
      reportMissingAwait(call, isProtect && floating ? 'protectNotAwaited' : 'missingAwait', {
        name,
        version: `v${major}`,
      });
    }

    return {
      'Program:exit'() {
        const refs = getClerkReferences(sourceCode);
        for (const [call, ref] of refs.calls) {
          if (!isAsyncRef(ref, major)) continue;
          checkAsyncCall(call, sourceCode.getText(call.callee), ref.kind === 'protect');
        }
        for (const [node, ref] of refs.reads) {
          if (ref.name === 'clerkClient' && ref.framework === 'next' && major >= 6) checkClerkClientObject(node);
          if (ref.kind === 'middleware' && ref.framework === 'next' && major >= 6) checkMiddlewareAuth(node);
        }
      },
      CallExpression: (call) => checkHelperCall(call, true),
    };

    /**
     * An async helper that calls Clerk, used un-awaited in a condition: `if (!checkRole('admin'))` (the bug in
     * Clerk's own RBAC guide when the `await` is dropped). Same file, or imported from the project's modules.
     */
    function checkHelperCall(call: TSESTree.CallExpression, localHelpers: boolean): void {
      if (call.callee.type !== 'Identifier' || !inCondition(call)) return;
      if (promiseUse(sourceCode, call) !== 'misused') return;
      const local = localHelpers ? resolveLocalFunction(sourceCode, call.callee) : undefined;
      const file = crossFile()?.filename;
      const helper = local === undefined ? importedHelper(sourceCode, file, call.callee, CLERK_HOPS) : { fn: local, module: sourceCode, file };
      if (helper === undefined || !helper.fn.async || !reachesClerk(helper)) return;
      reportMissingAwait(call, 'helperNotAwaited', {
        name: call.callee.name,
        text: sourceCode.getText(conditionRoot(call)),
      });
    }

    function crossFile(): ReturnType<typeof crossFileParsing> {
      const setup = setupRule(context);
      return setup === undefined ? undefined : crossFileParsing(context, setup.settings);
    }

    /**
     * The function `callee` imports from a project module (`fromFile` imports it), parsed only if that module can
     * lead to Clerk within `hopsLeft` further calls: it mentions `@clerk/` or re-exports, or, with hops left, it
     * declares the helper async and imports a project module that may lead to Clerk within the hops after that.
     * Other modules are never parsed.
     */
    function importedHelper(module: Readonly<TSESLint.SourceCode>, fromFile: string | undefined, callee: TSESTree.Identifier, hopsLeft: number): Helper | undefined {
      const parsing = crossFile();
      if (parsing === undefined || fromFile === undefined) return undefined;
      const imported = importOf(module, callee);
      if (imported === undefined) return undefined;
      const file = resolveImportPath(fromFile, imported.source);
      if (file === undefined) return undefined;
      // A module without Clerk is parsed only when it declares the helper async and, within the hops left, some
      // project module it imports may lead to Clerk: text tests, far cheaper than a parse that finds nothing.
      const worthParsing =
        mayLeadToClerk(file) ||
        (hopsLeft > 0 && mayHoldAsyncProjectHelper(file, imported.imported) && importsMayLeadToClerk(file, hopsLeft - 1));
      if (!worthParsing) return undefined;
      const binding = loadImportedBinding(fromFile, imported.source, imported.imported, parsing.parser, parsing.parserOptions);
      const fn = binding === undefined ? undefined : exportedFunction(binding.module, binding.name);
      return fn === undefined || binding === undefined ? undefined : { fn, module: binding.module, file: binding.file };
    }

    /**
     * Whether the helper calls a Clerk API, directly or through at most CLERK_HOPS further calls of functions in
     * its own module or imported by it from the project. `seen` keeps the fewest hops each function was reached
     * with, so cycles end and a longer path never hides a shorter one.
     */
    function reachesClerk(helper: Helper, hops = 0, seen = new Map<FunctionNode, number>()): boolean {
      const { fn, module, file } = helper;
      const before = seen.get(fn);
      if (before !== undefined && before <= hops) return false;
      seen.set(fn, hops);
      if (callsClerk(module, fn)) return true;
      if (hops >= CLERK_HOPS) return false;
      return (
        findFirst(module, fn.body, (node) => {
          if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier') return false;
          const local = resolveLocalFunction(module, node.callee);
          const next = local === undefined ? importedHelper(module, file, node.callee, CLERK_HOPS - hops - 1) : { fn: local, module, file };
          return next !== undefined && reachesClerk(next, hops + 1, seen);
        }) !== undefined
      );
    }

    /** `clerkClient.users…` (v5 object form) on v6+. */
    function checkClerkClientObject(node: TSESTree.Node): void {
      const parent = node.parent;
      if (parent?.type !== 'MemberExpression' || parent.object !== node || parent.computed) return;
      if (parent.property.type !== 'Identifier' || ['then', 'catch', 'finally'].includes(parent.property.name)) return;
      const property = parent.property.name;
      reportMissingAwait(parent, 'clerkClientNotCalled', { property }, (fixer) => [
        fixer.replaceText(node, `(await ${sourceCode.getText(node)}())`),
      ]);
    }

    /** `clerkMiddleware(async (auth, req) => { auth.protect() })`: the handler's `auth` parameter is async too. */
    function checkMiddlewareAuth(node: TSESTree.Node): void {
      const call = node.parent;
      if (call?.type !== 'CallExpression' || call.callee !== node) return;
      const handler = call.arguments[0];
      if (handler?.type !== 'ArrowFunctionExpression' && handler?.type !== 'FunctionExpression') return;
      const authParam = handler.params[0];
      if (authParam?.type !== 'Identifier') return;
      const variable = ASTUtils.findVariable(sourceCode.getScope(authParam), authParam);
      for (const reference of variable?.references ?? []) {
        const identifier = reference.identifier;
        const parent = identifier.parent;
        if (parent?.type === 'CallExpression' && parent.callee === identifier) {
          checkAsyncCall(parent, identifier.name, false);
        } else if (
          parent?.type === 'MemberExpression' &&
          parent.object === identifier &&
          !parent.computed &&
          parent.property.type === 'Identifier' &&
          parent.property.name === 'protect' &&
          parent.parent?.type === 'CallExpression' &&
          parent.parent.callee === parent
        ) {
          checkAsyncCall(parent.parent, `${identifier.name}.protect`, true);
        }
      }
    }
  },
});

/** How many calls beyond an async helper are followed to find its Clerk call (helper → f → g → `auth()`). */
const CLERK_HOPS = 2;

interface Helper {
  readonly fn: FunctionNode;
  readonly module: Readonly<TSESLint.SourceCode>;
  /** The module's path, to resolve its imports; undefined when cross-file reading is off. */
  readonly file: string | undefined;
}

/** Whether a function calls a Clerk API (resolved by import in its own module). */
function callsClerk(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): boolean {
  const refs = getClerkReferences(sourceCode);
  return findFirst(sourceCode, fn.body, (node) => node.type === 'CallExpression' && refs.calls.has(node)) !== undefined;
}

function isAsyncRef(ref: ApiRef, major: number): boolean {
  return ref.info !== undefined && isAsyncIn(ref.info, major);
}

/** Whether the call is (part of) the test of an `if`, loop, ternary, or a negation / logical operand. */
function inCondition(call: TSESTree.Node): boolean {
  let node: TSESTree.Node = call;
  for (let depth = 0; depth < 6 && node.parent; depth += 1) {
    const parent: TSESTree.Node = node.parent;
    if (
      (parent.type === 'IfStatement' || parent.type === 'WhileStatement' || parent.type === 'ConditionalExpression') &&
      parent.test === node
    ) {
      return true;
    }
    if (parent.type === 'UnaryExpression' && parent.operator === '!') return true;
    if (parent.type !== 'LogicalExpression' && parent.type !== 'TSNonNullExpression' && parent.type !== 'TSAsExpression') return false;
    node = parent;
  }
  return false;
}

/** The whole condition expression around the call, for the message. */
function conditionRoot(call: TSESTree.Node): TSESTree.Node {
  let node: TSESTree.Node = call;
  while (
    node.parent &&
    (node.parent.type === 'UnaryExpression' || node.parent.type === 'LogicalExpression' || node.parent.type === 'TSNonNullExpression')
  ) {
    node = node.parent;
  }
  return node;
}
