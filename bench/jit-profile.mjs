// `node bench/jit-profile.mjs [config] [corpus] [--files 300] [--top 30]`: the instructions of linting a sample, per
// JavaScript function of the plugin, counted as bench/instructions.mjs counts (callgrind, `COUNT_V8`, the worker's
// clock, the full run less a run that stops after the warm-up). Information, for finding what to cut when a count
// target is missed: bench/profile.mjs ranks by time, which file-system calls inflate and the count hardly sees, and
// bench/compile-share.mjs says how much is compiling but not what.
//
// Callgrind cannot name generated code; bench/jit-names.mjs names it from the map Node writes with `--perf-basic-prof`
// (`--interpreted-frames-native-stack` gives interpreted functions addresses of their own). Both flags change the
// counts a little (more code, a map written): compare functions within one profile, not with the benchmark's totals.
// "Inclusive" holds what a function calls: builtins (property access from unoptimized code, regular expressions), the
// functions below it, and V8 compiling a function that got hot while it ran. A function that calls itself (a walk) is
// counted at its outermost call.
// Defaults: clerk-all on corpus (b), the benchmark's sample of 300 files. Needs valgrind and callgrind_annotate.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { corpusFile, evenSample, resultsDir, root } from './corpora.mjs';
import { attribute, parsePerfMap } from './jit-names.mjs';
import { childEnv, CLOCK, COUNT_V8, requireCallgrind } from './method.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const positional = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
const [config = 'clerk-all', corpus = 'b'] = positional;
const FILES = Number(option('files', '300'));
const TOP = Number(option('top', '30'));
if (!Number.isInteger(FILES) || FILES < 1 || !Number.isInteger(TOP) || TOP < 1) {
  console.error('--files and --top take a whole number of at least 1.');
  process.exit(2);
}

requireCallgrind('bench/jit-profile.mjs');

// The benchmark's evenly spaced sample (as bench/instructions.mjs takes it).
const picked = evenSample(JSON.parse(readFileSync(corpusFile(corpus), 'utf8')), FILES);
const listFile = join(resultsDir, `jit-profile-corpus-${corpus}-${picked.length}.json`);
writeFileSync(listFile, JSON.stringify(picked));
const dir = mkdtempSync(join(tmpdir(), 'clerk-jit-profile-'));

/** One run under callgrind: Map(function → instructions), inclusive and self. */
function profile(warmupOnly) {
  const out = join(dir, warmupOnly ? 'warmup.out' : 'full.out');
  const worker = join(root, 'bench/worker.mjs');
  // `--perf-basic-prof` also turns on V8's log, by default one file per isolate in the working directory (the
  // checkout): one file, in the scratch folder.
  const flags = [...COUNT_V8, '--perf-basic-prof', '--interpreted-frames-native-stack', '--no-logfile-per-isolate', `--logfile=${join(dir, warmupOnly ? 'warmup-v8.log' : 'v8.log')}`];
  const child = spawn('valgrind', ['--tool=callgrind', '--smc-check=all-non-file', `--callgrind-out-file=${out}`, process.execPath, ...flags, worker, config, listFile, '--sequential', ...CLOCK, ...(warmupOnly ? ['--warmup-only'] : [])], {
    cwd: root,
    env: childEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      // valgrind runs node in its own process: the map is named after that pid.
      const perfMap = `/tmp/perf-${child.pid}.map`;
      try {
        if (code !== 0) throw new Error(`${config} under callgrind exited ${code}:\n${stderr.slice(-2000)}`);
        const entries = parsePerfMap(readFileSync(perfMap, 'utf8'));
        const annotate = (inclusive) =>
          execFileSync('callgrind_annotate', [`--inclusive=${inclusive ? 'yes' : 'no'}`, '--threshold=100', '--auto=no', out], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
        resolve({ inclusive: attribute(annotate(true), entries, { inclusive: true }), self: attribute(annotate(false), entries, { inclusive: false }) });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(perfMap, { force: true });
      }
    });
  });
}

let full;
let warm;
try {
  [full, warm] = await Promise.all([profile(false), profile(true)]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const lint = (kind, name) => (full[kind].get(name) ?? 0) - (warm[kind].get(name) ?? 0);
const dist = `file://${join(root, 'dist')}/`;
const plugin = [...full.inclusive.keys()].filter((name) => name.includes(dist));
const millions = (value) => (value / 1e6).toFixed(1).padStart(8);
const label = (name) => name.replace('JS:', '').replace(dist, 'dist/');
console.log(`${config} on ${picked.length} files of corpus (${corpus}): instructions of linting them, full run less warm-up (millions)`);
console.log(`\ntop ${TOP} functions of the plugin, inclusive | self`);
for (const name of plugin.sort((a, b) => lint('inclusive', b) - lint('inclusive', a)).slice(0, TOP)) {
  console.log(`${millions(lint('inclusive', name))} | ${millions(lint('self', name))}  ${label(name)}`);
}
