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
  /**
   * The answer kept for `key` if it is fresh (wrapped, so that a kept `undefined` is told from none), for a caller
   * that computes a missing answer in its own body rather than in a callback; it then keeps it with `set`.
   */
  fresh(key: string): { readonly value: T } | undefined;
  set(key: string, value: T): void;
  /** Entries held, expired ones included until the next sweep. */
  readonly size: number;
}

export function freshCache<T>(): FreshCache<T> {
  const entries = new Map<string, { readonly value: T; readonly checkedAt: number }>();
  let sweptAt = 0;
  function fresh(key: string): { readonly value: T } | undefined {
    const known = entries.get(key);
    return known !== undefined && Date.now() - known.checkedAt < FRESH_MS ? known : undefined;
  }
  function set(key: string, value: T): void {
    const now = Date.now();
    // Expired answers are never read again: without a sweep, a long run would keep one per path it ever asked.
    if (entries.size > SWEEP_ABOVE && now - sweptAt >= FRESH_MS) {
      sweptAt = now;
      for (const [entryKey, entry] of entries) if (now - entry.checkedAt >= FRESH_MS) entries.delete(entryKey);
    }
    // Keys are made of names cut out of a linted file's text: a copy, so the entry does not keep that text alive.
    entries.set(ownString(key), { value, checkedAt: now });
  }
  return {
    get(key, compute) {
      // `fresh(key)`'s test, written out: calling it here counted 5.4 M instructions more with `all` on corpus (b)
      // (node bench/count.mjs clerk-all b, 2026-12-05), on the path every import gate and project fact takes.
      const known = entries.get(key);
      if (known !== undefined && Date.now() - known.checkedAt < FRESH_MS) return known.value;
      const value = compute();
      set(key, value);
      return value;
    },
    fresh,
    set,
    get size() {
      return entries.size;
    },
  };
}
