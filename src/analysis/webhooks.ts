import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import { BODY_READ_METHODS, CLERK_EVENT_TYPE, CLERK_SOURCES, CLERK_WEBHOOK_TYPES, SVIX_HEADERS } from '../clerk/index.js';
import type { NameRef } from '../util/settings.js';
import type { ClerkReferences } from './clerk-references.js';
import { type FunctionNode, resolveLocalFunction, rootIdentifier, skipAwaitAndWrappers } from './functions.js';
import { calleeMatchesNameRefs } from './name-refs.js';
import { findFirst } from './traverse.js';

export type VerificationKind = 'verifyWebhook' | 'svixVerify' | 'helper' | 'configured';

export interface Verification {
  readonly call: TSESTree.CallExpression;
  readonly kind: VerificationKind;
}

export interface BodyRead {
  /** The read: `req.json()`, `c.req.text()`, `req.body`. */
  readonly node: TSESTree.CallExpression | TSESTree.MemberExpression;
  /** `json`, `text`, `formData`, `arrayBuffer`, `blob` or `body`. */
  readonly method: string;
  /** The request identifier it reads from (`req`). */
  readonly root: TSESTree.Identifier;
}

/** Finds signature verification calls, body reads and Clerk signals in webhook handlers. */
/** Cheap text pre-filter for handler signals: a quoted Clerk event type or an svix header name. */
const HANDLER_SIGNAL_TEXT = /['"`](?:svix-|(?:user|organization|organizationMembership|organizationInvitation|organizationDomain|session|email|sms|role|permission|subscription|subscriptionItem|paymentAttempt|waitlistEntry)\.[a-zA-Z_]+['"`])/u;

export class WebhookAnalyzer {
  private readonly verifyingHelpers = new Map<FunctionNode, boolean>();
  private fileSignal: boolean | undefined;
  private readonly mayHaveHandlerSignal: boolean;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly refs: ClerkReferences,
    private readonly verifiers: readonly NameRef[],
  ) {
    this.mayHaveHandlerSignal = HANDLER_SIGNAL_TEXT.test(sourceCode.text);
  }

  /** The module imports Clerk's verifier, svix / standardwebhooks, or Clerk webhook event types. */
  fileHasClerkWebhookSignal(): boolean {
    this.fileSignal ??= this.computeFileSignal();
    return this.fileSignal;
  }

  private computeFileSignal(): boolean {
    for (const statement of this.sourceCode.ast.body) {
      if (statement.type !== 'ImportDeclaration') continue;
      const source = statement.source.value;
      if (source === 'svix' || source === 'standardwebhooks' || source.endsWith('/webhooks')) return true;
      if (!(source in CLERK_SOURCES)) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type !== 'ImportSpecifier') continue;
        const name = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
        if (CLERK_WEBHOOK_TYPES.has(name)) return true;
      }
    }
    return false;
  }

  /** The handler compares Clerk event types or reads svix headers. */
  handlerHasClerkSignal(fn: FunctionNode): boolean {
    if (!this.mayHaveHandlerSignal) return false;
    return (
      findFirst(
        this.sourceCode,
        fn.body,
        (node) =>
          node.type === 'Literal' &&
          typeof node.value === 'string' &&
          (CLERK_EVENT_TYPE.test(node.value) || SVIX_HEADERS.includes(node.value.toLowerCase())),
        { enterFunctions: true },
      ) !== undefined
    );
  }

  /** Verification calls at the top level of the function, in source order. */
  verifications(fn: FunctionNode): Verification[] {
    const found: Verification[] = [];
    findFirst(this.sourceCode, fn.body, (node) => {
      if (node.type === 'CallExpression') {
        const kind = this.verificationKind(node);
        if (kind !== undefined) found.push({ call: node, kind });
      }
      return false;
    });
    return found.sort((a, b) => a.call.range[0] - b.call.range[0]);
  }

  /** Whether anything in the function, nested callbacks included, verifies a signature. */
  verifiesAnywhere(fn: FunctionNode): boolean {
    return (
      findFirst(this.sourceCode, fn.body, (node) => node.type === 'CallExpression' && this.verificationKind(node) !== undefined, {
        enterFunctions: true,
      }) !== undefined
    );
  }

  verificationKind(call: TSESTree.CallExpression): VerificationKind | undefined {
    if (this.refs.calls.get(call)?.kind === 'verifyWebhook') return 'verifyWebhook';
    if (calleeMatchesNameRefs(this.sourceCode, call.callee, this.verifiers)) return 'configured';
    const callee = call.callee;
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'verify') {
      if (this.isWebhookInstance(callee.object)) return 'svixVerify';
    }
    if (callee.type === 'Identifier') {
      const helper = resolveLocalFunction(this.sourceCode, callee);
      if (helper !== undefined && this.helperVerifies(helper)) return 'helper';
    }
    return undefined;
  }

  /** `new Webhook(secret)` from svix / standardwebhooks, directly or through a variable. */
  isWebhookInstance(node: TSESTree.Node, depth = 0): boolean {
    const target = skipAwaitAndWrappers(node as TSESTree.Expression);
    if (target.type === 'NewExpression') return this.refs.constructs.get(target)?.kind === 'webhookClass';
    if (target.type === 'Identifier' && depth < 3) {
      const definition = ASTUtils.findVariable(this.sourceCode.getScope(target), target)?.defs[0];
      if (definition?.type === 'Variable' && definition.node.init) return this.isWebhookInstance(definition.node.init, depth + 1);
    }
    return false;
  }

  private helperVerifies(fn: FunctionNode): boolean {
    const known = this.verifyingHelpers.get(fn);
    if (known !== undefined) return known;
    this.verifyingHelpers.set(fn, false);
    const result = this.verifiesAnywhere(fn);
    this.verifyingHelpers.set(fn, result);
    return result;
  }

  /** Reads of the request body at the top level of the function (`await req.json()`, `req.body`). */
  bodyReads(fn: FunctionNode): BodyRead[] {
    const reads: BodyRead[] = [];
    const params = new Set(fn.params.flatMap((param) => (param.type === 'Identifier' ? [param.name] : [])));
    findFirst(this.sourceCode, fn.body, (node) => {
      if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed) {
        const method = node.callee.property.type === 'Identifier' ? node.callee.property.name : '';
        const root = rootIdentifier(node.callee.object);
        if (BODY_READ_METHODS.has(method) && root !== undefined && params.has(root.name) && node.arguments.length === 0) {
          reads.push({ node, method, root });
        }
      } else if (
        node.type === 'MemberExpression' &&
        !node.computed &&
        node.property.type === 'Identifier' &&
        (node.property.name === 'body' || node.property.name === 'rawBody') &&
        node.object.type === 'Identifier' &&
        params.has(node.object.name)
      ) {
        reads.push({ node, method: node.property.name, root: node.object });
      }
      return false;
    });
    return reads;
  }
}

/**
 * Whether a literal is the signing secret given to a verifier (`new Webhook('whsec_…')`, `verifyWebhook(req, {
 * signingSecret: '…' })`): require-webhook-verification reports those, so other rules leave them alone.
 */
export function isVerifierSecretArgument(node: TSESTree.Node, refs: ClerkReferences): boolean {
  const parent = node.parent;
  if (parent?.type === 'NewExpression' && parent.arguments[0] === node) return refs.constructs.get(parent)?.kind === 'webhookClass';
  if (parent?.type === 'Property' && parent.value === node && parent.key.type === 'Identifier' && parent.key.name === 'signingSecret') {
    const call = parent.parent?.parent;
    return call?.type === 'CallExpression' && refs.calls.get(call)?.kind === 'verifyWebhook';
  }
  return false;
}
