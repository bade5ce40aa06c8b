import type { TSESTree } from '@typescript-eslint/utils';

import {
  type EntryPoint,
  type FunctionNode,
  getFileKind,
  inlineServerAction,
  moduleServerActions,
} from '../analysis/index.js';
import { createRule } from './kit/create-rule.js';
import { type EntryPointMessageIds, findEntryPointProblem } from './kit/entry-point-findings.js';
import { matchesAnyGlob } from '../util/glob.js';
import { promotedFix } from './kit/report.js';
import { setupRule } from './kit/rule-setup.js';
import { stringListOption } from './kit/schema.js';

export type Options = [{ publicFunctions?: string[]; checkPublicReads?: boolean }];
export type MessageIds = EntryPointMessageIds;

export default createRule<Options, MessageIds>({
  name: 'require-server-action-auth',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every Server Action to check `userId` before it does any work',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          publicFunctions: stringListOption(
            'Names or globs of Server Actions that are public by design (such as `subscribeToNewsletter`).',
          ),
          checkPublicReads: {
            type: 'boolean',
            description:
              'Also report actions that never read the session and only read data, taking no user, owner or organization id as an argument (a catalogue list, public posts): public by design in most apps.',
          },
        },
      },
    ],
    defaultOptions: [{ publicFunctions: [], checkPublicReads: false }],
    messages: {
      missingAuth: 'Server action `{{name}}` runs without checking `userId` from `auth()`; anyone can call it by its action ID.',
      uncheckedAuth:
        'Server action `{{name}}` reads the session but never exits when `userId` is missing; anonymous callers get through.',
      authAfterWork:
        'Server action `{{name}}` does work before it checks `userId`; anonymous callers reach that work before the check.',
      nullCheckWithMachineTokens:
        'The guard `{{test}}` never trips for machine tokens, whose auth objects have no `userId`; check `isAuthenticated` instead.',
      addAuthGuard: 'Insert an authentication guard at the top of `{{name}}`.',
      moveAuthGuard: 'Move the authentication check to the top of `{{name}}`.',
      addAuthCheck: 'Exit when `{{value}}` is missing.',
      useIsAuthenticated: 'Check `{{replacement}}` instead.',
    },
  },
  create(context, [options]) {
    const { sourceCode } = context;
    if (!sourceCode.text.includes('use server')) return {};
    const setup = setupRule(context);
    if (setup === undefined) return {};
    const publicFunctions = options.publicFunctions ?? [];
    const checked = new Set<FunctionNode>();

    function check(entry: EntryPoint): void {
      if (checked.has(entry.fn)) return;
      checked.add(entry.fn);
      if (matchesAnyGlob(entry.name, publicFunctions)) return;
      const finding = findEntryPointProblem(context, setup as NonNullable<typeof setup>, entry, { checkPublicReads: options.checkPublicReads === true });
      if (finding === undefined) return;
      context.report({
        loc: finding.loc,
        messageId: finding.messageId,
        data: finding.data,
        fix: promotedFix((setup as NonNullable<typeof setup>).settings, finding.suggest),
        suggest: finding.suggest,
      });
    }

    return {
      Program() {
        if (!getFileKind(context).serverActions) return;
        for (const entry of moduleServerActions(sourceCode, setup.settings.authWrappers)) check(entry);
      },
      // The three types rather than esquery's `:function`, which ESLint tests with esquery on every function node;
      // a list of node types it dispatches on the type alone.
      'FunctionDeclaration, FunctionExpression, ArrowFunctionExpression'(fn: FunctionNode) {
        const entry = inlineServerAction(fn, sourceCode);
        if (entry !== undefined) check(entry);
      },
    } satisfies Record<string, (node: TSESTree.Node & FunctionNode) => void>;
  },
});
