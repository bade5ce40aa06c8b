/**
 * Minimal glob matching for option values: `**` any number of path segments, `*` anything but `/`, `?` one
 * character but `/`, `{a,b}` alternatives. Paths use `/`.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let index = 0;
  let inBraces = false;
  while (index < glob.length) {
    const char = glob[index] as string;
    if (char === '*') {
      if (glob[index + 1] === '*') {
        const slashAfter = glob[index + 2] === '/';
        source += slashAfter ? '(?:.*/)?' : '.*';
        index += slashAfter ? 3 : 2;
        continue;
      }
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      inBraces = true;
      source += '(?:';
    } else if (char === '}' && inBraces) {
      inBraces = false;
      source += ')';
    } else if (char === ',' && inBraces) {
      source += '|';
    } else {
      source += char.replace(/[.+^$()|[\]\\]/gu, '\\$&');
    }
    index += 1;
  }
  return new RegExp(`^${source}$`, 'u');
}

export function matchesAnyGlob(value: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globToRegExp(glob).test(value));
}
