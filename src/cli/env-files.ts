/**
 * `.env` files that would be committed (not ignored by git), scanned by `clerk-lint` for Clerk secrets: a realistic
 * secret key or signing secret as a value (`CLERK_SECRET_KEY=sk_live_…`), and a secret given a public prefix
 * (`NEXT_PUBLIC_CLERK_SECRET_KEY=…`). ESLint never sees these files; the findings are reported under the rules that
 * report the same mistakes in code (`clerk/no-hardcoded-keys`, `clerk/no-public-secret-env`), with keys masked.
 */
import type { Linter } from 'eslint';

import { CLERK_SECRET_ENV, findKeys, maskKey, SECRET_KEY_PREFIXES, secretBehindPublicName } from '../clerk/index.js';

/** `.env`, `.env.local`, `.env.production`…; not the templates that hold placeholders by design. */
export const ENV_FILE = /^\.env(?:\.(?!example$|sample$|template$|dist$)[\w.-]+)?$/u;

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/u;

export function scanEnvFile(text: string): Linter.LintMessage[] {
  const messages: Linter.LintMessage[] = [];
  text.split(/\r?\n/u).forEach((line, index) => {
    const assignment = ASSIGNMENT.exec(line);
    if (assignment === null || line.trimStart().startsWith('#')) return;
    const name = assignment[1] as string;
    const valueStart = line.length - (assignment[2] as string).length;
    for (const found of findKeys(assignment[2] as string)) {
      if (!SECRET_KEY_PREFIXES.has(found.prefix)) continue;
      messages.push({
        ruleId: 'clerk/no-hardcoded-keys',
        severity: 2,
        message: `\`${name}\` holds the Clerk secret \`${maskKey(found.value, found.prefix)}\` in a file git does not ignore: whoever reads the repository can use it. Remove the file from git (\`git rm --cached\`), ignore it, and rotate the key.`,
        line: index + 1,
        column: valueStart + found.index + 1,
        endLine: index + 1,
        endColumn: valueStart + found.index + found.value.length + 1,
      });
    }
    const secret = secretBehindPublicName(name);
    if (secret !== undefined && (assignment[2] as string).trim() !== '') {
      messages.push({
        ruleId: 'clerk/no-public-secret-env',
        severity: 2,
        message: `\`${name}\` puts ${CLERK_SECRET_ENV.has(secret) ? "Clerk's " : 'a secret '}\`${secret}\` behind a public prefix, which bundlers inline into browser code; anyone can read it there.`,
        line: index + 1,
        column: 1,
        endLine: index + 1,
        endColumn: name.length + 1,
      });
    }
  });
  return messages;
}
