// `node bench/count.mjs <config> [corpus] [--files N]`: one configuration's instruction count, counted as
// bench/instructions.mjs counts each of its own (callgrind, COUNT_V8, the worker's clock, the full run less a run that
// stops after the warm-up, both at once). Information, for asking what one option or rule costs between two builds
// or two configurations without a whole benchmark: `clerk-all-as-recommended=rule` and
// `clerk-recommended-without=rule` (bench/worker.mjs) give a rule's strict options or the rule itself by difference.
// Defaults: corpus (b), whole. Needs valgrind. Counts are comparable only between runs from the same checkout path.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { filesOption, root, toolFileList } from './corpora.mjs';
import { CLOCK, childEnv, COUNT_V8, requireCallgrind } from './method.mjs';

const args = process.argv.slice(2);
const positional = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
const [config, corpus = 'b'] = positional;
if (config === undefined || !['a', 'b'].includes(corpus)) {
  console.error('usage: node bench/count.mjs <config> [a|b] [--files N]   (config as bench/worker.mjs names them)');
  process.exit(2);
}
requireCallgrind('bench/count.mjs');
const files = filesOption(args);
if (files === null) {
  console.error('--files takes a whole number of at least 1.');
  process.exit(2);
}
const { listFile, files: counted } = toolFileList('count', corpus, files);

function count(warmupOnly) {
  const flags = ['--tool=callgrind', '--smc-check=all-non-file', '--callgrind-out-file=/dev/null', process.execPath, ...COUNT_V8];
  const child = spawn('valgrind', [...flags, join(root, 'bench/worker.mjs'), config, listFile, '--sequential', ...CLOCK, ...(warmupOnly ? ['--warmup-only'] : [])], {
    cwd: root,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const refs = /I\s+refs:\s+([\d,]+)/u.exec(stderr);
      if (code !== 0 || refs === null) reject(new Error(`${config} under callgrind exited ${code}:\n${stderr.slice(-2000)}`));
      else resolve({ instructions: Number((refs[1] ?? '').replaceAll(',', '')), result: JSON.parse(stdout) });
    });
  });
}

const [full, warm] = await Promise.all([count(false), count(true)]);
const { messages, crashes, unlinted, fullCollections } = full.result;
console.log(
  `${config} on ${counted} files of corpus (${corpus}): ${((full.instructions - warm.instructions) / 1e6).toFixed(1)} M instructions (full run less warm-up); ${messages} messages, ${crashes} crashes, ${unlinted} unlinted, ${fullCollections} full collections`,
);
