import { describe, expect, it } from 'vitest';

import { anyPatternMatches, patternToRegExp } from '../../src/analysis/path-matcher.js';
import { PREVIOUS_MATCHERS, RECOMMENDED_MATCHER } from '../../src/clerk/index.js';

const matches = (pattern: string, path: string) => patternToRegExp(pattern)?.test(path);

describe('patternToRegExp (path-to-regexp v6 as Next and Clerk use it)', () => {
  it.each([
    ['/dashboard(.*)', '/dashboard', true],
    ['/dashboard(.*)', '/dashboard/settings', true],
    ['/dashboard(.*)', '/dashboardxyz', true],
    ['/dashboard/:path*', '/dashboard', true],
    ['/dashboard/:path*', '/dashboard/a/b', true],
    ['/dashboard/:path*', '/dashboardxyz', false],
    ['/users/:id', '/users/42', true],
    ['/users/:id', '/users/42/edit', false],
    ['/users/:id(\\d+)', '/users/abc', false],
    ['/(api|trpc)(.*)', '/api/users', true],
    ['/(api|trpc)(.*)', '/trpc/x', true],
    ['dashboard(.*)', '/dashboard', false],
    ['/api/health', '/api/health/', true],
    ['/a.b', '/axb', false],
    ['/api/share{/:id}?', '/api/share', true],
    ['/api/share{/:id}?', '/api/share/x', true],
    ['/api/share{/:id}?', '/api/share/x/y', false],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it("reads Clerk's recommended matchers, current and previous", () => {
    for (const matcher of [RECOMMENDED_MATCHER, ...PREVIOUS_MATCHERS]) {
      expect(anyPatternMatches(matcher, '/api/users')).toBe(true);
      expect(anyPatternMatches(matcher, '/dashboard')).toBe(true);
      expect(anyPatternMatches(matcher, '/api/users/john.doe')).toBe(true);
    }
    expect(anyPatternMatches(RECOMMENDED_MATCHER, '/_next/static/chunk.js')).toBe(false);
    expect(anyPatternMatches(RECOMMENDED_MATCHER, '/logo.png')).toBe(false);
  });

  it('spots matchers that leave out API routes or dotted paths', () => {
    expect(anyPatternMatches(['/((?!api|_next|.*\\..*).*)'], '/api/users')).toBe(false);
    expect(anyPatternMatches(['/((?!.*\\..*|_next).*)'], '/api/users/john.doe')).toBe(false);
    expect(anyPatternMatches(['/((?!.*\\..*|_next).*)'], '/api/users')).toBe(true);
    expect(anyPatternMatches(['/(unclosed'], '/api')).toBeUndefined();
  });

  it('compiles each pattern once per case mode, and a compiled pattern keeps no state between tests', () => {
    const first = patternToRegExp('/api/:id');
    expect(patternToRegExp('/api/:id')).toBe(first);
    expect(patternToRegExp('/api/:id', { caseSensitive: true })).not.toBe(first);
    expect(patternToRegExp('/API/:id', { caseSensitive: true })?.test('/api/1')).toBe(false);
    expect(patternToRegExp('/API/:id')?.test('/api/1')).toBe(true);
    expect([1, 2, 3].map(() => first?.test('/api/1'))).toEqual([true, true, true]);
    expect(patternToRegExp('/(unclosed')).toBeUndefined();
    expect(patternToRegExp('/(unclosed')).toBeUndefined();
  });
});
