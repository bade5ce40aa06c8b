import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { detectClerkVersions, majorOfRange, verifyReturnsNothing } from '../../src/project/clerk-version.js';
import { matchesAnyGlob } from '../../src/util/glob.js';
import { parseSettings } from '../../src/project/settings.js';

describe('parseSettings', () => {
  it('accepts the documented shapes', () => {
    expect(
      parseSettings({
        version: 6,
        authFunctions: ['requireUser', { name: 'getSelf', from: '@/lib/auth' }],
        authWrappers: ['withAuth'],
        autofix: true,
      }),
    ).toEqual({
      ok: true,
      settings: {
        version: 6,
        authFunctions: [{ name: 'requireUser' }, { name: 'getSelf', from: '@/lib/auth' }],
        authWrappers: [{ name: 'withAuth' }],
        autofix: true,
        webhookVerifiers: [],
        crossFile: true,
      },
    });
    expect(parseSettings({ version: 'detect' })).toMatchObject({ ok: true, settings: { version: 'detect' } });
  });

  it.each([
    [{ version: 'six' }, "`settings.clerk.version` must be a Clerk SDK major such as 6, or 'detect'; got \"six\"."],
    [{ version: 0 }, "`settings.clerk.version` must be a Clerk SDK major such as 6, or 'detect'; got 0."],
    [{ authFunctions: 'requireUser' }, '`settings.clerk.authFunctions` must be an array of function names or { name, from } objects, such as [\'requireUser\']; got "requireUser".'],
    [{ authWrappers: [{ nam: 'withAuth' }] }, '`settings.clerk.authWrappers` must be an array of function names or { name, from } objects, such as [\'withAuth\']; got [{"nam":"withAuth"}].'],
    [{ autofix: 'yes' }, '`settings.clerk.autofix` must be true or false; got "yes".'],
    [{ crossFiles: false }, 'Unknown key `settings.clerk.crossFiles`; expected one of `version`, `authFunctions`, `authWrappers`, `autofix`, `webhookVerifiers`, `crossFile`.'],
    [[1], '`settings.clerk` must be an object such as { version: \'detect\' }; got [1].'],
  ])('rejects %j with a message naming the key', (input, message) => {
    expect(parseSettings(input)).toEqual({ ok: false, message });
  });
});

describe('verifyReturnsNothing (svix >= 2.2)', () => {
  it.each([
    ['2.5.0', true],
    ['2.2.0', true],
    ['2.1.3', false],
    ['2.0.0', false],
    ['^2.0.0', true],
    ['~2.1.0', false],
    ['1.76.0', false],
    ['^1.24.0', false],
    ['3.0.0', true],
    ['latest', true],
  ])('%s → %s', (version, expected) => {
    expect(verifyReturnsNothing(version)).toBe(expected);
  });
});

describe('majorOfRange', () => {
  it.each([
    ['^6.3.0', 6],
    ['~5.7', 5],
    ['>=6 <8', 6],
    ['7', 7],
    ['v4.31.8', 4],
    ['npm:@clerk/nextjs@6.1.0', 6],
    ['latest', undefined],
    ['*', undefined],
    ['workspace:*', undefined],
  ])('%s → %s', (range, major) => {
    expect(majorOfRange(range)).toBe(major);
  });
});

describe('detectClerkVersions', () => {
  const root = mkdtempSync(join(tmpdir(), 'clerk-version-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function project(name: string, pkg: object, installed?: Record<string, string>): string {
    const dir = join(root, name);
    mkdirSync(join(dir, 'app'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
    for (const [dep, version] of Object.entries(installed ?? {})) {
      mkdirSync(join(dir, 'node_modules', dep), { recursive: true });
      writeFileSync(join(dir, 'node_modules', dep, 'package.json'), JSON.stringify({ version }));
    }
    return dir;
  }

  it('reads @clerk/nextjs, prefers the installed version, and keeps two projects apart', () => {
    const v5 = project('v5', { dependencies: { '@clerk/nextjs': '^5.0.0' } });
    const v6 = project('v6', { dependencies: { '@clerk/nextjs': '^5.0.0', svix: '^1.0.0' } }, { '@clerk/nextjs': '6.39.8', svix: '2.2.0' });
    expect(detectClerkVersions(join(v5, 'app', 'page.tsx'))).toEqual({ clerk: 5, sdk: '@clerk/nextjs', svix: undefined });
    expect(detectClerkVersions(join(v6, 'app', 'page.tsx'))).toEqual({
      clerk: 6,
      sdk: '@clerk/nextjs',
      svix: 2,
      svixVerifyReturnsNothing: true,
    });
    expect(detectClerkVersions(join(v5, 'app', 'other.tsx')).clerk).toBe(5);
  });

  it('walks up past packages without Clerk (monorepo), and falls back to other SDKs', () => {
    const mono = project('mono', { devDependencies: { '@clerk/express': '^1.7.0' } });
    mkdirSync(join(mono, 'packages', 'api', 'src'), { recursive: true });
    writeFileSync(join(mono, 'packages', 'api', 'package.json'), JSON.stringify({ dependencies: { express: '^5' } }));
    expect(detectClerkVersions(join(mono, 'packages', 'api', 'src', 'index.ts'))).toEqual({
      clerk: 1,
      sdk: '@clerk/express',
      svix: undefined,
    });
  });

  it('answers unknown when no package declares Clerk', () => {
    const none = project('none', { dependencies: { next: '15' } });
    expect(detectClerkVersions(join(none, 'app', 'x.ts'))).toEqual({ clerk: undefined, sdk: undefined, svix: undefined });
  });
});

describe('glob', () => {
  it('matches ** across folders and * within one', () => {
    expect(matchesAnyGlob('app/api/health/route.ts', ['app/api/health/**'])).toBe(true);
    expect(matchesAnyGlob('app/api/health/deep/route.ts', ['app/api/health/**'])).toBe(true);
    expect(matchesAnyGlob('app/api/healthz/route.ts', ['app/api/health/**'])).toBe(false);
    expect(matchesAnyGlob('subscribeToNewsletter', ['subscribe*'])).toBe(true);
    expect(matchesAnyGlob('app/x/y/route.js', ['app/**/route.{ts,js}'])).toBe(true);
    expect(matchesAnyGlob('axb', ['a.b'])).toBe(false);
  });

  it('keeps Next.js folder names literal: [id], [...slug], (group), @slot; dot folders match', () => {
    expect(matchesAnyGlob('app/api/[id]/route.ts', ['app/api/[id]/**'])).toBe(true);
    expect(matchesAnyGlob('app/api/i/route.ts', ['app/api/[id]/**'])).toBe(false);
    expect(matchesAnyGlob('/docs/[...slug]', ['/docs/[...slug]'])).toBe(true);
    expect(matchesAnyGlob('app/(marketing)/pricing/page.tsx', ['app/(marketing)/**'])).toBe(true);
    expect(matchesAnyGlob('app/pricing/page.tsx', ['app/(marketing)/**'])).toBe(false);
    expect(matchesAnyGlob('app/@modal/login/page.tsx', ['app/@modal/**'])).toBe(true);
    expect(matchesAnyGlob('app/.well-known/route.ts', ['app/**'])).toBe(true);
  });
});
