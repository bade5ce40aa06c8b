// `node bench/profile.mjs [config] [corpus] [--files 300] [--top 25]`: where the plugin's time goes, by source
// function, when an instruction target is missed. Runs bench/worker.mjs on the same evenly spaced sample as
// bench/instructions.mjs, natively, under V8's sampling profiler (`--cpu-prof`, 100 µs), and prints self time per
// function of dist/ (named by its src/ file: the build is tsc, one .js per .ts, names kept), with the share of all
// samples, and the shares of the rest (ESLint, the parser, garbage collection) beside it.
//
// Why not callgrind_annotate: callgrind sees V8's generated code as anonymous addresses (it reads no perf map), so
// under valgrind the plugin's JavaScript shows up only as "JIT code" and V8 builtins; the sampling profiler names
// JavaScript functions. Its shares are of time, not instructions, but on the same run they rank the same hot spots.
// Defaults: clerk-all on corpus (b). Needs the corpus lists (bench/results/corpus-*.json, written by the benchmark).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { corpusFile, evenSample, resultsDir, root } from './corpora.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const positional = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
const [config = 'clerk-all', corpus = 'b'] = positional;
const FILES = Number(option('files', '300'));
const TOP = Number(option('top', '25'));

const list = JSON.parse(readFileSync(corpusFile(corpus), 'utf8'));
const picked = evenSample(list, FILES);
const listFile = join(resultsDir, `profile-corpus-${corpus}.json`);
writeFileSync(listFile, JSON.stringify(picked));

const dir = mkdtempSync(join(tmpdir(), 'clerk-profile-'));
const run = execFileSync(process.execPath, ['--predictable', '--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', dir, join(root, 'bench/worker.mjs'), config, listFile, '--sequential'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
});
// A list written in another checkout names files outside this one, which ESLint ignores: a profile of nothing.
const { unlinted, crashes } = JSON.parse(run.trim().split('\n').at(-1));
if (unlinted > 0 || crashes > 0) {
  console.error(`${unlinted} files not linted, ${crashes} crashes: is ${corpusFile(corpus)} from another checkout? Delete it to rebuild it.`);
  process.exit(1);
}
const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))), 'utf8'));
rmSync(dir, { recursive: true, force: true });

// Self time: samples whose top frame is the node. Grouped by file:function.
const hits = new Map();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const total = profile.samples.length;
const byFunction = new Map();
const byArea = new Map();
const dist = join(root, 'dist/');
const area = (url, name) => {
  if (url === '') return name.startsWith('(') ? name : '(V8 / native)';
  const path = url.replace(/^file:\/\//u, '');
  if (path.startsWith(dist)) return 'plugin (src/)';
  if (path.includes('/@typescript-eslint/')) return 'typescript-eslint (parser, scope manager)';
  if (path.includes('/node_modules/eslint/') || path.includes('/espree/') || path.includes('/eslint-scope/')) return 'ESLint';
  if (path.includes('/typescript/')) return 'typescript (the parser uses it to parse)';
  if (path.startsWith('node:')) return 'Node.js (file system, modules)';
  return `other: ${path.replace(/^.*\/node_modules\//u, '').split('/').slice(0, 2).join('/')}`;
};
for (const node of profile.nodes) {
  const count = hits.get(node.id) ?? 0;
  if (count === 0) continue;
  const { url, functionName, lineNumber } = node.callFrame;
  const where = area(url, functionName);
  byArea.set(where, (byArea.get(where) ?? 0) + count);
  const path = url.replace(/^file:\/\//u, '');
  if (!path.startsWith(dist)) continue;
  const key = `src/${relative(dist, path).replace(/\.js$/u, '.ts')}:${functionName || '(anonymous)'} (dist line ${lineNumber + 1})`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + count);
}
// Inclusive time: samples with the function anywhere on the stack (once per sample), and samples under any plugin
// function at all (what the plugin costs in this run, including the parser and GC work it causes).
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
const inclusive = new Map();
let underPlugin = 0;
for (const [id, count] of hits) {
  const seen = new Set();
  for (let node = nodeById.get(id); node !== undefined; node = parent.get(node.id)) {
    const path = node.callFrame.url.replace(/^file:\/\//u, '');
    if (path.startsWith(dist)) seen.add(`src/${relative(dist, path).replace(/\.js$/u, '.ts')}:${node.callFrame.functionName || '(anonymous)'}`);
  }
  for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + count);
  if (seen.size > 0) underPlugin += count;
}
const share = (count) => `${((count / total) * 100).toFixed(2)}%`;
console.log(`${config} on corpus (${corpus}), ${picked.length} files: ${total} samples of 100 µs (warm-up included)`);
console.log('\nself time by area (0.5% and more)');
for (const [name, count] of [...byArea].sort(([, x], [, y]) => y - x).filter(([, count]) => count / total >= 0.005)) console.log(`  ${share(count).padStart(7)}  ${name}`);
console.log(`\ntop ${TOP} functions of the plugin by self time (share of all samples)`);
for (const [name, count] of [...byFunction].sort(([, x], [, y]) => y - x).slice(0, TOP)) console.log(`  ${share(count).padStart(7)}  ${name}`);
console.log(`\nunder a plugin function (inclusive: parsing of imported modules, ESLint helpers): ${share(underPlugin)}`);
console.log(`top ${TOP} functions of the plugin by inclusive time`);
for (const [name, count] of [...inclusive].sort(([, x], [, y]) => y - x).slice(0, TOP)) console.log(`  ${share(count).padStart(7)}  ${name}`);
