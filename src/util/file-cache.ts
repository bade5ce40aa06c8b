import type { TSESLint } from '@typescript-eslint/utils';

/**
 * Work shared by every rule that lints the same file (import resolution, file classification), keyed by the
 * file's SourceCode object. ESLint gives each file its own SourceCode, so nothing here crosses a file, and each
 * worker thread of `--concurrency` has its own copy: this is the one sanctioned piece of module-level state, and it
 * holds no data of its own.
 *
 * The WeakMap is what hosts expect (oxlint, whose `context.sourceCode` is one object for every file, patches
 * `WeakMap` so that entries keyed by it reset per file), but a long-lived WeakMap sits in V8's old generation and its
 * values reach the file's AST: every linted file stayed alive through young-generation collections until the next
 * full one. On the generated benchmark corpus that promoted ~290 MB more and cost ~800 ms of scavenges (`node
 * --trace-gc bench/worker.mjs clerk-all:flat bench/results/corpus-b.json`). So the previous file's entry is deleted
 * as soon as another file asks (ESLint lints one file at a time per thread, all rules of a file before the next).
 * Modules read from disk by cross-file analysis are long-lived anyway (cached by path) and keep their entries.
 */
const perSourceCode = new WeakMap<object, Map<string, unknown>>();
const longLived = new WeakSet<object>();
let lastLinted: object | undefined;

/** Marks a SourceCode that outlives a lint (a module parsed and cached by cross-file analysis). */
export function markLongLived(sourceCode: object): void {
  longLived.add(sourceCode);
}

export function perFile<T>(sourceCode: Readonly<TSESLint.SourceCode>, key: string, compute: () => T): T {
  let cache = perSourceCode.get(sourceCode);
  if (cache === undefined) {
    cache = new Map();
    if (!longLived.has(sourceCode)) {
      if (lastLinted !== undefined && lastLinted !== sourceCode) perSourceCode.delete(lastLinted);
      lastLinted = sourceCode;
    }
    perSourceCode.set(sourceCode, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}
