import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import { resolveImportPath } from '../../src/analysis/cross-file.js';
import { FRESH_MS } from '../../src/util/fresh-cache.js';
import { tempProject } from '../temp-project.js';

const { write, remove } = tempProject('clerk-resolve-');
afterAll(remove);
afterEach(() => {
  vi.useRealTimers();
});

write('app/package.json', '{ "name": "app" }');
write('app/tsconfig.json', '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }');
const route = write('app/src/app/api/x/route.ts', '');

describe('resolveImportPath', () => {
  it('finds a relative source with each extension, a JavaScript extension standing for TypeScript, and index files', () => {
    const helper = write('app/src/lib/helper.ts', '');
    const plain = write('app/src/lib/plain.js', '');
    const folder = write('app/src/lib/auth/index.tsx', '');
    const exact = write('app/src/lib/exact.mts', '');
    expect(resolveImportPath(route, '../../../lib/helper')).toBe(helper);
    // `./helper.js` in TypeScript ESM names helper.ts.
    expect(resolveImportPath(route, '../../../lib/helper.js')).toBe(helper);
    expect(resolveImportPath(route, '../../../lib/plain')).toBe(plain);
    expect(resolveImportPath(route, '../../../lib/plain.js')).toBe(plain);
    expect(resolveImportPath(route, '../../../lib/auth')).toBe(folder);
    expect(resolveImportPath(route, '../../../lib/exact.mts')).toBe(exact);
    expect(resolveImportPath(route, '../../../lib/missing')).toBeUndefined();
  });

  it('prefers the file over the folder, and TypeScript over JavaScript', () => {
    const both = write('app/src/both.ts', '');
    write('app/src/both.js', '');
    write('app/src/both/index.ts', '');
    expect(resolveImportPath(write('app/src/page.tsx', ''), './both')).toBe(both);
  });

  it('resolves `.` and `..` to their index files', () => {
    const index = write('app/src/dots/index.ts', '');
    expect(resolveImportPath(write('app/src/dots/inner.ts', ''), '.')).toBe(index);
    expect(resolveImportPath(write('app/src/dots/deeper/leaf.ts', ''), '..')).toBe(index);
  });

  it('resolves tsconfig aliases, and nothing for packages', () => {
    const db = write('app/src/lib/db.ts', '');
    expect(resolveImportPath(route, '@/lib/db')).toBe(db);
    expect(resolveImportPath(route, '@clerk/nextjs/server')).toBeUndefined();
    expect(resolveImportPath(route, 'next/server')).toBeUndefined();
  });

  it('never reads outside the project or into node_modules', () => {
    write('outside.ts', '');
    write('app/node_modules/pkg/index.ts', '');
    expect(resolveImportPath(write('app/page.ts', ''), '../outside')).toBeUndefined();
    expect(resolveImportPath(write('app/page2.ts', ''), './node_modules/pkg')).toBeUndefined();
  });

  it('resolves a tsconfig alias once per project, the same from every folder', () => {
    write('alias/package.json', '{}');
    write('alias/tsconfig.json', '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }');
    const helper = write('alias/src/lib/auth.ts', 'export async function requireUser() {}\n');
    const from1 = write('alias/src/app/a/page.tsx', '');
    const from2 = write('alias/src/app/b/c/page.tsx', '');
    expect(resolveImportPath(from1, '@/lib/auth')).toBe(helper);
    expect(resolveImportPath(from2, '@/lib/auth')).toBe(helper);
    expect(resolveImportPath(from2, '../../lib/auth')).toBeUndefined();
    expect(resolveImportPath(from2, '../../../lib/auth')).toBe(helper);
  });

  it('resolves the same relative source from folders at different depths to different files', () => {
    write('rel/package.json', '{}');
    const top = write('rel/lib/auth.ts', 'export const a = 1;\n');
    const nested = write('rel/app/lib/auth.ts', 'export const b = 1;\n');
    const shallow = write('rel/app/x.ts', '');
    const deep = write('rel/app/y/z.ts', '');
    expect(resolveImportPath(shallow, '../lib/auth')).toBe(top);
    expect(resolveImportPath(deep, '../lib/auth')).toBe(nested);
    expect(resolveImportPath(write('rel/app/w/v.ts', ''), '../lib/auth')).toBe(nested);
    expect(resolveImportPath(write('rel/q.ts', ''), './lib/auth')).toBe(top);
  });

  it('keeps an answer, found or not, for FRESH_MS, then asks the file system again', () => {
    vi.useFakeTimers();
    const from = write('app/src/fresh/page.ts', '');
    expect(resolveImportPath(from, './later')).toBeUndefined();
    const later = write('app/src/fresh/later.ts', '');
    // Still the kept answer: the file system is asked at most once a FRESH_MS per source.
    expect(resolveImportPath(from, './later')).toBeUndefined();
    vi.advanceTimersByTime(FRESH_MS);
    expect(resolveImportPath(from, './later')).toBe(later);
  });

  // V8 inlines a function of up to --max-inlined-bytecode-size bytes of bytecode into each caller it optimizes; the
  // resolver is kept whole, above that, so that it is compiled once rather than into every import gate and helper
  // lookup (src/analysis/cross-file.ts). A performance property, checked on the built code as it ships.
  it("stays above V8's inlining limit in the built code", () => {
    const built = join(import.meta.dirname, '../../dist/analysis/cross-file.js');
    expect(existsSync(built), 'npm run build first').toBe(true);
    const flags = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    const limit = Number(/--max-inlined-bytecode-size=(\d+)/u.exec(flags)?.[1]);
    expect(limit).toBeGreaterThan(0);
    const script = `import(${JSON.stringify(`file://${built}`)}).then((m) => { m.resolveImportPath(${JSON.stringify(route)}, './x'); })`;
    const printed = execFileSync(process.execPath, ['--print-bytecode', '--print-bytecode-filter=resolveImportPath', '-e', script], { encoding: 'utf8' });
    const length = Number(/Bytecode length: (\d+)/u.exec(printed)?.[1]);
    expect(length).toBeGreaterThan(limit);
  });
});
