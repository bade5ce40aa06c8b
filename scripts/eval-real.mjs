// `npm run eval:real`: lints each app of the real-apps corpus (public Clerk apps at pinned commits, listed in
// ../shared/real-apps/repos.tsv) as `clerk-lint` / `eslint .` would, with `recommended` and `strict`, and compares
// the findings with tests/real-apps/labels.jsonl (our own judgement of every finding, plus mistakes the plugin
// missed; a label with `"preset": "strict"` is a mistake only strict is meant to find). Prints precision and recall per rule and per preset, true findings that were lost, and findings that
// have no label yet. Not part of `npm test`: CI has no copy of the corpus.
//
// usage: npm run eval:real -- [--apps DIR] [--mirrors DIR] [--app owner/name]… [--json FILE] [--unlabelled FILE]
//   --apps DIR        the laid-out corpus (default: $CLERK_REAL_APPS, else .real-apps/ in this repository)
//   --mirrors DIR     where the fetch tool put the mirrors (default: $CLERK_REAL_MIRRORS, else /work/.mirror); when
//                     given or found, ../shared/real-apps/layout.sh lays out missing apps first
//   --app NAME        only this app (repeatable)
//   --json FILE       write every finding, with its label, as JSON lines
//   --unlabelled FILE write findings that have no label as JSON lines, with the code around them, for labelling
//   --check           exit 1 when a preset misses its precision target or a labelled true finding is lost, or a
//                     repair fails (see below)
//
// Repairs: every finding of `strict` (which holds `recommended`) is counted as repaired when it carries a fix or a
// suggestion (coverage), and every fix and suggestion is applied alone to its file and the file linted again: the
// output must parse, the finding must be gone and no other Clerk finding may appear.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const TARGETS = { recommended: 0.95, strict: 0.9 };

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const only = args.flatMap((arg, index) => (args[index - 1] === '--app' ? [arg] : []));
const corpusDir = resolve(root, '../shared/real-apps');
const appsDir = resolve(option('--apps') ?? process.env.CLERK_REAL_APPS ?? join(root, '.real-apps'));
const mirrors = option('--mirrors') ?? process.env.CLERK_REAL_MIRRORS ?? '/work/.mirror';

if (!existsSync(join(root, 'dist/index.js'))) fail('dist/ is missing: run `npm run build` first (npm run eval:real does).');
const tsv = join(corpusDir, 'repos.tsv');
if (!existsSync(tsv)) fail(`no corpus list at ${tsv}: the real-apps corpus lives in ../shared/real-apps/ beside this repository.`);
const repos = readFileSync(tsv, 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[0])
  .filter((repo) => repo && (only.length === 0 || only.includes(repo)));
if (existsSync(mirrors)) {
  const laid = spawnSync('bash', [join(corpusDir, 'layout.sh'), mirrors, appsDir], { encoding: 'utf8' });
  if (laid.status !== 0) fail(`layout.sh failed:\n${laid.stderr}`);
  if (laid.stdout.trim() !== '') process.stderr.write(laid.stdout);
}
const missing = repos.filter((repo) => !existsSync(join(appsDir, repo.replace('/', '+'))));
if (missing.length === repos.length) {
  fail(`no app of the corpus is laid out in ${appsDir}.\nBring each with the fetch tool (fetch github:<owner>/<name>), then run\n  ${join(corpusDir, 'layout.sh')} <mirrors> ${appsDir}\nor pass --mirrors <the folder above <owner>+<name>/>.`);
}
for (const repo of missing) process.stderr.write(`eval-real: ${repo} is not laid out in ${appsDir}; skipped\n`);

const labelsFile = join(root, 'tests/real-apps/labels.jsonl');
const labels = existsSync(labelsFile)
  ? readFileSync(labelsFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('//'))
      .map((line, index) => {
        try {
          return JSON.parse(line);
        } catch {
          return fail(`tests/real-apps/labels.jsonl line ${index + 1} is not JSON: ${line}`);
        }
      })
  : [];
const keyOf = (f) => `${f.app}\0${f.file}\0${f.rule}\0${f.line}`;
const labelByKey = new Map();
for (const label of labels) {
  if (!['true', 'false', 'missed'].includes(label.verdict)) fail(`label with verdict ${JSON.stringify(label.verdict)}: ${JSON.stringify(label)}`);
  labelByKey.set(keyOf(label), label);
}

const { main } = await import(join(root, 'dist/cli/clerk-lint.js'));
const { checkRepairs } = await import(join(root, 'scripts/repairs.mjs'));
const { rulesFor } = await import(join(root, 'dist/configs.js'));
const presets = ['recommended', 'strict'];
const rulesOf = Object.fromEntries(presets.map((preset) => [preset, new Set(Object.keys(rulesFor(preset)).map((id) => id.slice('clerk/'.length)))]));

/** Findings per preset, each `{ app, file, line, column, rule, message }`. */
const findings = { recommended: [], strict: [] };
const parseErrors = [];
/** Per app, the strict results (with fixes and suggestions), for the repairs check. */
const strictResults = [];
for (const repo of repos) {
  if (missing.includes(repo)) continue;
  const appDir = join(appsDir, repo.replace('/', '+'));
  for (const preset of presets) {
    let out = '';
    let err = '';
    const io = { stdout: { write: (chunk) => (out += chunk) }, stderr: { write: (chunk) => (err += chunk) }, cwd: appDir, env: {} };
    const argv = ['--format', 'json', '--exit-zero', ...(preset === 'strict' ? ['--strict'] : []), '.'];
    const status = await main(argv, io);
    if (status !== 0) fail(`clerk-lint failed on ${repo} (${preset}), status ${status}:\n${err}`);
    const results = JSON.parse(out);
    if (preset === 'strict') strictResults.push({ repo, appDir, results });
    for (const result of results) {
      const file = relative(appDir, result.filePath).split('\\').join('/');
      for (const message of result.messages) {
        if (message.ruleId === null) {
          if (preset === 'recommended') parseErrors.push(`${repo}/${file}:${message.line}: ${message.message}`);
          continue;
        }
        findings[preset].push({ app: repo, file, line: message.line, column: message.column, rule: message.ruleId.slice('clerk/'.length), message: message.message });
      }
    }
  }
}

const ratio = (a, b) => (b === 0 ? '  -  ' : (a / b).toFixed(2).padStart(5));
const lines = [];
const summary = {};
for (const preset of presets) {
  const reported = findings[preset];
  const reportedKeys = new Set(reported.map(keyOf));
  const perRule = new Map();
  const row = (rule) => {
    if (!perRule.has(rule)) perRule.set(rule, { tp: 0, fp: 0, unlabelled: 0, truths: 0, found: 0 });
    return perRule.get(rule);
  };
  for (const finding of reported) {
    const label = labelByKey.get(keyOf(finding));
    const counts = row(finding.rule);
    if (label === undefined || label.verdict === 'missed') counts.unlabelled += label === undefined ? 1 : 0;
    if (label?.verdict === 'true' || label?.verdict === 'missed') counts.tp += 1;
    else if (label?.verdict === 'false') counts.fp += 1;
  }
  // Recall: every known true mistake for a rule this preset enables, found (by line) or not.
  for (const label of labels) {
    if (label.verdict === 'false' || !rulesOf[preset].has(label.rule)) continue;
    // A mistake only the strict preset is meant to find (`"preset": "strict"`) does not count against recommended.
    if (label.preset === 'strict' && preset === 'recommended') continue;
    if (repos.length !== 0 && !repos.includes(label.app)) continue;
    const counts = row(label.rule);
    counts.truths += 1;
    if (reportedKeys.has(keyOf(label))) counts.found += 1;
  }
  const total = { tp: 0, fp: 0, unlabelled: 0, truths: 0, found: 0 };
  lines.push(`\n${preset}: ${reported.length} findings`);
  lines.push(`  ${'rule'.padEnd(34)} ${'found'.padStart(5)} ${'true'.padStart(5)} ${'false'.padStart(5)} ${'unlab'.padStart(5)}  prec. recall`);
  for (const [rule, counts] of [...perRule].sort()) {
    for (const key of Object.keys(total)) total[key] += counts[key];
    const count = reported.filter((finding) => finding.rule === rule).length;
    lines.push(`  ${rule.padEnd(34)} ${String(count).padStart(5)} ${String(counts.tp).padStart(5)} ${String(counts.fp).padStart(5)} ${String(counts.unlabelled).padStart(5)}  ${ratio(counts.tp, counts.tp + counts.fp)} ${ratio(counts.found, counts.truths)}`);
  }
  const precision = total.tp + total.fp === 0 ? 1 : total.tp / (total.tp + total.fp);
  lines.push(`  ${'all'.padEnd(34)} ${String(reported.length).padStart(5)} ${String(total.tp).padStart(5)} ${String(total.fp).padStart(5)} ${String(total.unlabelled).padStart(5)}  ${ratio(total.tp, total.tp + total.fp)} ${ratio(total.found, total.truths)}`);
  summary[preset] = { precision, unlabelled: total.unlabelled, tp: total.tp, fp: total.fp, recall: total.truths === 0 ? 1 : total.found / total.truths };
}

const strictKeys = new Set(findings.strict.map(keyOf));
const lost = labels.filter((label) => label.verdict === 'true' && (repos.length === 0 || repos.includes(label.app)) && !strictKeys.has(keyOf(label)));
if (lost.length > 0) {
  lines.push(`\nlabelled true findings no longer reported (${lost.length}):`);
  for (const label of lost) lines.push(`  ${label.app} ${label.file}:${label.line} ${label.rule}: ${label.reason}`);
}
const unlabelled = [...findings.recommended, ...findings.strict].filter((finding, index, all) => !labelByKey.has(keyOf(finding)) && all.findIndex((other) => keyOf(other) === keyOf(finding)) === index);
if (unlabelled.length > 0) {
  lines.push(`\nfindings without a label (${unlabelled.length}):`);
  for (const finding of unlabelled) lines.push(`  ${finding.app} ${finding.file}:${finding.line} ${finding.rule}: ${finding.message}`);
}
if (parseErrors.length > 0) lines.push(`\nparse errors (files not checked): ${parseErrors.length}\n${parseErrors.map((line) => `  ${line}`).join('\n')}`);
console.log(lines.join('\n'));
const show = (preset, key) => (summary[preset].tp + summary[preset].fp === 0 && key === 'precision' ? 'n/a' : summary[preset][key].toFixed(2));
console.log(`\nprecision: recommended ${show('recommended', 'precision')} (target ${TARGETS.recommended}), strict ${show('strict', 'precision')} (target ${TARGETS.strict}); recall: recommended ${show('recommended', 'recall')}, strict ${show('strict', 'recall')}`);

const repairs = await checkRepairs(strictResults, { strict: true });
console.log(`\n${repairs.lines.join('\n')}`);

const jsonFile = option('--json');
if (jsonFile !== undefined) {
  const all = presets.flatMap((preset) => findings[preset].map((finding) => ({ preset, ...finding, verdict: labelByKey.get(keyOf(finding))?.verdict })));
  writeFileSync(jsonFile, all.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
}
const unlabelledFile = option('--unlabelled');
if (unlabelledFile !== undefined) {
  const withCode = unlabelled.map((finding) => {
    const text = readFileSync(join(appsDir, finding.app.replace('/', '+'), finding.file), 'utf8').split('\n');
    return { ...finding, code: text.slice(Math.max(0, finding.line - 4), finding.line + 3).join('\n') };
  });
  writeFileSync(unlabelledFile, withCode.map((entry) => JSON.stringify(entry)).join('\n') + (withCode.length > 0 ? '\n' : ''));
}
if (args.includes('--check')) {
  const missed = presets.filter((preset) => summary[preset].precision < TARGETS[preset] || summary[preset].unlabelled > 0);
  if (missed.length > 0 || lost.length > 0 || repairs.failures > 0 || repairs.coverage < 0.95) process.exitCode = 1;
}

function fail(message) {
  process.stderr.write(`eval-real: ${message}\n`);
  process.exit(2);
}
