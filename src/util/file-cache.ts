import type { TSESLint } from '@typescript-eslint/utils';

/**
 * Work shared by every rule that lints the same file (import resolution, file classification), stored on the
 * file's SourceCode object. ESLint gives each file its own SourceCode, so nothing here outlives or crosses a
 * file, and each worker thread of `--concurrency` has its own copy: this is the one sanctioned piece of
 * module-level state, and it holds no data of its own.
 */
const perSourceCode = new WeakMap<object, Map<string, unknown>>();

export function perFile<T>(sourceCode: Readonly<TSESLint.SourceCode>, key: string, compute: () => T): T {
  let cache = perSourceCode.get(sourceCode);
  if (cache === undefined) {
    cache = new Map();
    perSourceCode.set(sourceCode, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}
