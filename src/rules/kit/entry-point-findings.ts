import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  type EntryPoint,
  entryUrlSegments,
  getAuthAnalyzer,
  getClerkReferences,
  isPublicReadWork,
  takesCallerId,
} from '../../analysis/index.js';
import { PRIVATE_PATH_SEGMENT } from '../../clerk/index.js';
import { insertCheckFix, insertGuardFix, isAuthenticatedFix } from '../../fixes/auth-guard.js';
import { moveGuardFix } from '../../fixes/move-guard.js';
import type { RuleSetup } from './rule-setup.js';

/** The messages of a rule that checks entry points for authentication (same ids in every such rule). */
export type EntryPointMessageIds =
  | 'missingAuth'
  | 'uncheckedAuth'
  | 'authAfterWork'
  | 'nullCheckWithMachineTokens'
  | 'addAuthGuard'
  | 'moveAuthGuard'
  | 'addAuthCheck'
  | 'useIsAuthenticated';

type ProblemId = Extract<EntryPointMessageIds, 'missingAuth' | 'uncheckedAuth' | 'authAfterWork' | 'nullCheckWithMachineTokens'>;
type RepairId = Extract<EntryPointMessageIds, 'addAuthGuard' | 'moveAuthGuard' | 'addAuthCheck' | 'useIsAuthenticated'>;

export interface EntryPointFinding {
  /**
   * A route handler that never reads the session and only reads public data (see `checkPublicReads`): public by
   * design unless the app's middleware protects its route, which says the app means it to be private.
   */
  readonly publicRead?: boolean;
  readonly messageId: ProblemId;
  readonly loc: TSESTree.SourceLocation;
  readonly data: Record<string, string>;
  readonly suggest: TSESLint.SuggestionReportDescriptor<RepairId>[];
}

export interface EntryPointOptions {
  /**
   * Report entry points that never read the session and only read data that is not private by its name, taking no
   * caller-identifying input (a catalogue list, a public post): public by design in most apps, so off unless a
   * team asks.
   */
  readonly checkPublicReads?: boolean;
}

/**
 * Only reads, of data not private by its name, with no caller-identifying input, on a route whose path does not say
 * it is private: public by design.
 */
export function isPublicRead(
  sourceCode: Readonly<TSESLint.SourceCode>,
  firstWork: TSESTree.Node,
  allWork: () => readonly TSESTree.Node[],
  entry: EntryPoint,
): boolean {
  if (entryUrlSegments(entry).some((segment) => PRIVATE_PATH_SEGMENT.test(segment))) return false;
  // The first piece of work decides most entry points (a write) before the whole function is walked.
  if (!isPublicReadWork(sourceCode, firstWork)) return false;
  return allWork().every((work) => isPublicReadWork(sourceCode, work)) && !takesCallerId(sourceCode, entry.fn);
}

/** Analyzes one entry point: what is wrong with its authentication, and the repairs on offer. */
export function findEntryPointProblem(
  context: Readonly<TSESLint.RuleContext<EntryPointMessageIds, readonly unknown[]>>,
  setup: RuleSetup,
  entry: EntryPoint,
  options: EntryPointOptions = {},
): EntryPointFinding | undefined {
  if (entry.guardedBy !== undefined) return undefined;
  const { sourceCode } = context;
  const refs = getClerkReferences(sourceCode);
  const analyzer = getAuthAnalyzer(sourceCode, setup.settings, context);
  // `withAuth(async (userId) => …)`, `authActionClient.action(…)`: a wrapper that authenticates first.
  if (entry.wrappers?.some((call) => analyzer.wrapsWithAuth(call))) return undefined;
  const verdict = analyzer.analyze(entry.fn, {
    routeHandler: entry.kind !== 'serverAction',
  });
  const loc = entry.reportNode.loc;
  const data = { name: entry.name };
  // Repairs are worked out only when a rule reads them (it reports): many findings are dropped afterwards (a route
  // the middleware protects, a webhook), and building a repair reads the file's style and names.
  const finding = (
    base: Omit<EntryPointFinding, 'suggest'>,
    repairs: () => TSESLint.SuggestionReportDescriptor<RepairId>[],
  ): EntryPointFinding => {
    let suggest: TSESLint.SuggestionReportDescriptor<RepairId>[] | undefined;
    return Object.defineProperty({ ...base }, 'suggest', { enumerable: true, get: () => (suggest ??= repairs()) }) as EntryPointFinding;
  };
  switch (verdict.kind) {
    case 'authenticated':
    case 'noWork':
    case 'optional':
    case 'signatureVerified':
      return undefined;
    case 'afterWork': {
      // Move the late check up rather than add a second one, when that is safe.
      const move = verdict.guard === entry.fn ? undefined : moveGuardFix(sourceCode, entry.fn, verdict.guard);
      if (move !== undefined) return { messageId: 'authAfterWork', loc, data, suggest: [{ messageId: 'moveAuthGuard', data, fix: move }] };
      return finding({ messageId: 'authAfterWork', loc, data }, () => {
        const fix = insertGuardFix(sourceCode, entry, refs, setup.major);
        return fix === undefined ? [] : [{ messageId: 'addAuthGuard', data, fix }];
      });
    }
    case 'missing': {
      const publicRead = options.checkPublicReads !== true && isPublicRead(sourceCode, verdict.work, () => analyzer.workNodes(entry.fn), entry);
      if (publicRead && entry.kind === 'serverAction') return undefined;
      return finding({ ...(publicRead ? { publicRead } : {}), messageId: 'missingAuth', loc, data }, () => {
        const fix = insertGuardFix(sourceCode, entry, refs, setup.major);
        return fix === undefined ? [] : [{ messageId: 'addAuthGuard', data, fix }];
      });
    }
    case 'unchecked':
      return finding({ messageId: 'uncheckedAuth', loc, data }, () => {
        const check = insertCheckFix(sourceCode, entry, verdict.fetch.call, refs);
        if (check !== undefined) return [{ messageId: 'addAuthCheck', data: { value: check.value }, fix: check.fix }];
        // No check fits after the fetch (a `throw` there would land in a `catch` that carries on): a whole guard at
        // the top of the function instead.
        const guard = insertGuardFix(sourceCode, entry, refs, setup.major);
        return guard === undefined ? [] : [{ messageId: 'addAuthGuard', data, fix: guard }];
      });
    case 'nullOnly': {
      const repair = isAuthenticatedFix(sourceCode, verdict.test);
      return {
        messageId: 'nullCheckWithMachineTokens',
        loc: verdict.test.loc,
        data: { name: entry.name, test: sourceCode.getText(verdict.test) },
        suggest:
          repair === undefined
            ? []
            : [{ messageId: 'useIsAuthenticated', data: { replacement: repair.replacement }, fix: repair.fix }],
      };
    }
  }
}
