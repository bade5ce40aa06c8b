import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

import { MIDDLEWARE_BASENAMES, NODE_SERVER_SOURCES } from '../clerk/index.js';
import { perFile } from '../util/file-cache.js';
import { isVirtualFilename, relativePosix, toPosix } from '../util/paths.js';
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
  /** The path used for the checks: relative to cwd, `/` separators; '' for `<input>`. */
  readonly path: string;
}

const SCRIPT_EXT = String.raw`\.(?:[cm]?[jt]sx?)$`;
const APP_ROUTE = new RegExp(String.raw`(?:^|/)app/(?:.*/)?route${SCRIPT_EXT}`, 'u');
const PAGES_API = new RegExp(String.raw`(?:^|/)pages/api/.*${SCRIPT_EXT}`, 'u');
const MIDDLEWARE = new RegExp(String.raw`^(?:src/)?(?:${MIDDLEWARE_BASENAMES.join('|')})${SCRIPT_EXT}`, 'u');
const MIDDLEWARE_NAME = new RegExp(String.raw`(?:^|/)(?:${MIDDLEWARE_BASENAMES.join('|')})${SCRIPT_EXT}`, 'u');
const PROJECT_MARKERS = ['package.json', 'next.config.js', 'next.config.mjs', 'next.config.ts'];

/**
 * Whether a `middleware.*` / `proxy.*` file sits where Next.js loads it: in `src/`, or at a project root (a folder
 * with a package.json or next.config), which also covers monorepo apps linted from the repository root.
 */
export function isLoadedMiddleware(filename: string, relativePath: string): boolean {
  const posix = toPosix(relativePath);
  if (!MIDDLEWARE_NAME.test(posix)) return false;
  if (MIDDLEWARE.test(posix) || /(?:^|\/)src\/[^/]+$/u.test(posix)) return true;
  const dir = dirname(filename);
  return PROJECT_MARKERS.some((marker) => existsSync(join(dir, marker)));
}

/** Classifies a path alone (no source needed). `path` may use Windows separators. */
export function classifyPath(path: string): Pick<FileKind, 'appRoute' | 'pagesApi' | 'middleware'> {
  const posix = toPosix(path);
  return {
    appRoute: APP_ROUTE.test(posix),
    pagesApi: PAGES_API.test(posix),
    middleware: MIDDLEWARE.test(posix),
  };
}

export function getFileKind(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileKind {
  const { sourceCode } = context;
  return perFile(sourceCode, 'fileKind', () => {
    const path = isVirtualFilename(context.filename) ? '' : relativePosix(context.filename, context.cwd);
    const body = sourceCode.ast.body;
    const nodeServer = body.some(
      (statement) =>
        statement.type === 'ImportDeclaration' &&
        statement.importKind !== 'type' &&
        NODE_SERVER_SOURCES.has(statement.source.value),
    );
    return {
      client: hasDirective(body, 'use client'),
      serverActions: hasDirective(body, 'use server'),
      ...(path === ''
        ? { appRoute: false, pagesApi: false, middleware: false }
        : { ...classifyPath(path), middleware: isLoadedMiddleware(context.filename, path) }),
      nodeServer,
      path,
    };
  });
}
