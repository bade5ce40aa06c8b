// bench/method.mjs: how the benchmark runs its workers so that the same work counts the same instructions.
import { describe, expect, it } from 'vitest';

// @ts-expect-error: a JavaScript module of the benchmark, without types
import { assertNoFullCollection, childEnv, COUNT_OLD_SPACE_MB, COUNT_V8, countedFiles, disorderedPeaks, largestTenth, MEMORY_RESOLUTION_MB, MEMORY_V8, memoryPadding, memoryRunFlags, SCHEDULE_V8 } from '../../bench/method.mjs';

const env = childEnv as (env?: Record<string, string | undefined>) => Record<string, string>;

describe('the environment of counted runs (childEnv)', () => {
  it("keeps PATH and valgrind's variables and drops the rest, npm's among them", () => {
    expect(
      env({
        PATH: '/usr/bin:/bin',
        HOME: '/root',
        VALGRIND_LIB: '/usr/lib/valgrind',
        npm_package_dependencies__typescript_eslint_parser: '^8.72.0',
        npm_lifecycle_event: 'bench',
        X: 'a'.repeat(400),
      }),
    ).toEqual({ PATH: '/usr/bin:/bin', VALGRIND_LIB: '/usr/lib/valgrind' });
  });

  it('is the same whether the benchmark runs from npm, with a dependency more, or directly', () => {
    const shell = { PATH: '/usr/bin', HOME: '/root', SHELL: '/bin/bash' };
    const npm = { ...shell, npm_package_dependencies_picomatch: '^4.0.7', npm_config_user_agent: 'npm/10', INIT_CWD: '/work' };
    const npmWithDependency = { ...npm, 'npm_package_dependencies__typescript_eslint_scope_manager': '^8.72.0' };
    expect(env(npm)).toEqual(env(shell));
    expect(env(npmWithDependency)).toEqual(env(shell));
    // A machine without PATH still gets a defined value: the variable's presence does not vary either.
    expect(env({})).toEqual({ PATH: '' });
  });
});

describe('the heap layouts of the memory runs (memoryPadding)', () => {
  const padding = memoryPadding as (index: number) => number;

  it('gives every run of a configuration its own heap padding: identical runs measured one layout three times', () => {
    const paddings = Array.from({ length: 6 }, (_, index) => padding(index));
    expect(new Set(paddings).size).toBe(6);
    expect(paddings.slice(0, 3)).toEqual([0, 16, 48]);
    for (const value of paddings) expect(Number.isInteger(value) && value >= 0).toBe(true);
  });
});

describe('the flags of the memory runs (MEMORY_V8)', () => {
  it('keep V8’s incremental marking: marked at once, a full collection waited for a direct old-space allocation, and peaks followed pretenuring instead of the heap kept', () => {
    expect(MEMORY_V8).toEqual(SCHEDULE_V8);
    expect(MEMORY_V8).not.toContain('--no-incremental-marking');
    // Full collections are what memory is about: the memory runs keep V8's old-generation sizing.
    expect(MEMORY_V8.some((flag: string) => flag.startsWith('--initial-old-space-size'))).toBe(false);
  });
});

describe('counts without full collections (COUNT_V8, assertNoFullCollection)', () => {
  const assertNone = assertNoFullCollection as (result: { fullCollections?: number; warmupOnly?: boolean }, what: string) => void;

  it('size the old generation so that none starts, on the same fixed schedule as the memory runs', () => {
    expect(COUNT_V8.slice(0, SCHEDULE_V8.length)).toEqual(SCHEDULE_V8);
    expect(COUNT_V8).toContain(`--initial-old-space-size=${COUNT_OLD_SPACE_MB}`);
    // Without a maximum at least as large, V8 caps the initial size at its default maximum (smaller on smaller machines).
    expect(COUNT_V8).toContain(`--max-old-space-size=${2 * COUNT_OLD_SPACE_MB}`);
  });

  it('refuses a counted run in which a full collection started, and says what to raise', () => {
    expect(() => assertNone({ fullCollections: 0 }, 'noop list.json')).not.toThrow();
    expect(() => assertNone({ fullCollections: 1 }, 'noop list.json')).toThrow(/1 full garbage collections/u);
    expect(() => assertNone({ fullCollections: 2 }, 'noop list.json')).toThrow(/noop list\.json: 2 full garbage collections in a counted run.*raise COUNT_OLD_SPACE_MB above 4096/u);
    // A worker that did not report them (an older worker) is refused too, not taken for none.
    expect(() => assertNone({}, 'noop list.json')).toThrow(/an unknown number of full garbage collections/u);
    // A warm-up-only run reports none and is not refused (refusing it stopped the first benchmark run, 5213ee0).
    expect(() => assertNone({ warmupOnly: true }, 'noop list.json')).not.toThrow();
  });
});

describe('the memory target’s runs (memoryRunFlags, largestTenth, disorderedPeaks)', () => {
  const flags = memoryRunFlags as (livePeakChars: number, index: number) => string[];
  const tenth = largestTenth as (sizes: number[]) => number;
  const disordered = disorderedPeaks as (
    configs: Record<string, { retainedHeapMb: number; peakRssMb: number }>,
    pairs: [string, string][],
  ) => [string, string][];

  it('collect at the end of each of the largest files in every run, each run at its own heap layout', () => {
    const runs = [0, 1, 2].map((index) => flags(12144, index));
    for (const [index, run] of runs.entries()) {
      expect(run.slice(0, 2)).toEqual(['--live-peak', '12144']);
      expect(run.slice(2)).toEqual(['--heap-padding', String((memoryPadding as (index: number) => number)(index))]);
    }
    expect(new Set(runs.map((run) => run.join(' '))).size).toBe(3);
  });

  it('find the size from which a file is among the largest tenth', () => {
    expect(tenth(Array.from({ length: 100 }, (_, index) => 100 - index))).toBe(91);
    expect(tenth([5, 1, 9])).toBe(9);
    expect(tenth([])).toBe(0);
  });

  it('count a lower peak against the measurement only when the configuration keeps clearly more', () => {
    const configs = {
      baseline: { retainedHeapMb: 39.8, peakRssMb: 140.1 },
      // ~1 MB more kept than no rules, and 0.2 MB lower: within how far one configuration's peak moves.
      noop: { retainedHeapMb: 40.7, peakRssMb: 139.9 },
      // 5 MB more kept and a lower peak: the collection cycle, not memory.
      lower: { retainedHeapMb: 45.7, peakRssMb: 139.0 },
      higher: { retainedHeapMb: 45.7, peakRssMb: 148.0 },
    };
    expect(disordered(configs, [['noop', 'baseline'], ['lower', 'noop'], ['higher', 'noop']])).toEqual([['lower', 'noop']]);
    expect(MEMORY_RESOLUTION_MB).toBe(2);
  });
});

describe('evenSample (bench/corpora.mjs)', () => {
  it('takes evenly spaced entries from the first on, and the whole list when it is shorter', async () => {
    // @ts-expect-error: a JavaScript module of the benchmark, without types
    const { evenSample } = (await import('../../bench/corpora.mjs')) as { evenSample: (list: number[], size: number) => number[] };
    const list = Array.from({ length: 10 }, (_, index) => index);
    expect(evenSample(list, 4)).toEqual([0, 2, 5, 7]);
    expect(evenSample(list, 10)).toEqual(list);
    expect(evenSample(list, 300)).toEqual(list);
    expect(evenSample(list, 1)).toEqual([0]);
  });
});

describe('how many files of each corpus the counts lint (countedFiles)', () => {
  const counted = countedFiles as (args: string[]) => { a: number; b: number; c: number };

  it('samples (a) and counts (b) and (c) whole unless told otherwise', () => {
    expect(counted([])).toEqual({ a: 300, b: Infinity, c: Infinity });
    expect(counted(['--jobs', '2'])).toEqual({ a: 300, b: Infinity, c: Infinity });
  });

  it('takes a number or all for each corpus', () => {
    expect(counted(['--files', '600', '--files-b', '300', '--files-c', '150'])).toEqual({ a: 600, b: 300, c: 150 });
    expect(counted(['--files', 'all'])).toEqual({ a: Infinity, b: Infinity, c: Infinity });
  });

  it('refuses anything else with a message naming the option', () => {
    expect(() => counted(['--files-b', '0'])).toThrow(/--files-b takes a whole number of files of at least 1, or all \(got 0\)/u);
    expect(() => counted(['--files', 'x'])).toThrow(/--files takes/u);
    expect(() => counted(['--files-c'])).toThrow(/--files-c takes .*got undefined/u);
  });
});
