import { dirname } from 'node:path';

/**
 * The answer of the nearest folder at or above `start` that `probe` answers (not undefined), or `none` when no
 * folder up to the file-system root does. Every folder passed on the way shares the answer in `cache`, so sibling
 * folders stop one level up. Used for the project root (nearest package.json) and the Clerk versions (nearest
 * package.json that declares a Clerk SDK).
 */
export function nearestUp<T>(start: string, cache: Map<string, T>, probe: (dir: string) => T | undefined, none: T): T {
  const visited: string[] = [];
  let dir = start;
  let found = none;
  for (;;) {
    const known = cache.get(dir);
    if (known !== undefined) {
      found = known;
      break;
    }
    visited.push(dir);
    const here = probe(dir);
    if (here !== undefined) {
      found = here;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const folder of visited) cache.set(folder, found);
  return found;
}
