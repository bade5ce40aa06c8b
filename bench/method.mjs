// How bench/instructions.mjs runs bench/worker.mjs so that the same work counts the same instructions in every run
// (tests/bench/worker-determinism.test.ts checks it).

/**
 * V8 flags of every count and of the memory target's runs: one thread (`--predictable`), garbage collection on a
 * fixed schedule (`--predictable-gc-schedule`: 4 MB semi-spaces, old generation grown by a fixed 30%, no memory
 * reducer), and no garbage collection started from a task (`--no-minor-gc-task --no-incremental-marking-task`): V8
 * posts those tasks when the young generation is 80% full or marking has started, and they run when the event loop
 * gets to them, which depends on time. With these flags (and the worker's clock and require(), see
 * bench/worker.mjs) the heap after each file is the same, byte for byte, from run to run natively, and a count
 * under valgrind repeats to ~0.01–0.5% (2026-12-03; before: up to 2% for the same build, 4.4% across runs).
 */
export const COUNT_V8 = ['--predictable', '--predictable-gc-schedule', '--no-minor-gc-task', '--no-incremental-marking-task'];
/**
 * The worker's clock advances 10 ms per file linted (about the native pace of linting here: 2,000 files of (a) in
 * ~28 s, 150 of (b) in ~1.1 s), so the plugin's one-second file-system answers expire as often as natively, at the
 * same files in every run, instead of ~50x as often and at load-dependent points under valgrind.
 */
export const CLOCK = ['--clock-ms-per-file', '10'];
/**
 * The memory target's runs: the same, and marking done at once when the old generation reaches its limit
 * (`--no-incremental-marking`). Incremental marking sizes its steps by time, so how far the heap grew past its
 * limit before a collection finished depended on the machine's load: the no-op rule peaked at 150 MB on all of (b)
 * on an idle machine and at 236 MB beside two valgrind runs. Marked at once, its peak was 163.2 MB in two runs side
 * by side, and a peak is what is live at a collection plus the fixed 30% of growth. (Not for the counts: without
 * incremental marking the no-op rule's count of linting rose 17%, a collector unlike the one users run.)
 */
export const MEMORY_V8 = [...COUNT_V8, '--no-incremental-marking'];

/**
 * The heap padding (bench/worker.mjs `--heap-padding`, KB) of a configuration's index-th memory run. With GC on a fixed
 * schedule and marking done at once a run repeats to 0.1 MB, so identical runs measured one heap layout three times;
 * the peak moves with the layout instead: on all 2,000 files of (b) (2026-12-04) `recommended` peaked 9.9% to 17.7%
 * over the no-op rule at paddings 0 to 512 KB, the no-op rule itself 154.4 to 160.9 MB. So each run gets its own
 * layout and the median is over layouts.
 */
export const MEMORY_PADDINGS = [0, 16, 48];
export const memoryPadding = (index) => MEMORY_PADDINGS[index % MEMORY_PADDINGS.length] + 64 * Math.floor(index / MEMORY_PADDINGS.length);

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
