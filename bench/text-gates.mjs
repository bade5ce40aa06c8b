// `node bench/text-gates.mjs [corpus]`: what the text tests that rules run on every file cost, counted by callgrind
// over a corpus's texts (default (c), the real apps): each gate's pattern alone, and the gate (its hints first, then
// the pattern only if one is found: src/util/text-gate.ts). Thousands of instructions per pass over the corpus: one
// pass minus none, so start-up and reading the files cancel out. Information, not a target. Needs valgrind and the
// corpus list (bench/results/corpus-*.json, written by the benchmark).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { corpusFile, listPaths } from './corpora.mjs';

const require = createRequire(import.meta.url);
const [corpus = 'c', gateName, variant, passes] = process.argv.slice(2);
const GATES = ['CREATES_ROUTER', 'USER_EVENT_GATE', 'KEY_GATE', 'ENV_READ_GATE'];

if (variant !== undefined) {
  // Under valgrind: `passes` passes of one variant of one gate over the corpus.
  const gate = require('../dist/clerk/index.js')[gateName];
  const { passesTextGate } = require('../dist/util/text-gate.js');
  const texts = listPaths(corpusFile(corpus)).map((file) => readFileSync(file, 'utf8'));
  const test = variant === 'pattern' ? (text) => gate.pattern.test(text) : (text) => passesTextGate(text, gate);
  let passed = 0;
  for (let pass = 0; pass < Number(passes); pass += 1) for (const text of texts) if (test(text)) passed += 1;
  process.stdout.write(`${passed}\n`);
} else {
  const instructions = (gate, kind, count) => {
    const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--predictable', fileURLToPath(import.meta.url), corpus, gate, kind, String(count)];
    const result = spawnSync('valgrind', args, { encoding: 'utf8' });
    const match = /I\s+refs:\s+([\d,]+)/u.exec(result.stderr ?? '');
    if (match === null) throw new Error(`valgrind failed (is it installed?): ${result.stderr ?? result.error}`);
    return Number(match[1].replaceAll(',', ''));
  };
  console.log(`| gate | pattern alone | hints first | (thousands of instructions per pass over corpus (${corpus})) |`);
  console.log('| --- | --- | --- | --- |');
  for (const gate of GATES) {
    const cells = ['pattern', 'gate'].map((kind) => Math.round((instructions(gate, kind, 1) - instructions(gate, kind, 0)) / 1000).toLocaleString('en-US'));
    console.log(`| ${gate} | ${cells.join(' | ')} | |`);
  }
}
