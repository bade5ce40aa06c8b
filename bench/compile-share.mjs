// `node bench/compile-share.mjs [config] [corpus] [--files 150]`: of the instructions a configuration adds over the
// no-op rule (bench/instructions.mjs), how many are V8's optimizing compiler (TurboFan) compiling code that became
// hot, and how many run the code itself. Information, not a target.
//
// Why: under `--predictable` (which the counts need to repeat) V8 compiles on the main thread, so the count of a
// 150–300-file run includes compiling every function that gets hot during it: ESLint's and the parser's (~40% of
// the no-op rule's own count on corpus (b)) and the plugin's. That is a cost per process, not per file, and Node
// normally pays it on a background thread; a count over few files is dominated by it.
//
// How: the same runs as bench/instructions.mjs (the list, and the warm-up alone, under callgrind), but with
// callgrind's output kept and summed by function name with callgrind_annotate: `v8::internal::compiler::` is
// TurboFan; garbage collection, and the rest (interpreted, baseline and optimized JavaScript, builtins, runtime).
// Defaults: clerk-recommended on 150 files of corpus (b) (the corpus lists of bench/instructions.mjs).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { corpusFile, evenSample, resultsDir, root } from './corpora.mjs';
import { childEnv, CLOCK, COUNT_V8, requireCallgrind } from './method.mjs';

const run = promisify(execFile);
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const positional = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
const [config = 'clerk-recommended', corpus = 'b'] = positional;
const FILES = Number(option('files', '150'));

const list = JSON.parse(readFileSync(corpusFile(corpus), 'utf8'));
const picked = evenSample(list, FILES);
const listFile = join(resultsDir, `compile-share-corpus-${corpus}-${picked.length}.json`);
writeFileSync(listFile, JSON.stringify(picked));
const dir = mkdtempSync(join(tmpdir(), 'clerk-compile-share-'));

const CATEGORIES = [
  ['optimizing compiler', (name) => name.includes('compiler::') || name.includes('turboshaft')],
  ['garbage collection', (name) => /Scavenge|Evacuate|heap::|Heap::|MarkCompact|Marking|Sweeper|LiveObject|RecordMigrated/u.test(name)],
  ['the rest (running code)', () => true],
];

async function categories(name, warmupOnly) {
  const out = join(dir, `${name}${warmupOnly ? '-warmup' : ''}.out`);
  await run(
    'valgrind',
    ['--tool=callgrind', '--smc-check=all-non-file', `--callgrind-out-file=${out}`, process.execPath, ...COUNT_V8, join(root, 'bench/worker.mjs'), name, listFile, '--sequential', ...CLOCK, ...(warmupOnly ? ['--warmup-only'] : [])],
    { cwd: root, env: childEnv(), maxBuffer: 64 * 1024 * 1024 },
  );
  const annotated = execFileSync('callgrind_annotate', ['--threshold=100', out], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const sums = Object.fromEntries(CATEGORIES.map(([category]) => [category, 0]));
  let total = 0;
  for (const line of annotated.split('\n')) {
    const match = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$/u.exec(line);
    if (match === null) continue;
    const count = Number(match[1].replaceAll(',', ''));
    if (match[2].includes('PROGRAM TOTALS')) {
      total = count;
      continue;
    }
    const [category] = CATEGORIES.find(([, test]) => test(match[2]));
    sums[category] += count;
  }
  // Functions under callgrind_annotate's threshold are counted with the rest.
  sums['the rest (running code)'] += total - Object.values(sums).reduce((sum, value) => sum + value, 0);
  return { total, ...sums };
}

requireCallgrind('bench/compile-share.mjs');
const names = ['noop', config];
const [noop, noopWarm, measured, measuredWarm] = await Promise.all(names.flatMap((name) => [categories(name, false), categories(name, true)]));
rmSync(dir, { recursive: true, force: true });
const lint = (full, warm) => Object.fromEntries(Object.keys(full).map((key) => [key, full[key] - warm[key]]));
const base = lint(noop, noopWarm);
const withPlugin = lint(measured, measuredWarm);
const millions = (value) => `${Math.round(value / 1e6).toLocaleString('en-US')}`;
console.log(`${config} vs the no-op rule on ${picked.length} files of corpus (${corpus}): instructions of linting them (millions)`);
console.log('| part | no-op rule | ' + config + ' | added |');
console.log('| --- | --- | --- | --- |');
for (const key of Object.keys(base)) {
  const added = withPlugin[key] - base[key];
  const share = key === 'total' ? '' : ` (${Math.round((added / (withPlugin.total - base.total)) * 100)}% of the added)`;
  console.log(`| ${key} | ${millions(base[key])} | ${millions(withPlugin[key])} | ${added >= 0 ? '+' : ''}${millions(added)}${share} |`);
}
