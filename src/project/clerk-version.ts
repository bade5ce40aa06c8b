import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { OTHER_SDKS, PRIMARY_SDK } from '../clerk/index.js';
import { nearestUp } from '../util/nearest-up.js';
import { hasPackageJson } from '../util/package-json.js';

export interface DetectedVersions {
  /** Major of `@clerk/nextjs`, else of the first other Clerk SDK found; undefined when none is declared. */
  readonly clerk: number | undefined;
  /** Which package the major came from. */
  readonly sdk: string | undefined;
  /** Major of `svix`, for webhook rules. */
  readonly svix: number | undefined;
  /** svix >= 2.2, whose `Webhook.verify()` returns nothing; undefined when svix is not declared. */
  readonly svixVerifyReturnsNothing?: boolean;
}

const NONE: DetectedVersions = { clerk: undefined, sdk: undefined, svix: undefined };

/**
 * Detected versions per directory, for the life of the process. Keyed by absolute directory, so two projects
 * linted in one run each get their own answer; the value depends only on files on disk, never on lint order.
 */
const byDirectory = new Map<string, DetectedVersions>();

/**
 * Reads the nearest package.json upward from `path` that declares a Clerk SDK (or svix) and returns the majors.
 * The installed version (`node_modules/<pkg>/package.json`) wins over the declared range.
 */
export function detectClerkVersions(path: string, isDirectory = false): DetectedVersions {
  return nearestUp(isDirectory ? path : dirname(path), byDirectory, readPackage, NONE);
}

function readPackage(dir: string): DetectedVersions | undefined {
  if (!hasPackageJson(dir)) return undefined;
  const file = join(dir, 'package.json');
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const deps: Record<string, string> = {};
  for (const field of ['peerDependencies', 'devDependencies', 'dependencies']) {
    const value = json[field];
    if (typeof value === 'object' && value !== null) Object.assign(deps, value);
  }
  const sdk = [PRIMARY_SDK, ...OTHER_SDKS].find((name) => typeof deps[name] === 'string');
  const hasSvix = typeof deps.svix === 'string';
  if (sdk === undefined && !hasSvix) return undefined;
  const svixVersion = hasSvix ? (installedVersion(dir, 'svix') ?? (deps.svix as string)) : undefined;
  return {
    clerk: sdk === undefined ? undefined : installedMajor(dir, sdk) ?? majorOfRange(deps[sdk] as string),
    sdk,
    svix: svixVersion === undefined ? undefined : majorOfRange(svixVersion),
    ...(svixVersion === undefined ? {} : { svixVerifyReturnsNothing: verifyReturnsNothing(svixVersion) }),
  };
}

/** svix 2.2.0 stopped returning the parsed payload from `verify()`. `^2.0.0` resolves to a newer 2.x. */
export function verifyReturnsNothing(version: string): boolean {
  const match = /^\s*([\^~]|>=?|=)?\s*v?(\d+)(?:\.(\d+))?/u.exec(version.startsWith('npm:') ? version.slice(version.lastIndexOf('@') + 1) : version);
  if (match === null) return true;
  const [, operator, majorText, minorText] = match;
  const major = Number(majorText);
  if (major !== 2) return major > 2;
  if (operator === '^' || operator === '>' || operator === '>=' || minorText === undefined) return true;
  return Number(minorText) >= 2;
}

function installedVersion(dir: string, name: string): string | undefined {
  const file = join(dir, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return undefined;
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
    return typeof json.version === 'string' ? json.version : undefined;
  } catch {
    return undefined;
  }
}

function installedMajor(dir: string, name: string): number | undefined {
  const version = installedVersion(dir, name);
  return version === undefined ? undefined : majorOfRange(version);
}

/** `^6.3.0` → 6, `~5.7` → 5, `>=6 <8` → 6, `npm:@clerk/nextjs@6` → 6; `latest`, `*`, `workspace:*` → undefined. */
export function majorOfRange(range: string): number | undefined {
  const spec = range.startsWith('npm:') ? range.slice(range.lastIndexOf('@') + 1) : range;
  const match = /^\s*(?:[\^~]|>=?|=)?\s*v?(\d+)(?:[.\s]|$)/u.exec(spec);
  return match === null ? undefined : Number(match[1]);
}
