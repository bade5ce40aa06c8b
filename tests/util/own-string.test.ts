import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { describe, expect, it } from 'vitest';

import { patternToRegExp } from '../../src/analysis/path-matcher.js';
import { freshCache } from '../../src/util/fresh-cache.js';
import { ownString } from '../../src/util/own-string.js';

// A full collection on demand, without starting the test process with --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TEXT_BYTES = 32 * 1024 * 1024;

/**
 * Heap still used after `store` was handed `/dashboard/:id` cut out of a 32 MB text (as the parser cuts identifiers,
 * import sources and string values out of a file's text) and the text itself was dropped.
 */
function heapKeptBy(store: (cut: string) => void): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  (() => {
    const text = `${' '.repeat(TEXT_BYTES)}'/dashboard/:id'${Math.random()}`;
    const cut = text.slice(TEXT_BYTES + 1, TEXT_BYTES + 15);
    expect(cut).toBe('/dashboard/:id');
    store(cut);
  })();
  gc();
  return process.memoryUsage().heapUsed - before;
}

describe('ownString', () => {
  it('is equal to its input', () => {
    expect(ownString('a\0"b"\n\u2026')).toBe('a\0"b"\n\u2026');
  });

  it('keys kept in a plain Map hold the text they were cut from (the measure can see a leak)', () => {
    const kept = new Map<string, boolean>();
    expect(heapKeptBy((cut) => kept.set(`/project/app/api/route.ts\0${cut}`, true))).toBeGreaterThan(TEXT_BYTES / 2);
    expect(kept.size).toBe(1);
  });

  it('does not hold the text the string was cut from', () => {
    const kept = new Map<string, boolean>();
    expect(heapKeptBy((cut) => kept.set(ownString(`/project/app/api/route.ts\0${cut}`), true))).toBeLessThan(TEXT_BYTES / 8);
    expect(kept.size).toBe(1);
  });
});

describe('module-level caches do not keep a linted file’s text through their keys', () => {
  it('freshCache', () => {
    const cache = freshCache<boolean>();
    expect(heapKeptBy((cut) => cache.get(`/project/app/api/route.ts\0${cut}`, () => true))).toBeLessThan(TEXT_BYTES / 8);
    expect(cache.size).toBe(1);
  });

  it('compiled route patterns', () => {
    expect(heapKeptBy((cut) => patternToRegExp(cut))).toBeLessThan(TEXT_BYTES / 8);
  });
});
