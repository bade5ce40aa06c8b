/**
 * How long a file-system answer (where an import points, whether a middleware file exists, what next.config
 * says) is trusted without asking the file system again. A CLI run asks the same questions for thousands of files
 * within seconds; an editor sees a change to another file at most this much later. Only derived facts about the
 * file system are kept, keyed by path: nothing about the linted file, so `--concurrency` and `--cache` are safe.
 */
export const FRESH_MS = 1000;

export interface FreshCache<T> {
  get(key: string, compute: () => T): T;
}

export function freshCache<T>(): FreshCache<T> {
  const entries = new Map<string, { readonly value: T; readonly checkedAt: number }>();
  return {
    get(key, compute) {
      const now = Date.now();
      const known = entries.get(key);
      if (known !== undefined && now - known.checkedAt < FRESH_MS) return known.value;
      const value = compute();
      entries.set(key, { value, checkedAt: now });
      return value;
    },
  };
}
