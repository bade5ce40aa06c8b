import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import {
  appRouteHandlers,
  branchExits,
  type EntryPoint,
  findFirst,
  getClerkReferences,
  getFileKind,
  nodeRouteHandler,
  pagesApiHandler,
  skipAwaitAndWrappers,
  resolveLocalFunction,
  skipTypeWrappers,
  type Verification,
  type VerificationKind,
  getWebhookAnalyzer,
  type WebhookAnalyzer,
} from '../analysis/index.js';
import { KEY_ENV_NAMES, maskKey, USER_EVENT_GATE, VERIFY_WEBHOOK_SOURCE, WEBHOOK_TEXT } from '../clerk/index.js';
import { exitStatement, nodeFramework } from '../fixes/auth-guard.js';
import { insertAfterStatement, insertAtFunctionStart } from '../fixes/guard.js';
import { existingImport, planImport } from '../fixes/imports.js';
import { freeName, namesInUse } from '../fixes/names.js';
import { codeStyle, lineIndent, quoted, statementEnd } from '../fixes/style.js';
import { createRule } from './kit/create-rule.js';
import { promotedFix } from './kit/report.js';
import { setupRule } from './kit/rule-setup.js';
import { svixVerifyReturnsNothing } from '../project/settings.js';
import { passesTextGate } from '../util/text-gate.js';

export type Options = [{ checkErrorHandling?: boolean }];
export type MessageIds =
  | 'missingVerification'
  | 'usedBeforeVerification'
  | 'reserializedBody'
  | 'bodyReadBeforeVerifyWebhook'
  | 'verifiedResultIgnored'
  | 'verifyReturnsNothing'
  | 'hardcodedSigningSecret'
  | 'leakedVerificationError'
  | 'verificationFailureIgnored'
  | 'conditionalVerification'
  | 'answer400'
  | 'addVerifyWebhook'
  | 'parseVerifiedBody'
  | 'readSecretFromEnv';

const HELPER_KINDS: ReadonlySet<VerificationKind> = new Set(['helper', 'namedHelper']);

export default createRule<Options, MessageIds>({
  name: 'require-webhook-verification',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Clerk webhook handlers to verify the signature, correctly, before they trust the payload',
      recommended: 'recommended',
      strictOptions: [{ checkErrorHandling: true }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkErrorHandling: {
            type: 'boolean',
            description:
              'Also require verification inside a `try` whose `catch` answers 4xx without echoing the error (off in `recommended`, on in `strict`).',
          },
        },
      },
    ],
    defaultOptions: [{ checkErrorHandling: false }],
    messages: {
      missingVerification:
        'Webhook handler `{{name}}` uses the payload without verifying its signature; anyone can forge `user.created` or `user.deleted` events.',
      usedBeforeVerification: 'The webhook payload is used before its signature is verified.',
      reserializedBody:
        'The signature is checked against a re-serialised body, not the raw text Clerk signed; whitespace or key order differences make valid events fail.',
      bodyReadBeforeVerifyWebhook:
        'The body is read before `verifyWebhook()`, which reads it again itself; the second read throws, so every event fails verification.',
      verifiedResultIgnored:
        'The verified event is discarded and the payload is taken from the request instead; use the event that `verifyWebhook()` returns.',
      verifyReturnsNothing:
        'Since svix 2.2, `verify()` returns nothing, so this event is `undefined`; verify the raw body, then `JSON.parse` it.',
      hardcodedSigningSecret:
        'Webhook signing secret `{{masked}}` is written into the source; with it anyone can forge signed events.',
      leakedVerificationError:
        'Signature verification should sit in a `try` whose `catch` answers 400 without the error: otherwise a failure becomes a 500 (retried by Clerk) or tells the caller why it failed.',
      verificationFailureIgnored:
        'A failed signature verification lands in this `catch`, which does not exit: the handler then goes on with a payload nobody verified. Answer 400 from the `catch`.',
      conditionalVerification:
        'The signature is verified only when `{{test}}` holds: a request without it skips verification, and the payload below is trusted unverified.',
      answer400: 'Answer 400 when verification fails.',
      addVerifyWebhook: 'Verify with `verifyWebhook()` first and answer 400 when it fails.',
      parseVerifiedBody: 'Verify, then parse the raw body: `(wh.verify(…), JSON.parse({{payload}}))`.',
      readSecretFromEnv: 'Read it from `process.env.{{envName}}`.',
    },
  },
  create(context, [options]) {
    const { sourceCode } = context;
    if (!WEBHOOK_TEXT.test(sourceCode.text) && !passesTextGate(sourceCode.text, USER_EVENT_GATE)) return {};
    const setup = setupRule(context);
    if (setup === undefined) return {};
    const kind = getFileKind(context);
    const refs = getClerkReferences(sourceCode);
    const analyzer = getWebhookAnalyzer(context, setup.settings);
    const fileSignal = analyzer.fileHasClerkSignal();
    // The file's style, read only when a repair is built.
    const style = (): ReturnType<typeof codeStyle> => codeStyle(sourceCode);
    const isTypeScript = /\.[cm]?tsx?$/u.test(context.filename);
    const checkErrorHandling = options.checkErrorHandling ?? false;

    function report(
      node: TSESTree.Node | TSESTree.SourceLocation,
      messageId: MessageIds,
      data: Record<string, string> = {},
      suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [],
      fix?: TSESLint.ReportFixFunction,
    ): void {
      const location = 'type' in node ? { node } : { loc: node };
      context.report({ ...location, messageId, data, fix: fix ?? promotedFix(setup!.settings, suggest), suggest });
    }

    function checkHandler(entry: EntryPoint): void {
      const { fn } = entry;
      // A helper's verification says nothing about the provider: only Clerk's own verifiers mark a Clerk webhook. So
      // whether this is a Clerk webhook is known before the helpers the handler calls are read (`verifications`
      // reads each one's module to see whether it verifies): another provider's webhook never reads them.
      const clerkHandler = fileSignal || analyzer.handlerHasClerkSignal(fn) || analyzer.hasDirectVerification(fn);
      if (!clerkHandler) return;
      const verifications = analyzer.verifications(fn);
      const reads = analyzer.bodyReads(fn);
      if (verifications.length === 0) {
        if (reads.length > 0 && !analyzer.verifiesAnywhere(fn)) {
          report(entry.reportNode.loc, 'missingVerification', { name: entry.name }, verifySuggestion(entry, reads));
        }
        return;
      }
      const first = verifications[0] as Verification;
      checkUseBeforeVerification(first, reads);
      checkFailureFallsThrough(entry, first, reads);
      for (const verification of verifications) {
        checkVerification(verification, reads);
        if (checkErrorHandling) checkErrorHandlingOf(verification, fn);
      }
    }

    /**
     * A verification whose failure the handler survives: a `catch` around it that does not exit (it only logs), or an
     * `if` that runs it only when a header is present. Either way the payload used after it may be unverified.
     */
    function checkFailureFallsThrough(entry: EntryPoint, verification: Verification, reads: ReturnType<WebhookAnalyzer['bodyReads']>): void {
      if (HELPER_KINDS.has(verification.kind)) return;
      const { call } = verification;
      const usedAfter = (statement: TSESTree.Node): boolean =>
        reads.some((read) => usesOfRead(read.node).some((use) => use.range[0] > statement.range[1]));
      const framework = nodeFramework(refs) ?? 'next';
      let child: TSESTree.Node = call;
      for (let node: TSESTree.Node | undefined = call.parent; node !== undefined && node !== entry.fn; child = node, node = node.parent) {
        if (node.type === 'TryStatement' && node.block === child && node.handler !== null) {
          // A `catch` that answers is fine here; an `if` further out may still skip the whole `try`.
          if (branchExits(refs, node.handler.body)) continue;
          if (!usedAfter(node)) return;
          const handlerBody = node.handler.body;
          const exit = exitStatement(sourceCode, entry, framework, 'badSignature');
          const last = handlerBody.body[handlerBody.body.length - 1];
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
            exit === undefined
              ? []
              : [
                  {
                    messageId: 'answer400',
                    fix: (fixer) =>
                      last === undefined
                        ? fixer.replaceText(handlerBody, `{\n${lineIndent(sourceCode, node as TSESTree.Node)}${style().indentUnit}${exit}\n${lineIndent(sourceCode, node as TSESTree.Node)}}`)
                        : insertAfterStatement(fixer, sourceCode, last, exit),
                  },
                ];
          report(node.handler, 'verificationFailureIgnored', {}, suggest);
          return;
        }
        if (node.type === 'IfStatement' && node.consequent === child && (node.alternate === null || !branchExits(refs, node.alternate))) {
          if (!usedAfter(node)) return;
          const test = sourceCode.getText(node.test);
          const exit = exitStatement(sourceCode, entry, framework, 'badSignature');
          const negated = node.test.type === 'Identifier' || node.test.type === 'MemberExpression' || node.test.type === 'CallExpression' ? `!${test}` : `!(${test})`;
          const ifNode = node;
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
            exit === undefined || ifNode.alternate !== null
              ? []
              : [{ messageId: 'answer400', fix: (fixer) => fixer.insertTextBefore(ifNode, `if (${negated}) ${exit}\n${lineIndent(sourceCode, ifNode)}`) }];
          report(node.test, 'conditionalVerification', { test }, suggest);
          return;
        }
      }
    }

    function checkUseBeforeVerification(first: Verification, reads: ReturnType<WebhookAnalyzer['bodyReads']>): void {
      for (const read of reads) {
        if (read.node.range[0] > first.call.range[0]) continue;
        if (first.kind === 'verifyWebhook') {
          // verifyWebhook(req) reads the body itself: an earlier read of the same request makes it throw.
          const argument = first.call.arguments[0];
          if (read.node.type === 'CallExpression' && argument?.type === 'Identifier' && argument.name === read.root.name) {
            report(read.node, 'bodyReadBeforeVerifyWebhook');
            continue;
          }
        }
        for (const use of usesOfRead(read.node)) {
          if (use.range[0] < first.call.range[0] && !isInside(use, first.call) && !isStringifyArgument(use)) {
            report(use, 'usedBeforeVerification');
            break;
          }
        }
      }
    }

    function checkVerification(verification: Verification, reads: ReturnType<WebhookAnalyzer['bodyReads']>): void {
      const { call } = verification;
      const resultUsed = !isDiscarded(call);
      if (verification.kind === 'verifyWebhook' && !resultUsed && reads.length > 0) {
        report(call, 'verifiedResultIgnored');
      }
      if (verification.kind !== 'svixVerify') return;
      const payload = call.arguments[0];
      if (payload !== undefined && payload.type !== 'SpreadElement' && isReserialized(payload)) {
        report(payload, 'reserializedBody', {}, [], reserializeFix(payload));
      }
      if (resultUsed && svixVerifyReturnsNothing(context) && payload?.type === 'Identifier') {
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [
          {
            messageId: 'parseVerifiedBody',
            data: { payload: payload.name },
            fix: (fixer) => fixer.replaceText(call, `(${sourceCode.getText(call)}, JSON.parse(${payload.name}))`),
          },
        ];
        report(call, 'verifyReturnsNothing', {}, suggest);
      }
    }

    /** `JSON.stringify(…)`, or a variable holding one, or a parsed body, as the payload to verify. */
    function isReserialized(payload: TSESTree.Node, depth = 0): boolean {
      const node = skipAwaitAndWrappers(payload as TSESTree.Expression);
      if (node.type === 'CallExpression' && sourceCode.getText(node.callee) === 'JSON.stringify') return true;
      if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed) {
        return node.callee.property.type === 'Identifier' && node.callee.property.name === 'json';
      }
      if (node.type === 'Identifier' && depth < 2) {
        const init = constInit(node);
        return init !== undefined && isReserialized(init, depth + 1);
      }
      return false;
    }

    /**
     * `const payload = await req.json(); const body = JSON.stringify(payload)` → `const body = await req.text();
     * const payload = JSON.parse(body)`, when both are adjacent-enough declarations in one block.
     */
    function reserializeFix(payload: TSESTree.Node): TSESLint.ReportFixFunction | undefined {
      if (payload.type !== 'Identifier') return undefined;
      const bodyDeclarator = declaratorOf(payload);
      const stringify = bodyDeclarator?.init ? skipTypeWrappers(bodyDeclarator.init) : undefined;
      if (stringify?.type !== 'CallExpression' || stringify.arguments.length !== 1) return undefined;
      const parsedArg = stringify.arguments[0];
      if (parsedArg?.type !== 'Identifier') return undefined;
      const parsedDeclarator = declaratorOf(parsedArg);
      const read = parsedDeclarator?.init ? skipAwaitAndWrappers(parsedDeclarator.init) : undefined;
      if (
        read?.type !== 'CallExpression' ||
        read.callee.type !== 'MemberExpression' ||
        read.callee.property.type !== 'Identifier' ||
        read.callee.property.name !== 'json' ||
        parsedDeclarator?.id.type !== 'Identifier' ||
        bodyDeclarator?.id.type !== 'Identifier'
      ) {
        return undefined;
      }
      const parsedDeclaration = parsedDeclarator.parent as TSESTree.VariableDeclaration;
      const bodyDeclaration = bodyDeclarator.parent as TSESTree.VariableDeclaration;
      if (parsedDeclaration.declarations.length !== 1 || bodyDeclaration.declarations.length !== 1) return undefined;
      // The parsed payload must not be used between the two declarations.
      const parsedName = parsedDeclarator.id.name;
      const bodyName = bodyDeclarator.id.name;
      const between = usesOfName(parsedDeclarator.id).filter(
        (use) => use.range[0] > parsedDeclaration.range[1] && use.range[0] < bodyDeclaration.range[0],
      );
      if (between.length > 0) return undefined;
      const end = statementEnd(style());
      const requestText = sourceCode.getText(read.callee.object);
      return (fixer) => [
        fixer.replaceText(parsedDeclaration, `${bodyDeclaration.kind} ${bodyName} = await ${requestText}.text()${end}`),
        fixer.replaceText(bodyDeclaration, `${parsedDeclaration.kind} ${parsedName} = JSON.parse(${bodyName})${end}`),
      ];
    }

    function checkErrorHandlingOf(verification: Verification, fn: TSESTree.Node, seen = new Set<TSESTree.Node>()): void {
      const { call } = verification;
      // A helper that verifies handles (or not) its own failures: judge the verification inside it, where a fix
      // belongs, not the call site (a same-file helper; an imported one is judged where it lives).
      if (HELPER_KINDS.has(verification.kind)) {
        const callee = skipTypeWrappers(call.callee as TSESTree.Expression);
        const helper = callee.type === 'Identifier' ? resolveLocalFunction(sourceCode, callee) : undefined;
        if (helper === undefined || seen.has(helper)) return;
        seen.add(helper);
        for (const inner of analyzer.verifications(helper)) checkErrorHandlingOf(inner, helper, seen);
        return;
      }
      const chained = call.parent?.type === 'MemberExpression' && call.parent.object === call;
      if (chained) return;
      let node: TSESTree.Node | undefined = call;
      let child: TSESTree.Node = call;
      while (node !== undefined && node !== fn) {
        if (node.type === 'TryStatement' && node.block === child && node.handler) {
          const handler = node.handler;
          const param = handler.param?.type === 'Identifier' ? handler.param.name : undefined;
          const answers4xx = findFirst(sourceCode, handler.body, (candidate) => candidate.type === 'Literal' && typeof candidate.value === 'number' && candidate.value >= 400 && candidate.value < 500) !== undefined;
          const echoes =
            param !== undefined &&
            findFirst(sourceCode, handler.body, (candidate) => {
              if (candidate.type !== 'ReturnStatement' && !(candidate.type === 'CallExpression' && isResponseCall(candidate))) return false;
              return findFirst(sourceCode, candidate, (inner) => inner.type === 'Identifier' && inner.name === param && !isConsoleArgument(inner)) !== undefined;
            }) !== undefined;
          if (!answers4xx || echoes) report(call, 'leakedVerificationError');
          return;
        }
        child = node;
        node = node.parent ?? undefined;
      }
      report(call, 'leakedVerificationError');
    }

    function verifySuggestion(
      entry: EntryPoint,
      reads: ReturnType<WebhookAnalyzer['bodyReads']>,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const request = entry.fn.params[0];
      const response = entry.fn.params[1];
      if (request?.type !== 'Identifier') return [];
      const express = [...refs.clerkSources].some((source) => source.startsWith('@clerk/express'));
      let source: string;
      let exit: string;
      const message = quoted('Error verifying webhook', style());
      const end = statementEnd(style());
      if (entry.kind === 'appRoute') {
        source = VERIFY_WEBHOOK_SOURCE.next;
        exit = `return new Response(${message}, { status: 400 })${end}`;
      } else if (entry.kind === 'nodeRoute' && express && response?.type === 'Identifier') {
        source = VERIFY_WEBHOOK_SOURCE.express;
        exit = `return ${response.name}.status(400).send(${message})${end}`;
      } else {
        return [];
      }
      const evt = freeName(namesInUse(sourceCode, entry.fn), 'evt', 'verifiedEvent');
      // Use the event where the unverified payload was bound: `const payload = await req.json()` → `= evt`.
      const bound = reads.length === 1 ? declaratorOf(reads[0]?.node) : undefined;
      // verifyWebhook(req) consumes the body: a read of it that stays (`await req.text()`, an unbound
      // `(await req.json()).type`) would throw afterwards, and a raw text is no event to replace. Only
      // `req.body` (already parsed by the framework) may stay.
      const replacedJson = bound !== undefined && reads[0]?.method === 'json';
      if (!replacedJson && reads.some((read) => read.method !== 'body' && read.method !== 'rawBody')) return [];
      return [
        {
          messageId: 'addVerifyWebhook',
          fix: (fixer) => {
            const imported = planImport(sourceCode, source, 'verifyWebhook');
            const lines = [`const ${evt} = await ${imported.local}(${request.name}).catch(() => null)${end}`, `if (!${evt}) ${exit}`];
            const body = insertAtFunctionStart(fixer, sourceCode, entry.fn, lines, true);
            if (body === undefined) return null;
            const fixes = [...body];
            // Clerk's Next.js verifier takes a NextRequest (a Request at runtime): retype a `Request` parameter.
            const annotation = request.typeAnnotation?.typeAnnotation;
            if (
              entry.kind === 'appRoute' &&
              annotation?.type === 'TSTypeReference' &&
              annotation.typeName.type === 'Identifier' &&
              annotation.typeName.name === 'Request'
            ) {
              const nextRequest = existingImport(sourceCode, ['next/server'], 'NextRequest', true);
              fixes.push(fixer.replaceText(annotation, nextRequest ?? 'NextRequest'));
              if (nextRequest === undefined) {
                const typeImport = `import type { NextRequest } from ${quoted('next/server', style())}${end}`;
                const lastImport = sourceCode.ast.body.filter((statement) => statement.type === 'ImportDeclaration').pop();
                if (lastImport === undefined || imported.fix !== undefined) {
                  const first = sourceCode.ast.body[0];
                  if (first === undefined) return null;
                  fixes.push(fixer.insertTextBefore(first, `${typeImport}\n`));
                } else {
                  fixes.push(fixer.insertTextAfter(lastImport, `\n${typeImport}`));
                }
              }
            }
            if (bound?.init) {
              // `(await req.json()) as Payload` keeps the type the handler was written against: `evt as Payload`.
              let value: TSESTree.Expression = bound.init;
              while (value.type === 'TSAsExpression' || value.type === 'TSSatisfiesExpression') value = value.expression;
              const parenthesised = value !== bound.init && sourceCode.getTokenBefore(value)?.value === '(' && sourceCode.getTokenAfter(value)?.value === ')';
              const from = parenthesised ? (sourceCode.getTokenBefore(value) as TSESTree.Token).range[0] : value.range[0];
              const to = parenthesised ? (sourceCode.getTokenAfter(value) as TSESTree.Token).range[1] : value.range[1];
              fixes.push(fixer.replaceTextRange([from, to], evt));
            }
            return imported.fix === undefined ? fixes : [imported.fix(fixer), ...fixes];
          },
        },
      ];
    }

    function checkSecrets(): void {
      for (const [construct, ref] of refs.constructs) {
        if (ref.kind === 'webhookClass') checkSecretLiteral(construct.arguments[0]);
      }
      for (const [call, ref] of refs.calls) {
        if (ref.kind !== 'verifyWebhook') continue;
        const options = call.arguments[1];
        if (options?.type !== 'ObjectExpression') continue;
        for (const property of options.properties) {
          if (property.type === 'Property' && property.key.type === 'Identifier' && property.key.name === 'signingSecret') {
            checkSecretLiteral(property.value);
          }
        }
      }
    }

    function checkSecretLiteral(node: TSESTree.Node | undefined): void {
      if (node === undefined) return;
      const value =
        node.type === 'Literal' && typeof node.value === 'string'
          ? node.value
          : node.type === 'TemplateLiteral' && node.expressions.length === 0
            ? (node.quasis[0]?.value.cooked ?? '')
            : undefined;
      if (value === undefined || value === '') return;
      const envName = KEY_ENV_NAMES.webhookSecret;
      const read = `process.env.${envName}${isTypeScript && node.parent?.type === 'NewExpression' ? '!' : ''}`;
      report(node, 'hardcodedSigningSecret', { masked: maskKey(value, value.startsWith('whsec_') ? 'whsec_' : '') }, [
        { messageId: 'readSecretFromEnv', data: { envName }, fix: (fixer) => fixer.replaceText(node, read) },
      ]);
    }

    return {
      'Program:exit'() {
        checkSecrets();
        const { authWrappers } = setup.settings;
        if (kind.appRoute) for (const entry of appRouteHandlers(sourceCode, authWrappers, kind.path)) checkHandler(entry);
        if (kind.pagesApi) {
          const entry = pagesApiHandler(sourceCode, authWrappers, kind.path);
          if (entry !== undefined) checkHandler(entry);
        }
      },
      CallExpression(call) {
        if (kind.appRoute || kind.pagesApi) return;
        const entry = nodeRouteHandler(call, sourceCode, refs, [], []);
        if (entry !== undefined) checkHandler(entry);
      },
    };

    function constInit(identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
      const definition = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.defs[0];
      return definition?.type === 'Variable' && definition.node.id.type === 'Identifier' ? (definition.node.init ?? undefined) : undefined;
    }

    function declaratorOf(node: TSESTree.Node | undefined): TSESTree.VariableDeclarator | undefined {
      if (node === undefined) return undefined;
      if (node.type === 'Identifier') {
        const definition = ASTUtils.findVariable(sourceCode.getScope(node), node)?.defs[0];
        return definition?.type === 'Variable' ? definition.node : undefined;
      }
      let current: TSESTree.Node = node;
      while (current.parent && (current.parent.type === 'AwaitExpression' || current.parent.type.startsWith('TS'))) current = current.parent;
      return current.parent?.type === 'VariableDeclarator' && current.parent.init === current ? current.parent : undefined;
    }

    /**
     * Reads of the variables a body read is bound to (`payload` in `const payload = await req.json()`), also
     * through one `JSON.parse` (`const raw = await req.text(); const event = JSON.parse(raw)`).
     */
    function usesOfRead(read: TSESTree.Node, depth = 0): TSESTree.Node[] {
      const declarator = declaratorOf(read);
      if (declarator === undefined) return [];
      if (declarator.id.type === 'ObjectPattern') return [declarator.id];
      if (declarator.id.type !== 'Identifier') return [];
      const uses = usesOfName(declarator.id);
      if (depth > 0) return uses;
      return uses.flatMap((use) => {
        const parse = use.parent;
        if (parse?.type === 'CallExpression' && sourceCode.getText(parse.callee) === 'JSON.parse' && parse.arguments[0] === use) {
          return [use, ...usesOfRead(parse, depth + 1)];
        }
        return [use];
      });
    }

    function usesOfName(identifier: TSESTree.Identifier): TSESTree.Node[] {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      return (variable?.references ?? []).filter((reference) => reference.isRead()).map((reference) => reference.identifier);
    }
  },
});

function isDiscarded(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent?.type === 'AwaitExpression' || node.parent?.type === 'TSAsExpression') node = node.parent;
  return node.parent?.type === 'ExpressionStatement';
}

function isInside(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return container.range[0] <= node.range[0] && node.range[1] <= container.range[1];
}

/** A use that only transforms or aliases the body (`JSON.parse(body)`, `JSON.stringify(payload)`, `const b = body`). */
function isStringifyArgument(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === node) return true;
  return (
    parent?.type === 'CallExpression' &&
    parent.callee.type === 'MemberExpression' &&
    parent.callee.object.type === 'Identifier' &&
    parent.callee.object.name === 'JSON' &&
    parent.callee.property.type === 'Identifier' &&
    (parent.callee.property.name === 'stringify' || parent.callee.property.name === 'parse')
  );
}

function isResponseCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && ['json', 'send', 'end', 'text'].includes(callee.property.name);
}

function isConsoleArgument(node: TSESTree.Node): boolean {
  const call = node.parent;
  return call?.type === 'CallExpression' && call.callee.type === 'MemberExpression' && call.callee.object.type === 'Identifier' && call.callee.object.name === 'console';
}
