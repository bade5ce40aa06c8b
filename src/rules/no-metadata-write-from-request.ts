import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import {
  entryPointIndex,
  type EntryPoint,
  findFirst,
  getClerkReferences,
  getFileKind,
  hasAuthorizationBefore,
  importedFunctionResolver,
  isFromSession,
  RequestInputAnalyzer,
} from '../analysis/index.js';
import { GUARD_IMPORT_SOURCE, PRIVILEGED_METADATA_KEYS, USER_METADATA_WRITE_METHODS } from '../clerk/index.js';
import { insertAtFunctionStart } from '../fixes/guard.js';
import { planImport } from '../fixes/imports.js';
import { codeStyle, quoted, statementEnd } from '../fixes/style.js';
import { createRule } from './kit/create-rule.js';
import { promotedFix } from './kit/report.js';
import { setupRule } from './kit/rule-setup.js';

export type Options = [];
export type MessageIds = 'metadataFromRequest' | 'targetFromRequest' | 'requireAdminRole';


export default createRule<Options, MessageIds>({
  name: 'no-metadata-write-from-request',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writing Clerk user metadata from caller-controlled input without an authorisation check',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      metadataFromRequest:
        '`{{method}}()` writes caller-controlled data into `{{key}}` with no authorisation check first; any signed-in user can grant themselves a role.',
      targetFromRequest:
        '`{{method}}()` changes the user whose id the caller chose, with no authorisation check first; anyone can edit anyone.',
      requireAdminRole: 'Require an admin role first: `auth.protect({ role: \'org:admin\' })`.',
    },
  },
  create(context) {
    const { sourceCode } = context;
    if (!/\b(?:updateUserMetadata|updateUser|replaceUserMetadata)\b/u.test(sourceCode.text)) return {};
    const setup = setupRule(context);
    if (setup === undefined) return {};
    const refs = getClerkReferences(sourceCode);
    const kind = getFileKind(context);
    let entryOf: ReturnType<typeof entryPointIndex> = () => undefined;

    /** `clerkClient.users`, `(await clerkClient()).users`, `client.users` where client came from either, `createClerkClient()`. */
    function isUsersApi(node: TSESTree.Node): boolean {
      if (node.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier' || node.property.name !== 'users') return false;
      return isClerkClient(node.object, 0);
    }

    function isClerkClient(node: TSESTree.Node, depth: number): boolean {
      const target = node.type === 'AwaitExpression' ? node.argument : node;
      if (target.type === 'CallExpression') {
        const ref = refs.calls.get(target);
        return ref?.kind === 'clerkClient' || ref?.kind === 'createClient';
      }
      if (refs.reads.get(target)?.kind === 'clerkClient') return true;
      if (target.type === 'Identifier' && depth < 3) {
        const definition = ASTUtils.findVariable(sourceCode.getScope(target), target)?.defs[0];
        if (definition?.type === 'Variable' && definition.node.init) return isClerkClient(definition.node.init, depth + 1);
      }
      return false;
    }

    function adminSuggestion(entry: EntryPoint): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (entry.kind !== 'serverAction' && entry.kind !== 'appRoute') return [];
      const style = codeStyle(sourceCode);
      const v6 = setup!.major >= 6;
      return [
        {
          messageId: 'requireAdminRole',
          fix: (fixer) => {
            const imported = planImport(sourceCode, GUARD_IMPORT_SOURCE.next, 'auth');
            const role = `{ role: ${quoted('org:admin', style)} }`;
            const line = v6 ? `await ${imported.local}.protect(${role})${statementEnd(style)}` : `${imported.local}().protect(${role})${statementEnd(style)}`;
            const body = insertAtFunctionStart(fixer, sourceCode, entry.fn, [line], v6);
            if (body === undefined) return null;
            return imported.fix === undefined ? body : [imported.fix(fixer), ...body];
          },
        },
      ];
    }

    return {
      'Program:exit'() {
        entryOf = entryPointIndex(sourceCode, refs, kind, setup.settings.authWrappers);
        findFirst(
          sourceCode,
          sourceCode.ast,
          (node) => {
            if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.computed) return false;
            const method = node.callee.property.type === 'Identifier' ? node.callee.property.name : '';
            if (!USER_METADATA_WRITE_METHODS.has(method) || !isUsersApi(node.callee.object)) return false;
            check(node, method);
            return false;
          },
          { enterFunctions: true },
        );
      },
    };

    function check(call: TSESTree.CallExpression, method: string): void {
      const entry = entryOf(call);
      if (entry === undefined) return;
      const input = new RequestInputAnalyzer(sourceCode, refs, entry.fn);
      const [target, data] = call.arguments;
      if (target === undefined) return;
      const resolveImported = importedFunctionResolver(context, setup!.settings);
      if (hasAuthorizationBefore(sourceCode, refs, setup!.settings.authFunctions, entry.fn, call.range[0], 0, resolveImported)) return;
      const suggest = adminSuggestion(entry);
      const privileged = data === undefined ? undefined : privilegedWrite(data, input);
      if (privileged !== undefined) {
        context.report({ node: privileged.node, messageId: 'metadataFromRequest', data: { method, key: privileged.key }, fix: promotedFix(setup!.settings, suggest), suggest });
        return;
      }
      if (input.isCallerControlled(target) && !isFromSession(sourceCode, refs, target)) {
        context.report({ node: target, messageId: 'targetFromRequest', data: { method }, fix: promotedFix(setup!.settings, suggest), suggest });
      }
    }

    /** `{ publicMetadata: body.meta }`, `{ publicMetadata: { role: formData.get('role') } }`, `{ ...body }`, or `body` itself. */
    function privilegedWrite(data: TSESTree.Node, input: RequestInputAnalyzer): { node: TSESTree.Node; key: string } | undefined {
      if (data.type !== 'ObjectExpression') {
        return data.type !== 'SpreadElement' && input.isCallerControlled(data) ? { node: data, key: 'publicMetadata' } : undefined;
      }
      for (const property of data.properties) {
        if (property.type === 'SpreadElement') {
          if (input.isCallerControlled(property.argument)) return { node: property, key: 'publicMetadata' };
          continue;
        }
        const key = property.key.type === 'Identifier' ? property.key.name : undefined;
        if (key === undefined || !PRIVILEGED_METADATA_KEYS.has(key)) continue;
        const value = property.value;
        if (value.type === 'ObjectExpression') {
          const tainted = value.properties.find((inner) =>
            inner.type === 'SpreadElement' ? input.isCallerControlled(inner.argument) : input.isCallerControlled(inner.value),
          );
          if (tainted !== undefined) return { node: tainted, key };
        } else if (input.isCallerControlled(value)) {
          return { node: value, key };
        }
      }
      return undefined;
    }

  },
});
