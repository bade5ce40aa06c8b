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

const { ReferenceTracker } = ASTUtils;

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

interface TraceInfo {
  readonly ref: ApiRef;
}

type TraceMap = Record<string | symbol, unknown>;

/** Built once at load from the immutable catalog; never written afterwards. */
const TRACE_MAP: TraceMap = buildTraceMap();

function buildTraceMap(): TraceMap {
  const map: TraceMap = {};
  for (const [source, sourceInfo] of Object.entries(CLERK_SOURCES)) {
    const entry: TraceMap = { [ReferenceTracker.ESM]: true };
    for (const [name, info] of Object.entries(sourceInfo.exports)) {
      const ref: ApiRef = { source, name, kind: info.kind, framework: sourceInfo.framework, info };
      const node: TraceMap = {
        [ReferenceTracker.READ]: { ref },
        [ReferenceTracker.CALL]: { ref },
        [ReferenceTracker.CONSTRUCT]: { ref },
      };
      if (name === 'auth') {
        const protect: ApiRef = { source, name: 'auth.protect', kind: 'protect', framework: sourceInfo.framework, info };
        node.protect = { [ReferenceTracker.READ]: { ref: protect }, [ReferenceTracker.CALL]: { ref: protect } };
      }
      entry[name] = node;
    }
    map[source] = entry;
  }
  const navigation: TraceMap = { [ReferenceTracker.ESM]: true };
  for (const name of [...NEXT_NEVER_RETURNS, NEXT_RETHROW]) {
    const ref: ApiRef = {
      source: NEXT_NAVIGATION_SOURCE,
      name,
      kind: name === NEXT_RETHROW ? 'nextRethrow' : 'nextNeverReturns',
      framework: 'next-runtime',
      info: undefined,
    };
    navigation[name] = { [ReferenceTracker.READ]: { ref }, [ReferenceTracker.CALL]: { ref } };
  }
  map[NEXT_NAVIGATION_SOURCE] = navigation;
  return map;
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
    const tracker = new ReferenceTracker(globalScope);
    const found = [
      ...tracker.iterateEsmReferences(TRACE_MAP as never),
      ...requireReferences(globalScope, tracker),
    ] as { node: TSESTree.Node; type: symbol; info: TraceInfo }[];
    for (const { node, type, info } of found) {
      if (type === ReferenceTracker.CONSTRUCT && node.type === 'NewExpression') {
        constructs.set(node, info.ref);
      } else if (type === ReferenceTracker.CALL && node.type === 'CallExpression') {
        calls.set(node, info.ref);
        reads.set(node.callee, info.ref);
      } else if (type === ReferenceTracker.READ && node.type !== 'ImportDeclaration') {
        if (node.type === 'ImportSpecifier' || node.type === 'ImportDefaultSpecifier') {
          // The tracker reports a plain read at the import; record each value use of the binding instead.
          for (const variable of sourceCode.scopeManager?.getDeclaredVariables(node) ?? []) {
            for (const reference of variable.references) {
              if (reference.isValueReference && reference.isRead()) reads.set(reference.identifier, info.ref);
            }
          }
          continue;
        }
        if (node.parent !== undefined && TYPE_PARENTS.has(node.parent.type)) continue;
        reads.set(node, info.ref);
      }
    }
    return { calls, reads, constructs, clerkSources };
  });
}

/**
 * `require('<clerk source>')` calls, found through the unresolved references of the file, so that they resolve
 * whether or not `require` is declared as a global in the user's config.
 */
function* requireReferences(
  globalScope: TSESLint.Scope.Scope,
  tracker: InstanceType<typeof ReferenceTracker>,
): Generator<unknown> {
  for (const reference of globalScope.through) {
    const identifier = reference.identifier;
    const call = identifier.parent;
    if (identifier.name !== 'require' || call?.type !== 'CallExpression' || call.callee !== identifier) continue;
    const source = call.arguments[0];
    if (source?.type !== 'Literal' || typeof source.value !== 'string') continue;
    const traceMap = TRACE_MAP[source.value];
    if (traceMap === undefined) continue;
    // Present at runtime in @eslint-community/eslint-utils, missing from typescript-eslint's type.
    const properties = tracker as unknown as { iteratePropertyReferences(node: unknown, map: unknown): Iterable<unknown> };
    yield* properties.iteratePropertyReferences(call, traceMap);
  }
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
