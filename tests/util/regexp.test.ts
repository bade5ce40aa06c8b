import { describe, expect, it } from 'vitest';

import { escapeRegExp } from '../../src/util/regexp.js';

describe('escapeRegExp', () => {
  it('matches names with regular-expression characters literally', () => {
    for (const name of ['verifiers.clerk', 'org$Id', 'a+b', '(tenant)', '[id]', 'x|y', 'a\\b', '^start', 'end$', 'q?', 'a*', '{n}']) {
      const pattern = new RegExp(`^${escapeRegExp(name)}$`, 'u');
      expect(pattern.test(name), name).toBe(true);
    }
  });

  it('matches nothing else', () => {
    for (const [name, other] of [
      ['verifiers.clerk', 'verifiersXclerk'],
      ['a+b', 'aab'],
      ['x|y', 'x'],
      ['x|y', 'y'],
      ['q?', 'q'],
      ['a*', ''],
      ['[id]', 'i'],
      ['(tenant)', 'tenant'],
      ['org$Id', 'org'],
      ['^start', 'start'],
      ['end$', 'end'],
      ['{n}', 'n'],
    ]) {
      expect(new RegExp(`^${escapeRegExp(name as string)}$`, 'u').test(other as string), `${name} / ${other}`).toBe(false);
    }
  });
});
