// `npm run bench`: the benchmark's targets (issue 24), one step after the other (never side by side: the second
// measures time). Exits non-zero when either misses a target:
//   1. instructions over ESLint with one no-op rule, `recommended` and `all`, corpora (a), (b) and (c), and peak RSS
//      (bench/instructions.mjs; needs valgrind; corpus (c) skipped with a message when not laid out);
//   2. editor latency on the 20 largest files of (c), p99 per-file overhead of `recommended` (bench/editor.mjs).
// Wall time is information, not a target (it moves more between identical runs here than the targets allow):
// `--wall` runs bench/run.mjs first, whose exit code does not count.
// Arguments: `--files`, `--files-b`, `--files-c` and `--jobs` go to the instruction counts, `--editor-reps` to the editor latency (its
// `--reps`), `--reps` to the wall-time run; `--skip-instructions` runs the editor latency alone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const value = (name) => (args.includes(`--${name}`) ? [`--${name}`, args[args.indexOf(`--${name}`) + 1]] : []);
const step = (script, scriptArgs) =>
  spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...scriptArgs], { stdio: 'inherit' }).status ?? 1;
if (args.includes('--wall')) step('./run.mjs', [...value('reps')]);
const counted = args.includes('--skip-instructions') ? 0 : step('./instructions.mjs', [...value('files'), ...value('files-b'), ...value('files-c'), ...value('jobs')]);
const editorReps = value('editor-reps');
const editor = step('./editor.mjs', editorReps.length === 0 ? [] : ['--reps', editorReps[1]]);
process.exitCode = Math.max(counted, editor);
