// How bench/instructions.mjs runs bench/worker.mjs so that the same work counts the same instructions in every run
// (tests/bench/worker-determinism.test.ts checks it).

import { execFileSync } from 'node:child_process';

/**
 * V8 flags of the GC schedule, shared by the counts (COUNT_V8) and the memory target's runs (MEMORY_V8): one thread
 * (`--predictable`), garbage collection on a fixed schedule (`--predictable-gc-schedule`: 4 MB semi-spaces, old
 * generation grown by a fixed 30%, no memory reducer), and no garbage collection started from a task
 * (`--no-minor-gc-task --no-incremental-marking-task`): V8 posts those tasks when the young generation is 80% full or
 * marking has started, and they run when the event loop gets to them, which depends on time. With these flags (and
 * the worker's clock and require(), see bench/worker.mjs) a count under valgrind repeated to ~0.01–0.5% (2026-12-03;
 * before: up to 2% for the same build, 4.4% across runs); with marking done at once as well (ATOMIC_MARKING_V8) the
 * heap after each file is the same, byte for byte, from run to run natively.
 */
export const SCHEDULE_V8 = ['--predictable', '--predictable-gc-schedule', '--no-minor-gc-task', '--no-incremental-marking-task'];
/** The old generation's size in a counted run (MB): more than any counted run allocates (see COUNT_V8). */
export const COUNT_OLD_SPACE_MB = 4096;
/**
 * V8 flags of every count: the fixed schedule (SCHEDULE_V8) with an old generation so large from the start that no
 * full collection starts by itself. A count then holds the work and the young generation's collections, both set by
 * what is allocated, and nothing that moves with where full collections fall. bench/instructions.mjs refuses a
 * counted run whose measured part had one (the worker observes collections after its warm-up only).
 *
 * Why (2026-12-04): with full collections on V8's schedule a count repeated only for one heap layout, and a heap
 * shifted by a few KB (`--heap-padding`, no work changed) moved `recommended` over the no-op rule from +9.4% to +13.6%
 * on 400 files of (c); `all`, which does more than `recommended`, counted below it on (a) in one sample and on (c);
 * incremental marking sizes its steps by time, so a count also moved by up to 200 M (3%) with a native run beside it.
 * Full collections started at fixed files instead (`gc()` every 40 files) are atomic and deoptimized code that
 * incremental marking leaves alone ("weak objects": 136 against 41 deoptimizations on 300 files of (b)): the no-op
 * rule counted 10,738 M instead of 7,177 M, a cost users do not pay. Without full collections, on 300 files of (b):
 * the no-op rule 5,761 M (5,766 M with 48 KB of padding), `recommended` 6,300 M at both paddings, `all` 6,428 M,
 * two runs at a time. No target measures the processor time of full collections any more (they mark the heap kept,
 * reported beside the memory target as retainedHeapMb, and how many start follows what is allocated): on the same
 * files `recommended` counted 628 M over the no-op rule with V8's full collections and 539 M without them
 * (docs/development.md, "Counts without full collections").
 */
export const COUNT_V8 = [...SCHEDULE_V8, `--initial-old-space-size=${COUNT_OLD_SPACE_MB}`, `--max-old-space-size=${2 * COUNT_OLD_SPACE_MB}`];
/**
 * A counted run's worker result (bench/worker.mjs) must show no full collection: one would put back what COUNT_V8
 * takes out (a larger sample, or a heap that grew past COUNT_OLD_SPACE_MB, would do it). A warm-up-only run reports
 * none (the worker observes collections after the warm-up) and passes.
 */
export function assertNoFullCollection(result, what) {
  if (result.fullCollections === 0 || result.warmupOnly === true) return;
  throw new Error(
    `${what}: ${result.fullCollections ?? 'an unknown number of'} full garbage collections in a counted run; counts are made without them (bench/method.mjs, COUNT_V8): if the heap outgrew it, raise COUNT_OLD_SPACE_MB above ${COUNT_OLD_SPACE_MB}`,
  );
}
/**
 * The worker's clock advances 10 ms per file linted (about the native pace of linting here: 2,000 files of (a) in
 * ~28 s, 150 of (b) in ~1.1 s), so the plugin's one-second file-system answers expire as often as natively, at the
 * same files in every run, instead of ~50x as often and at load-dependent points under valgrind.
 */
export const CLOCK = ['--clock-ms-per-file', '10'];
/**
 * The memory target's runs: the fixed GC schedule with V8's full collections and incremental marking as users run them. Until
 * 2026-12-04 they also marked at once (`--no-incremental-marking`), because incremental marking sizes its steps by
 * time and a no-op run had once peaked at 236 MB beside two valgrind runs against 150 MB idle. With the worker made
 * deterministic since (require(), its clock, no GC tasks) that no longer showed: on all of (b), beside the benchmark's
 * two valgrind runs and up to four other runs, the no-op rule peaked at 147.9 to 150.1 MB in four runs. Marking at
 * once turned out not to measure memory at all: without incremental marking a full collection starts only when
 * something is allocated directly in the old generation after its limit is passed (promotion by the young
 * generation's collections never starts one), so where collections fell followed pretenuring, not the heap kept. The
 * no-op rule with 5 MB of ballast kept as much as `recommended` (44.3–44.4 against 44.4–45.4 MB) and peaked at
 * 156.6–156.7 MB with 23 full collections, no higher than the no-op rule without it (154.4–160.9 MB, 17–21 full
 * collections, five heap paddings), `recommended` at 173 to 184 MB. With
 * incremental marking the peaks follow what is kept: the no-op rule 148 MB, with 5 MB of ballast 159.0 MB,
 * `recommended` 160.3 to 161.5 MB. A run can still overshoot while marking on a loaded machine (one of five runs of
 * `recommended` on (c) peaked at 211.6 MB beside five other runs, 180 MB otherwise): the median over heap layouts
 * (memoryPadding) keeps one such run out.
 */
export const MEMORY_V8 = [...SCHEDULE_V8];
/**
 * Marking done at once: for checking that the worker leaves the same heap after every file in two runs
 * (tests/bench/worker-determinism.test.ts). With incremental marking, whose steps are sized by time, that comparison
 * failed 3 times in 4 on a loaded machine; marked at once it passed 4 of 4 beside three busy loops.
 */
export const ATOMIC_MARKING_V8 = [...SCHEDULE_V8, '--no-incremental-marking'];

/**
 * The heap padding (bench/worker.mjs `--heap-padding`, KB) of a configuration's index-th memory run. With GC on a fixed
 * schedule a run repeats (to 0.1 MB marked at once, to ~1.5% with incremental marking), so identical runs measured one
 * heap layout three times, while the peak moves with the layout: on all 2,000 files of (b) (2026-12-04, marked at
 * once) `recommended` peaked 9.9% to 17.7% over the no-op rule at paddings 0 to 512 KB. So each run gets its own
 * layout and the median is over layouts (which also keeps out one run that overshot while marking). How much the
 * layout moves the peak with incremental marking was not measured beyond two paddings (0 and 16 KB on (b) and (c)).
 */
export const MEMORY_PADDINGS = [0, 16, 48];
export const memoryPadding = (index) => MEMORY_PADDINGS[index % MEMORY_PADDINGS.length] + 64 * Math.floor(index / MEMORY_PADDINGS.length);

/**
 * The worker flags of a configuration's index-th run for the memory target (bench/instructions.mjs): its heap layout,
 * and a full collection at the end of each file of `livePeakChars` characters or more (bench/worker.mjs `--live-peak`),
 * so that full collections fall at the same files in every configuration.
 */
export const memoryRunFlags = (livePeakChars, index) => ['--live-peak', String(livePeakChars), '--heap-padding', String(memoryPadding(index))];

/** The size in characters from which a file is among the largest tenth of `sizes` (0 for none). */
export function largestTenth(sizes) {
  const sorted = [...sizes].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length * 0.9)] ?? 0;
}

/**
 * How much more a configuration must keep (heap after a final full collection) before a lower peak makes a memory
 * measurement inconclusive: with full collections at fixed files, one configuration's peak moved by up to 1.7 MB
 * across heap paddings (all of (c), 2026-12-05), while the no-op rule keeps ~1 MB more than no rules.
 */
export const MEMORY_RESOLUTION_MB = 2;

/**
 * The pairs `[more, less]` of `pairs` whose peaks are out of order: `more` keeps at least MEMORY_RESOLUTION_MB more
 * than `less` and still peaks lower. Such a measurement followed the collection cycle, not the heap kept.
 */
export function disorderedPeaks(configs, pairs) {
  return pairs.filter(([more, less]) => configs[more].retainedHeapMb - configs[less].retainedHeapMb >= MEMORY_RESOLUTION_MB && configs[more].peakRssMb < configs[less].peakRssMb);
}

/**
 * The environment of every counted and memory run: PATH (to find valgrind and node) and valgrind's own variables,
 * nothing else. The environment is part of what a process holds from its start, so its size moves the heap layout
 * like `--heap-padding` does: on 300 files of (b) the no-op rule counted 7,208 M for linting, and 7,071 M (-1.9%)
 * with one more variable of 400 bytes (2026-12-04). `npm run bench` passes npm's variables, among them the package's
 * dependency list, so adding a dependency, or running the script directly, moved every count; between two runs the
 * unchanged no-op rule counted 511 M fewer on (c).
 */
export function childEnv(env = process.env) {
  const kept = { PATH: env.PATH ?? '' };
  for (const [name, value] of Object.entries(env)) if (name.startsWith('VALGRIND_') && value !== undefined) kept[name] = value;
  return kept;
}

/** Exits with a clear message (status 2) when valgrind or callgrind_annotate is missing: `script` needs both. */
export function requireCallgrind(script) {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
    // callgrind_annotate exits 255 after printing its version: only its absence matters.
    execFileSync('sh', ['-c', 'command -v callgrind_annotate'], { stdio: 'ignore' });
  } catch {
    console.error(`${script} needs valgrind and callgrind_annotate (Debian package \`valgrind\`).`);
    process.exit(2);
  }
}

/**
 * How many files of each corpus the counts lint, from bench/instructions.mjs's arguments: `--files` for (a) (default
 * 300), `--files-b` and `--files-c` (default `all`: the whole corpus). A count over a sample weighs what a process pays
 * once (V8 compiling ESLint, the parser and the plugin; each project's middleware and helpers) more than a whole corpus
 * does, and not in the same proportion for every configuration: on (b) ESLint's own compiling made the 300-file sample
 * kinder to the plugin than the 2,000 files (`recommended` +7.8% against +10.6%, docs/development.md, "The whole of
 * (b)"). (a) stays sampled: its 2,000 compiled bundles would count ~117,000 M instructions a run, ~25 minutes each
 * under callgrind (estimated from 600 files).
 */
export function countedFiles(args) {
  const read = (name, fallback) => {
    const index = args.indexOf(`--${name}`);
    const value = index === -1 ? fallback : args[index + 1];
    if (value === 'all') return Infinity;
    const files = Number(value);
    if (!Number.isInteger(files) || files < 1) throw new Error(`--${name} takes a whole number of files of at least 1, or all (got ${value})`);
    return files;
  };
  return { a: read('files', '300'), b: read('files-b', 'all'), c: read('files-c', 'all') };
}
