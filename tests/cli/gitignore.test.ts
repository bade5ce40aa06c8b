import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { type IgnoreFile, isIgnored, parseGitignore } from '../../src/cli/gitignore.js';

const root = join('/repo');
const file = (base: string, text: string): IgnoreFile => ({ base, patterns: parseGitignore(text)! });

describe('.gitignore files as git applies them', () => {
  it('matches a slashless pattern at any depth and an anchored one only in its folder', () => {
    const files = [file(root, 'dist\n/build\n')];
    expect(isIgnored(files, join(root, 'dist'), true)).toBe(true);
    expect(isIgnored(files, join(root, 'packages/a/dist'), true)).toBe(true);
    expect(isIgnored(files, join(root, 'build'), true)).toBe(true);
    expect(isIgnored(files, join(root, 'packages/a/build'), true)).toBe(false);
  });

  it('matches folders only with a trailing slash, re-includes with !, and lets the last pattern win', () => {
    const files = [file(root, 'out/\n.env*\n!.env.example\n')];
    expect(isIgnored(files, join(root, 'out'), true)).toBe(true);
    expect(isIgnored(files, join(root, 'out'), false)).toBe(false);
    expect(isIgnored(files, join(root, '.env.local'), false)).toBe(true);
    expect(isIgnored(files, join(root, '.env.example'), false)).toBe(false);
  });

  it('lets a deeper file override a shallower one, and ignores files of other folders', () => {
    const files = [file(root, '*.generated.ts\n'), file(join(root, 'app'), '!keep.generated.ts\n')];
    expect(isIgnored(files, join(root, 'app/keep.generated.ts'), false)).toBe(false);
    expect(isIgnored(files, join(root, 'app/other.generated.ts'), false)).toBe(true);
    expect(isIgnored(files, join(root, 'lib/keep.generated.ts'), false)).toBe(true);
  });

  it('is case-sensitive like git by default, and reads ** and comments', () => {
    const files = [file(root, '# build output\nBuild/\n**/fixtures/**\n')];
    expect(isIgnored(files, join(root, 'build'), true)).toBe(false);
    expect(isIgnored(files, join(root, 'Build'), true)).toBe(true);
    expect(isIgnored(files, join(root, 'tests/fixtures/a.ts'), false)).toBe(true);
    expect(parseGitignore('# only a comment\n\n')).toBeUndefined();
  });
});
