// `npm run bench`: the wall-time benchmark (bench/run.mjs) and the instruction-count one (bench/instructions.mjs),
// one after the other (never side by side: the first measures time). Exits non-zero when either misses a target.
// Arguments go to both (`--files`, and `--reps` for the wall-time run); `--skip-instructions` runs the first alone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const value = (name) => (args.includes(`--${name}`) ? [`--${name}`, args[args.indexOf(`--${name}`) + 1]] : []);
const step = (script, scriptArgs) =>
  spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...scriptArgs], { stdio: 'inherit' }).status ?? 1;
const wall = step('./run.mjs', [...value('reps'), ...value('files')]);
const counted = args.includes('--skip-instructions') ? 0 : step('./instructions.mjs', [...value('jobs')]);
process.exitCode = Math.max(wall, counted);
