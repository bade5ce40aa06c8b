import picomatch from 'picomatch';

/**
 * Option globs (`publicRoutes`, `publicFunctions`, `clientFiles`, …), by picomatch: `**` any number of path
 * segments, `*` anything but `/`, `?` one character but `/`, `{a,b}` alternatives, `!` negation; dot files match.
 * Next.js folder names stay literal: `[id]` and `[...slug]` (brackets are no character class) and `(marketing)`
 * (parentheses are no group). Paths use `/`.
 */
const OPTIONS: picomatch.PicomatchOptions = { dot: true, literalBrackets: true, noextglob: true };

/** Compiled matchers by glob: pure functions of the glob text, so sharing them across files changes no result. */
const compiled = new Map<string, (value: string) => boolean>();

function matcher(glob: string): (value: string) => boolean {
  let match = compiled.get(glob);
  if (match === undefined) {
    match = picomatch(glob.replace(/(?<!\\)[()]/gu, '\\$&'), OPTIONS);
    if (compiled.size < 512) compiled.set(glob, match);
  }
  return match;
}

export function matchesAnyGlob(value: string, globs: readonly string[]): boolean {
  return globs.some((glob) => matcher(glob)(value));
}
