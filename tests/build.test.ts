// What `npm run build` (scripts/build.mjs) writes to dist/, which `npm test` builds before running the suite.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

function filesOf(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(join(dir, entry.name), suffix) : entry.name.endsWith(suffix) ? [join(dir, entry.name)] : [],
  );
}

describe('the build', () => {
  it('emits the JavaScript without comments: V8 keeps a loaded module’s whole text on the heap', () => {
    const files = filesOf(dist, '.js');
    expect(files.length).toBeGreaterThan(50);
    const commented = files.flatMap((file) => {
      const { comments = [] } = parse(readFileSync(file, 'utf8'), { comment: true, range: true });
      // tsc's own pointer to the (unshipped) source map is the one comment left.
      return comments.filter((comment) => !comment.value.startsWith('# sourceMappingURL=')).map((comment) => `${file}: ${comment.value.slice(0, 60)}`);
    });
    expect(commented).toEqual([]);
  });

  it('keeps the JSDoc in the declarations, for editors', () => {
    const types = readFileSync(join(dist, 'types.d.ts'), 'utf8');
    expect(types).toMatch(/\/\*\*[^]*?\*\//u);
    const source = readFileSync(fileURLToPath(new URL('../src/types.ts', import.meta.url)), 'utf8');
    expect(types.match(/\/\*\*/gu)?.length).toBe(source.match(/\/\*\*/gu)?.length);
  });
});

describe('loading the plugin', () => {
  it('leaves jsonc-parser unloaded until a tsconfig chain with a missing base needs it (~370 KB of heap kept)', () => {
    // A process of its own: vitest's has loaded everything already.
    const loaded = execFileSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(join(dist, 'index.js'))}); console.log(Object.keys(require.cache).filter((file) => file.includes('jsonc-parser')).length)`],
      { encoding: 'utf8' },
    );
    expect(Number(loaded)).toBe(0);
  });
});
