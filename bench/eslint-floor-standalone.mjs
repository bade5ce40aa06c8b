// Self-contained reproduction of ESLint's per-file floor for an upstream report: only `eslint` is needed (default
// parser, generated source, no files, no plugin). Lints the same generated modules (2,000 by default) three ways,
// each in its own process: no rules; one rule whose `create` returns `{}`; that rule with FileContext#extend copying
// the file context's fields instead of inheriting from it. Prints wall time and young-generation GC (scavenge) time.
// Usage: node bench/eslint-floor-standalone.mjs [modules=2000]   (about 2.5 minutes on 2 cores)
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const [mode, arg] = process.argv.slice(2);

/** A module of ordinary application code, different for every index. */
function source(index) {
  const parts = [`import { db } from './db-${index % 17}.js';`, `import { log } from './log.js';`];
  for (let fn = 0; fn < 12; fn += 1) {
    parts.push(`export async function handler${index}_${fn}(request, options = {}) {
  const { id, name = 'item-${fn}' } = await request.json();
  if (!id || typeof id !== 'string') return { status: 400, body: 'missing id ${index}' };
  const rows = await db.query('select * from t${fn} where id = $1 limit ${fn + 10}', [id]);
  for (const row of rows) log(row.id, row.value * ${fn + 1}, \`\${name}:\${row.createdAt}\`);
  return { status: 200, body: rows.map((row) => ({ ...row, tag: name, at: Date.now() })) };
}`);
  }
  return parts.join('\n\n');
}

if (mode === '--variant') {
  const [variant, countText] = arg.split(',');
  const require = createRequire(import.meta.url);
  const { Linter } = require('eslint');
  if (variant === 'noop-flat') {
    // The proposed change: rule contexts get the file context's fields as their own, so the per-file object is
    // never a prototype.
    const { FileContext } = createRequire(require.resolve('eslint'))('./linter/file-context.js');
    FileContext.prototype.extend = function extend(extension) {
      return Object.freeze(Object.assign(Object.create(FileContext.prototype), this, extension));
    };
  }
  const rule = { meta: { type: 'problem', schema: [] }, create: () => ({}) };
  const config = [
    { files: ['**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    ...(variant === 'none' ? [] : [{ plugins: { noop: { rules: { rule } } }, rules: { 'noop/rule': 'error' } }]),
  ];
  const count = Number(countText);
  const texts = Array.from({ length: count }, (_, index) => source(index));
  const linter = new Linter();
  for (const text of texts.slice(0, 50)) linter.verify(text, config, 'warmup.js');
  const gc = { scavenges: 0, ms: 0 };
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) {
      if (entry.detail?.kind !== constants.NODE_PERFORMANCE_GC_MINOR) continue;
      gc.scavenges += 1;
      gc.ms += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  const start = performance.now();
  for (const [index, text] of texts.entries()) {
    linter.verify(text, config, `src/module-${index}.js`);
    if (index % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
  }
  const ms = performance.now() - start;
  await new Promise((resolve) => setImmediate(resolve));
  process.stdout.write(JSON.stringify({ ms: Math.round(ms), scavenges: gc.scavenges, scavengeMs: Math.round(gc.ms) }));
} else {
  const count = Number(mode ?? 2000);
  const self = fileURLToPath(import.meta.url);
  const { version } = createRequire(import.meta.url)('eslint/package.json');
  console.log(`ESLint ${version}, Node ${process.version}, ${count} generated modules`);
  // Alternate the order so that drift on a shared machine favours no variant.
  for (let rep = 0; rep < 2; rep += 1) {
    for (const variant of rep % 2 === 0 ? ['none', 'noop', 'noop-flat'] : ['noop-flat', 'noop', 'none']) {
      const out = JSON.parse(execFileSync(process.execPath, [self, '--variant', `${variant},${count}`], { encoding: 'utf8' }));
      console.log(`${variant.padEnd(10)} ${String(out.ms).padStart(6)} ms, ${out.scavenges} scavenges taking ${out.scavengeMs} ms`);
    }
  }
}
