import type { TSESLint } from '@typescript-eslint/utils';

import { MIDDLEWARE_BASENAMES, NODE_SERVER_SOURCES } from '../clerk/index.js';
import { perFile } from '../util/file-cache.js';
import { toPosix } from '../util/paths.js';
import { projectPath } from '../util/project.js';
import { hasDirective } from './directives.js';

export interface FileKind {
  /** `'use client'` prologue directive. */
  readonly client: boolean;
  /** `'use server'` prologue directive: every export is a Server Action. */
  readonly serverActions: boolean;
  /** App-router `app/**\/route.*` (also under `src/`). */
  readonly appRoute: boolean;
  /** Pages-router `pages/api/**` (also under `src/`). */
  readonly pagesApi: boolean;
  /** `middleware.*` or `proxy.*` at the project root or in `src/`. */
  readonly middleware: boolean;
  /** Imports a Clerk Node server SDK: Express / Fastify / Hono routes may be registered here. */
  readonly nodeServer: boolean;
  /**
   * The path inside the project (the folder of the nearest package.json; without one, relative to cwd), `/`
   * separators; '' for `<input>`. Never depends on the working directory or on folders above the project.
   */
  readonly path: string;
}

const SCRIPT_EXT = String.raw`\.(?:[cm]?[jt]sx?)$`;
// Paths are inside the project: Next.js reads `app/`, `pages/` and the middleware only at its root or in `src/`.
const APP_ROUTE = new RegExp(String.raw`^(?:src/)?app/(?:.*/)?route${SCRIPT_EXT}`, 'u');
const PAGES_API = new RegExp(String.raw`^(?:src/)?pages/api/.*${SCRIPT_EXT}`, 'u');
const MIDDLEWARE = new RegExp(String.raw`^(?:src/)?(?:${MIDDLEWARE_BASENAMES.join('|')})${SCRIPT_EXT}`, 'u');

/** Classifies a path inside the project alone (no source needed). `path` may use Windows separators. */
export function classifyPath(path: string): Pick<FileKind, 'appRoute' | 'pagesApi' | 'middleware'> {
  const posix = toPosix(path);
  return {
    appRoute: APP_ROUTE.test(posix),
    pagesApi: PAGES_API.test(posix),
    middleware: MIDDLEWARE.test(posix),
  };
}

/** Text test on the file name: only a path with an `app/` or `pages/` folder, or a middleware name, can classify. */
const MAY_CLASSIFY = new RegExp(String.raw`(?:^|[\\/])(?:app|pages)[\\/]|(?:^|[\\/])(?:${MIDDLEWARE_BASENAMES.join('|')})${SCRIPT_EXT}`, 'u');

export function getFileKind(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileKind {
  const { sourceCode } = context;
  return perFile(sourceCode, 'fileKind', () => {
    const body = sourceCode.ast.body;
    const nodeServer = body.some(
      (statement) =>
        statement.type === 'ImportDeclaration' &&
        statement.importKind !== 'type' &&
        NODE_SERVER_SOURCES.has(statement.source.value),
    );
    // The path inside the project is a suffix of the file name: most files need neither it nor the file system.
    let path: string | undefined;
    const pathInProject = (): string => (path ??= projectPath(context.filename, context.cwd));
    const routes = MAY_CLASSIFY.test(context.filename) && pathInProject() !== '' ? classifyPath(pathInProject()) : { appRoute: false, pagesApi: false, middleware: false };
    return {
      client: hasDirective(body, 'use client'),
      serverActions: hasDirective(body, 'use server'),
      ...routes,
      nodeServer,
      get path() {
        return pathInProject();
      },
    };
  });
}
