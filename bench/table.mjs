// `node bench/table.mjs`: the README's performance table, from the last `npm run bench` (bench/results/
// instructions.json and editor.json), so that the figures in the README are the measured ones, not retyped.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { resultsDir } from './corpora.mjs';

const read = (name) => (existsSync(join(resultsDir, name)) ? JSON.parse(readFileSync(join(resultsDir, name), 'utf8')) : undefined);
const instructions = read('instructions.json');
const editor = read('editor.json');
if (instructions === undefined) {
  console.error('no bench/results/instructions.json: run `npm run bench` first');
  process.exit(1);
}
const pct = (value) => `${value >= 0 ? '+' : '−'}${Math.abs(value * 100).toFixed(1)}%`;
const mark = (ok) => (ok ? 'pass' : '**miss**');
const NAMES = { a: '(a) real code without Clerk (`next`, Clerk SDKs, svix builds)', b: '(b) generated Clerk-heavy Next.js files', c: '(c) real apps (14 public Clerk apps)' };
const rows = [];
for (const [corpus, data] of Object.entries(instructions.corpora).sort(([x], [y]) => (x < y ? -1 : 1))) {
  const limit = instructions.targets.overNoop[corpus];
  const memoryLimit = instructions.targets.memoryOverNoop;
  const cell = (config) => {
    const c = data.configs[config];
    return `${pct(c.overNoop)} ${mark(data.conclusive && c.overNoop <= limit)}`;
  };
  // The memory target is measured on the whole corpus with GC on a fixed schedule, full collections included
  // (bench/instructions.mjs).
  const memory = (config) => {
    const c = data.memory.configs[config];
    return `${pct(c.overNoop)} ${mark(data.memory.conclusive && c.overNoop <= memoryLimit)}`;
  };
  // Information: the live heap at its largest, and the peak with V8's own full-collection schedule (the target until
  // 2026-12-05).
  const live = (config) => {
    const c = data.memory.configs[config];
    if (c.livePeakOverNoop === undefined) return 'not measured';
    return c.v8PeakOverNoop === undefined ? pct(c.livePeakOverNoop) : `${pct(c.livePeakOverNoop)} (peak RSS ${pct(c.v8PeakOverNoop)})`;
  };
  // How far the same work counted twice apart (bench/instructions.mjs, REPEAT_LIMIT), when the run measured it.
  const repeat = data.repeat === undefined ? '' : `; counts repeat to ${(data.repeat * 100).toFixed(2)}%`;
  const how = `${data.files === data.of ? `all ${data.of}` : `${data.files} of ${data.of}`} files${data.earlierAttempts?.length > 0 ? `, ${data.attempt}` : ''}${data.conclusive ? '' : ', inconclusive'}${repeat}`;
  rows.push(
    `| ${NAMES[corpus]}, ${how} | ≤ ${(limit * 100).toFixed(0)}% | ${cell('clerk-recommended')} | ${cell('clerk-all')} | ${memory('clerk-recommended')} / ${memory('clerk-all')} | ${live('clerk-recommended')} / ${live('clerk-all')} | ${pct(data.configs.noop.overBaseline)} | ${data.configs['clerk-all'].clerkFindings} |`,
  );
}
if (instructions.skipped !== undefined) rows.push(`| (c) real apps | ≤ 5% | skipped: not laid out | | | | | |`);
console.log(`Measured ${instructions.date.slice(0, 10)} at commit ${instructions.commit}${instructions.srcCommit !== undefined && instructions.srcCommit !== instructions.commit ? ` (src/ as of ${instructions.srcCommit})` : ''}, Node ${instructions.node} (\`npm run bench\`):\n`);
// Runs since 2026-12-04 count without full collections (bench/method.mjs COUNT_V8): say which kind this table is.
const withoutFull = Object.values(instructions.corpora).every((data) => data.v8?.some((flag) => flag.startsWith('--initial-old-space-size')));
// Runs since 2026-12-05 collect at the largest files for the target (v8PeakOverNoop is their information column).
const collectedTarget = Object.values(instructions.corpora).some((data) => data.memory?.configs?.noop?.v8PeakOverNoop !== undefined);
const memoryHeader = collectedTarget
  ? 'peak RSS over the no-op rule (≤ 10%; whole corpus, fixed GC schedule with full collections at the largest tenth of the files, median over 3 heap layouts), `recommended` / `all` | information: live heap at its largest over the no-op rule (and peak RSS with V8\'s own full-collection schedule, one run), `recommended` / `all`'
  : 'peak RSS over the no-op rule (≤ 10%; whole corpus, fixed GC schedule, median over 3 heap layouts), `recommended` / `all` | information: live heap at its largest over the no-op rule, `recommended` / `all`';
console.log(`| corpus (instructions counted by callgrind${withoutFull ? ', no full collections' : ''}) | target over the no-op rule | \`recommended\` over the no-op rule | \`all\` over the no-op rule | ${memoryHeader} | ESLint's floor: no-op rule over no rules | findings (\`all\`) |`);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
if (editor !== undefined) {
  const ms = (value) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)} ms`;
  console.log(
    `| editor: the 20 largest files of (c), one at a time in a warm process (wall time, ${editor.reps} rounds) | p99 ≤ +${editor.targetP99Ms} ms per file | p50 ${ms(editor.overhead.p50)}, p99 ${ms(editor.overhead.p99)} ${mark(editor.ok)} (no-op rule: p50 ${editor.stats.noop.p50.toFixed(1)} ms, p99 ${editor.stats.noop.p99.toFixed(1)} ms) | | | | | |`,
  );
}
