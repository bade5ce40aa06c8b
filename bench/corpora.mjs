// The two benchmark corpora, shared by bench/run.mjs (wall time) and bench/instructions.mjs (instruction counts):
// (a) real code, the compiled sources of `next` and the Clerk SDKs installed as devDependencies; (b) generated
// Clerk-heavy Next.js files (bench/generate-corpus.mjs). Writes bench/results/corpus-{a,b}.json (file lists).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));
export const resultsDir = join(root, 'bench/results');
export const REAL_PACKAGES = ['next/dist', '@clerk/nextjs/dist', '@clerk/backend/dist', '@clerk/shared/dist', 'svix/dist'];

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (/\.(?:[cm]?js|jsx|tsx?)$/u.test(entry.name) && !entry.name.endsWith('.d.ts') && statSync(path).size < 100_000) out.push(path);
  }
  return out;
}

/** Builds both corpora of `files` files each and writes their lists; returns `{ a, b }` (lists of entries). */
export function buildCorpora(files) {
  mkdirSync(resultsDir, { recursive: true });
  const real = REAL_PACKAGES.flatMap((pkg) => (existsSync(join(root, 'node_modules', pkg)) ? walk(join(root, 'node_modules', pkg)) : []))
    .sort()
    .slice(0, files)
    .map((path) => ({ path, as: join(root, 'bench/corpus-real', relative(join(root, 'node_modules'), path)) }));
  execFileSync(process.execPath, [join(root, 'bench/generate-corpus.mjs'), String(files)], { stdio: 'inherit' });
  const generated = walk(join(root, 'bench/corpus-generated')).sort();
  const corpora = { a: real, b: generated };
  for (const [name, list] of Object.entries(corpora)) writeFileSync(corpusFile(name), JSON.stringify(list));
  return corpora;
}

export const corpusFile = (name) => join(resultsDir, `corpus-${name}.json`);

export const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
