// `npm run bench:wall` (and `npm run bench -- --wall`): wall time of eslint-plugin-clerk (`recommended`, `all`)
// against ESLint with the parser and no rules and with one no-op rule, on (a) real JS shipped in npm packages and
// (b) a generated Clerk-heavy Next.js corpus; for comparison, the recommended configs of eslint-plugin-security and
// @next/eslint-plugin-next. Alternating runs, medians. Information only, no targets: on this shared 2-core machine
// wall time moves more between identical runs (10–35%) than the targets allow; the targets are checked in
// instructions (bench/instructions.mjs) and editor latency (bench/editor.mjs).
// Usage: node bench/run.mjs [--reps 5] [--files 2000]
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildCorpora, corpusFile, median, REAL_PACKAGES, resultsDir as results, root } from './corpora.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(args[index + 1]);
};
const REPS = option('reps', 5);
const FILES = option('files', 2000);
// `clerk-recommended`: the preset most projects use.
// `noop` is one rule that registers nothing: the cost ESLint itself adds as soon as any rule is configured.
// `clerk-all` right after `baseline`: with the order reversed every other repetition, the two always run back to
// back, so each repetition gives a paired ratio that slow drifts of a shared machine mostly cancel out of.
// `clerk-all:flat`: the same with ESLint's per-file rule-context prototype replaced by a flat object (see
// bench/worker.mjs), i.e. what the plugin costs without the floor stock ESLint adds for any enabled rule.
// `next+clerk-all`: the plugin added to @next/next's recommended rules, against `next` alone: what adding it to a
// project that already lints costs (ESLint's floor is paid by any enabled rule).
const CONFIGS = ['baseline', 'clerk-all', 'noop', 'clerk-recommended', 'clerk-all:flat', 'security', 'next', 'next+clerk-all'];

if (!existsSync(join(root, 'dist/index.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const corpora = buildCorpora(FILES);
const { a: real, b: generated } = corpora;
console.log(`corpus (a): ${real.length} files from ${REAL_PACKAGES.join(', ')}; corpus (b): ${generated.length} generated files; ${REPS} repetitions`);

function run(config, corpus, stats = false) {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', join(root, 'bench/worker.mjs'), config, corpusFile(corpus), ...(stats ? ['--stats'] : [])],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(output);
}

const samples = {};
for (let rep = 0; rep < REPS; rep += 1) {
  for (const corpus of Object.keys(corpora)) {
    // Alternate the order each repetition so that drift (thermal, caches) does not favour one config.
    const order = rep % 2 === 0 ? CONFIGS : [...CONFIGS].reverse();
    for (const config of order) {
      const sample = run(config, corpus);
      (samples[`${corpus}/${config}`] ??= []).push(sample);
      if (sample.crashes > 0 || sample.unlinted > 0) throw new Error(`${corpus}/${config}: ${sample.crashes} crashes, ${sample.unlinted} files not linted`);
    }
  }
  process.stdout.write(`repetition ${rep + 1}/${REPS} done\n`);
}

const summary = { date: new Date().toISOString(), node: process.version, reps: REPS, corpora: {} };
for (const corpus of Object.keys(corpora)) {
  const base = samples[`${corpus}/baseline`];
  const baseMs = median(base.map((s) => s.ms));
  const stats = run('clerk-all', corpus, true);
  const perRule = Object.fromEntries(
    Object.entries(stats.perRule)
      .filter(([rule]) => rule.startsWith('clerk/'))
      .sort(([, x], [, y]) => y - x)
      .map(([rule, ms]) => [rule, { ms: Number(ms.toFixed(1)), shareOfBaseline: Number((ms / baseMs).toFixed(4)) }]),
  );
  const configs = {};
  for (const config of CONFIGS) {
    const list = samples[`${corpus}/${config}`];
    const ms = median(list.map((s) => s.ms));
    const rss = median(list.map((s) => s.maxRssKb));
    // Per repetition, against the baseline of the same repetition; then the median of those ratios.
    const ratio = (pick) => median(list.map((s, rep) => pick(s) / pick(base[rep]) - 1));
    const floorRatio = (pick) => median(list.map((s, rep) => pick(s) / pick(samples[`${corpus}/noop`][rep]) - 1));
    configs[config] = {
      medianMs: Number(ms.toFixed(1)),
      medianCpuMs: Number(median(list.map((s) => s.cpuMs)).toFixed(1)),
      filesPerSecond: Math.round((list[0].files / ms) * 1000),
      overhead: Number(ratio((s) => s.ms).toFixed(4)),
      cpuOverhead: Number(ratio((s) => s.cpuMs).toFixed(4)),
      overFloor: Number(floorRatio((s) => s.ms).toFixed(4)),
      memoryOverFloor: Number(floorRatio((s) => s.maxRssKb).toFixed(4)),
      overheadOfMedians: Number(((ms - baseMs) / baseMs).toFixed(4)),
      peakRssMb: Number((rss / 1024).toFixed(1)),
      memoryOverhead: Number(ratio((s) => s.maxRssKb).toFixed(4)),
      retainedHeapMb: Number((median(list.map((s) => s.retainedKb)) / 1024).toFixed(1)),
      medianScavengeMs: Math.round(median(list.map((s) => s.scavengeMs))),
      clerkFindings: list[0].messages,
      samplesMs: list.map((s) => Math.round(s.ms)),
    };
  }
  summary.corpora[corpus] = { files: corpora[corpus].length, configs, perRule };
}

writeFileSync(join(results, 'results.json'), `${JSON.stringify(summary, null, 2)}\n`);
const lines = [];
for (const [corpus, data] of Object.entries(summary.corpora)) {
  lines.push(
    `\ncorpus (${corpus}), ${data.files} files; overheads are medians of per-repetition ratios against the run next to it`,
    '| config | median ms | files/s | overhead vs baseline | vs no-op floor | CPU overhead | scavenges ms | peak RSS MB | memory overhead | retained heap MB | clerk findings | samples ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const [config, c] of Object.entries(data.configs)) {
    const pct = (value) => `${(value * 100).toFixed(1)}%`;
    lines.push(
      `| ${config} | ${c.medianMs} | ${c.filesPerSecond} | ${pct(c.overhead)} | ${pct(c.overFloor)} | ${pct(c.cpuOverhead)} | ${c.medianScavengeMs} | ${c.peakRssMb} | ${pct(c.memoryOverhead)} | ${c.retainedHeapMb} | ${c.clerkFindings} | ${c.samplesMs.join(' / ')} |`,
    );
  }
  const ownMs = Object.values(data.perRule).reduce((sum, rule) => sum + rule.ms, 0);
  const flat = data.configs['clerk-all:flat'];
  const floor = data.configs.noop;
  const clerk = data.configs['clerk-all'];
  const recommended = data.configs['clerk-recommended'];
  // Any one rule, even one that does nothing, pays this floor; the plugin's cost is what it adds over it.
  lines.push(
    `ESLint's floor (one rule that does nothing vs no rules): +${(floor.overhead * 100).toFixed(1)}% time, +${(floor.memoryOverhead * 100).toFixed(1)}% memory; over that floor, clerk-all ${(clerk.overFloor * 100).toFixed(1)}% time, ${(clerk.memoryOverFloor * 100).toFixed(1)}% memory, clerk-recommended ${(recommended.overFloor * 100).toFixed(1)}% time, ${(recommended.memoryOverFloor * 100).toFixed(1)}% memory`,
  );
  lines.push(
    `without ESLint's per-file floor (clerk-all:flat): ${(flat.overhead * 100).toFixed(1)}% over baseline, memory ${(flat.memoryOverhead * 100).toFixed(1)}%`,
  );
  const added = data.configs['next+clerk-all'].medianMs / data.configs.next.medianMs - 1;
  lines.push(`added to @next/next's recommended rules (next+clerk-all vs next, medians): +${(added * 100).toFixed(1)}%`);
  lines.push(`plugin's own time (sum of ESLint's per-rule times, one --stats run): ${ownMs.toFixed(0)} ms, ${((ownMs / data.configs.baseline.medianMs) * 100).toFixed(1)}% of baseline`);
  lines.push('per rule (share of baseline time):', ...Object.entries(data.perRule).map(([rule, r]) => `  ${rule}: ${r.ms} ms (${(r.shareOfBaseline * 100).toFixed(2)}%)`));
}
const table = lines.join('\n');
writeFileSync(join(results, 'results.md'), `${table}\n`);
console.log(table);
console.log(`\nwritten: bench/results/results.json, bench/results/results.md`);
