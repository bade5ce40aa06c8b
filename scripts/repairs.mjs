// The repairs check, shared by `npm run eval:real` (the real-apps corpus) and `node scripts/repairs.mjs [app…]`
// (default: the bundled example app). Needs `npm run build` first.
//
// Coverage: findings that carry a fix or at least one suggestion / all findings, except those a rule declares to have
// no repair by design (`meta.docs.withoutRepair`, listed apart with the reason) and clerk-lint's `.env` findings.
// Soundness: every fix and every suggestion is applied alone to its file, and the file is linted again as it was:
// the output must parse, the finding must be gone (one fewer finding with that rule and message) and no other Clerk
// finding may appear (no rule-and-message pair counted more often than before).
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** The config `clerk-lint` uses (src/cli/clerk-lint.ts), for one preset. */
async function lintConfig(preset) {
  const parser = await import('@typescript-eslint/parser');
  const { default: plugin } = await import(pathToFileURL(join(root, 'dist/index.js')).href);
  return [
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.{js,jsx,mjs,cjs}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
    plugin.configs[preset],
  ];
}

const keyOf = (message) => `${message.ruleId}\0${message.message}`;
function counts(messages) {
  const map = new Map();
  for (const message of messages) if (message.ruleId !== null) map.set(keyOf(message), (map.get(keyOf(message)) ?? 0) + 1);
  return map;
}

/**
 * @param apps `{ repo, appDir, results }[]`: ESLint JSON results of the given preset, linted with cwd = appDir.
 * @returns `{ lines, coverage, failures, findings, repaired, applied }`
 */
export async function checkRepairs(apps, { strict = true } = {}) {
  const { ESLint } = await import('eslint');
  const config = await lintConfig(strict ? 'strict' : 'recommended');
  const lines = [];
  let findings = 0;
  let envFindings = 0;
  let repaired = 0;
  let applied = 0;
  const failures = [];
  const kinds = { parse: 0, stillReported: 0, newFinding: 0 };
  const without = new Map();
  // Findings a rule declares to carry no repair by design (meta.docs.withoutRepair), counted apart with the reason.
  const { default: plugin } = await import(pathToFileURL(join(root, 'dist/index.js')).href);
  const byDesign = new Map();
  for (const { repo, appDir, results } of apps) {
    const eslint = new ESLint({ cwd: appDir, overrideConfigFile: true, overrideConfig: config, warnIgnored: false });
    for (const result of results) {
      const clerk = result.messages.filter((message) => message.ruleId?.startsWith('clerk/'));
      if (clerk.length === 0) continue;
      // `.env*` findings come from clerk-lint's own scan, not from ESLint: no editor repair can exist there (the
      // message says what to do), so they are counted apart from the coverage of code findings.
      if (/(?:^|[\\/])\.env(?:\.[\w.-]+)?$/u.test(result.filePath)) {
        envFindings += clerk.length;
        continue;
      }
      const source = readFileSync(result.filePath, 'utf8');
      const before = counts(clerk);
      const file = relative(appDir, result.filePath).split('\\').join('/');
      for (const message of clerk) {
        const repairs = [
          ...(message.fix === undefined ? [] : [{ kind: 'fix', fix: message.fix }]),
          ...(message.suggestions ?? []).map((suggestion) => ({ kind: `suggestion "${suggestion.desc}"`, fix: suggestion.fix })),
        ];
        if (repairs.length === 0) {
          const rule = message.ruleId.slice('clerk/'.length);
          const reason = plugin.rules[rule]?.meta.docs?.withoutRepair?.[message.messageId];
          if (reason !== undefined) {
            const key = `${rule} (${message.messageId}): ${reason}`;
            byDesign.set(key, [...(byDesign.get(key) ?? []), `${repo} ${file}:${message.line}`]);
            continue;
          }
          findings += 1;
          without.set(rule, [...(without.get(rule) ?? []), `${repo} ${file}:${message.line}`]);
          continue;
        }
        findings += 1;
        repaired += 1;
        for (const repair of repairs) {
          applied += 1;
          const { range, text } = repair.fix;
          const output = source.slice(0, range[0]) + text + source.slice(range[1]);
          const [after] = await eslint.lintText(output, { filePath: result.filePath });
          const where = `${repo} ${file}:${message.line} ${message.ruleId} ${repair.kind}`;
          const fatal = after.messages.find((m) => m.fatal);
          if (fatal !== undefined) {
            kinds.parse += 1;
            failures.push(`${where}: the repaired file does not parse (${fatal.message})`);
            continue;
          }
          const now = counts(after.messages.filter((m) => m.ruleId?.startsWith('clerk/')));
          if ((now.get(keyOf(message)) ?? 0) >= (before.get(keyOf(message)) ?? 0)) {
            kinds.stillReported += 1;
            failures.push(`${where}: the finding is still reported`);
          }
          for (const [key, count] of now) {
            if (count > (before.get(key) ?? 0)) {
              kinds.newFinding += 1;
              failures.push(`${where}: a new finding appears: ${key.replace('\0', ': ')}`);
            }
          }
        }
      }
    }
  }
  const coverage = findings === 0 ? 1 : repaired / findings;
  lines.push(`repairs: ${repaired} of ${findings} findings carry a fix or a suggestion (coverage ${coverage.toFixed(2)}, target 0.95)${envFindings > 0 ? `; ${envFindings} findings in .env files (clerk-lint's scan, no code repair) not counted` : ''}`);
  for (const [rule, where] of [...without].sort()) lines.push(`  without a repair: ${rule} (${where.length}): ${where.join(', ')}`);
  for (const [key, where] of [...byDesign].sort()) lines.push(`  not counted, no repair by design: ${key} (${where.length}): ${where.join(', ')}`);
  lines.push(
    `repairs applied one at a time and linted again: ${applied}; output does not parse / finding still reported / new Clerk finding: ${kinds.parse} / ${kinds.stillReported} / ${kinds.newFinding}`,
  );
  for (const failure of failures) lines.push(`  ${failure}`);
  return { lines, coverage, failures: failures.length, findings, repaired, applied };
}

// `node scripts/repairs.mjs [--recommended] [app…]`
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const strict = !args.includes('--recommended');
  const dirs = args.filter((arg) => !arg.startsWith('--'));
  const { main } = await import(pathToFileURL(join(root, 'dist/cli/clerk-lint.js')).href);
  const apps = [];
  for (const dir of dirs.length === 0 ? [join(root, 'examples/next-app')] : dirs) {
    const appDir = resolve(dir);
    let out = '';
    let err = '';
    const io = { stdout: { write: (chunk) => (out += chunk) }, stderr: { write: (chunk) => (err += chunk) }, cwd: appDir, env: {} };
    const status = await main(['--format', 'json', '--exit-zero', ...(strict ? ['--strict'] : []), '.'], io);
    if (status !== 0) throw new Error(`clerk-lint failed on ${appDir}: ${err}`);
    apps.push({ repo: relative(root, appDir) || '.', appDir, results: JSON.parse(out) });
  }
  const { lines, failures, coverage } = await checkRepairs(apps, { strict });
  console.log(lines.join('\n'));
  if (failures > 0 || coverage < 0.95) process.exitCode = 1;
}
