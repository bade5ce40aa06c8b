import type { TSESLint } from '@typescript-eslint/utils';

import { type EntryPoint, getAuthAnalyzer, getClerkReferences } from '../analysis/index.js';
import { insertCheckFix, insertGuardFix, isAuthenticatedFix } from '../fixes/auth-guard.js';
import { reportWithRepairs, type Suggestion } from './report.js';
import type { RuleSetup } from './rule-setup.js';

/** The messages of a rule that checks entry points for authentication (same ids in every such rule). */
export type EntryPointMessageIds =
  | 'missingAuth'
  | 'uncheckedAuth'
  | 'authAfterWork'
  | 'nullCheckWithMachineTokens'
  | 'addAuthGuard'
  | 'addAuthCheck'
  | 'useIsAuthenticated'
  | 'invalidSettings';

/** Analyzes one entry point and reports what it finds, with its repairs. */
export function checkEntryPoint(
  context: Readonly<TSESLint.RuleContext<EntryPointMessageIds, readonly unknown[]>>,
  setup: RuleSetup,
  entry: EntryPoint,
): void {
  if (entry.guardedBy !== undefined) return;
  const { sourceCode } = context;
  const refs = getClerkReferences(sourceCode);
  const analyzer = getAuthAnalyzer(sourceCode, setup.settings);
  const verdict = analyzer.analyze(entry.fn, { routeHandler: entry.kind !== 'serverAction' });
  const loc = entry.reportNode.loc;
  const data = { name: entry.name };
  switch (verdict.kind) {
    case 'authenticated':
    case 'noWork':
    case 'signatureVerified':
      return;
    case 'missing':
    case 'afterWork': {
      const fix = insertGuardFix(sourceCode, entry, refs, setup.major);
      const suggestions: Suggestion<EntryPointMessageIds>[] =
        fix === undefined ? [] : [{ messageId: 'addAuthGuard', data, fix }];
      reportWithRepairs(
        context,
        setup.settings,
        { loc, messageId: verdict.kind === 'missing' ? 'missingAuth' : 'authAfterWork', data },
        suggestions,
      );
      return;
    }
    case 'unchecked': {
      const check = insertCheckFix(sourceCode, entry, verdict.fetch.call, refs);
      const suggestions: Suggestion<EntryPointMessageIds>[] =
        check === undefined ? [] : [{ messageId: 'addAuthCheck', data: { value: check.value }, fix: check.fix }];
      reportWithRepairs(context, setup.settings, { loc, messageId: 'uncheckedAuth', data }, suggestions);
      return;
    }
    case 'nullOnly': {
      const repair = isAuthenticatedFix(sourceCode, verdict.test);
      const suggestions: Suggestion<EntryPointMessageIds>[] =
        repair === undefined
          ? []
          : [{ messageId: 'useIsAuthenticated', data: { replacement: repair.replacement }, fix: repair.fix }];
      reportWithRepairs(
        context,
        setup.settings,
        {
          node: verdict.test,
          messageId: 'nullCheckWithMachineTokens',
          data: { name: entry.name, test: sourceCode.getText(verdict.test) },
        },
        suggestions,
      );
      return;
    }
  }
}
