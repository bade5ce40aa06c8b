// `npm run bench:editor`: editor latency (issue 24). An editor keeps one ESLint process warm and lints the file
// being edited, one file at a time; what matters there is how long one file takes, not a corpus's total.
//
// What: the 20 largest files of the real-apps corpus (c) (bench/corpora.mjs), linted one at a time with
// `ESLint#lintText` in this one warm process, with two ESLint instances built once: one no-op rule (ESLint's own
// cost once any rule is enabled, the same floor as bench/instructions.mjs) and `clerk.configs.recommended`. Two
// warm-up passes are discarded; then `--reps` rounds, each linting every file in a fixed order with both
// configurations back to back (the order of the two swapped every other round, so that drift and a collection
// triggered by the previous lint fall on both alike). Per configuration, p50 and p99 of the time to lint one file
// (all files and rounds together); the overhead is `recommended` minus the no-op rule at the same percentile.
// Target: p99 overhead <= 20 ms. Wall time on a shared machine: run it when the machine is otherwise quiet (it is
// run after the instruction counts by `npm run bench`, never beside them).
// 100 rounds (2,000 lints per configuration), not the 40 this started with: the p99 of 800 lints is their 8th
// slowest, a handful of collection pauses that land on either configuration, and the same build's overhead at p99 read
// +9.0, +16.6, +17.1, +18.5 and +21.3 ms in five runs of 40 rounds; of 2,000 lints it is their 20th slowest, and two
// runs of 100 rounds read +2.7 and −2.1 ms (2026-12-05, docs/development.md "Editor latency: enough rounds for a p99").
//
// Writes bench/results/editor.{json,md}; exits 1 on a miss, 0 with a SKIP line when corpus (c) is not laid out.
// Usage: node bench/editor.mjs [--reps 100] [--files 20]
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

import * as parser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

import { buildRealAppsCorpus, realAppsDir, resultsDir, root } from './corpora.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(args[index + 1]);
};
const REPS = option('reps', 100);
const FILES = option('files', 20);
const TARGET_P99_MS = 20;

const corpus = await buildRealAppsCorpus();
if (corpus.skipped !== undefined) {
  console.log(`SKIP editor latency: ${corpus.skipped}`);
  process.exit(0);
}
const files = corpus.files
  .map((path) => ({ path, bytes: statSync(path).size }))
  .sort((x, y) => y.bytes - x.bytes || (x.path < y.path ? -1 : 1))
  .slice(0, FILES)
  .map((file) => ({ ...file, text: readFileSync(file.path, 'utf8') }));

// The same configurations as bench/worker.mjs (`noop`, `clerk-recommended`).
const base = { files: ['**/*.{js,jsx,ts,tsx,mjs,cjs}'], languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } } };
const noopRule = { meta: { type: 'problem', schema: [] }, create: () => ({}) };
const { default: clerk } = await import(join(root, 'dist/index.js'));
const configs = {
  noop: [base, { plugins: { noop: { rules: { rule: noopRule } } }, rules: { 'noop/rule': 'error' } }],
  recommended: [base, clerk.configs.recommended],
};
const instances = Object.fromEntries(
  Object.entries(configs).map(([name, config]) => [name, new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config, cache: false })]),
);

async function lintOne(name, file) {
  const start = performance.now();
  const [result] = await instances[name].lintText(file.text, { filePath: file.path });
  const ms = performance.now() - start;
  if (result.messages.some((message) => message.fatal)) throw new Error(`${relative(root, file.path)} does not parse: ${result.messages[0].message}`);
  return ms;
}

const names = Object.keys(configs);
const samples = Object.fromEntries(names.map((name) => [name, files.map(() => [])]));
for (let round = -2; round < REPS; round += 1) {
  const order = round % 2 === 0 ? names : [...names].reverse();
  for (const [index, file] of files.entries()) {
    for (const name of order) {
      const ms = await lintOne(name, file);
      if (round >= 0) samples[name][index].push(ms);
    }
  }
  if (round >= 0 && (round + 1) % 10 === 0) process.stdout.write(`  round ${round + 1}/${REPS}\n`);
}

const percentile = (values, p) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value) => `${value.toFixed(1)} ms`;
const stats = Object.fromEntries(
  names.map((name) => {
    const all = samples[name].flat();
    return [name, { p50: percentile(all, 50), p99: percentile(all, 99) }];
  }),
);
const overhead = { p50: stats.recommended.p50 - stats.noop.p50, p99: stats.recommended.p99 - stats.noop.p99 };
const perFile = files.map((file, index) => ({
  file: relative(realAppsDir(), file.path),
  kb: Number((file.bytes / 1024).toFixed(1)),
  noopP50: percentile(samples.noop[index], 50),
  recommendedP50: percentile(samples.recommended[index], 50),
  overheadP50: percentile(samples.recommended[index], 50) - percentile(samples.noop[index], 50),
  overheadP99: percentile(samples.recommended[index], 99) - percentile(samples.noop[index], 99),
}));
const ok = overhead.p99 <= TARGET_P99_MS;
const lines = [
  `\neditor latency: the ${files.length} largest files of corpus (c), one at a time in one warm process, ${REPS} rounds (${REPS * files.length} lints per configuration)`,
  '| per file | p50 | p99 |',
  '| --- | --- | --- |',
  `| one no-op rule | ${ms(stats.noop.p50)} | ${ms(stats.noop.p99)} |`,
  `| recommended | ${ms(stats.recommended.p50)} | ${ms(stats.recommended.p99)} |`,
  `| overhead | ${ms(overhead.p50)} | ${ms(overhead.p99)} |`,
  '\nper file (medians of its rounds; overhead p99 of its own rounds, for information)',
  '| file | KB | no-op p50 | recommended p50 | overhead p50 | overhead p99 |',
  '| --- | --- | --- | --- | --- | --- |',
  ...perFile.map((f) => `| ${f.file} | ${f.kb} | ${ms(f.noopP50)} | ${ms(f.recommendedP50)} | ${ms(f.overheadP50)} | ${ms(f.overheadP99)} |`),
  `${ok ? 'PASS' : 'FAIL'} (c) editor: recommended p99 overhead ${ms(overhead.p99)} per file <= ${TARGET_P99_MS} ms (p50 ${ms(overhead.p50)})`,
];
writeFileSync(
  join(resultsDir, 'editor.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, reps: REPS, targetP99Ms: TARGET_P99_MS, stats, overhead, perFile, ok }, null, 2)}\n`,
);
writeFileSync(join(resultsDir, 'editor.md'), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
console.log('\nwritten: bench/results/editor.json, bench/results/editor.md');
process.exitCode = ok ? 0 : 1;
