/**
 * Where a linted file's project is, and the file's path inside it. Route names, route-file kinds, `publicRoutes`
 * globs and the middleware lookup all use the path inside the project, never the working directory: ESLint may run
 * from the project, from a monorepo root or from any parent folder (the editor's workspace, a Docker `WORKDIR
 * /app`), and a folder named `app` or `pages` above the project must not look like a Next.js route folder.
 */
import { dirname, relative, sep } from 'node:path';

import { nearestUp } from './nearest-up.js';
import { hasPackageJson } from './package-json.js';
import { isVirtualFilename, relativePosix, toPosix } from './paths.js';

/** Nearest folder with a package.json, per folder ('' when there is none up to the file-system root). */
const projectRoots = new Map<string, string>();

/** The nearest folder at or above `dir` that holds a package.json, or undefined when there is none. */
export function findProjectRoot(dir: string): string | undefined {
  const root = nearestUp(dir, projectRoots, (folder) => (hasPackageJson(folder) ? folder : undefined), '');
  return root === '' ? undefined : root;
}

/** The project a file belongs to: the folder of its nearest package.json, else the file's own folder. */
export function projectRootOf(file: string): string {
  return findProjectRoot(dirname(file)) ?? dirname(file);
}

/**
 * The file's path inside its project (the folder of the nearest package.json), with `/` separators: what Next.js
 * sees (`src/app/api/x/route.ts`, `middleware.ts`). Without a package.json above the file, the path relative to
 * `cwd` when the file is inside it. '' for ESLint's `<input>` / `<text>`.
 */
export function projectPath(filename: string, cwd: string): string {
  if (isVirtualFilename(filename)) return '';
  const root = findProjectRoot(dirname(filename));
  if (root === undefined) return relativePosix(filename, cwd);
  // The file is inside its root by construction: a prefix, no need for path.relative's resolving.
  const rest = filename.slice(root.length);
  return toPosix(rest.startsWith(sep) || rest.startsWith('/') ? rest.slice(1) : relative(root, filename));
}
