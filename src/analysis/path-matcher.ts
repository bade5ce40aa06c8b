/**
 * Route patterns as Next.js `config.matcher` and Clerk's `createRouteMatcher` read them (path-to-regexp v6
 * syntax): `(…)` groups are regular expressions, `:name`, `:name?`, `:name*`, `:name+` and `:name(re)` are
 * parameters, everything else is literal. Returns undefined for a pattern it cannot read.
 */
export function patternToRegExp(pattern: string, { caseSensitive = false }: { caseSensitive?: boolean } = {}): RegExp | undefined {
  let out = '';
  let index = 0;
  const groupEnd = (start: number): number => {
    let depth = 0;
    for (let cursor = start; cursor < pattern.length; cursor += 1) {
      const char = pattern[cursor];
      if (char === '\\') {
        cursor += 1;
        continue;
      }
      if (char === '(') depth += 1;
      if (char === ')') {
        depth -= 1;
        if (depth === 0) return cursor;
      }
    }
    return -1;
  };
  while (index < pattern.length) {
    const char = pattern[index] as string;
    if (char === ':') {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/u.exec(pattern.slice(index + 1))?.[0];
      if (name === undefined) return undefined;
      index += 1 + name.length;
      let segment = '[^/]+?';
      if (pattern[index] === '(') {
        const end = groupEnd(index);
        if (end === -1) return undefined;
        segment = pattern.slice(index + 1, end);
        index = end + 1;
      }
      const modifier = pattern[index];
      const prefixed = out.endsWith('/');
      if (prefixed) out = out.slice(0, -1);
      const unit = `${prefixed ? '/' : ''}(?:${segment})`;
      if (modifier === '*' || modifier === '+' || modifier === '?') {
        out += `(?:${unit})${modifier}`;
        index += 1;
      } else {
        out += unit;
      }
      continue;
    }
    if (char === '(') {
      const end = groupEnd(index);
      if (end === -1) return undefined;
      out += `(${pattern.slice(index + 1, end)})`;
      index = end + 1;
      const modifier = pattern[index];
      if (modifier === '*' || modifier === '+' || modifier === '?') {
        out += modifier;
        index += 1;
      }
      continue;
    }
    if (char === '\\') {
      out += pattern.slice(index, index + 2);
      index += 2;
      continue;
    }
    // `{/:id}?`: a group of path-to-regexp v6, optional or repeated as a whole.
    if (char === '{') {
      out += '(?:';
      index += 1;
      continue;
    }
    if (char === '}') {
      out += ')';
      index += 1;
      const modifier = pattern[index];
      if (modifier === '*' || modifier === '+' || modifier === '?') {
        out += modifier;
        index += 1;
      }
      continue;
    }
    out += /[.+*?^$|[\]]/u.test(char) ? `\\${char}` : char;
    index += 1;
  }
  const flags = caseSensitive ? '' : 'i';
  try {
    return new RegExp(`^${out}/?$`, `${flags}u`);
  } catch {
    try {
      return new RegExp(`^${out}/?$`, flags);
    } catch {
      return undefined;
    }
  }
}

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
