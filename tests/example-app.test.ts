import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import * as parser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';

const app = fileURLToPath(new URL('../examples/next-app/', import.meta.url));
const config: Linter.Config[] = [
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  plugin.configs.recommended,
];

describe('examples/next-app linted end to end with clerk.configs.recommended', async () => {
  const eslint = new ESLint({ cwd: app, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(['.']);
  const findings = results.flatMap((result) =>
    result.messages.map((message) => ({
      file: result.filePath.slice(app.length),
      line: message.line,
      rule: message.ruleId,
      messageId: message.messageId,
      suggestions: message.suggestions ?? [],
      fix: message.fix,
      source: result.source ?? readFileSync(result.filePath, 'utf8'),
      filePath: result.filePath,
    })),
  );

  it('finds exactly the planted mistakes', () => {
    expect(findings.map(({ file, line, rule, messageId }) => `${file}:${line} ${rule} ${messageId}`).sort()).toEqual([
      'app/actions/invoices.ts:18 clerk/require-server-action-auth missingAuth',
      'app/actions/invoices.ts:24 clerk/require-server-action-auth uncheckedAuth',
      'app/actions/invoices.ts:30 clerk/require-server-action-auth authAfterWork',
      'app/actions/billing.ts:10 clerk/no-swallowed-auth-redirect swallowedRedirect',
      'app/actions/roles.ts:12 clerk/require-server-action-auth missingAuth',
      'app/actions/team.ts:11 clerk/no-org-id-from-request orgIdFromRequest',
      'app/actions/team.ts:18 clerk/no-metadata-write-from-request metadataFromRequest',
      'app/actions/team.ts:24 clerk/no-user-object-role-checks unsafeMetadataDecision',
      'app/actions/roles.ts:13 clerk/require-await-auth helperNotAwaited',
      'app/api/admin/users/route.ts:6 clerk/require-await-auth missingAwait',
      'app/api/admin/users/route.ts:8 clerk/require-await-auth clerkClientNotCalled',
      'app/api/admin/tokens/route.js:10 clerk/require-route-handler-auth nullCheckWithMachineTokens',
      'app/api/invoices/[id]/route.ts:6 clerk/require-route-handler-auth uncheckedAuth',
      'app/api/invoices/[id]/route.ts:13 clerk/require-route-handler-auth authAfterWork',
      'app/api/invoices/route.ts:14 clerk/require-route-handler-auth missingAuth',
      'app/api/webhooks/legacy/route.ts:8 clerk/require-webhook-verification hardcodedSigningSecret',
      'app/api/webhooks/legacy/route.ts:20 clerk/require-webhook-verification reserializedBody',
      'app/api/webhooks/users/route.ts:6 clerk/require-webhook-verification missingVerification',
      'app/components/debug-panel.tsx:4 clerk/no-secrets-in-client serverModuleInClient',
      'app/components/debug-panel.tsx:12 clerk/no-secrets-in-client clerkSecretInClient',
      'app/dashboard/page.tsx:12 clerk/require-server-action-auth missingAuth',
      'lib/clerk-admin.ts:4 clerk/no-public-secret-env publicClerkSecret',
      'lib/legacy-auth.ts:5 clerk/no-deprecated-auth-middleware removedAuthMiddleware',
      'scripts/seed-users.ts:4 clerk/no-hardcoded-keys clerkSecretKey',
      'next.config.mjs:6 clerk/no-public-secret-env nextConfigEnvSecret',
      'pages/api/legacy-report.ts:6 clerk/require-route-handler-auth missingAuth',
    ].sort());
  });

  it('reports nothing in the files written correctly', () => {
    const clean = results.filter((result) => result.messages.length === 0).map((result) => result.filePath.slice(app.length));
    expect(clean.sort()).toEqual([
      'app/api/cron/cleanup/route.ts',
      'app/api/webhooks/clerk/route.ts',
      'app/components/invoice-form.tsx',
      'eslint.config.js',
      'lib/db.ts',
      // Clerk's documented protect-list: the API handlers answer for themselves.
      'middleware.ts',
      'pages/api/me.ts',
      'types/globals.d.ts',
    ]);
  });

  // No mechanical repair: a server module used for values in a client component (the code that calls it has to
  // move to the server), and a role the caller sends (the decision has to move to the session).
  const NO_MECHANICAL_REPAIR = new Set(['serverModuleInClient', 'requestUserRole']);

  it('carries a repair on at least 95% of its findings (the repairs issue\'s coverage target)', () => {
    const repaired = findings.filter((finding) => finding.fix !== undefined || finding.suggestions.length > 0);
    expect(repaired.length / findings.length).toBeGreaterThanOrEqual(0.95);
    expect(findings.filter((finding) => !repaired.includes(finding)).map((finding) => finding.messageId)).toEqual(['serverModuleInClient']);
  });

  it('offers a repair for every other finding; each parses, clears its finding, and adds none', () => {
    const linter = new Linter({ cwd: app });
    const key = (message: Linter.LintMessage) => `${message.ruleId} ${message.messageId}`;
    const counts = (messages: Linter.LintMessage[]) => {
      const map = new Map<string, number>();
      for (const message of messages) map.set(key(message), (map.get(key(message)) ?? 0) + 1);
      return map;
    };
    for (const finding of findings) {
      if (NO_MECHANICAL_REPAIR.has(finding.messageId ?? '')) continue;
      const repairs = [...(finding.fix ? [finding.fix] : []), ...finding.suggestions.map((suggestion) => suggestion.fix)];
      expect(repairs.length, `${finding.file}:${finding.line}`).toBeGreaterThan(0);
      const before = counts(linter.verify(finding.source, config, { filename: finding.filePath }));
      const findingKey = `${finding.rule} ${finding.messageId}`;
      for (const repair of repairs) {
        const fixed = finding.source.slice(0, repair.range[0]) + repair.text + finding.source.slice(repair.range[1]);
        const afterMessages = linter.verify(fixed, config, { filename: finding.filePath });
        expect(afterMessages.filter((message) => message.fatal), `${finding.file}:${finding.line}`).toEqual([]);
        const after = counts(afterMessages);
        expect(after.get(findingKey) ?? 0, `${finding.file}:${finding.line}\n${fixed}`).toBeLessThan(before.get(findingKey) ?? 0);
        for (const [name, count] of after) expect(count, `${name} appeared in\n${fixed}`).toBeLessThanOrEqual(before.get(name) ?? 0);
      }
    }
  });
});
