import { afterEach, describe, expect, it, vi } from 'vitest';

import { FRESH_MS, freshCache } from '../../src/util/fresh-cache.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('freshCache', () => {
  it('answers from memory for FRESH_MS, then asks again', () => {
    vi.useFakeTimers();
    const cache = freshCache<number>();
    let calls = 0;
    const compute = () => (calls += 1);
    expect(cache.get('a', compute)).toBe(1);
    vi.advanceTimersByTime(FRESH_MS - 1);
    expect(cache.get('a', compute)).toBe(1);
    vi.advanceTimersByTime(1);
    expect(cache.get('a', compute)).toBe(2);
  });

  it('drops expired answers once it holds many, so a long run does not keep one per path ever asked', () => {
    vi.useFakeTimers();
    const cache = freshCache<string>();
    for (let index = 0; index < 600; index += 1) cache.get(`old-${index}`, () => 'x');
    expect(cache.size).toBe(600);
    vi.advanceTimersByTime(FRESH_MS);
    cache.get('fresh-0', () => 'y');
    // The 600 expired entries went; only the new one is left.
    expect(cache.size).toBe(1);
    // A small cache is not swept (the sweep costs a pass over every entry).
    const small = freshCache<string>();
    for (let index = 0; index < 10; index += 1) small.get(`k-${index}`, () => 'x');
    vi.advanceTimersByTime(FRESH_MS);
    small.get('new', () => 'y');
    expect(small.size).toBe(11);
  });

  it('answers `fresh` with the kept entry (a kept undefined included) for FRESH_MS, and `set` keeps one', () => {
    vi.useFakeTimers();
    const cache = freshCache<string | undefined>();
    expect(cache.fresh('a')).toBeUndefined();
    cache.set('a', undefined);
    expect(cache.fresh('a')).toEqual({ value: undefined, checkedAt: expect.any(Number) });
    // `get` sees what `set` kept, and the reverse.
    expect(cache.get('a', () => 'computed')).toBeUndefined();
    cache.get('b', () => 'b');
    expect(cache.fresh('b')?.value).toBe('b');
    vi.advanceTimersByTime(FRESH_MS);
    expect(cache.fresh('a')).toBeUndefined();
    expect(cache.get('a', () => 'computed')).toBe('computed');
  });
});
