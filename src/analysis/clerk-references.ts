import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import {
  CLERK_SOURCES,
  CLERK_TEXT_MARKERS,
  type ExportInfo,
  type Framework,
  NEXT_NAVIGATION_SOURCE,
  NEXT_NEVER_RETURNS,
  NEXT_RETHROW,
} from '../clerk/index.js';
import { perFile } from '../util/file-cache.js';
import { type FunctionNode, skipAwaitAndWrappers } from './functions.js';
import { findFirst } from './traverse.js';

/** What a resolved reference is. */
export type RefKind = ExportInfo['kind'] | 'nextNeverReturns' | 'nextRethrow' | 'other';

export interface ApiRef {
  /** The import source, such as `@clerk/nextjs/server`. */
  readonly source: string;
  /** The export and property path under it, such as `auth` or `auth.protect`. */
  readonly name: string;
  readonly kind: RefKind;
  readonly framework: Framework | 'next-runtime';
  readonly info: ExportInfo | undefined;
}

export interface ClerkReferences {
  /** Calls whose callee resolves to a known API (`auth()`, `ns.auth()`, `auth.protect()`, `redirect()`). */
  readonly calls: ReadonlyMap<TSESTree.CallExpression, ApiRef>;
  /** Value reads of known APIs (identifiers and member expressions), including callees. */
  readonly reads: ReadonlyMap<TSESTree.Node, ApiRef>;
  /** `new X(...)` of known classes (svix `Webhook`). */
  readonly constructs: ReadonlyMap<TSESTree.NewExpression, ApiRef>;
  /** Import sources of the file that are Clerk's (value or type imports). */
  readonly clerkSources: ReadonlySet<string>;
}

/**
 * What a trace-map node stands for: an export (or `auth.protect`) whose reads and calls resolve to `ref` (and `new`
 * too when `construct`), and the properties followed below it. The import sources are the roots, without a `ref`;
 * every source is an ES module.
 */
interface TraceNode {
  readonly ref: ApiRef | undefined;
  readonly construct: boolean;
  readonly children: ReadonlyMap<string, TraceNode>;
}

/** Built once at load from the immutable catalog; never written afterwards. */
const TRACE_MAP: ReadonlyMap<string, TraceNode> = buildTraceMap();

function traceNode(ref: ApiRef | undefined, construct: boolean, children: ReadonlyMap<string, TraceNode> = new Map()): TraceNode {
  return { ref, construct, children };
}

function buildTraceMap(): Map<string, TraceNode> {
  const map = new Map<string, TraceNode>();
  for (const [source, sourceInfo] of Object.entries(CLERK_SOURCES)) {
    const exports = new Map<string, TraceNode>();
    for (const [name, info] of Object.entries(sourceInfo.exports)) {
      const ref: ApiRef = { source, name, kind: info.kind, framework: sourceInfo.framework, info };
      const children = new Map<string, TraceNode>();
      if (name === 'auth') {
        const protect: ApiRef = { source, name: 'auth.protect', kind: 'protect', framework: sourceInfo.framework, info };
        children.set('protect', traceNode(protect, false));
      }
      exports.set(name, traceNode(ref, true, children));
    }
    map.set(source, traceNode(undefined, false, exports));
  }
  const navigation = new Map<string, TraceNode>();
  for (const name of [...NEXT_NEVER_RETURNS, NEXT_RETHROW]) {
    const ref: ApiRef = {
      source: NEXT_NAVIGATION_SOURCE,
      name,
      kind: name === NEXT_RETHROW ? 'nextRethrow' : 'nextNeverReturns',
      framework: 'next-runtime',
      info: undefined,
    };
    navigation.set(name, traceNode(ref, false));
  }
  map.set(NEXT_NAVIGATION_SOURCE, traceNode(undefined, false, navigation));
  return map;
}

/** What the tracker reports: a read, a call or a `new` of a traced API at `node`. */
export type TrackedKind = 'read' | 'call' | 'construct';

/**
 * Reports every reference of a module to Clerk's APIs and Next.js' navigation functions (TRACE_MAP), in the order
 * and with the meaning of eslint-utils' `ReferenceTracker` (`iterateEsmReferences`, then `iteratePropertyReferences`
 * of each `require()` of a traced source), which this replaces: the same walk as plain recursion instead of nested
 * generators, which were among the plugin's dearest code for V8 to optimise. `tests/analysis/clerk-references.test.ts`
 * compares the two on every fixture and example module.
 */
export function trackReferences(globalScope: TSESLint.Scope.Scope, report: (node: TSESTree.Node, kind: TrackedKind, ref: ApiRef) => void): void {
  const variableStack: TSESLint.Scope.Variable[] = [];

  function variableReferences(variable: TSESLint.Scope.Variable | null, trace: TraceNode): void {
    if (variable === null || variableStack.includes(variable)) return;
    variableStack.push(variable);
    try {
      for (const reference of variable.references) {
        if (reference.isRead()) propertyReferences(reference.identifier, trace);
      }
    } finally {
      variableStack.pop();
    }
  }

  function propertyReferences(rootNode: TSESTree.Node, trace: TraceNode): void {
    let node = rootNode;
    while (isPassThrough(node)) node = node.parent as TSESTree.Node;
    const parent = node.parent;
    if (parent === undefined) return;
    switch (parent.type) {
      case 'MemberExpression': {
        if (parent.object !== node) return;
        const key = ASTUtils.getPropertyName(parent);
        const next = key === null ? undefined : trace.children.get(key);
        if (next === undefined) return;
        if (next.ref !== undefined) report(parent, 'read', next.ref);
        propertyReferences(parent, next);
        return;
      }
      case 'CallExpression':
        if (parent.callee === node && trace.ref !== undefined) report(parent, 'call', trace.ref);
        return;
      case 'NewExpression':
        if (parent.callee === node && trace.construct && trace.ref !== undefined) report(parent, 'construct', trace.ref);
        return;
      case 'AssignmentExpression':
        if (parent.right === node) {
          patternReferences(parent.left, trace);
          propertyReferences(parent, trace);
        }
        return;
      case 'AssignmentPattern':
        if (parent.right === node) patternReferences(parent.left, trace);
        return;
      case 'VariableDeclarator':
        if (parent.init === node) patternReferences(parent.id, trace);
        return;
      default:
    }
  }

  function patternReferences(pattern: TSESTree.Node, trace: TraceNode): void {
    if (pattern.type === 'Identifier') {
      variableReferences(ASTUtils.findVariable(globalScope, pattern), trace);
    } else if (pattern.type === 'ObjectPattern') {
      for (const property of pattern.properties) {
        const key = ASTUtils.getPropertyName(property as TSESTree.Property);
        const next = key === null ? undefined : trace.children.get(key);
        if (next === undefined) continue;
        if (next.ref !== undefined) report(property, 'read', next.ref);
        patternReferences((property as TSESTree.Property).value, next);
      }
    } else if (pattern.type === 'AssignmentPattern') {
      patternReferences(pattern.left, trace);
    }
  }

  // ES module imports and re-exports of a traced source.
  for (const statement of (globalScope.block as TSESTree.Program).body) {
    if (
      (statement.type !== 'ImportDeclaration' && statement.type !== 'ExportNamedDeclaration' && statement.type !== 'ExportAllDeclaration') ||
      statement.source == null
    ) {
      continue;
    }
    const source = TRACE_MAP.get(statement.source.value);
    if (source === undefined) continue;
    if (statement.type === 'ExportAllDeclaration') {
      for (const exported of source.children.values()) if (exported.ref !== undefined) report(statement, 'read', exported.ref);
      continue;
    }
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportNamespaceSpecifier') {
        variableReferences(ASTUtils.findVariable(globalScope, specifier.local), source);
        continue;
      }
      const key =
        specifier.type === 'ImportDefaultSpecifier'
          ? 'default'
          : specifier.type === 'ImportSpecifier'
            ? moduleExportName(specifier.imported)
            : moduleExportName(specifier.local);
      const next = source.children.get(key);
      if (next === undefined) continue;
      if (next.ref !== undefined) report(specifier, 'read', next.ref);
      if (specifier.type !== 'ExportSpecifier') variableReferences(ASTUtils.findVariable(globalScope, specifier.local), next);
    }
  }

  // `require('<traced source>')` calls, found through the unresolved references of the file, so that they resolve
  // whether or not `require` is declared as a global in the user's config.
  for (const reference of globalScope.through) {
    const identifier = reference.identifier;
    const call = identifier.parent;
    if (identifier.name !== 'require' || call?.type !== 'CallExpression' || call.callee !== identifier) continue;
    const argument = call.arguments[0];
    if (argument?.type !== 'Literal' || typeof argument.value !== 'string') continue;
    const source = TRACE_MAP.get(argument.value);
    if (source !== undefined) propertyReferences(call, source);
  }
}

function moduleExportName(name: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return name.type === 'Identifier' ? name.name : name.value;
}

/** The value of `node` is passed through to its parent as it is (`a || b`, `c ? a : b`, `(a, b)`, `a!`, `a as T`). */
function isPassThrough(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent === undefined) return false;
  switch (parent.type) {
    case 'ConditionalExpression':
      return parent.consequent === node || parent.alternate === node;
    case 'LogicalExpression':
    case 'ChainExpression':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSTypeAssertion':
    case 'TSNonNullExpression':
    case 'TSInstantiationExpression':
      return true;
    case 'SequenceExpression':
      return parent.expressions[parent.expressions.length - 1] === node;
    default:
      return false;
  }
}

const TYPE_PARENTS = new Set([
  'TSTypeReference',
  'TSQualifiedName',
  'TSTypeQuery',
  'TSClassImplements',
  'TSInterfaceHeritage',
  'TSImportType',
]);

/** Cheap text pre-filter: can this file import anything the tracker follows? */
export function mayReferenceClerk(text: string): boolean {
  return CLERK_TEXT_MARKERS.some((marker) => text.includes(marker)) || text.includes(NEXT_NAVIGATION_SOURCE);
}

const EMPTY: ClerkReferences = { calls: new Map(), reads: new Map(), constructs: new Map(), clerkSources: new Set() };

/** Resolves every Clerk and Next.js navigation reference of the file, once per file for all rules. */
export function getClerkReferences(sourceCode: Readonly<TSESLint.SourceCode>): ClerkReferences {
  return perFile(sourceCode, 'clerkReferences', () => {
    if (!mayReferenceClerk(sourceCode.text)) return EMPTY;
    const globalScope = sourceCode.scopeManager?.globalScope;
    if (!globalScope) return EMPTY;
    const calls = new Map<TSESTree.CallExpression, ApiRef>();
    const reads = new Map<TSESTree.Node, ApiRef>();
    const constructs = new Map<TSESTree.NewExpression, ApiRef>();
    const clerkSources = new Set<string>();
    for (const statement of sourceCode.ast.body) {
      if (statement.type === 'ImportDeclaration' && statement.source.value in CLERK_SOURCES) {
        clerkSources.add(statement.source.value);
      }
    }
    trackReferences(globalScope, (node, kind, ref) => {
      if (kind === 'construct') {
        if (node.type === 'NewExpression') constructs.set(node, ref);
      } else if (kind === 'call') {
        if (node.type === 'CallExpression') {
          calls.set(node, ref);
          reads.set(node.callee, ref);
        }
      } else if (node.type === 'ImportSpecifier' || node.type === 'ImportDefaultSpecifier') {
        // The tracker reports a plain read at the import; record each value use of the binding instead.
        for (const variable of sourceCode.scopeManager?.getDeclaredVariables(node) ?? []) {
          for (const reference of variable.references) {
            if (reference.isValueReference && reference.isRead()) reads.set(reference.identifier, ref);
          }
        }
      } else if (node.type !== 'ImportDeclaration' && (node.parent === undefined || !TYPE_PARENTS.has(node.parent.type))) {
        reads.set(node, ref);
      }
    });
    return { calls, reads, constructs, clerkSources };
  });
}

/** The API a call resolves to, looking through `await`-free wrappers such as `(auth)()`. */
export function resolveCall(refs: ClerkReferences, call: TSESTree.CallExpression): ApiRef | undefined {
  return refs.calls.get(call);
}

/**
 * A branch that leaves: `return`, `throw`, or a block ending in one, or in a call that never returns
 * (`redirect()`, `notFound()`, `auth.protect()`).
 */
export function branchExits(refs: ClerkReferences, branch: TSESTree.Statement): boolean {
  const last = branch.type === 'BlockStatement' ? branch.body[branch.body.length - 1] : branch;
  if (last === undefined) return false;
  if (last.type === 'ReturnStatement' || last.type === 'ThrowStatement') return true;
  if (last.type !== 'ExpressionStatement' || last.expression.type !== 'CallExpression') return false;
  const kind = refs.calls.get(last.expression)?.kind;
  return kind === 'nextNeverReturns' || kind === 'neverReturns' || kind === 'protect';
}

/**
 * The first `const { … } = await auth()` (or `auth.protect()`, `getAuth(req)`) of a function, declared as a statement
 * of its own before `use`, in a block that holds `use`: the destructuring a repair may extend (`, orgId`,
 * `, sessionClaims`) so that the name is in scope, and initialised, where it is used.
 */
export function authDestructuringBefore(
  sourceCode: Readonly<TSESLint.SourceCode>,
  refs: ClerkReferences,
  fn: FunctionNode,
  use: TSESTree.Node,
): { pattern: TSESTree.ObjectPattern; statement: TSESTree.VariableDeclaration } | undefined {
  let found: { pattern: TSESTree.ObjectPattern; statement: TSESTree.VariableDeclaration } | undefined;
  findFirst(sourceCode, fn.body, (node) => {
    if (node.range[0] >= use.range[0]) return 'skip';
    if (node.type !== 'VariableDeclarator' || node.id.type !== 'ObjectPattern' || node.init === null) return false;
    const statement = node.parent;
    if (statement?.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return false;
    const block = statement.parent;
    if (block === undefined || (block.type !== 'BlockStatement' && block.type !== 'Program')) return false;
    if (!(block.range[0] <= use.range[0] && use.range[1] <= block.range[1])) return false;
    const init = skipAwaitAndWrappers(node.init);
    const kind = init.type === 'CallExpression' ? refs.calls.get(init)?.kind : undefined;
    if (kind !== 'authObject' && kind !== 'protect') return false;
    found = { pattern: node.id, statement };
    return true;
  });
  return found;
}
