import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { calleePath, getClerkReferences, isVerifierSecretArgument } from '../analysis/index.js';
import { CLERK_KEY_CALLS, CLERK_KEY_PROPERTIES, findKeys, type FoundKey, KEY_ENV_NAMES, KEY_GATE, type KeyKind, maskKey } from '../clerk/index.js';
import { createRule } from './kit/create-rule.js';
import { promotedFix } from './kit/report.js';
import { setupRule } from './kit/rule-setup.js';
import { passesTextGate } from '../util/text-gate.js';

export type Options = [{ checkPublishableKeys?: boolean }];
export type MessageIds =
  | 'clerkSecretKey'
  | 'liveSecretKey'
  | 'webhookSecret'
  | 'machineSecret'
  | 'testPublishableKey'
  | 'readFromEnv';

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-keys',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Clerk secret keys, webhook signing secrets and machine secrets written into source',
      recommended: 'recommended',
      strictOptions: [{ checkPublishableKeys: true }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkPublishableKeys: {
            type: 'boolean',
            description:
              'Also report development (`pk_test_`) publishable keys hardcoded as `publishableKey`: production would run against a development instance.',
          },
        },
      },
    ],
    defaultOptions: [{ checkPublishableKeys: false }],
    messages: {
      clerkSecretKey:
        'Clerk secret key `{{masked}}` is hardcoded; whoever reads this source or bundle gets full Backend API access.',
      liveSecretKey: 'A live secret key `{{masked}}` is hardcoded; whoever reads this source can use it.',
      webhookSecret: 'Webhook signing secret `{{masked}}` is hardcoded; with it anyone can forge signed webhook events.',
      machineSecret: 'Clerk machine secret `{{masked}}` is hardcoded; with it anyone can mint machine tokens.',
      testPublishableKey:
        'Development publishable key `{{masked}}` is hardcoded as `publishableKey`; a production build would run against a development instance.',
      readFromEnv: 'Read it from `process.env.{{envName}}` instead (and rotate the exposed key).',
    },
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const text = sourceCode.text;
    if (!passesTextGate(text, KEY_GATE)) return {};
    const setup = setupRule(context);
    if (setup === undefined) return {};
    const checkPublishableKeys = options.checkPublishableKeys ?? false;
    // The literal was a string; in TypeScript the env read keeps that type with a non-null assertion.
    const isTypeScript = /\.[cm]?tsx?$/u.test(context.filename);

    function check(node: TSESTree.Literal | TSESTree.TemplateElement, value: string): void {
      // A verifier's signing secret is require-webhook-verification's finding; do not report it twice.
      if (node.type === 'Literal' && isVerifierSecretArgument(node, getClerkReferences(sourceCode))) return;
      for (const key of findKeys(value)) {
        const finding = classify(key, node);
        if (finding === undefined) continue;
        const envName = finding.envName;
        const fix = envName === undefined ? undefined : replaceKeyFix(node, key, value, envName, isTypeScript);
        const suggest = fix === undefined ? [] : [{ messageId: 'readFromEnv' as const, data: { envName }, fix }];
        context.report({
          node,
          messageId: finding.messageId,
          data: { masked: maskKey(key.value, key.prefix) },
          fix: promotedFix(setup!.settings, suggest),
          suggest,
        });
      }
    }

    function classify(
      key: FoundKey,
      node: TSESTree.Node,
    ): { messageId: Exclude<MessageIds, 'readFromEnv'>; envName: string | undefined } | undefined {
      const context = keyContext(node);
      const envFor = (kind: KeyKind): string => (context.clerk ? KEY_ENV_NAMES[kind] : (context.envName ?? KEY_ENV_NAMES[kind]));
      switch (key.prefix) {
        case 'sk_live_':
          return context.clerk
            ? { messageId: 'clerkSecretKey', envName: KEY_ENV_NAMES.secretKey }
            : { messageId: 'liveSecretKey', envName: context.envName ?? 'SECRET_KEY' };
        case 'sk_test_':
          return context.clerk ? { messageId: 'clerkSecretKey', envName: KEY_ENV_NAMES.secretKey } : undefined;
        case 'whsec_':
          return { messageId: 'webhookSecret', envName: envFor('webhookSecret') };
        case 'ak_':
          return context.clerk ? { messageId: 'machineSecret', envName: KEY_ENV_NAMES.machineSecret } : undefined;
        case 'pk_test_':
          return checkPublishableKeys && context.publishableKey
            ? { messageId: 'testPublishableKey', envName: KEY_ENV_NAMES.testPublishableKey }
            : undefined;
        default:
          return undefined;
      }
    }

    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value);
      },
      TemplateElement(node) {
        check(node, node.value.cooked ?? node.value.raw);
      },
    };
  },
});

/**
 * Replaces the key with an env read: the whole literal (`process.env.X`, `{process.env.X}` in JSX), or the key's
 * text inside a template literal (`${process.env.X}`). Undefined when the key is part of a longer plain string.
 */
function replaceKeyFix(
  node: TSESTree.Literal | TSESTree.TemplateElement,
  key: FoundKey,
  value: string,
  envName: string,
  isTypeScript: boolean,
): TSESLint.ReportFixFunction | undefined {
  const read = `process.env.${envName}${isTypeScript ? '!' : ''}`;
  if (node.type === 'Literal') {
    if (key.value !== value) return undefined;
    return (fixer) => fixer.replaceText(node, node.parent?.type === 'JSXAttribute' ? `{${read}}` : read);
  }
  const index = node.value.raw.indexOf(key.value);
  if (index === -1) return undefined;
  // A TemplateElement's range includes its opening delimiter (a backtick or `}`).
  const start = node.range[0] + 1 + index;
  return (fixer) => fixer.replaceTextRange([start, start + key.value.length], `\${${read}}`);
}

interface KeyContext {
  /** The key sits where Clerk keys go: a `secretKey` option, a Clerk call, a variable named like Clerk's. */
  readonly clerk: boolean;
  /** It is a `publishableKey` value. */
  readonly publishableKey: boolean;
  /** An env-style name derived from the variable or property that holds it (`STRIPE_KEY`). */
  readonly envName: string | undefined;
}

/** Where a string literal sits, looking a few levels up. */
function keyContext(node: TSESTree.Node): KeyContext {
  let clerk = false;
  let publishableKey = false;
  let envName: string | undefined;
  let current: TSESTree.Node | undefined = node.parent;
  for (let depth = 0; current !== undefined && current !== null && depth < 6; depth += 1, current = current.parent) {
    let name: string | undefined;
    if (current.type === 'Property' && !current.computed) {
      name = current.key.type === 'Identifier' ? current.key.name : current.key.type === 'Literal' ? String(current.key.value) : undefined;
    } else if (current.type === 'VariableDeclarator' && current.id.type === 'Identifier') {
      name = current.id.name;
    } else if (current.type === 'JSXAttribute' && current.name.type === 'JSXIdentifier') {
      name = current.name.name;
    } else if (current.type === 'AssignmentExpression') {
      const path = calleePath(current.left);
      name = path?.[path.length - 1];
    } else if (current.type === 'CallExpression' || current.type === 'NewExpression') {
      const path = calleePath(current.callee);
      const callee = path?.[path.length - 1];
      if (callee !== undefined && CLERK_KEY_CALLS.has(callee)) clerk = true;
      // `new Stripe('sk_live_…')` → STRIPE_SECRET_KEY.
      const calleeEnv = callee === undefined ? undefined : toEnvName(callee);
      if (calleeEnv !== undefined && envName === undefined) envName = `${calleeEnv}_SECRET_KEY`;
    }
    if (name === undefined) continue;
    if (/key|secret|token/iu.test(name)) envName ??= toEnvName(name);
    if (CLERK_KEY_PROPERTIES.has(name) || /clerk/iu.test(name)) clerk = true;
    if (name === 'publishableKey') publishableKey = true;
  }
  return { clerk, publishableKey, envName };
}

/** `stripeKey` → `STRIPE_KEY`, `STRIPE_KEY` → `STRIPE_KEY`. */
function toEnvName(name: string): string | undefined {
  const snake = name.replace(/([a-z0-9])([A-Z])/gu, '$1_$2').toUpperCase();
  return /^[A-Z][A-Z0-9_]*$/u.test(snake) ? snake : undefined;
}
