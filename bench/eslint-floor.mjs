// Reproduction of ESLint's per-file floor, without this plugin: the same files linted with no rules, with one rule
// that does nothing, and with that rule after FileContext#extend stops chaining each rule context to a per-file
// prototype. Prints wall time and young-generation GC time per variant; each variant runs in its own process.
// Usage: node bench/eslint-floor.mjs [file-list.json]   (default: bench/results/corpus-b.json, written by the bench)
//        node bench/eslint-floor.mjs --variant <none|noop|noop-flat> <file-list.json>   (one run, JSON out)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { useFlatRuleContexts } from './flat-contexts.mjs';

const args = process.argv.slice(2);
const variantIndex = args.indexOf('--variant');

if (variantIndex === -1) {
  const list = args[0] ?? fileURLToPath(new URL('results/corpus-b.json', import.meta.url));
  const self = fileURLToPath(import.meta.url);
  // Alternate the variants so that drift on a shared machine does not favour one.
  for (let rep = 0; rep < 2; rep += 1) {
    for (const variant of rep % 2 === 0 ? ['none', 'noop', 'noop-flat'] : ['noop-flat', 'noop', 'none']) {
      const out = JSON.parse(execFileSync(process.execPath, [self, '--variant', variant, list], { encoding: 'utf8' }));
      console.log(`${variant.padEnd(10)} ${String(Math.round(out.ms)).padStart(6)} ms, scavenges ${out.scavenges} taking ${out.scavengeMs} ms`);
    }
  }
} else {
  const variant = args[variantIndex + 1];
  const list = args[variantIndex + 2];
  const require = createRequire(import.meta.url);
  const { Linter } = require('eslint');
  const parser = require('@typescript-eslint/parser');
  // The change proposed upstream: copy the file context's fields instead of inheriting from it.
  if (variant === 'noop-flat') useFlatRuleContexts();
  const files = JSON.parse(readFileSync(list, 'utf8')).map((entry) => (typeof entry === 'string' ? entry : entry.path));
  const rule = { meta: { type: 'problem', schema: [] }, create: () => ({}) };
  const config = [
    { files: ['**/*.{js,jsx,ts,tsx,mjs,cjs}'], languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    ...(variant === 'none' ? [] : [{ plugins: { noop: { rules: { rule } } }, rules: { 'noop/rule': 'error' } }]),
  ];
  const linter = new Linter();
  const texts = files.map((file) => [file, readFileSync(file, 'utf8')]);
  for (const [file, text] of texts.slice(0, 50)) linter.verify(text, config, file);
  const gc = { scavenges: 0, scavengeMs: 0 };
  const observer = new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) {
      if (entry.detail?.kind !== constants.NODE_PERFORMANCE_GC_MINOR) continue;
      gc.scavenges += 1;
      gc.scavengeMs += entry.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const start = performance.now();
  for (const [index, [file, text]] of texts.entries()) {
    linter.verify(text, config, file);
    // GC entries reach the observer between tasks: let them through now and then.
    if (index % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
  }
  const ms = performance.now() - start;
  await new Promise((resolve) => setImmediate(resolve));
  observer.disconnect();
  process.stdout.write(JSON.stringify({ variant, ms, scavenges: gc.scavenges, scavengeMs: Math.round(gc.scavengeMs) }));
}
