import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import {
  BODY_READ_METHODS,
  CLERK_EVENT_TYPE,
  CLERK_SOURCES,
  CLERK_WEBHOOK_SECRET_ENV_NAMES,
  CLERK_WEBHOOK_TYPES,
  SIGNATURE_COMPARE_FUNCTION,
  SIGNATURE_TEXT,
  SIGNATURE_VERIFY_FUNCTIONS,
  SIGNATURE_VERIFY_METHODS,
  SVIX_HEADERS,
} from '../clerk/index.js';
import type { NameRef } from '../project/settings.js';
import { escapeRegExp } from '../util/regexp.js';
import { type ClerkReferences, getClerkReferences } from './clerk-references.js';
import { exportedFunction, importOf, loadImportedBinding, mayMention, resolveImportPath } from './cross-file.js';
import { type FunctionNode, resolveLocalFunction, rootIdentifier, skipAwaitAndWrappers, skipTypeWrappers } from './functions.js';
import type { CrossFileOptions } from './helper-modules.js';
import { calleeMatchesNameRefs } from './name-refs.js';
import { findFirst } from './traverse.js';

/**
 * `helper`: a function of this module, or of a project module it imports, that verifies a signature.
 * `namedHelper`: an imported function that could not be read (a package, an unresolvable path, cross-file reading
 * off) whose name says it verifies (`verifyClerkPayload`) and which is given the request, its headers or its body.
 */
export type VerificationKind = 'verifyWebhook' | 'svixVerify' | 'helper' | 'namedHelper' | 'configured';

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

/** How to read the project's other modules (see `crossFileParsing`), and how many imports deep this module is. */
/** Where the analyzed file is and how to parse its imports (the auth analyzer's options). */
export type WebhookCrossFile = CrossFileOptions;

/** Imported verifiers are followed this many modules deep; deeper ones count as unresolved. */
const MAX_IMPORT_DEPTH = 2;

/** Cheap text pre-filter for handler signals: a quoted Clerk event type or an svix header name. */
const HANDLER_SIGNAL_TEXT = /['"`](?:svix-|(?:user|organization|organizationMembership|organizationInvitation|organizationDomain|session|email|sms|role|permission|subscription|subscriptionItem|paymentAttempt|waitlistEntry)\.[a-zA-Z_]+['"`])/u;

/** Clerk's own packages (svix and standardwebhooks are in CLERK_SOURCES too, but other providers use them). */
function isClerkPackage(source: string): boolean {
  return source.startsWith('@clerk/');
}

/** A bare package specifier (`@polar-sh/sdk/webhooks`, `stripe`), not a relative path or an alias (`@/lib/x`, `~/x`). */
function isPackageSource(source: string): boolean {
  return /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/|$)/iu.test(source);
}

/** Finds signature verification calls, body reads and Clerk signals in webhook handlers. */
export class WebhookAnalyzer {
  private readonly verifyingHelpers = new Map<FunctionNode, boolean>();
  private readonly importedAnalyzers = new Map<TSESLint.SourceCode, WebhookAnalyzer>();
  private clerkFileSignal: boolean | undefined;
  private signatureWords: RegExp | undefined;
  private readonly mayHaveHandlerSignal: boolean;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly refs: ClerkReferences,
    private readonly verifiers: readonly NameRef[],
    private readonly crossFile?: WebhookCrossFile,
  ) {
    this.mayHaveHandlerSignal = HANDLER_SIGNAL_TEXT.test(sourceCode.text);
  }

  /**
   * The module is a Clerk webhook by a signal only Clerk gives: an import from a Clerk `/webhooks` entry point,
   * Clerk's webhook event types from an `@clerk/*` package, or a Clerk webhook signing secret variable
   * (`CLERK_WEBHOOK_SIGNING_SECRET`, legacy `CLERK_WEBHOOK_SECRET`). svix, standardwebhooks and other providers'
   * `…/webhooks` packages (`@octokit/webhooks`, `@polar-sh/sdk/webhooks`) are not Clerk signals.
   */
  fileHasClerkSignal(): boolean {
    this.clerkFileSignal ??= this.computeClerkFileSignal();
    return this.clerkFileSignal;
  }

  private computeClerkFileSignal(): boolean {
    for (const statement of this.sourceCode.ast.body) {
      if (statement.type !== 'ImportDeclaration' || !isClerkPackage(statement.source.value)) continue;
      if (statement.source.value.endsWith('/webhooks') || importsWebhookType(statement)) return true;
    }
    if (!this.sourceCode.text.includes('CLERK_WEBHOOK')) return false;
    return this.sourceCode.ast.tokens?.some((token) => token.type === 'Identifier' && CLERK_WEBHOOK_SECRET_ENV_NAMES.has(token.value)) ?? false;
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

  /**
   * Whether anything in the function, nested callbacks included, verifies a signature: Clerk's way, or another
   * provider's (`stripe.webhooks.constructEvent`, `webhooks.verify`, Polar's `validateEvent`, an HMAC compared with
   * `timingSafeEqual`).
   */
  verifiesAnywhere(fn: FunctionNode): boolean {
    return (
      findFirst(
        this.sourceCode,
        fn.body,
        (node) => node.type === 'CallExpression' && (this.verificationKind(node) !== undefined || this.isOtherProviderVerification(node)),
        { enterFunctions: true },
      ) !== undefined
    );
  }

  /**
   * Whether `verifications(fn)` holds one that is not a helper (Clerk's `verifyWebhook`, a configured verifier, svix's
   * `wh.verify`), found without reading the modules of the helpers the function calls, as `verifications` does.
   */
  hasDirectVerification(fn: FunctionNode): boolean {
    return findFirst(this.sourceCode, fn.body, (node) => node.type === 'CallExpression' && this.directVerificationKind(node) !== undefined) !== undefined;
  }

  verificationKind(call: TSESTree.CallExpression): VerificationKind | undefined {
    const direct = this.directVerificationKind(call);
    if (direct !== undefined) return direct;
    const callee = skipTypeWrappers(call.callee as TSESTree.Expression);
    if (callee.type === 'Identifier') {
      const helper = resolveLocalFunction(this.sourceCode, callee);
      if (helper !== undefined) return this.helperVerifies(helper) ? 'helper' : undefined;
      return this.importedHelperKind(call, callee);
    }
    return undefined;
  }

  /** The kinds of verification a call is by itself, not by calling a helper that verifies. */
  private directVerificationKind(call: TSESTree.CallExpression): Exclude<VerificationKind, 'helper' | 'namedHelper'> | undefined {
    if (this.refs.calls.get(call)?.kind === 'verifyWebhook') return 'verifyWebhook';
    if (calleeMatchesNameRefs(this.sourceCode, call.callee, this.verifiers)) return 'configured';
    const callee = skipTypeWrappers(call.callee as TSESTree.Expression);
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'verify') {
      if (this.isWebhookInstance(callee.object)) return 'svixVerify';
    }
    return undefined;
  }

  /**
   * A call of a function imported from the project: read its module (relative path or tsconfig alias) and check
   * that it verifies. When it cannot be read, trust its name only if it says so and it gets the request input.
   */
  private importedHelperKind(call: TSESTree.CallExpression, callee: TSESTree.Identifier): VerificationKind | undefined {
    const imported = importOf(this.sourceCode, callee);
    if (imported === undefined || isClerkPackage(imported.source) || imported.source in CLERK_SOURCES) return undefined;
    // A helper whose name does not say it verifies is read only if its module (or one it imports, as deep as it is
    // followed) names a verifier: without one it cannot verify, and parsing it was most of what webhook handlers of
    // other providers cost (a 9 KB Discord bot service behind a boost webhook). Unread, the answer is the same: not a
    // verification. A name that says it verifies is read as before: when it cannot be read, the name decides.
    const namedVerifier = /verif/iu.test(callee.name);
    if (!namedVerifier && !this.importMayVerify(imported.source)) return undefined;
    const resolved = this.importedFunction(imported.source, imported.imported);
    if (resolved !== undefined) return resolved.analyzer.helperVerifies(resolved.fn) ? 'helper' : undefined;
    return namedVerifier && this.passesRequestInput(call) ? 'namedHelper' : undefined;
  }

  /** Text test before `importedFunction`: the module `source` names, or one it imports that would be read, may verify. */
  private importMayVerify(source: string): boolean {
    const crossFile = this.crossFile;
    if (crossFile === undefined || crossFile.depth >= MAX_IMPORT_DEPTH) return false;
    const file = resolveImportPath(crossFile.filename, source);
    if (file === undefined) return false;
    // Its analyzer is one level deeper and reads its own imports while under the bound: MAX_IMPORT_DEPTH - 1 - depth
    // levels of imports below it (at depth 0, the modules it imports, whose own imports are not read).
    return mayMention(file, this.signatureText(), MAX_IMPORT_DEPTH - 1 - crossFile.depth);
  }

  /** SIGNATURE_TEXT, and the configured verifiers' names (their first segment: `verifiers.clerk` is `verifiers`). */
  private signatureText(): RegExp {
    if (this.verifiers.length === 0) return SIGNATURE_TEXT;
    this.signatureWords ??= new RegExp(
      [SIGNATURE_TEXT.source, ...this.verifiers.map((ref) => escapeRegExp(ref.name.split('.')[0] as string))].join('|'),
      SIGNATURE_TEXT.flags,
    );
    return this.signatureWords;
  }

  private importedFunction(source: string, name: string): { fn: FunctionNode; analyzer: WebhookAnalyzer } | undefined {
    const crossFile = this.crossFile;
    if (crossFile === undefined || crossFile.depth >= MAX_IMPORT_DEPTH) return undefined;
    const binding = loadImportedBinding(crossFile.filename, source, name, crossFile.parser, crossFile.parserOptions);
    if (binding === undefined) return undefined;
    const { file, module } = binding;
    const fn = exportedFunction(module, binding.name);
    if (fn === undefined) return undefined;
    let analyzer = this.importedAnalyzers.get(module);
    if (analyzer === undefined) {
      analyzer = new WebhookAnalyzer(module, getClerkReferences(module), this.verifiers, { ...crossFile, filename: file, depth: crossFile.depth + 1 });
      this.importedAnalyzers.set(module, analyzer);
    }
    return { fn, analyzer };
  }

  /** An argument is (derived from) a parameter of the enclosing function: `req`, `req.headers`, `await req.text()`. */
  private passesRequestInput(call: TSESTree.CallExpression): boolean {
    return call.arguments.some(
      (argument) =>
        findFirst(this.sourceCode, argument, (node) => node.type === 'Identifier' && this.isParameterDerived(node)) !== undefined,
    );
  }

  private isParameterDerived(identifier: TSESTree.Identifier, depth = 0): boolean {
    const definition = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier)?.defs[0];
    if (definition?.type === 'Parameter') return true;
    if (depth >= 2 || definition?.type !== 'Variable' || !definition.node.init) return false;
    const root = rootIdentifier(definition.node.init);
    return root !== undefined && this.isParameterDerived(root, depth + 1);
  }

  /**
   * A signature check of a provider other than Clerk: a verifier method on a non-Clerk object
   * (`stripe.webhooks.constructEvent`, `webhooks.verify`, `workos.webhooks.constructEvent`), a verifier function
   * imported from a package that is not Clerk's (Polar's `validateEvent`), or a constant-time compare of an HMAC.
   */
  isOtherProviderVerification(call: TSESTree.CallExpression): boolean {
    if (this.refs.calls.has(call)) return false;
    const callee = skipTypeWrappers(call.callee as TSESTree.Expression);
    if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
      const method = callee.property.name;
      if (method !== SIGNATURE_COMPARE_FUNCTION && !SIGNATURE_VERIFY_METHODS.has(method)) return false;
      const root = rootIdentifier(callee.object);
      const source = root === undefined ? undefined : importOf(this.sourceCode, root)?.source;
      return source === undefined || !isClerkPackage(source);
    }
    if (callee.type !== 'Identifier') return false;
    const imported = importOf(this.sourceCode, callee);
    if (imported === undefined || isClerkPackage(imported.source)) return false;
    if (imported.imported === SIGNATURE_COMPARE_FUNCTION) return imported.source === 'crypto' || imported.source === 'node:crypto';
    return SIGNATURE_VERIFY_FUNCTIONS.has(imported.imported) && isPackageSource(imported.source);
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

/** `import { WebhookEvent } from …` (value or type) of one of Clerk's webhook types. */
function importsWebhookType(statement: TSESTree.ImportDeclaration): boolean {
  return statement.specifiers.some((specifier) => {
    if (specifier.type !== 'ImportSpecifier') return false;
    const name = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
    return CLERK_WEBHOOK_TYPES.has(name);
  });
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
