import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { envReadOfMember, envReadsOfPattern, getFileKind } from '../analysis/index.js';
import { CLERK_SECRET_ENV, isSecretName, NEXT_CONFIG_FILE, PUBLIC_SECRET_NAME_TEXT, secretBehindPublicName } from '../clerk/index.js';
import { createRule } from './kit/create-rule.js';
import { promotedFix } from './kit/report.js';
import { setupRule } from './kit/rule-setup.js';

export type Options = [];
export type MessageIds = 'publicSecret' | 'publicClerkSecret' | 'nextConfigEnvSecret' | 'useServerName' | 'removeEnvEntry';

export default createRule<Options, MessageIds>({
  name: 'no-public-secret-env',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow secrets in environment variables with a public prefix or in `next.config` `env`',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      publicClerkSecret:
        '`{{name}}` puts Clerk\'s `{{secret}}` behind the public prefix `{{prefix}}`, which bundlers inline into browser code; anyone can read it there.',
      publicSecret:
        '`{{name}}` looks like a secret (`{{secret}}`) behind the public prefix `{{prefix}}`, which bundlers inline into browser code.',
      nextConfigEnvSecret:
        '`env.{{name}}` in the Next.js config is inlined into every client bundle; a secret must never be listed there.',
      useServerName: 'Read the server-only `{{secret}}` instead.',
      removeEnvEntry: 'Remove `{{name}}` from `env`; server code can read it from `process.env` without it.',
    },
  },
  create(context) {
    const { sourceCode } = context;
    const kind = getFileKind(context);
    // The path inside the project is a suffix of the file name: most files are ruled out by the name alone.
    const nextConfig = /next\.config\.[cm]?[jt]s$/u.test(context.filename) && NEXT_CONFIG_FILE.test(kind.path);
    const text = sourceCode.text;
    if (!nextConfig && !PUBLIC_SECRET_NAME_TEXT.test(text)) return {};
    const setup = setupRule(context);
    if (setup === undefined) return {};
    const { settings } = setup;

    function checkName(name: string, node: TSESTree.Node, replaceNode: TSESTree.Node | undefined): void {
      const secret = secretBehindPublicName(name);
      if (secret === undefined) return;
      const prefix = name.slice(0, name.length - secret.length);
      // In a client module there is nothing to rename to: the server-only name is undefined in the browser.
      const suggest =
        replaceNode !== undefined && !kind.client
          ? [
              {
                messageId: 'useServerName' as const,
                data: { secret },
                fix: (fixer: TSESLint.RuleFixer) =>
                  fixer.replaceText(replaceNode, sourceCode.getText(replaceNode).replace(name, secret)),
              },
            ]
          : [];
      context.report({
        node,
        messageId: CLERK_SECRET_ENV.has(secret) ? 'publicClerkSecret' : 'publicSecret',
        data: { name, secret, prefix },
        fix: promotedFix(setup!.settings, suggest),
        suggest,
      });
    }

    const listeners: TSESLint.RuleListener = {
      MemberExpression(node) {
        const read = envReadOfMember(node);
        if (read === undefined) return;
        checkName(read.name, read.node, read.nameNode);
      },
      VariableDeclarator(node) {
        for (const read of envReadsOfPattern(node)) checkName(read.name, read.nameNode, undefined);
      },
    };
    // The `env` object of next.config only: outside it, no selector for ESLint to test on every object literal.
    if (nextConfig) listeners['Property[key.name="env"] > ObjectExpression.value'] = checkEnvObject;
    return listeners;

    function checkEnvObject(node: TSESTree.ObjectExpression): void {
      for (const property of node.properties) {
        if (property.type !== 'Property' || property.computed) continue;
        const name =
          property.key.type === 'Identifier'
            ? property.key.name
            : property.key.type === 'Literal'
              ? String(property.key.value)
              : undefined;
        if (name === undefined || !isSecretName(name)) continue;
        const suggest = [
          {
            messageId: 'removeEnvEntry' as const,
            data: { name },
            fix: (fixer: TSESLint.RuleFixer) => {
              const after = sourceCode.getTokenAfter(property);
              const end = after?.value === ',' ? after.range[1] : property.range[1];
              return fixer.removeRange([property.range[0], end]);
            },
          },
        ];
        context.report({
          node: property.key,
          messageId: 'nextConfigEnvSecret',
          data: { name },
          fix: promotedFix(settings, suggest),
          suggest,
        });
      }
    }
  },
});
