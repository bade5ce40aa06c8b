import { pathToRegexp } from 'path-to-regexp';

import { ownString } from '../util/own-string.js';

/**
 * Route patterns as Next.js `config.matcher` and Clerk's `createRouteMatcher` read them, by path-to-regexp 6 (the
 * major both compile them with): `(…)` groups are regular expressions, `:name`, `:name?`, `:name*`, `:name+` and
 * `:name(re)` are parameters, `{…}` groups, everything else is literal; an optional trailing slash, and case-blind
 * unless asked. Returns undefined for a pattern path-to-regexp rejects (it would fail the build or the middleware).
 */
export function patternToRegExp(pattern: string, { caseSensitive = false }: { caseSensitive?: boolean } = {}): RegExp | undefined {
  const key = `${caseSensitive ? 's' : 'i'}${pattern}`;
  if (compiled.has(key)) return compiled.get(key);
  let regexp: RegExp | undefined;
  try {
    regexp = pathToRegexp(pattern, [], { sensitive: caseSensitive, strict: false, end: true });
  } catch {
    regexp = undefined;
  }
  // A pure function of the pattern: every route file asks about the same middleware lists, so each pattern is compiled
  // once (the compiled expressions have no `g` or `y` flag, so `test` keeps no state between calls).
  if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
  // The pattern was cut out of the middleware's text: a copy as key, so an evicted middleware's text is not kept.
  compiled.set(ownString(key), regexp);
  return regexp;
}

/** Compiled patterns by case mode and text, oldest dropped first past MAX_COMPILED. */
const compiled = new Map<string, RegExp | undefined>();
const MAX_COMPILED = 1024;

/** Whether any of the patterns matches the path; undefined when none of them could be read. */
export function anyPatternMatches(
  patterns: readonly string[],
  path: string,
  options: { caseSensitive?: boolean } = {},
): boolean | undefined {
  let readable = false;
  for (const pattern of patterns) {
    const regexp = patternToRegExp(pattern, options);
    if (regexp === undefined) continue;
    readable = true;
    if (regexp.test(path)) return true;
  }
  return readable ? false : undefined;
}
