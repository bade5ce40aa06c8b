/**
 * Import aliases of a project (`paths` and `baseUrl` of its tsconfig.json, else jsconfig.json), read by get-tsconfig
 * the way TypeScript reads them: JSONC (comments, trailing commas, `"@/*"` and `"**\/*.ts"` inside strings), `extends`
 * from relative paths, packages and arrays, `baseUrl`, and `paths` relative to `baseUrl` or to the config that
 * declares them.
 *
 * One difference from get-tsconfig, as TypeScript does it: a base config that cannot be found (a package that is not
 * installed, such as `expo/tsconfig.base` before `npm install`) is left out and the rest of the chain still counts;
 * get-tsconfig gives up on the whole file. Then the chain is read here with jsonc-parser, each base that can be
 * found again through get-tsconfig.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';

import { createPathsMatcher, parseTsconfig, type TsConfigJsonResolved } from 'get-tsconfig';
import type * as JsoncParser from 'jsonc-parser';

/** The candidate files an import specifier names through the project's aliases (absolute, extensions not added). */
export type PathsMatcher = (specifier: string) => string[];

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/**
 * The alias matcher of the project at `root`: its tsconfig.json, else its jsconfig.json. Undefined when there is
 * neither, or the config declares no `paths` or `baseUrl`. A config that does not parse counts as no config.
 */
export function loadPathsMatcher(root: string): PathsMatcher | undefined {
  for (const name of CONFIG_NAMES) {
    const file = join(root, name);
    if (!existsSync(file)) continue;
    const config = readConfig(file, new Set());
    if (config === undefined) return undefined;
    return createPathsMatcher({ path: file, config }) ?? undefined;
  }
  return undefined;
}

/** A tsconfig with `extends` resolved, by get-tsconfig when it can, else link by link (see the module comment). */
function readConfig(file: string, seen: Set<string>): TsConfigJsonResolved | undefined {
  try {
    return parseTsconfig(file);
  } catch {
    return readChain(file, seen);
  }
}

/**
 * jsonc-parser, loaded on first use: only a config whose base cannot be found needs it, and loaded it keeps ~370 KB
 * of heap for the life of the process (an editor's, or a whole run's). Node caches the module.
 */
function jsonc(): typeof JsoncParser {
  return createRequire(import.meta.url)('jsonc-parser') as typeof JsoncParser;
}

interface OwnOptions {
  baseUrl?: string;
  paths?: Record<string, string[]>;
}

/**
 * The chain of `file` read link by link: its own `compilerOptions.baseUrl` / `paths` over those of the bases that
 * can be found. `baseUrl` comes back absolute; `paths` without a `baseUrl` are made relative to the folder of the
 * config that declares them by giving that folder as `baseUrl` (TypeScript's rule when no `baseUrl` is set, except
 * that bare imports then also resolve from that folder: they only match files inside the project that exist).
 */
function readChain(file: string, seen: Set<string>): TsConfigJsonResolved | undefined {
  if (seen.has(file) || seen.size > 10) return undefined;
  seen.add(file);
  let json: unknown;
  try {
    const errors: JsoncParser.ParseError[] = [];
    json = jsonc().parse(readFileSync(file, 'utf8'), errors, { allowTrailingComma: true });
    if (errors.length > 0) return undefined;
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const { extends: extended, compilerOptions } = json as { extends?: unknown; compilerOptions?: unknown };
  const merged: OwnOptions = {};
  const bases = typeof extended === 'string' ? [extended] : Array.isArray(extended) ? extended.filter((base) => typeof base === 'string') : [];
  // Later bases override earlier ones, and the file itself overrides them all.
  for (const base of bases) {
    const baseFile = resolveExtends(base, dirname(file));
    const options = baseFile === undefined ? undefined : readConfig(baseFile, seen)?.compilerOptions;
    if (options === undefined) continue;
    const absolute = absoluteOptions(options as OwnOptions, dirname(baseFile as string));
    if (absolute.baseUrl !== undefined) merged.baseUrl = absolute.baseUrl;
    if (absolute.paths !== undefined) merged.paths = absolute.paths;
  }
  if (typeof compilerOptions === 'object' && compilerOptions !== null) {
    const own = absoluteOptions(compilerOptions as OwnOptions, dirname(file));
    if (own.baseUrl !== undefined) merged.baseUrl = own.baseUrl;
    if (own.paths !== undefined) merged.paths = own.paths;
  }
  return { compilerOptions: merged } as TsConfigJsonResolved;
}

/**
 * `baseUrl` made absolute; `paths` without a `baseUrl` anchored to the folder of the config that declared them (by
 * giving it as `baseUrl`): `dir`, or the folder get-tsconfig recorded when it read the base's own chain.
 */
function absoluteOptions(options: OwnOptions, dir: string): OwnOptions {
  const result: OwnOptions = {};
  if (typeof options.baseUrl === 'string') result.baseUrl = resolve(dir, options.baseUrl);
  if (typeof options.paths === 'object' && options.paths !== null) {
    result.paths = options.paths;
    const implicit = Object.getOwnPropertySymbols(options).find((symbol) => symbol.description === 'implicitBaseUrl');
    const declaredIn = implicit === undefined ? undefined : (options as Record<symbol, unknown>)[implicit];
    result.baseUrl ??= typeof declaredIn === 'string' ? declaredIn : dir;
  }
  return result;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Where an `extends` entry points: a relative or absolute path (`.json` optional), or a package's file. */
function resolveExtends(specifier: string, fromDir: string): string | undefined {
  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    const path = resolve(fromDir, specifier);
    return [path, `${path}.json`, join(path, 'tsconfig.json')].find(isFile);
  }
  const require = createRequire(join(fromDir, 'package.json'));
  for (const candidate of [specifier, `${specifier}.json`, `${specifier}/tsconfig.json`]) {
    try {
      return require.resolve(candidate);
    } catch {
      // not installed, or not that file
    }
  }
  return undefined;
}
