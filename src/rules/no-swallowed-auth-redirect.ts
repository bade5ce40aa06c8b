import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { type ApiRef, getClerkReferences, isFunctionNode } from '../analysis/index.js';
import { NEXT_NAVIGATION_SOURCE, NEXT_RETHROW } from '../clerk/index.js';
import { planImport } from '../fixes/imports.js';
import { freeName, namesInUse } from '../fixes/names.js';
import { codeStyle, lineIndent, statementEnd } from '../fixes/style.js';
import { createRule } from '../util/create-rule.js';
import { promotedFix } from '../util/report.js';
import { INVALID_SETTINGS_MESSAGE, setupRule } from '../util/rule-setup.js';

export type Options = [];
export type MessageIds = 'swallowedRedirect' | 'addRethrow' | 'invalidSettings';

export default createRule<Options, MessageIds>({
  name: 'no-swallowed-auth-redirect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow catching the control-flow errors thrown by `auth.protect()`, `redirect()` and `notFound()`',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      swallowedRedirect:
        '`{{name}}()` throws a Next.js control-flow error to deny the request, but this `catch` swallows it and the code after it runs as if the caller were allowed.',
      addRethrow: 'Call `unstable_rethrow({{param}})` first in the `catch`.',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- reported by setupRule() for bad settings
      invalidSettings: INVALID_SETTINGS_MESSAGE,
    },
  },
  create(context) {
    const { sourceCode } = context;
    const text = sourceCode.text;
    if (!text.includes('try') || !(text.includes('@clerk/nextjs') || text.includes(NEXT_NAVIGATION_SOURCE))) return {};
    const setup = setupRule(context);
    if (setup === undefined) return {};

    return {
      'Program:exit'() {
        const refs = getClerkReferences(sourceCode);
        for (const [call, ref] of refs.calls) {
          if (!throwsControlFlow(ref)) continue;
          const handler = swallowingCatch(call, refs);
          if (handler === undefined) continue;
          const suggest = rethrowSuggestion(handler);
          context.report({
            node: call,
            messageId: 'swallowedRedirect',
            data: { name: sourceCode.getText(call.callee) },
            fix: promotedFix(setup.settings, suggest),
            suggest,
          });
        }
      },
    };

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

/** The `catch` of the innermost `try` whose block holds the call, when that `catch` swallows errors. */
function swallowingCatch(
  call: TSESTree.CallExpression,
  refs: ReturnType<typeof getClerkReferences>,
): TSESTree.CatchClause | undefined {
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
      return rethrows(handler, refs) ? undefined : handler;
    }
    child = node;
    node = node.parent;
  }
  return undefined;
}

/** A `catch` that rethrows: `unstable_rethrow(e)` first, an unconditional `throw`, or `if (…) throw e` at the top. */
function rethrows(handler: TSESTree.CatchClause, refs: ReturnType<typeof getClerkReferences>): boolean {
  const body = handler.body.body;
  const first = body[0];
  if (
    first?.type === 'ExpressionStatement' &&
    first.expression.type === 'CallExpression' &&
    refs.calls.get(first.expression)?.kind === 'nextRethrow'
  ) {
    return true;
  }
  const param = handler.param?.type === 'Identifier' ? handler.param.name : undefined;
  return body.some((statement) => {
    if (statement.type === 'ThrowStatement') return true;
    if (statement.type !== 'IfStatement' || param === undefined) return false;
    const consequent = statement.consequent.type === 'BlockStatement' ? statement.consequent.body[0] : statement.consequent;
    return consequent?.type === 'ThrowStatement' && consequent.argument.type === 'Identifier' && consequent.argument.name === param;
  });
}
