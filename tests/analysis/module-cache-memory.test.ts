import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import * as parser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';

import { isModuleCached, loadModule } from '../../src/analysis/cross-file.js';

// A full collection on demand, without starting the test process with --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const source = (name: string) => join(import.meta.dirname, '../../src/analysis', name);

describe('the module cache', () => {
  it('keeps a parsed module in less than 110 times its text (tokens and library globals are dropped: nothing reads them)', () => {
    // Parser and scope-manager set-up, and the code V8 compiles for them, are paid once per process: not part of
    // what a module keeps. So the module is parsed once first, and what is measured is a copy of it under another
    // name. (Measured after parsing a smaller module only, the figure rose to 116 once in a full `npm test`: code
    // compiled for the parser's paths that module had not taken was counted as kept.)
    const dir = mkdtempSync(join(tmpdir(), 'clerk-module-memory-'));
    const file = join(dir, 'auth-flow.ts');
    let kept: number;
    let sourceCode: ReturnType<typeof loadModule>;
    try {
      copyFileSync(source('auth-flow.ts'), file);
      loadModule(source('auth-flow.ts'), parser, {});
      gc();
      const before = process.memoryUsage().heapUsed;
      sourceCode = loadModule(file, parser, {});
      gc();
      kept = process.memoryUsage().heapUsed - before;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The first parse is still cached: had the copy pushed it out (the cache holds 200 KB of source), what it
    // released would have been subtracted from what the copy keeps.
    expect(isModuleCached(source('auth-flow.ts'))).toBe(true);
    const size = statSync(source('auth-flow.ts')).size;
    // Measured here: ~75 times without tokens, ~133 times with them.
    expect(kept / size).toBeLessThan(110);
    // Nor a variable for each global of the TypeScript libraries (~200 a module): a global is one without definitions.
    expect(sourceCode?.scopeManager?.globalScope?.set.has('Promise')).toBe(false);
    // What the analysis reads of another module is still there.
    expect(sourceCode?.ast.body.length).toBeGreaterThan(0);
    expect(sourceCode?.scopeManager?.scopes.length).toBeGreaterThan(1);
    expect(sourceCode?.getText(sourceCode.ast.body[0]!)).toMatch(/^import /u);
  });
});
