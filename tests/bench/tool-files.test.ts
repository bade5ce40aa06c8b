// bench/corpora.mjs's `--files` reading, shared by bench/count.mjs and bench/inlining.mjs.
import { describe, expect, it } from 'vitest';

// @ts-expect-error: a JavaScript module of the benchmark, without types
import { filesOption } from '../../bench/corpora.mjs';

describe('filesOption', () => {
  it('is undefined without the flag (the whole corpus) and the number with one', () => {
    expect(filesOption(['clerk-all', 'b'])).toBeUndefined();
    expect(filesOption(['clerk-all', '--files', '300', 'b'])).toBe(300);
    expect(filesOption(['--files', '1'])).toBe(1);
  });

  it('is null for a flag without a whole number of at least 1, so the tool prints its usage', () => {
    for (const args of [['--files'], ['--files', 'b'], ['--files', '0'], ['--files', '2.5'], ['--files', '-3'], ['--files', '--top']]) {
      expect(filesOption(args)).toBeNull();
    }
  });
});
