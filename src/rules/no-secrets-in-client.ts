import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { envReadOfMember, envReadsOfPattern, type EnvRead, getFileKind, inServerOnlyCode } from '../analysis/index.js';
import {
  CLERK_SECRET_ENV,
  CLERK_SECRET_POWERS,
  CLERK_SOURCES,
  ENV_READ_GATE,
  envSecrecy,
  isSecretName,
  PUBLIC_ENV_PREFIXES,
} from '../clerk/index.js';
import { createRule } from './kit/create-rule.js';
import { matchesAnyGlob } from '../util/glob.js';
import { passesTextGate } from '../util/text-gate.js';
import { promotedFix } from './kit/report.js';
import { setupRule } from './kit/rule-setup.js';
import { stringListOption } from './kit/schema.js';

export type Options = [{ clientFiles?: string[]; serverEnv?: 'secrets' | 'all' }];
export type MessageIds =
  | 'clerkSecretInClient'
  | 'serverEnvInClient'
  | 'secretEnvInClient'
  | 'serverModuleInClient'
  | 'usePublicName'
  | 'importTypesOnly'
  | 'useUndefined';

export default createRule<Options, MessageIds>({
  name: 'no-secrets-in-client',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Clerk secrets, server-only env vars and server-only Clerk modules in client modules',
      recommended: 'recommended',
      fixesByDefault: true,
      strictOptions: [{ serverEnv: 'all' }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          clientFiles: stringListOption(
            'Globs (relative to the project, the folder of its package.json) of files that ship to the browser without a `\'use client\'` directive, for Vite, CRA or Expo apps (such as `src/**`).',
          ),
          serverEnv: {
            type: 'string',
            enum: ['secrets', 'all'],
            description:
              "Server-only env vars to report: names that hold a secret (`'secrets'`: keys, tokens, passwords, connection strings), or also names of unknown content (`'all'`, strict). Names that hold no secret (`PORT`, `VERCEL_URL`, `…_URL`, `…_ID`) are never reported.",
          },
        },
      },
    ],
    defaultOptions: [{ clientFiles: [], serverEnv: 'secrets' }],
    messages: {
      clerkSecretInClient:
        'Client module reads `{{name}}`, a Clerk secret that grants {{power}}; it must never reach a browser bundle. Read it in a server component, route handler or Server Action, and add `import \'server-only\'` to the module that holds it.',
      serverEnvInClient:
        'Client module reads `{{name}}`, which has no public prefix: it is `undefined` in the browser at best, and other bundlers inline it into the bundle at worst.',
      secretEnvInClient:
        'Client module reads `{{name}}`, which holds a secret: what this code renders during server rendering reaches the browser, and bundlers other than Next.js may inline it. Read it in a server component, route handler or Server Action instead.',
      serverModuleInClient:
        'Client module imports `{{source}}`, a server-only module; it drags server code (and the secret-key client) toward the browser bundle. Call it from a Server Action or route handler instead.',
      useUndefined:
        'Replace the read with `undefined`, the value the browser gets; do the work that needs `{{name}}` on the server.',
      usePublicName: 'Read `{{publicName}}` instead (only for a value that is safe to publish).',
      importTypesOnly: 'Import only its types with `import type`.',
    },
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const clientFiles = options.clientFiles ?? [];
    if (clientFiles.length === 0 && !sourceCode.text.includes('use client')) return {};
    const kind = getFileKind(context);
    if (!kind.client && !(clientFiles.length > 0 && kind.path !== '' && matchesAnyGlob(kind.path, clientFiles))) return {};
    const setup = setupRule(context);
    if (setup === undefined) return {};

    function checkEnv(read: EnvRead): void {
      const secrecy = envSecrecy(read.name);
      if (secrecy === 'public') return;
      // The browser never gets a secret: `undefined` is what this read gives there already. Only server rendering
      // changes, and it stops putting the secret (or what was computed from it) into the page.
      const withoutSecret: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
        read.via === 'destructuring' ? [] : [{ messageId: 'useUndefined', data: { name: read.name }, fix: (fixer) => fixer.replaceText(read.node, 'undefined') }];
      if (CLERK_SECRET_ENV.has(read.name)) {
        context.report({
          node: read.node,
          messageId: 'clerkSecretInClient',
          data: { name: read.name, power: CLERK_SECRET_POWERS[read.name] ?? 'access to your Clerk instance' },
          fix: promotedFix(setup!.settings, withoutSecret),
          suggest: withoutSecret,
        });
        return;
      }
      // Names of unknown content only with serverEnv: 'all', and not where only the server runs the read (`typeof
      // window === 'undefined'`). A secret is reported there too: what server rendering produces reaches the browser.
      if (secrecy === 'unknown' && (options.serverEnv !== 'all' || inServerOnlyCode(read.node))) return;
      const prefix = read.node.type === 'MemberExpression' && read.node.object.type === 'MemberExpression' && read.node.object.object.type === 'MetaProperty'
        ? PUBLIC_ENV_PREFIXES.vite
        : PUBLIC_ENV_PREFIXES.next;
      const publicName = `${prefix}${read.name}`;
      const suggest =
        read.via === 'destructuring'
          ? []
          : secrecy === 'secret' || isSecretName(read.name)
            ? withoutSecret
            : [
              {
                messageId: 'usePublicName' as const,
                data: { publicName },
                fix: (fixer: TSESLint.RuleFixer) =>
                  fixer.replaceText(read.nameNode, sourceCode.getText(read.nameNode).replace(read.name, publicName)),
              },
            ];
      context.report({
        node: read.node,
        messageId: secrecy === 'secret' ? 'secretEnvInClient' : 'serverEnvInClient',
        data: { name: read.name },
        fix: promotedFix(setup!.settings, suggest),
        suggest,
      });
    }

    function checkImport(node: TSESTree.ImportDeclaration): void {
      const source = node.source.value;
      if (node.importKind === 'type' || !isServerOnlySource(source)) return;
      const valueSpecifiers = node.specifiers.filter(
        (specifier) => specifier.type !== 'ImportSpecifier' || specifier.importKind !== 'type',
      );
      if (node.specifiers.length > 0 && valueSpecifiers.length === 0) return;
      const typesOnly =
        node.specifiers.length > 0 &&
        !(node.specifiers.some((s) => s.type === 'ImportDefaultSpecifier') && node.specifiers.some((s) => s.type !== 'ImportDefaultSpecifier')) &&
        node.specifiers.every((specifier) =>
          sourceCode.scopeManager
            ?.getDeclaredVariables(specifier)
            .every((variable) => variable.references.every((reference) => reference.isTypeReference && !reference.isValueReference)),
        );
      const importToken = sourceCode.getFirstToken(node);
      const suggest =
        typesOnly && importToken !== null
          ? [
              {
                messageId: 'importTypesOnly' as const,
                fix: (fixer: TSESLint.RuleFixer) => [
                  fixer.insertTextAfter(importToken, ' type'),
                  ...node.specifiers.flatMap((specifier) =>
                    specifier.type === 'ImportSpecifier' && specifier.importKind === 'type'
                      ? [fixer.removeRange([specifier.range[0], specifier.range[0] + 'type '.length])]
                      : [],
                  ),
                ],
              },
            ]
          : [];
      context.report({
        node: node.source,
        messageId: 'serverModuleInClient',
        data: { source },
        // Type-only imports are erased: this repair cannot change runtime behaviour, so it is always a fix.
        fix: suggest[0]?.fix ?? null,
        suggest,
      });
    }

    const readsEnv = passesTextGate(sourceCode.text, ENV_READ_GATE);
    return {
      ImportDeclaration: checkImport,
      ...(readsEnv
        ? {
            MemberExpression(node: TSESTree.MemberExpression) {
              const read = envReadOfMember(node);
              if (read !== undefined) checkEnv(read);
            },
            VariableDeclarator(node: TSESTree.VariableDeclarator) {
              for (const read of envReadsOfPattern(node)) checkEnv(read);
            },
          }
        : {}),
      CallExpression(node) {
        // require('@clerk/backend') in a client module.
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'require') return;
        const argument = node.arguments[0];
        if (argument?.type === 'Literal' && typeof argument.value === 'string' && isServerOnlySource(argument.value)) {
          context.report({ node: argument, messageId: 'serverModuleInClient', data: { source: argument.value } });
        }
      },
    };
  },
});

function isServerOnlySource(source: string): boolean {
  const info = CLERK_SOURCES[source];
  if (info !== undefined) return info.serverOnly;
  // Subpaths of server packages (`@clerk/backend/errors`) are server-only too.
  return ['@clerk/backend/', '@clerk/express/', '@clerk/fastify/', '@clerk/clerk-sdk-node/', 'svix/'].some((prefix) =>
    source.startsWith(prefix),
  );
}
