import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import {
  authDestructuringBefore,
  isRoleOrPermissionCheck,
  branchExits,
  isDataQueryCall,
  mayQueryData,
  mayReadOrgId,
  type FunctionNode,
  enclosingFunction,
  entryPointIndex,
  type EntryPoint,
  findFirst,
  getClerkReferences,
  getAuthAnalyzer,
  getFileKind,
  isFromSession,
  orgAccessAuthorizedBefore,
  RequestInputAnalyzer,
  skipAwaitAndWrappers,
  unscopedIdQuery,
  derivesFromSession,
  readsSession,
} from '../analysis/index.js';
import { GUARD_IMPORT_SOURCE, ORG_ID_NAMES } from '../clerk/index.js';
import { exitStatement, nodeFramework } from '../fixes/auth-guard.js';
import { insertAfterStatement, insertAtFunctionStart, propertyRemovalRange, statementRemovalRange } from '../fixes/guard.js';
import { planImport } from '../fixes/imports.js';
import { freeName, namesInUse } from '../fixes/names.js';
import { codeStyle, quoted, statementEnd } from '../fixes/style.js';
import { escapeRegExp } from '../util/regexp.js';
import { createRule } from './kit/create-rule.js';
import { promotedFix } from './kit/report.js';
import { setupRule } from './kit/rule-setup.js';
import { stringListOption } from './kit/schema.js';

export type Options = [{ orgIdNames?: string[]; checkTenantScoping?: boolean }];
export type MessageIds = 'orgIdFromRequest' | 'useSessionOrgId' | 'sessionOrgIdUnchecked' | 'exitWhenNoOrganization' | 'recordNotTiedToOrganization';

/** Calls that do not scope data: logging, serialisation, conversion, validation. */
const INERT_CALLEES = /^(?:console\.\w+|JSON\.\w+|String|Number|Boolean|\w+\.(?:parse|safeParse|parseAsync|safeParseAsync|trim|toString|toLowerCase|toUpperCase))$/u;

export default createRule<Options, MessageIds>({
  name: 'no-org-id-from-request',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow scoping data or acting on an organization with an `orgId` the caller supplied',
      recommended: 'recommended',
      strictOptions: [{ checkTenantScoping: true }],
      withoutRepair: {
        recordNotTiedToOrganization:
          'the tie depends on the schema (which column or relation holds the organization), which the code being linted does not show',
      },
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          orgIdNames: stringListOption(
            'More names that hold a tenant id, such as `tenantId` or `workspaceId` (added to the defaults).',
          ),
          checkTenantScoping: {
            type: 'boolean',
            description:
              'Also report, in entry points that read `orgId` from `auth()` (directly or through a helper), queries that select a record by an id the caller supplied with nothing tying it to the session\'s organization. On in `strict`.',
          },
        },
      },
    ],
    defaultOptions: [{ orgIdNames: [], checkTenantScoping: false }],
    messages: {
      orgIdFromRequest:
        '`{{name}}` comes from the request and scopes data here; a caller can pass another organization\'s id. Use `orgId` from `auth()`, or compare the two first.',
      useSessionOrgId: 'Use `orgId` from `auth()` instead.',
      sessionOrgIdUnchecked:
        '`{{name}}` from `auth()` is `undefined` for a signed-in user without an active organization, and Prisma and Drizzle drop an `undefined` filter: this query can return every organization\'s rows. Exit when it is missing first.',
      exitWhenNoOrganization: 'Exit when `{{name}}` is missing, before it is used.',
      recordNotTiedToOrganization:
        '`{{name}}` comes from the caller and picks the record this query {{verb}}, but nothing ties that record to the session\'s organization: a member of another organization can pass one of its ids. Add `orgId` from `auth()` to the filter, or compare the record\'s organization with it and exit first.',
    },
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const { names, mention } = orgIdNames(options.orgIdNames ?? []);
    const namesOrgId = mention.test(sourceCode.text);
    const queriesData = options.checkTenantScoping === true && mayQueryData(sourceCode.text);
    if (!namesOrgId && !queriesData) return {};
    const setup = setupRule(context);
    if (setup === undefined) return {};
    const kind = getFileKind(context);
    const entryFile = kind.serverActions || kind.appRoute || kind.pagesApi || kind.nodeServer || sourceCode.text.includes('use server');
    // Class 8 asks only about entry points that read the session's orgId: none can where no module in reach names it.
    // Asked after the file is known to hold entry points, since it reads the modules the file imports.
    const tenantScoping = queriesData && entryFile && mayReadOrgId(context, setup.settings);
    // Every other class needs an org id name in the file itself (`mention` matches `orgId` too).
    if (!namesOrgId && !tenantScoping) return {};
    const refs = getClerkReferences(sourceCode);
    // The session's own orgId, unchecked, in a query: anywhere on the server (pages, layouts, lib functions too).
    const sessionFile = !kind.client && /\borgId\b/u.test(sourceCode.text) && [...refs.calls.values()].some((ref) => ref.kind === 'authObject' || ref.kind === 'protect');
    if (!entryFile && !sessionFile) return {};
    /** The file's entry points, built once when something asks. */
    let entryIndex: ReturnType<typeof entryPointIndex> | undefined;

    return {
      'Program:exit'() {
        if (sessionFile) checkSessionOrgIds();
        if (!entryFile) return;
        const entryOf = (entryIndex ??= entryPointIndex(sourceCode, refs, kind, setup.settings.authWrappers));
        const analyzers = new Map<EntryPoint['fn'], RequestInputAnalyzer>();
        if (tenantScoping) checkTenantScopingOf(entryOf, analyzers);
        if (!namesOrgId) return;
        const reported = new Set<string>();
        findFirst(
          sourceCode,
          sourceCode.ast,
          (candidate) => {
            const found = orgIdUse(candidate);
            if (found === undefined) return false;
            const { use: node, name } = found;
            if (!isScopingUse(node)) return false;
            const entry = entryOf(node);
            if (entry === undefined) return false;
            let input = analyzers.get(entry.fn);
            if (input === undefined) {
              input = new RequestInputAnalyzer(sourceCode, refs, entry.fn);
              analyzers.set(entry.fn, input);
            }
            if (!input.isCallerControlled(node)) return false;
            // has({ role }) / auth.protect({ role }) check the ACTIVE org only: they do not authorise this one.
            if (orgAccessAuthorizedBefore(sourceCode, refs, setup.settings.authFunctions, entry.fn, node)) return false;
            if (comparedWithSessionBefore(entry, node)) return false;
            const key = `${entry.fn.range[0]}:${node.range[0]}`;
            if (reported.has(key)) return false;
            reported.add(key);
            const suggest = sessionOrgIdSuggestion(entry, node);
            context.report({ node, messageId: 'orgIdFromRequest', data: { name }, fix: promotedFix(setup.settings, suggest), suggest });
            return 'skip';
          },
          { enterFunctions: true },
        );
      },
    };

    /**
     * Class 8 (`checkTenantScoping`, strict): in each entry point that reads the session's `orgId` (from `auth()`, or
     * through a helper that does), the first query that selects a record by a caller-supplied id with nothing tying
     * it to the organization (see analysis/tenant-scoping). No repair: the tie depends on the schema (which column or
     * relation holds the organization), which a linter without types cannot know.
     */
    function checkTenantScopingOf(entryOf: (node: TSESTree.Node) => EntryPoint | undefined, analyzers: Map<EntryPoint['fn'], RequestInputAnalyzer>): void {
      const entries = new Set<EntryPoint>();
      findFirst(
        sourceCode,
        sourceCode.ast,
        (node) => {
          if (node.type !== 'CallExpression' || !isDataQueryCall(node)) return false;
          const entry = entryOf(node);
          if (entry !== undefined) entries.add(entry);
          return false;
        },
        { enterFunctions: true },
      );
      for (const entry of entries) {
        let input = analyzers.get(entry.fn);
        if (input === undefined) {
          input = new RequestInputAnalyzer(sourceCode, refs, entry.fn);
          analyzers.set(entry.fn, input);
        }
        const analyzer = input;
        const callerControlled = (node: TSESTree.Node): boolean => analyzer.isCallerControlled(node);
        const found = unscopedIdQuery({
          sourceCode,
          fn: entry.fn,
          callerControlled,
          fromSession: (node) => !callerControlled(node) && derivesFromSession(getAuthAnalyzer(sourceCode, setup!.settings, context), node),
          tenantKeys: names,
          exits,
        });
        // Whether the entry point works in an organization is asked last: it follows the helpers it calls across
        // modules, while most entry points pick no record by a caller-supplied id at all.
        if (found === undefined || !organizationScoped(entry.fn)) continue;
        context.report({
          node: found.call,
          messageId: 'recordNotTiedToOrganization',
          data: { name: sourceCode.getText(skipAwaitAndWrappers(found.value as TSESTree.Expression)), verb: found.mutation ? 'changes' : 'reads' },
        });
      }
    }

    /**
     * The entry point works in an organization: it reads `orgId` from `auth()` / `auth.protect()`, or calls a
     * project helper (same file or imported, or one such helper calls) that does.
     */
    function organizationScoped(fn: FunctionNode): boolean {
      return readsSession(getAuthAnalyzer(sourceCode, setup!.settings, context), fn, { orgOnly: true });
    }

    /**
     * `const { orgId } = await auth()` used in a query or a call with no exit for a missing organization before it:
     * `orgId` is `undefined` for a signed-in user without an active organization, and Prisma and Drizzle drop an
     * `undefined` filter. Guarded: `if (!orgId) …exit`, any exiting `if` that tests it, the use inside `if (orgId)` /
     * `orgId && …` / `orgId ? … : …`, or a role or permission check (`has({ role })`, `auth.protect({ role })`)
     * before it, which needs an active organization. Reported once per binding.
     */
    function checkSessionOrgIds(): void {
      for (const [call, ref] of refs.calls) {
        if (ref.kind !== 'authObject' && ref.kind !== 'protect') continue;
        if (ref.kind === 'protect' && call.arguments.length > 0) continue;
        let declarator: TSESTree.Node | undefined = call.parent;
        while (declarator?.type === 'AwaitExpression' || declarator?.type === 'TSAsExpression' || declarator?.type === 'TSNonNullExpression') declarator = declarator.parent;
        if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'ObjectPattern') continue;
        const property = declarator.id.properties.find(
          (candidate): candidate is TSESTree.Property =>
            candidate.type === 'Property' && !candidate.computed && candidate.key.type === 'Identifier' && candidate.key.name === 'orgId',
        );
        const local = property?.value.type === 'Identifier' ? property.value : undefined;
        const statement = declarator.parent;
        if (local === undefined || statement?.type !== 'VariableDeclaration') continue;
        const variable = ASTUtils.findVariable(sourceCode.getScope(local), local);
        const fn = enclosingFunction(statement);
        if (variable === null || fn === undefined) continue;
        for (const reference of variable.references) {
          const use = reference.identifier;
          if (!reference.isRead() || !isQueryFilterUse(use) || orgGuardedBefore(fn, local.name, use, true)) continue;
          const exit = noOrganizationExit(fn);
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
            exit === undefined
              ? []
              : [
                  {
                    messageId: 'exitWhenNoOrganization',
                    data: { name: local.name },
                    fix: (fixer) => insertAfterStatement(fixer, sourceCode, afterGuards(statement), `if (!${local.name}) ${exit}`),
                  },
                ];
          context.report({ node: use, messageId: 'sessionOrgIdUnchecked', data: { name: local.name }, fix: promotedFix(setup!.settings, suggest), suggest });
          break;
        }
      }
    }

    /**
     * The value reaches a data query as a filter: an argument (or inside one) of a Prisma/Drizzle/Supabase/Mongo-style
     * call (`findMany`, `where`, `eq`, `.eq`, `update`, `deleteMany`, …), or an SQL template. A context object handed
     * to a tRPC caller, or a Clerk API call (which rejects a missing id), is no filter.
     */
    function isQueryFilterUse(use: TSESTree.Node): boolean {
      if (!isScopingUse(use)) return false;
      for (let node: TSESTree.Node | undefined = use.parent; node !== undefined; node = node.parent) {
        if (node.type === 'TaggedTemplateExpression') return true;
        if (node.type === 'CallExpression') return isDataQueryCall(node);
      }
      return false;
    }

    /**
     * Whether an exit, a branch or a role check before the use ensures an active organization: `if (!orgId) …exit`
     * (also as a disjunct, `if (!userId || !orgId)`), the use inside `if (orgId)` / `orgId && …` / `orgId ? … : …`, or
     * `has({ role })` / `auth.protect({ permission })`, which need one. With `anyExitingTest` (finding, not repairing:
     * precision first), any exiting `if` whose test mentions the name counts too (`if (orgId !== project.orgId) throw`).
     */
    function orgGuardedBefore(fn: TSESTree.Node, name: string, use: TSESTree.Node, anyExitingTest: boolean): boolean {
      const mentions = (node: TSESTree.Node): boolean =>
        findFirst(sourceCode, node, (candidate) => candidate.type === 'Identifier' && candidate.name === name) !== undefined;
      const negates = (test: TSESTree.Node): boolean =>
        (test.type === 'UnaryExpression' && test.operator === '!' && test.argument.type === 'Identifier' && test.argument.name === name) ||
        (test.type === 'LogicalExpression' && test.operator === '||' && (negates(test.left) || negates(test.right)));
      const truthy = (test: TSESTree.Node): boolean =>
        (test.type === 'Identifier' && test.name === name) || (test.type === 'LogicalExpression' && test.operator === '&&' && (truthy(test.left) || truthy(test.right)));
      let child: TSESTree.Node = use;
      for (let parent = use.parent; parent !== undefined && child !== fn; child = parent, parent = parent.parent) {
        if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.consequent === child && truthy(parent.test)) return true;
        if (parent.type === 'LogicalExpression' && parent.operator === '&&' && parent.right === child && truthy(parent.left)) return true;
        if (parent.type === 'BlockStatement' || parent.type === 'Program') {
          for (const statement of parent.body) {
            if (statement === child) break;
            if (statement.type === 'IfStatement' && (anyExitingTest ? mentions(statement.test) : negates(statement.test)) && exits(statement.consequent)) return true;
          }
        }
      }
      return (
        findFirst(sourceCode, fn, (candidate) => {
          if (candidate.range[0] >= use.range[0]) return 'skip';
          return candidate.type === 'CallExpression' && isRoleOrPermissionCheck(refs, candidate);
        }) !== undefined
      );
    }

    /** The exit for a missing organization in the function's own style: its entry point's, else a `throw`. */
    function noOrganizationExit(fn: FunctionNode): string | undefined {
      entryIndex ??= entryPointIndex(sourceCode, refs, kind, setup!.settings.authWrappers);
      const entry = entryIndex(fn.body);
      if (entry !== undefined && entry.fn === fn) return exitStatement(sourceCode, entry, nodeFramework(refs) ?? 'next', 'noOrganization');
      const style = codeStyle(sourceCode);
      return `throw new Error(${quoted('No active organization', style)})${statementEnd(style)}`;
    }

    /**
     * A value that scopes data by organization: one named like a tenant id (`orgId`, `body.orgId`), or any value under
     * a tenant-id key whatever its own name (`where: { orgId: org }`, `eq(projects.orgId, org)`): followed by data,
     * not by the variable's name.
     */
    function orgIdUse(node: TSESTree.Node): { use: TSESTree.Node; name: string } | undefined {
      const name = orgIdName(node);
      if (name !== undefined) return { use: node, name };
      const valueOf = (value: TSESTree.Node | undefined) =>
        value !== undefined && (value.type === 'Identifier' || value.type === 'MemberExpression' || value.type === 'CallExpression') && orgIdName(value) === undefined
          ? { use: value, name: sourceCode.getText(value) }
          : undefined;
      if (node.type === 'Property' && node.parent?.type === 'ObjectExpression' && !node.computed && !node.shorthand && node.key.type === 'Identifier' && names.has(node.key.name)) {
        return valueOf(node.value);
      }
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'eq') {
        const [column, value] = node.arguments;
        if (column?.type === 'MemberExpression' && !column.computed && column.property.type === 'Identifier' && names.has(column.property.name)) return valueOf(value);
      }
      return undefined;
    }

    /** `orgId`, `body.orgId`, `params.organization_id` read as a value (not a key or a declaration). */
    function orgIdName(node: TSESTree.Node): string | undefined {
      if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
        return names.has(node.property.name) ? sourceCode.getText(node) : undefined;
      }
      if (node.type !== 'Identifier' || !names.has(node.name)) return undefined;
      const parent = node.parent;
      if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return undefined;
      if (parent?.type === 'Property' && parent.key === node && !parent.shorthand) return undefined;
      if (parent?.type === 'Property' && parent.shorthand && parent.parent?.type === 'ObjectPattern') return undefined;
      if (parent?.type === 'VariableDeclarator' && parent.id === node) return undefined;
      return node.name;
    }

    /** The value reaches a call (a query, a mutation, an organizations API) or an SQL template. */
    function isScopingUse(node: TSESTree.Node): boolean {
      let child: TSESTree.Node = node;
      for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
        switch (parent.type) {
          case 'Property':
            if (parent.value !== child) return false;
            continue;
          case 'ObjectExpression':
          case 'ArrayExpression':
          case 'TSAsExpression':
          case 'TSNonNullExpression':
          case 'SpreadElement':
            continue;
          case 'TemplateLiteral':
            if (parent.parent?.type === 'TaggedTemplateExpression') return true;
            return false;
          case 'CallExpression':
            if (!parent.arguments.includes(child as TSESTree.CallExpressionArgument)) return false;
            return !INERT_CALLEES.test(sourceCode.getText(parent.callee));
          case 'NewExpression':
            return false;
          default:
            return false;
        }
      }
      return false;
    }

    /**
     * `if (body.orgId !== orgId) return …` (orgId from auth()) before the use, or the use inside
     * `if (body.orgId === orgId) { … }`. A comparison that does not exit (`if (a === b) log()`) authorises nothing.
     */
    function comparedWithSessionBefore(entry: EntryPoint, use: TSESTree.Node): boolean {
      const text = sourceCode.getText(use);
      return (
        findFirst(sourceCode, entry.fn.body, (node) => {
          if (node.range[0] >= use.range[0]) return 'skip';
          if (node.type !== 'BinaryExpression' || !['!==', '!=', '===', '=='].includes(node.operator)) return false;
          const sides = [node.left, node.right];
          if (!sides.some((side) => sourceCode.getText(side) === text) || !sides.some((side) => isFromSession(sourceCode, refs, side))) {
            return false;
          }
          return guardsUse(node, use);
        }) !== undefined
      );
    }

    /** The comparison is the test of an `if` that exits when the ids differ, or whose equal branch holds the use. */
    function guardsUse(comparison: TSESTree.BinaryExpression, use: TSESTree.Node): boolean {
      const differs = comparison.operator.startsWith('!');
      let test: TSESTree.Node = comparison;
      // `if (!orgId || body.orgId !== orgId) throw …`: a disjunct of an exit condition still exits.
      while (test.parent?.type === 'LogicalExpression' && test.parent.operator === (differs ? '||' : '&&')) test = test.parent;
      const statement = test.parent;
      if (statement?.type !== 'IfStatement' || statement.test !== test) return false;
      const inside = (branch: TSESTree.Node | null) => branch !== null && branch.range[0] <= use.range[0] && use.range[1] <= branch.range[1];
      if (differs) return exits(statement.consequent) || inside(statement.alternate);
      return inside(statement.consequent) || (statement.alternate !== null && exits(statement.alternate));
    }

    function exits(branch: TSESTree.Statement): boolean {
      return branchExits(refs, branch);
    }

    /** Replaces the use with `local` and removes the request read that only it used (no unused variable is left). */
    function replaceUse(fixer: TSESLint.RuleFixer, use: TSESTree.Node, local: string): TSESLint.RuleFix[] {
      const unused = requestReadOnlyUsedBy(use);
      return [replaceUseText(fixer, use, local), ...(unused === undefined ? [] : [fixer.removeRange(unused)])];
    }

    /**
     * The declaration (or destructured property) of a request value whose only read is `use`: `const { orgId } =
     * await req.json()`, `const orgId = String(formData.get('orgId'))`, `const body = await req.json()` for
     * `body.orgId`. Parameters stay (the signature is the caller's contract).
     */
    function requestReadOnlyUsedBy(use: TSESTree.Node): [number, number] | undefined {
      const name = use.type === 'Identifier' ? use : use.type === 'MemberExpression' && use.object.type === 'Identifier' ? use.object : undefined;
      if (name === undefined) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(name), name);
      const definition = variable?.defs[0];
      if (variable == null || variable.defs.length !== 1 || definition?.type !== 'Variable') return undefined;
      if (variable.references.some((reference) => reference.isRead() && reference.identifier !== name)) return undefined;
      const declarator = definition.node;
      const statement = declarator.parent;
      if (statement?.type !== 'VariableDeclaration' || statement.declarations.length !== 1 || declarator.init === null) return undefined;
      if (declarator.id.type === 'ObjectPattern') {
        const property = declarator.id.properties.find((candidate) => candidate.range[0] <= definition.name.range[0] && definition.name.range[1] <= candidate.range[1]);
        if (property === undefined || property.type === 'RestElement' || declarator.id.properties.some((candidate) => candidate.type === 'RestElement')) return undefined;
        if (declarator.id.properties.length > 1) return propertyRemovalRange(sourceCode, property);
      } else if (declarator.id.type !== 'Identifier') {
        return undefined;
      }
      return isRequestRead(declarator.init) ? statementRemovalRange(sourceCode, statement) : undefined;
    }

    /** `await req.json()`, `(await req.json()) as T`, `formData.get('orgId')`, `String(…)` of one, `await params`. */
    function isRequestRead(init: TSESTree.Expression): boolean {
      let node = skipAwaitAndWrappers(init);
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && ['String', 'Number'].includes(node.callee.name) && node.arguments[0]?.type !== 'SpreadElement' && node.arguments[0] !== undefined) {
        node = skipAwaitAndWrappers(node.arguments[0]);
      }
      if (node.type === 'Identifier' || node.type === 'MemberExpression') return true;
      if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier') return false;
      return ['json', 'formData', 'text', 'get', 'getAll'].includes(node.callee.property.name);
    }

    /** Replaces the use with `local`, expanding a shorthand property so that its key stays (`{ orgId: local }`). */
    function replaceUseText(fixer: TSESLint.RuleFixer, use: TSESTree.Node, local: string): TSESLint.RuleFix {
      const parent = use.parent;
      if (parent?.type === 'Property' && parent.shorthand && use.type === 'Identifier') {
        return local === use.name ? fixer.replaceText(use, local) : fixer.replaceText(parent, `${use.name}: ${local}`);
      }
      // `{ orgId: body.orgId }` → `{ orgId }`
      if (parent?.type === 'Property' && parent.value === use && !parent.computed && !parent.method && parent.key.type === 'Identifier' && parent.key.name === local) {
        return fixer.replaceText(parent, local);
      }
      return fixer.replaceText(use, local);
    }

    /**
     * Replace the value with `orgId` from an existing `auth()` / `auth.protect()` destructuring, or from a new one.
     * Either way the session's `orgId` is `undefined` for a signed-in user without an active organization, and
     * Prisma and Drizzle drop an `undefined` filter: the repair also exits when it is missing, unless an exit
     * already does.
     */
    function sessionOrgIdSuggestion(entry: EntryPoint, use: TSESTree.Node): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (entry.kind !== 'serverAction' && entry.kind !== 'appRoute' && entry.kind !== 'pagesApi') return [];
      const exit = exitStatement(sourceCode, entry, nodeFramework(refs) ?? 'next', 'noOrganization');
      if (exit === undefined) return [];
      const existing = authDestructuringBefore(sourceCode, refs, entry.fn, use);
      if (existing !== undefined) {
        const { pattern, statement } = existing;
        const property = pattern.properties.find(
          (candidate): candidate is TSESTree.Property =>
            candidate.type === 'Property' && !candidate.computed && candidate.key.type === 'Identifier' && candidate.key.name === 'orgId',
        );
        if (property !== undefined) {
          if (property.value.type !== 'Identifier') return [];
          const local = property.value.name;
          const checked = orgGuardedBefore(entry.fn, local, use, false);
          return [
            {
              messageId: 'useSessionOrgId',
              fix: (fixer) => [
                ...(checked ? [] : [insertAfterStatement(fixer, sourceCode, afterGuards(statement), `if (!${local}) ${exit}`)]),
                ...replaceUse(fixer, use, local),
              ],
            },
          ];
        }
        const last = pattern.properties[pattern.properties.length - 1];
        if (last === undefined || last.type === 'RestElement') return [];
        const local = freeName(namesInUse(sourceCode, entry.fn), 'orgId', 'sessionOrgId');
        return [
          {
            messageId: 'useSessionOrgId',
            fix: (fixer) => [
              fixer.insertTextAfter(last, local === 'orgId' ? ', orgId' : `, orgId: ${local}`),
              insertAfterStatement(fixer, sourceCode, afterGuards(statement), `if (!${local}) ${exit}`),
              ...replaceUse(fixer, use, local),
            ],
          },
        ];
      }
      const style = codeStyle(sourceCode);
      const local = freeName(namesInUse(sourceCode, entry.fn), 'orgId', 'sessionOrgId');
      // Pages API routes read the session with `getAuth(req)` (sync); the app router with `auth()`.
      const request = entry.fn.params[0];
      if (entry.kind === 'pagesApi' && request?.type !== 'Identifier') return [];
      const accessor = entry.kind === 'pagesApi' ? 'getAuth' : 'auth';
      const v6 = setup!.major >= 6 && accessor === 'auth';
      return [
        {
          messageId: 'useSessionOrgId',
          fix: (fixer) => {
            const imported = planImport(sourceCode, GUARD_IMPORT_SOURCE.next, accessor);
            const binding = local === 'orgId' ? '{ orgId }' : `{ orgId: ${local} }`;
            const argument = request?.type === 'Identifier' && accessor === 'getAuth' ? request.name : '';
            const call = v6 ? `await ${imported.local}()` : `${imported.local}(${argument})`;
            const lines = [`const ${binding} = ${call}${statementEnd(style)}`, `if (!${local}) ${exit}`];
            const body = insertAtFunctionStart(fixer, sourceCode, entry.fn, lines, v6);
            if (body === undefined) return null;
            return [...(imported.fix === undefined ? [] : [imported.fix(fixer)]), ...body, ...replaceUse(fixer, use, local)];
          },
        },
      ];
    }

    /** The statement, or the last of the exiting `if`s right after it (`if (!userId) throw …`): the new exit goes after them. */
    function afterGuards(statement: TSESTree.VariableDeclaration): TSESTree.Statement {
      const block = statement.parent as TSESTree.BlockStatement | TSESTree.Program;
      let last: TSESTree.Statement = statement;
      for (const next of block.body.slice(block.body.indexOf(statement) + 1)) {
        if (next.type !== 'IfStatement' || next.alternate !== null || !exits(next.consequent)) break;
        last = next;
      }
      return last;
    }
  },
});

/** The names that hold a tenant id, and one pattern that finds any of them in a file's text (one pass). */
const namesByOption = new WeakMap<readonly string[], { readonly names: ReadonlySet<string>; readonly mention: RegExp }>();
function orgIdNames(extra: readonly string[]): { readonly names: ReadonlySet<string>; readonly mention: RegExp } {
  let known = namesByOption.get(extra);
  if (known === undefined) {
    const names = new Set([...ORG_ID_NAMES, ...extra]);
    const escaped = [...names].map(escapeRegExp);
    known = { names, mention: new RegExp(escaped.join('|'), 'u') };
    namesByOption.set(extra, known);
  }
  return known;
}
