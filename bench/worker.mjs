// Lints one corpus with one configuration through the ESLint class (as the CLI does: config computed once and
// cached), in its own process, and prints JSON: wall time, peak RSS, and (with --stats) per-rule times.
// Usage: node bench/worker.mjs <config> <file-list.json> [--stats] [--warmup-only] [--sequential] [--clock-ms-per-file N]
//   [--heap-padding K] [--live-peak N]
//   [--heap-trace]: with --sequential, the V8 heap in use after each file (warm-up included), for checking that
//   runs repeat (tests/bench/worker-determinism.test.ts).
// `--sequential` reads and lints one file after the other (`lintText`) instead of `lintFiles`, whose concurrent
// reads interleave differently from run to run: bench/instructions.mjs uses it so that a run allocates, and so
// collects garbage, in the same order every time.
// `--warmup-only` stops after the warm-up: bench/instructions.mjs subtracts such a run's instruction count from a
// full one to count the instructions of linting the list alone (start-up, module loading and warm-up cancel out).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

import * as parser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

import { useFlatRuleContexts } from './flat-contexts.mjs';

const [, , configArg, listFile, ...flags] = process.argv;
const stats = flags.includes('--stats');
const warmupOnly = flags.includes('--warmup-only');
const sequential = flags.includes('--sequential');
// `--clock-ms-per-file N`: `Date.now()` reads a clock that advances by N ms per file linted and stands still while a
// file is linted. The plugin keeps file-system answers for one second of `Date.now()` (src/util/fresh-cache.ts);
// under valgrind, ~50x slower than native, they would expire ~50x as often as in a native run, and how often would
// depend on the machine's load, so the same code would count differently from run to run. bench/instructions.mjs
// passes the native pace of linting, so answers expire as often as they do natively, and at the same files every run.
const clockIndex = flags.indexOf('--clock-ms-per-file');
let filesLinted = 0;
const heapAfterFile = flags.includes('--heap-trace') ? [] : undefined;
if (clockIndex !== -1) {
  const msPerFile = Number(flags[clockIndex + 1]);
  if (!(msPerFile > 0)) throw new Error('--clock-ms-per-file needs a positive number');
  const start = Date.now();
  Date.now = () => start + filesLinted * msPerFile;
}
// `--heap-padding K`: keeps K KB of small integers alive from the start (an array of K*128 elements), which moves
// every later allocation, and so where each garbage collection falls, without changing any work. A count repeats
// for one heap layout (bench/method.mjs), but on 400 files of (c) the same build's `recommended` counted +9.4% to
// +13.6% over the no-op rule at paddings 0, 16 and 48 KB (2026-12-03; all of (c): +7.1% / +7.2%, (b): within 0.2%):
// a change between two builds smaller than that spread is decided only by counting both at several paddings
// (docs/development.md, "Counts between builds").
const paddingIndex = flags.indexOf('--heap-padding');
if (paddingIndex !== -1) {
  const kb = Number(flags[paddingIndex + 1]);
  if (!(kb >= 0)) throw new Error('--heap-padding needs a number of KB');
  globalThis.heapPadding = Array.from({ length: kb * 128 }, (_, index) => index);
}
// `--live-peak N`: the live heap at its largest, and full collections at fixed files for the memory target. A probe
// rule, configured after the measured configuration (so it adds the same to every one), collects garbage at once at
// the end of the traversal of each file of N characters or more (the files whose tree is largest) and notes the heap
// then in use: the file's tree, tokens and scopes, what the rules hold for it, and what outlives files. That figure
// repeats run to run and moves only with what is kept alive. The collections also fall at the same files in every
// configuration, so the run's peak RSS follows what is kept rather than where V8's own schedule caught a large tree
// (bench/instructions.mjs; docs/development.md, "The memory target with collections at fixed files").
const livePeakIndex = flags.indexOf('--live-peak');
let livePeak;
if (livePeakIndex !== -1) {
  const minChars = Number(flags[livePeakIndex + 1]);
  if (!(minChars >= 0)) throw new Error('--live-peak needs a number of characters');
  if (globalThis.gc === undefined) throw new Error('--live-peak needs node --expose-gc');
  livePeak = { minChars, kb: 0, file: undefined, files: 0 };
}
const livePeakProbe = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    if (context.sourceCode.text.length < livePeak.minChars) return {};
    return {
      'Program:exit'() {
        globalThis.gc();
        const kb = Math.round(process.memoryUsage().heapUsed / 1024);
        livePeak.files += 1;
        if (kb > livePeak.kb) Object.assign(livePeak, { kb, file: context.filename });
      },
    };
  },
};
// `<config>:flat` runs ESLint with rule contexts that do not inherit from a per-file object. Stock ESLint 9/10
// (FileContext#extend: `Object.create(fileContext)`) turns each file's context into a prototype as soon as one rule
// is enabled, and V8 then keeps that object, and the AST, tokens and scopes it reaches, through young-generation
// collections until the next full one. That, not rule work, is the "no-op floor": with one rule that does nothing,
// scavenges take 60–90% longer (README, Performance). `:flat` measures the plugin without that floor.
const [configName, variant] = configArg.split(':');
if (variant === 'flat') {
  useFlatRuleContexts();
} else if (variant !== undefined) throw new Error(`unknown variant ${variant}`);
const files = JSON.parse(readFileSync(listFile, 'utf8')).map((entry) => (typeof entry === 'string' ? entry : entry.path));
const require = createRequire(import.meta.url);

// The plugin is loaded with require() (Node >= 20.19 loads ES modules synchronously that way), not import(): an
// import() reads the plugin's ~80 modules asynchronously, and how those reads interleave with the event loop changed
// what the heap held after loading by a few hundred bytes from run to run. With garbage collection on a fixed
// schedule that was enough to move every later collection, and so the instruction count of the same code by up to
// 2% between runs. require() left the same heap, byte for byte, in every run.
// (dist/index.js exports the plugin as 'module.exports', so require() returns the plugin itself.)
const loadPlugin = () => require('../dist/index.js');

async function configFor(name) {
  const base = {
    files: ['**/*.{js,jsx,ts,tsx,mjs,cjs}'],
    languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } },
  };
  const withBase = (...configs) => [base, ...configs];
  if (name === 'baseline') return withBase();
  // Calibration: what ESLint itself costs once any rule is configured.
  if (name === 'noop') {
    const rule = { meta: { type: 'problem', schema: [] }, create: () => ({}) };
    return withBase({ plugins: { noop: { rules: { rule } } }, rules: { 'noop/rule': 'error' } });
  }
  // As many no-op rules as `recommended` has: what ESLint itself costs per configured rule (information).
  if (name === 'noop-many') {
    const clerk = loadPlugin();
    const count = Object.keys(clerk.configs.recommended.rules).length;
    const rules = Object.fromEntries(Array.from({ length: count }, (_, index) => [`rule${index}`, { meta: { type: 'problem', schema: [] }, create: () => ({}) }]));
    return withBase({ plugins: { noop: { rules } }, rules: Object.fromEntries(Object.keys(rules).map((rule) => [`noop/${rule}`, 'error'])) });
  }
  // `recommended` without some of its rules (`clerk-recommended-without=rule-a+rule-b`): what those rules cost, by
  // difference (information, for profiling by instruction count).
  if (name.startsWith('clerk-recommended-without=')) {
    const clerk = loadPlugin();
    const off = Object.fromEntries(name.slice('clerk-recommended-without='.length).split('+').map((rule) => [`clerk/${rule}`, 'off']));
    return withBase(clerk.configs.recommended, { rules: off });
  }
  // `all` with some of its rules as `recommended` sets them (`clerk-all-as-recommended=rule-a+rule-b`): what those
  // rules' strict options (or, for a rule `recommended` leaves out, the rule) cost, by difference (information). A
  // rule `recommended` sets is given as `['error', {}]`: a later config entry that names only the severity (what
  // `recommended` says) keeps the options of the entry before it, so `'error'` alone would leave `all`'s options on.
  if (name.startsWith('clerk-all-as-recommended=')) {
    const clerk = loadPlugin();
    const recommended = clerk.configs.recommended.rules;
    const rules = name.slice('clerk-all-as-recommended='.length).split('+').map((rule) => `clerk/${rule}`);
    const unknown = rules.filter((rule) => clerk.configs.all.rules[rule] === undefined);
    if (unknown.length > 0) throw new Error(`not a rule of all: ${unknown.join(', ')}`);
    return withBase(clerk.configs.all, { rules: Object.fromEntries(rules.map((rule) => [rule, recommended[rule] === undefined ? 'off' : ['error', {}]])) });
  }
  if (name === 'clerk-all') {
    const clerk = loadPlugin();
    return withBase(clerk.configs.all);
  }
  if (name === 'clerk-recommended') {
    const clerk = loadPlugin();
    return withBase(clerk.configs.recommended);
  }
  // The same without reading other modules (imported helpers, middleware): the cost of cross-file knowledge.
  if (name === 'clerk-all-local') {
    const clerk = loadPlugin();
    return withBase(clerk.configs.all, { settings: { clerk: { crossFile: false } } });
  }
  if (name === 'security') return withBase(require('eslint-plugin-security').configs.recommended);
  if (name === 'next' || name === 'next+clerk-all') {
    const next = require('@next/eslint-plugin-next');
    const nextConfig = { plugins: { '@next/next': next }, rules: next.configs.recommended.rules };
    if (name === 'next') return withBase(nextConfig);
    // What a Next.js project that already lints with @next/next pays for adding the plugin.
    const clerk = loadPlugin();
    return withBase(nextConfig, clerk.configs.all);
  }
  throw new Error(`unknown config ${name}`);
}

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [
    ...(await configFor(configName)),
    ...(livePeak === undefined ? [] : [{ plugins: { 'bench-probe': { rules: { 'live-heap': livePeakProbe } } }, rules: { 'bench-probe/live-heap': 'error' } }]),
  ],
  // Corpus (a) lives in node_modules, which ESLint ignores by default.
  ignorePatterns: ['!**/node_modules/'],
  cache: false,
  stats,
});
// Warm up parser and rule code paths on a slice, outside the measurement.
async function lint(list) {
  if (!sequential) return eslint.lintFiles(list);
  const results = [];
  for (const file of list) {
    results.push(...(await eslint.lintText(readFileSync(file, 'utf8'), { filePath: file })));
    filesLinted += 1;
    heapAfterFile?.push(getHeapStatistics().used_heap_size);
    // A turn of the event loop per file, as the CLI takes for its reads (and GC observers need to be told).
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}
await lint(files.slice(0, 50));
if (warmupOnly) {
  process.stdout.write(JSON.stringify({ config: configArg, files: 0, warmupOnly: true }));
  process.exit(0);
}

// Time spent in garbage collection during the measured run, young generation (scavenges) and the rest.
const gc = { scavengeMs: 0, otherMs: 0, scavenges: 0, fullCollections: 0 };
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) {
      gc.scavengeMs += entry.duration;
      gc.scavenges += 1;
    } else {
      gc.otherMs += entry.duration;
      if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.fullCollections += 1;
    }
  }
});
gcObserver.observe({ entryTypes: ['gc'] });

const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
const results = await lint(files);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
// CPU time of the main thread and V8's helper threads: unlike wall time, not stretched when the machine is shared.
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
// Entries are delivered asynchronously: let the last ones arrive before reading the totals.
await new Promise((resolve) => setImmediate(resolve));
gcObserver.disconnect();
// What stays alive once linting is over (caches, module state), measured after a full collection: unlike peak RSS,
// this does not depend on when V8 happened to collect. Needs `--expose-gc` (bench/run.mjs passes it).
globalThis.gc?.();
const retainedKb = globalThis.gc === undefined ? undefined : Math.round(process.memoryUsage().heapUsed / 1024);

const perRule = {};
let messages = 0;
let fatal = 0;
let unlinted = 0;
for (const result of results) {
  messages += result.messages.filter((message) => message.ruleId?.startsWith('clerk/')).length;
  fatal += result.messages.filter((message) => message.fatal || (message.ruleId === null && message.severity === 2)).length;
  unlinted += result.messages.some((message) => message.ruleId === null && /ignored|No matching/u.test(message.message)) ? 1 : 0;
  for (const pass of result.stats?.times.passes ?? []) {
    for (const [rule, time] of Object.entries(pass.rules ?? {})) perRule[rule] = (perRule[rule] ?? 0) + time.total;
  }
}
process.stdout.write(
  JSON.stringify({ config: configArg, files: results.length, ms, cpuMs, scavengeMs: Math.round(gc.scavengeMs), otherGcMs: Math.round(gc.otherMs), scavenges: gc.scavenges, fullCollections: gc.fullCollections, maxRssKb: process.resourceUsage().maxRSS, retainedKb, livePeak, perRule, messages, crashes: fatal, unlinted: unlinted + files.length - results.length, heapAfterFile }),
);
