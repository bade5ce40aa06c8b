import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import {
  authDestructuringBefore,
  branchExits,
  entryPointIndex,
  enclosingFunction,
  findFirst,
  getAuthAnalyzer,
  getClerkReferences,
  getFileKind,
  importOf,
  isServerActionModule,
  RequestInputAnalyzer,
  resolveImportPath,
  sendsWriteRequest,
  skipAwaitAndWrappers,
} from '../analysis/index.js';
import { CLERK_SOURCES, CLERK_USER_TYPES, GUARD_IMPORT_SOURCE, ROLE_FIELDS } from '../clerk/index.js';
import { insertAtFunctionStart, statementRemovalRange } from '../fixes/guard.js';
import { planImport, removeImportSpecifier } from '../fixes/imports.js';
import { freeName, namesInUse } from '../fixes/names.js';
import { codeStyle, statementEnd } from '../fixes/style.js';
import { createRule } from './kit/create-rule.js';
import { promotedFix } from './kit/report.js';
import { setupRule } from './kit/rule-setup.js';

type ServerPublicMetadata = 'mutations' | 'all' | 'allow';
export type Options = [{ serverPublicMetadata?: ServerPublicMetadata; checkClientGates?: boolean }];
export type MessageIds = 'unsafeMetadataDecision' | 'requestUserRole' | 'userObjectRole' | 'clientOnlyGate' | 'useSessionClaims';

const DECISION_FUNCTION = /^(?:is|has|can|check|require|ensure|assert|verify)[A-Z_]/u;

export default createRule<Options, MessageIds>({
  name: 'no-user-object-role-checks',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow authorisation decisions on role or admin fields of a user object instead of `has()` or verified claims',
      recommended: 'recommended',
      strictOptions: [{ checkClientGates: true }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          serverPublicMetadata: {
            type: 'string',
            enum: ['mutations', 'all', 'allow'],
            description:
              "Role fields of Clerk user objects read in server code (`currentUser()`, `users.getUser()`): report decisions that guard a mutation (`'mutations'`), every decision (`'all'`), or none (`'allow'`, the default: only the backend can write `publicMetadata`).",
          },
          checkClientGates: {
            type: 'boolean',
            description:
              'Also report role decisions on `useUser().user.publicMetadata` in client components that decide whether a privileged request is sent (a non-GET fetch or axios call, a Server Action); UI-only gates are never reported (strict).',
          },
        },
      },
    ],
    defaultOptions: [{ serverPublicMetadata: 'allow', checkClientGates: false }],
    messages: {
      unsafeMetadataDecision:
        '`{{text}}` reads `unsafeMetadata`, which users can write from the browser; an authorisation decision on it lets anyone grant themselves access.',
      requestUserRole:
        '`{{text}}` takes the role from a user object the caller sent; anyone can claim to be an admin.',
      userObjectRole:
        '`{{text}}` decides access from the user object; use `has()` or `sessionClaims`, which come from the verified session token Clerk enforces.',
      clientOnlyGate:
        '`{{text}}` decides only in the browser whether this request is sent; anyone can send it without the role, so the server must enforce the role too.',
      useSessionClaims:
        'Decide on `sessionClaims.metadata.{{field}}` from the verified session token instead (add the claim `metadata` with the value `user.public_metadata` to the session token in the Clerk Dashboard, and keep the field in `publicMetadata`; until then the claim is missing and access is denied).',
    },
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const text = sourceCode.text;
    if (!/unsafeMetadata|publicMetadata|\.(?:role|roles|isAdmin|admin|permissions|isSuperAdmin|plan)\b/u.test(text)) return {};
    const setup = setupRule(context);
    if (setup === undefined) return {};
    const refs = getClerkReferences(sourceCode);
    const kind = getFileKind(context);
    const serverPublicMetadata = options.serverPublicMetadata ?? 'allow';
    const checkClientGates = options.checkClientGates ?? false;
    const entryOf = (() => {
      let index: ReturnType<typeof entryPointIndex> | undefined;
      return (node: TSESTree.Node) => (index ??= entryPointIndex(sourceCode, refs, kind, setup.settings.authWrappers))(node);
    })();

    function report(node: TSESTree.MemberExpression, messageId: MessageIds, suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = []): void {
      context.report({ node, messageId, data: { text: sourceCode.getText(node) }, fix: promotedFix(setup!.settings, suggest), suggest });
    }

    return {
      MemberExpression(node) {
        // Only the outermost member of a chain: `user.publicMetadata.role`, not `user.publicMetadata`.
        if (node.parent?.type === 'MemberExpression' && node.parent.object === node) return;
        const path = memberPath(node);
        if (path === undefined) return;
        const decision = decisionOf(node);
        if (decision === undefined) return;
        const field = path.names[path.names.length - 1] as string;
        if (path.names.includes('unsafeMetadata')) {
          // Shown, not decided on: an onboarding flag or a theme choosing what to render grants nothing. A role-like
          // field, or any field deciding server-side control flow, is a decision.
          if (ROLE_FIELDS.has(field) || !isDisplayChoice(decision)) {
            report(node, 'unsafeMetadataDecision', kind.client || userObjectSource(path.root) !== 'server' ? [] : claimsSuggestion(node, decision));
          }
          return;
        }
        if (!ROLE_FIELDS.has(field)) return;
        if (path.names.some((name) => name === 'sessionClaims' || name === 'orgRole')) return;
        const source = userObjectSource(path.root);
        if (source === undefined) {
          const entry = entryOf(node);
          if (entry !== undefined && new RequestInputAnalyzer(sourceCode, refs, entry.fn).isCallerControlled(path.root)) {
            report(node, 'requestUserRole');
          }
          return;
        }
        if (kind.client || source === 'hook') {
          if (checkClientGates && gatesPrivilegedRequest(decision)) report(node, 'clientOnlyGate');
          return;
        }
        if (serverPublicMetadata === 'allow') return;
        if (serverPublicMetadata === 'mutations' && !guardsMutation(node)) return;
        report(node, 'userObjectRole', claimsSuggestion(node, decision));
      },
    };

    /** The names along a member chain and its root: `user.publicMetadata.role` → root `user`. */
    function memberPath(node: TSESTree.MemberExpression): { root: TSESTree.Node; names: string[] } | undefined {
      const names: string[] = [];
      let current: TSESTree.Node = node;
      while (current.type === 'MemberExpression' || current.type === 'ChainExpression' || current.type === 'TSNonNullExpression') {
        if (current.type === 'MemberExpression') {
          if (current.computed || current.property.type !== 'Identifier') return undefined;
          names.unshift(current.property.name);
          current = current.object;
        } else {
          current = current.expression;
        }
      }
      return { root: current, names };
    }

    /** Where a user object comes from: `currentUser()`, `useUser()`, `users.getUser()`, or a `User`-typed parameter. */
    function userObjectSource(root: TSESTree.Node, depth = 0): 'server' | 'hook' | undefined {
      const node = skipAwaitAndWrappers(root as TSESTree.Expression);
      if (node.type === 'CallExpression') {
        const kindOf = refs.calls.get(node)?.kind;
        if (kindOf === 'currentUser') return 'server';
        if (kindOf === 'userHook') return 'hook';
        const callee = node.callee;
        if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && callee.property.name === 'getUser') return 'server';
        return undefined;
      }
      if (node.type !== 'Identifier' || depth > 3) return undefined;
      const definition = ASTUtils.findVariable(sourceCode.getScope(node), node)?.defs[0];
      if (definition === undefined) return undefined;
      if (definition.type === 'Parameter') {
        const annotation = (definition.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
        if (annotation?.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier' && CLERK_USER_TYPES.has(annotation.typeName.name)) {
          return isClerkTypeImport(annotation.typeName.name) ? 'server' : undefined;
        }
        return undefined;
      }
      if (definition.type !== 'Variable' || definition.node.init === null) return undefined;
      const declaratorId = definition.node.id;
      // `const { user } = useUser()`
      if (declaratorId.type === 'ObjectPattern') {
        const init = skipAwaitAndWrappers(definition.node.init);
        return init.type === 'CallExpression' && refs.calls.get(init)?.kind === 'userHook' ? 'hook' : undefined;
      }
      return userObjectSource(definition.node.init, depth + 1);
    }

    function isClerkTypeImport(name: string): boolean {
      return sourceCode.ast.body.some(
        (statement) =>
          statement.type === 'ImportDeclaration' &&
          statement.source.value in CLERK_SOURCES &&
          statement.specifiers.some((specifier) => specifier.local.name === name),
      );
    }

    /**
     * The authorisation decision the read takes part in: an `if` / ternary / loop test, a guard, a predicate; also
     * through a variable (`const isAdmin = user.unsafeMetadata.role === 'admin'; if (!isAdmin) redirect('/')`).
     */
    function decisionOf(node: TSESTree.Node, depth = 0): TSESTree.Node | undefined {
      let child: TSESTree.Node = node;
      for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
        switch (parent.type) {
          case 'VariableDeclarator': {
            if (parent.init !== child || parent.id.type !== 'Identifier' || depth > 2) return undefined;
            const variable = ASTUtils.findVariable(sourceCode.getScope(parent.id), parent.id);
            for (const reference of variable?.references ?? []) {
              if (!reference.isRead()) continue;
              const decision = decisionOf(reference.identifier, depth + 1);
              if (decision !== undefined) return decision;
            }
            return undefined;
          }
          case 'BinaryExpression':
          case 'LogicalExpression':
          case 'UnaryExpression':
          case 'ChainExpression':
          case 'TSNonNullExpression':
          case 'TSAsExpression':
            continue;
          case 'CallExpression': {
            // `user.publicMetadata.roles.includes('admin')`
            const callee = parent.callee;
            if (callee === child) continue;
            if (callee.type === 'MemberExpression' && callee.object === child) continue;
            return undefined;
          }
          case 'MemberExpression':
            if (parent.object === child) continue;
            return undefined;
          case 'IfStatement':
          case 'ConditionalExpression':
          case 'WhileStatement':
            return parent.test === child ? child : undefined;
          case 'JSXExpressionContainer':
            return child.type === 'LogicalExpression' || child.type === 'ConditionalExpression' ? child : undefined;
          case 'ReturnStatement':
          case 'ArrowFunctionExpression': {
            const fn = parent.type === 'ArrowFunctionExpression' ? parent : enclosingFunction(parent);
            if (fn === undefined) return undefined;
            if (fn.parent?.type === 'CallExpression' && fn.parent.callee.type === 'MemberExpression' && fn.parent.callee.property.type === 'Identifier' && ['filter', 'some', 'every', 'find'].includes(fn.parent.callee.property.name)) {
              return child;
            }
            const name = fn.type === 'FunctionDeclaration' ? fn.id?.name : fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id.name : undefined;
            return name !== undefined && DECISION_FUNCTION.test(name) ? child : undefined;
          }
          default:
            return undefined;
        }
      }
      return undefined;
    }

    /**
     * Whether a browser-side decision decides if a privileged request is sent: what it governs (the branches of the
     * `if` / ternary, the right of `&&`) calls a Server Action (imported from a `'use server'` module) or sends a
     * non-GET request (`fetch(url, { method: 'POST' })`, `axios.delete(…)`), also from handlers it renders.
     */
    function gatesPrivilegedRequest(decision: TSESTree.Node): boolean {
      const parent = decision.parent;
      const governed: TSESTree.Node[] =
        (parent?.type === 'IfStatement' || parent?.type === 'ConditionalExpression') && parent.test === decision
          ? [parent.consequent, ...(parent.alternate ? [parent.alternate] : [])]
          : decision.type === 'LogicalExpression'
            ? [decision.right]
            : decision.type === 'ConditionalExpression'
              ? [decision.consequent, decision.alternate]
              : [];
      return governed.some(
        (node) => findFirst(sourceCode, node, (candidate) => candidate.type === 'CallExpression' && isPrivilegedRequest(candidate), { enterFunctions: true }) !== undefined,
      );
    }

    /** A Server Action call (a function imported from a `'use server'` module), or an HTTP request that writes. */
    function isPrivilegedRequest(call: TSESTree.CallExpression): boolean {
      if (sendsWriteRequest(call)) return true;
      const callee = call.callee;
      if (callee.type !== 'Identifier' || getFileKind(context).path === '') return false;
      const imported = importOf(sourceCode, callee);
      const file = imported === undefined ? undefined : resolveImportPath(context.filename, imported.source);
      return file !== undefined && isServerActionModule(file);
    }

    /**
     * A decision that only chooses what to render: JSX conditional rendering (`{flag && <Banner />}`), or a ternary
     * whose branches are JSX or plain values (`className={flag ? 'dark' : ''}`).
     */
    function isDisplayChoice(decision: TSESTree.Node): boolean {
      if (decision.parent?.type === 'JSXExpressionContainer') return true;
      const parent = decision.parent;
      if (parent?.type !== 'ConditionalExpression' || parent.test !== decision) return false;
      const shown = (branch: TSESTree.Node) =>
        branch.type === 'JSXElement' || branch.type === 'JSXFragment' || branch.type === 'Literal' || branch.type === 'TemplateLiteral' || (branch.type === 'Identifier' && branch.name === 'undefined');
      return shown(parent.consequent) && shown(parent.alternate);
    }

    /** The decision sits in a function that does work (a write, a query): it guards a mutation. */
    function guardsMutation(node: TSESTree.Node): boolean {
      const fn = enclosingFunction(node);
      if (fn === undefined) return false;
      return getAuthAnalyzer(sourceCode, setup!.settings).findWork(fn.body) !== undefined;
    }

    /**
     * `user.publicMetadata.role` → the same field of `sessionClaims.metadata`, the claim Clerk's role guide adds to the
     * session token (`metadata` = `user.public_metadata`), read from `auth()` in the same function. Offered only where
     * a missing claim (a token not yet customised) denies: the decision's test is false for an undefined field when it
     * grants, and true when it exits. `has({ role: 'org:…' })` is no repair: a user-level admin flag is not an
     * organization role, and anyone can create an organization and be its admin.
     */
    function claimsSuggestion(node: TSESTree.MemberExpression, decision: TSESTree.Node): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const path = memberPath(node);
      if (path === undefined) return [];
      const metadataIndex = path.names.findIndex((name) => name === 'publicMetadata' || name === 'unsafeMetadata');
      if (metadataIndex === -1 || metadataIndex !== path.names.length - 2) return [];
      const field = path.names[path.names.length - 1] as string;
      // The caller's own user (`currentUser()`): a user the caller names (`users.getUser(id)`) has other claims.
      if (!isCurrentUser(path.root)) return [];
      const fn = enclosingFunction(node);
      if (fn === undefined || !deniesWhenMissing(node, decision)) return [];
      const v6 = setup!.major >= 6;
      // auth() is awaited from v6 on: never make a function async (its callers would get a promise, always truthy).
      if (v6 && !fn.async) return [];
      if (setup!.major < 5 || !['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'].includes(fn.type)) return [];
      const existing = authDestructuringBefore(sourceCode, refs, fn, node)?.pattern;
      const taken = namesInUse(sourceCode, fn);
      const claimsProperty = existing?.properties.find(
        (property): property is TSESTree.Property =>
          property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && property.key.name === 'sessionClaims',
      );
      if (claimsProperty !== undefined && claimsProperty.value.type !== 'Identifier') return [];
      const claims = claimsProperty !== undefined ? (claimsProperty.value as TSESTree.Identifier).name : freeName(taken, 'sessionClaims', 'clerkSessionClaims');
      const typed = /\.[cm]?tsx?$/u.test(context.filename);
      const metadata = typed ? `(${claims}?.metadata as UserPublicMetadata | undefined)` : `${claims}?.metadata`;
      const replacement = `${metadata}?.${field}`;
      const unused = soleUseDeclaration(path.root);
      return [
        {
          messageId: 'useSessionClaims',
          data: { field },
          fix: (fixer) => {
            const fixes: TSESLint.RuleFix[] = [fixer.replaceText(node.parent?.type === 'ChainExpression' ? node.parent : node, replacement)];
            /** The `currentUser` import that the repair leaves unused: removed, or turned into the `auth` import it needs. */
            let unusedImport = unused?.importSpecifier;
            if (unused !== undefined) fixes.push(fixer.removeRange(unused.range));
            if (claimsProperty === undefined) {
              const last = existing?.properties[existing.properties.length - 1];
              if (existing !== undefined) {
                if (last === undefined || last.type === 'RestElement') return null;
                fixes.push(fixer.insertTextAfter(last, claims === 'sessionClaims' ? ', sessionClaims' : `, sessionClaims: ${claims}`));
              } else {
                const imported = planImport(sourceCode, GUARD_IMPORT_SOURCE.next, 'auth', [GUARD_IMPORT_SOURCE.next]);
                const binding = claims === 'sessionClaims' ? '{ sessionClaims }' : `{ sessionClaims: ${claims} }`;
                const line = `const ${binding} = ${v6 ? 'await ' : ''}${imported.local}()${statementEnd(codeStyle(sourceCode))}`;
                const body = insertAtFunctionStart(fixer, sourceCode, fn, [line], false);
                if (body === undefined) return null;
                fixes.push(...body);
                const declaration = unusedImport?.parent;
                if (imported.fix !== undefined && unusedImport !== undefined && declaration?.type === 'ImportDeclaration' && declaration.source.value === GUARD_IMPORT_SOURCE.next) {
                  fixes.push(fixer.replaceText(unusedImport, imported.local === 'auth' ? 'auth' : `auth as ${imported.local}`));
                  unusedImport = undefined;
                } else if (imported.fix !== undefined) {
                  fixes.push(imported.fix(fixer));
                }
              }
            }
            if (unusedImport !== undefined) fixes.push(removeImportSpecifier(fixer, sourceCode, unusedImport));
            return fixes;
          },
        },
      ];
    }

    /**
     * With the field undefined, the decision denies: an `if` / ternary / `&&` that grants in its consequent has a test
     * that is then false (`x === 'admin'`, `x`, `x.includes?.()`), one whose consequent exits has a test that is then
     * true (`x !== 'admin'`, `!x`). Anything else (a deny-list `x === 'banned'`, `&&` / `||` mixes) gets no repair.
     */
    function deniesWhenMissing(node: TSESTree.Node, decision: TSESTree.Node): boolean {
      const operand = node.parent?.type === 'ChainExpression' ? node.parent : node;
      let valueWhenMissing: boolean | undefined;
      if (decision === operand) valueWhenMissing = false;
      else if (decision.type === 'UnaryExpression' && decision.operator === '!' && decision.argument === operand) valueWhenMissing = true;
      else if (decision.type === 'BinaryExpression' && (decision.left === operand || decision.right === operand)) {
        const other = decision.left === operand ? decision.right : decision.left;
        if (other.type !== 'Literal' || other.value === null) return false;
        if (decision.operator === '===' || decision.operator === '==') valueWhenMissing = false;
        else if (decision.operator === '!==' || decision.operator === '!=') valueWhenMissing = true;
      }
      if (valueWhenMissing === undefined) return false;
      const parent = decision.parent;
      if (parent?.type === 'IfStatement' && parent.test === decision) {
        const exitsBranch = isExit(parent.consequent);
        return exitsBranch ? valueWhenMissing && parent.alternate === null : !valueWhenMissing;
      }
      if (parent?.type === 'ConditionalExpression' && parent.test === decision) return !valueWhenMissing;
      if (decision.type === 'LogicalExpression') return false;
      return false;
    }

    function isExit(branch: TSESTree.Statement): boolean {
      return branchExits(refs, branch);
    }

    /** `currentUser()`, or a variable declared from it (`const user = await currentUser()`). */
    function isCurrentUser(root: TSESTree.Node): boolean {
      const node = skipAwaitAndWrappers(root as TSESTree.Expression);
      if (node.type === 'CallExpression') return refs.calls.get(node)?.kind === 'currentUser';
      if (node.type !== 'Identifier') return false;
      const definition = ASTUtils.findVariable(sourceCode.getScope(node), node)?.defs[0];
      if (definition?.type !== 'Variable' || definition.node.id.type !== 'Identifier' || definition.node.init === null) return false;
      const init = skipAwaitAndWrappers(definition.node.init);
      return init.type === 'CallExpression' && refs.calls.get(init)?.kind === 'currentUser';
    }

    /**
     * `const user = await currentUser()` whose only reference is the one being replaced: its statement's range (with
     * the line it stands on), so the repair leaves no unused variable behind.
     */
    function soleUseDeclaration(root: TSESTree.Node): { range: [number, number]; importSpecifier?: TSESTree.ImportClause } | undefined {
      if (root.type !== 'Identifier') return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
      const definition = variable?.defs[0];
      if (variable === null || definition?.type !== 'Variable' || variable.defs.length !== 1) return undefined;
      if (variable.references.some((reference) => reference.identifier !== root && reference.identifier !== definition.name)) return undefined;
      const statement = definition.node.parent;
      if (statement?.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return undefined;
      const init = definition.node.init === null ? undefined : skipAwaitAndWrappers(definition.node.init);
      if (init?.type !== 'CallExpression' || refs.calls.get(init)?.kind !== 'currentUser') return undefined;
      const range = statementRemovalRange(sourceCode, statement);
      // `currentUser` itself, when this was its only call.
      const callee = init.callee.type === 'Identifier' ? ASTUtils.findVariable(sourceCode.getScope(init.callee), init.callee) : null;
      const importDef = callee?.defs[0];
      const importSpecifier =
        importDef?.type === 'ImportBinding' && callee !== null && callee.references.length === 1 && importDef.node.type === 'ImportSpecifier' ? importDef.node : undefined;
      return { range, ...(importSpecifier === undefined ? {} : { importSpecifier }) };
    }
  },
});
