// `node bench/inlining.mjs [config] [corpus] [--against noop] [--files N] [--top 30]`: what V8's optimizing compiler
// compiled while a configuration linted a corpus, and how much bytecode it inlined into each compilation, against
// another configuration (default the no-op rule). Information, for finding code that V8 compiles more than once: a
// function of up to 460 bytes of bytecode (`--max-inlined-bytecode-size`) is copied into every caller TurboFan
// optimizes, so a walk or a resolver called from many places is compiled many times (docs/development.md, "One walk,
// compiled once").
//
// Each configuration's worker runs natively with the counts' flags (COUNT_V8, the clock, `--sequential`: the same
// schedule as bench/instructions.mjs, so the same functions get hot at the same files) plus `--trace-opt
// --trace-turbo-inlining`, once whole and once `--warmup-only`; the second is subtracted from the first. Compilations
// and inlined bytes repeat exactly between runs; the milliseconds the trace also prints do not, and are not used.
// Defaults: clerk-all against noop, the whole of corpus (b). About ten seconds a run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { filesOption, root, toolFileList } from './corpora.mjs';
import { compilationsOf, subtract, totals } from './inlining-trace.mjs';
import { CLOCK, childEnv, COUNT_V8 } from './method.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const positional = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
const [config = 'clerk-all', corpus = 'b'] = positional;
const against = option('against', 'noop');
const top = Number(option('top', '30'));
const files = filesOption(args);
if (!['a', 'b'].includes(corpus) || !Number.isInteger(top) || top < 1 || files === null) {
  console.error('usage: node bench/inlining.mjs [config] [a|b] [--against noop] [--files N] [--top 30]   (configs as bench/worker.mjs names them)');
  process.exit(2);
}
const { listFile, files: linted } = toolFileList('inlining', corpus, files);

function trace(name, warmupOnly) {
  const flags = [...COUNT_V8, '--trace-opt', '--trace-turbo-inlining'];
  const run = spawnSync(process.execPath, [...flags, join(root, 'bench/worker.mjs'), name, listFile, '--sequential', ...CLOCK, ...(warmupOnly ? ['--warmup-only'] : [])], {
    cwd: root,
    env: childEnv(),
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${name} exited ${run.status}:\n${run.stderr.slice(-2000)}`);
  return compilationsOf(run.stdout);
}

const measured = (name) => subtract(trace(name, false), trace(name, true));
const base = measured(against);
const mine = measured(config);
const describe = (name, value) => `${name}: ${value.compilations} compilations, ${value.inlinedBytes.toLocaleString('en')} bytes inlined`;
console.log(`${linted} files of corpus (${corpus}), the measured part (full run less warm-up)`);
console.log(describe(against, totals(base)));
console.log(describe(config, totals(mine)));
const zero = { compilations: 0, inlinedBytes: 0 };
const rows = [...new Set([...base.keys(), ...mine.keys()])].map((name) => {
  const before = base.get(name) ?? zero;
  const after = mine.get(name) ?? zero;
  return { name, before, after, more: after.inlinedBytes - before.inlinedBytes };
});
console.log(`\ntop ${top} by bytes inlined more than with ${against} (compilations and bytes: ${against} -> ${config})`);
for (const row of rows.sort((x, y) => y.more - x.more).slice(0, top)) {
  console.log(`${String(row.more).padStart(7)}  ${row.name.padEnd(34)} ${row.before.compilations} -> ${row.after.compilations}, ${row.before.inlinedBytes} -> ${row.after.inlinedBytes}`);
}
