import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether a folder holds a package.json, asked of the file system once per folder for the life of the process
 * (like the project roots and Clerk versions derived from it). Both the project-root walk and the Clerk-version
 * walk ask it for every folder they pass; sharing the answer halves the file-system calls on a fresh folder.
 */
const answers = new Map<string, boolean>();

export function hasPackageJson(dir: string): boolean {
  let known = answers.get(dir);
  if (known === undefined) {
    known = existsSync(join(dir, 'package.json'));
    answers.set(dir, known);
  }
  return known;
}
