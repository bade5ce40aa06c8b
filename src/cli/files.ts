/**
 * The files `clerk-lint` audits. The walk is ours rather than ESLint's so that the file count is known up front
 * (progress, batches) and so that `.gitignore` files are applied the way git applies them, nested ones included.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { ENV_FILE } from './env-files.js';
import { type IgnoreFile, isIgnored, parseGitignore } from './gitignore.js';

export const LINTED_FILE = /\.(?:js|jsx|mjs|cjs|ts|tsx|mts|cts)$/u;

/** Never source: dependencies, VCS data, framework and deployment caches. Skipped at any depth. */
export const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.next', '.turbo', '.vercel']);

/**
 * Build output and coverage reports, skipped at any depth except inside a Next.js `app/` or `pages/` folder,
 * where a folder with such a name is a route (`app/api/build/route.ts` serves `/api/build`).
 */
export const BUILD_OUTPUT = new Set(['dist', 'build', 'out', 'coverage']);

const ROUTE_FOLDERS = new Set(['app', 'pages']);

export interface CollectedFiles {
  /** Absolute paths, sorted. */
  files: string[];
  /** Folders that could not be read (permissions), skipped. */
  unreadable: string[];
  /** `.env*` files that git would not ignore (scanned for Clerk secrets, not linted). */
  envFiles: string[];
}

export function collectFiles(root: string): CollectedFiles {
  const files: string[] = [];
  const unreadable: string[] = [];
  const envFiles: string[] = [];
  const walk = (dir: string, ignores: readonly IgnoreFile[], inRoutes: boolean): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      unreadable.push(dir);
      return;
    }
    const own = readIgnoreFile(join(dir, '.gitignore'), dir);
    const scoped = own === undefined ? ignores : [...ignores, own];
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      // Symbolic links are not followed (no cycles, no files outside the project), as ESLint does.
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name)) continue;
        if (BUILD_OUTPUT.has(entry.name) && !inRoutes) continue;
        if (isIgnored(scoped, path, true)) continue;
        const isRoutes = inRoutes || (ROUTE_FOLDERS.has(entry.name) && !existsSync(join(path, 'package.json')));
        walk(path, scoped, isRoutes);
      } else if (entry.isFile() && LINTED_FILE.test(entry.name) && !isIgnored(scoped, path, false)) {
        files.push(path);
      } else if (entry.isFile() && ENV_FILE.test(entry.name) && !isIgnored(scoped, path, false)) {
        envFiles.push(path);
      }
    }
  };
  walk(root, ancestorIgnores(root), false);
  return { files, unreadable, envFiles };
}

/**
 * When the project is inside a git work tree, the `.gitignore` files of the folders between the repository
 * root and the project (and `.git/info/exclude`) apply too, as they do for git.
 */
function ancestorIgnores(root: string): IgnoreFile[] {
  const ancestors: string[] = [];
  let gitRoot: string | undefined;
  for (let dir = root; gitRoot === undefined; dir = dirname(dir)) {
    if (dir !== root) ancestors.unshift(dir);
    if (existsSync(join(dir, '.git'))) gitRoot = dir;
    else if (dirname(dir) === dir) return [];
  }
  const candidates: (IgnoreFile | undefined)[] = [];
  const exclude = join(gitRoot, '.git', 'info', 'exclude');
  candidates.push(isFile(exclude) ? readIgnoreFile(exclude, gitRoot) : undefined);
  for (const dir of ancestors) candidates.push(readIgnoreFile(join(dir, '.gitignore'), dir));
  // A file that ignores the linted folder itself would ignore all of it: a folder asked for by name is linted as
  // if it were a repository of its own (an app checked out inside an ignored folder), so such a file is left out.
  return candidates.filter((file): file is IgnoreFile => file !== undefined && !isIgnored([file], root, true));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readIgnoreFile(path: string, base: string): IgnoreFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const patterns = parseGitignore(text);
  return patterns === undefined ? undefined : { base, patterns };
}
