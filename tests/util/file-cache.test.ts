import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { markLongLived, perFile } from '../../src/util/file-cache.js';

const file = (name: string) => ({ name }) as unknown as TSESLint.SourceCode;

describe('perFile', () => {
  it('computes once per file and key while the file is being linted', () => {
    const a = file('a');
    let calls = 0;
    expect(perFile(a, 'k', () => (calls += 1))).toBe(1);
    expect(perFile(a, 'k', () => (calls += 1))).toBe(1);
    expect(perFile(a, 'other', () => 'x')).toBe('x');
    expect(calls).toBe(1);
  });

  it('lets go of a linted file once the next one is linted, so module state never keeps a finished file alive', () => {
    const a = file('a');
    const b = file('b');
    let calls = 0;
    perFile(a, 'k', () => (calls += 1));
    perFile(b, 'k', () => (calls += 1));
    // `a` is done: asked again (which ESLint never does), it is computed afresh instead of being held.
    expect(perFile(a, 'k', () => (calls += 1))).toBe(3);
  });

  it('keeps the work of a long-lived module (parsed by cross-file analysis) while files are linted in between', () => {
    const module = file('module');
    markLongLived(module);
    let calls = 0;
    perFile(module, 'refs', () => (calls += 1));
    perFile(file('a'), 'refs', () => 'a');
    perFile(file('b'), 'refs', () => 'b');
    expect(perFile(module, 'refs', () => (calls += 1))).toBe(1);
  });

  it('keeps the linted file slot while a long-lived module is asked about in the middle of that file', () => {
    const module = file('module');
    markLongLived(module);
    const a = file('a');
    let calls = 0;
    perFile(a, 'k', () => (calls += 1));
    perFile(module, 'k', () => 'm');
    expect(perFile(a, 'k', () => (calls += 1))).toBe(1);
  });
});
