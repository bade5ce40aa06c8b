import { ownString } from './own-string.js';

/**
 * How long a file-system answer (where an import points, whether a middleware file exists, what next.config
 * says) is trusted without asking the file system again. A CLI run asks the same questions for thousands of files
 * within seconds; an editor sees a change to another file at most this much later. Only derived facts about the
 * file system are kept, keyed by path: nothing about the linted file, so `--concurrency` and `--cache` are safe.
 */
export const FRESH_MS = 1000;

/** Past this many entries, a miss first drops every entry older than FRESH_MS (at most once per FRESH_MS). */
const SWEEP_ABOVE = 512;

export interface FreshCache<T> {
  get(key: string, compute: () => T): T;
  /** Entries held, expired ones included until the next sweep. */
  readonly size: number;
}

export function freshCache<T>(): FreshCache<T> {
  const entries = new Map<string, { readonly value: T; readonly checkedAt: number }>();
  let sweptAt = 0;
  return {
    get(key, compute) {
      const now = Date.now();
      const known = entries.get(key);
      if (known !== undefined && now - known.checkedAt < FRESH_MS) return known.value;
      // Expired answers are never read again: without a sweep, a long run would keep one per path it ever asked.
      if (entries.size > SWEEP_ABOVE && now - sweptAt >= FRESH_MS) {
        sweptAt = now;
        for (const [entryKey, entry] of entries) if (now - entry.checkedAt >= FRESH_MS) entries.delete(entryKey);
      }
      const value = compute();
      // Keys are made of names cut out of a linted file's text: a copy, so the entry does not keep that text alive.
      entries.set(ownString(key), { value, checkedAt: now });
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
