import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/**
 * Writes `count` generated Clerk-heavy files into `dir` (bench/generate-corpus.mjs, deterministic for a `seed`) and
 * returns their paths, sorted (the generator's package.json and tsconfig.json left out).
 */
export function generatedCorpus(dir: string, count: number, seed: number): string[] {
  execFileSync(process.execPath, [join(root, 'bench/generate-corpus.mjs'), String(count), dir, String(seed)]);
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? walk(path) : name.endsWith('.json') ? [] : [path];
    });
  return walk(dir).sort();
}
