import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { nearestUp } from '../../src/util/nearest-up.js';

const root = join('/', 'repo');
const probe = (answers: Record<string, string>, asked: string[]) => (dir: string) => {
  asked.push(dir);
  return answers[dir];
};

describe('nearestUp', () => {
  it('answers with the nearest folder that has an answer, and shares it with every folder passed', () => {
    const cache = new Map<string, string>();
    const asked: string[] = [];
    const answers = { [root]: 'root' };
    expect(nearestUp(join(root, 'app', 'api'), cache, probe(answers, asked), 'none')).toBe('root');
    expect(asked).toEqual([join(root, 'app', 'api'), join(root, 'app'), root]);
    asked.length = 0;
    // A sibling folder stops one level up, at a folder already passed.
    expect(nearestUp(join(root, 'app', 'lib'), cache, probe(answers, asked), 'none')).toBe('root');
    expect(asked).toEqual([join(root, 'app', 'lib')]);
  });

  it('answers none up to the file-system root, and keeps that answer too', () => {
    const cache = new Map<string, string>();
    const asked: string[] = [];
    expect(nearestUp(join(root, 'x'), cache, probe({}, asked), 'none')).toBe('none');
    expect(asked.at(-1)).toBe('/');
    asked.length = 0;
    expect(nearestUp(join(root, 'x'), cache, probe({}, asked), 'none')).toBe('none');
    expect(asked).toEqual([]);
  });
});
