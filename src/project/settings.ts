import type { TSESLint } from '@typescript-eslint/utils';

import { LATEST_MAJOR } from '../clerk/index.js';
import { detectClerkVersions } from './clerk-version.js';
import { isVirtualFilename } from '../util/paths.js';

import type { ClerkSettings, NameRef } from '../types.js';

export type { ClerkSettings, NameRef } from '../types.js';

export type SettingsResult =
  | { readonly ok: true; readonly settings: ClerkSettings }
  | { readonly ok: false; readonly message: string };

export const DEFAULT_SETTINGS: ClerkSettings = {
  version: 'detect',
  authFunctions: [],
  authWrappers: [],
  autofix: false,
  webhookVerifiers: [],
  crossFile: true,
};

const SHAPES: Record<keyof ClerkSettings, string> = {
  version: "a Clerk SDK major such as 6, or 'detect'",
  authFunctions: "an array of function names or { name, from } objects, such as ['requireUser']",
  authWrappers: "an array of function names or { name, from } objects, such as ['withAuth']",
  autofix: 'true or false',
  webhookVerifiers: "an array of function names or { name, from } objects, such as ['verifyClerkWebhook']",
  crossFile: 'true or false',
};

/** Parsed once per settings object: every file of a run shares it, and a new config gets a new object. */
const parsedSettings = new WeakMap<object, SettingsResult>();

export function readSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): SettingsResult {
  const all = context.settings as Record<string, unknown> | undefined;
  const raw = all?.clerk;
  if (raw === undefined || raw === null) return { ok: true, settings: DEFAULT_SETTINGS };
  if (typeof raw !== 'object') return parseSettings(raw);
  let result = parsedSettings.get(raw);
  if (result === undefined) {
    result = parseSettings(raw);
    parsedSettings.set(raw, result);
  }
  return result;
}

function fail(key: string, value: unknown): SettingsResult {
  const shape = (SHAPES as Record<string, string | undefined>)[key];
  const got = describe(value);
  return {
    ok: false,
    message:
      shape === undefined
        ? `Unknown key \`settings.clerk.${key}\`; expected one of ${Object.keys(SHAPES)
            .map((known) => `\`${known}\``)
            .join(', ')}.`
        : `\`settings.clerk.${key}\` must be ${shape}; got ${got}.`,
  };
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function parseSettings(raw: unknown): SettingsResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      message: `\`settings.clerk\` must be an object such as { version: 'detect' }; got ${describe(raw)}.`,
    };
  }
  const input = raw as Record<string, unknown>;
  const settings = { ...DEFAULT_SETTINGS } as { -readonly [K in keyof ClerkSettings]: ClerkSettings[K] };
  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case 'version': {
        if (value === 'detect') settings.version = 'detect';
        else if (typeof value === 'number' && Number.isInteger(value) && value >= 1) settings.version = value;
        else if (typeof value === 'string' && /^\d+$/u.test(value)) settings.version = Number(value);
        else return fail(key, value);
        break;
      }
      case 'authFunctions':
      case 'authWrappers':
      case 'webhookVerifiers': {
        const refs = parseNameRefs(value);
        if (refs === undefined) return fail(key, value);
        settings[key] = refs;
        break;
      }
      case 'autofix':
      case 'crossFile': {
        if (typeof value !== 'boolean') return fail(key, value);
        settings[key] = value;
        break;
      }
      default:
        return fail(key, value);
    }
  }
  return { ok: true, settings };
}

function parseNameRefs(value: unknown): NameRef[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const refs: NameRef[] = [];
  for (const item of value) {
    if (typeof item === 'string' && item !== '') refs.push({ name: item });
    else if (
      typeof item === 'object' &&
      item !== null &&
      typeof (item as NameRef).name === 'string' &&
      (item as NameRef).name !== '' &&
      Object.keys(item).every((k) => k === 'name' || k === 'from') &&
      ((item as NameRef).from === undefined || typeof (item as NameRef).from === 'string')
    ) {
      const { name, from } = item as NameRef;
      refs.push(from === undefined ? { name } : { name, from });
    } else return undefined;
  }
  return refs;
}

/** The Clerk major that applies to this file: the setting, else the detected `@clerk/nextjs` major, else latest. */
export function clerkMajor(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  settings: ClerkSettings,
): number {
  if (typeof settings.version === 'number') return settings.version;
  const filename = context.filename;
  const from = isVirtualFilename(filename) ? context.cwd : filename;
  const detected = detectClerkVersions(from, isVirtualFilename(filename));
  return detected.clerk ?? LATEST_MAJOR;
}

/** Whether svix's `verify()` returns nothing (svix >= 2.2) in this project; unknown means the latest svix. */
export function svixVerifyReturnsNothing(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  const filename = context.filename;
  const virtual = isVirtualFilename(filename);
  return detectClerkVersions(virtual ? context.cwd : filename, virtual).svixVerifyReturnsNothing ?? true;
}
