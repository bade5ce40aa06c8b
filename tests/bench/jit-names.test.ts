// bench/jit-names.mjs names callgrind's `???:0x…` entries (V8's generated code) from Node's perf map, for
// bench/jit-profile.mjs.
import { describe, expect, it } from 'vitest';

// @ts-expect-error: a JavaScript module of the benchmark, without types
import { attribute, entryAt, functionName, parsePerfMap } from '../../bench/jit-names.mjs';

const MAP = [
  '1000 100 JS:~walk file:///app/dist/a.js:1:1',
  '2000 40 JS:*walk file:///app/dist/a.js:1:1',
  '3000 10 Builtin:LoadIC',
  'not a line of a perf map',
  '2800 80 JS:^check file:///app/dist/b.js:5:3',
].join('\n');

type Entry = { start: number; size: number; name: string };

describe('bench/jit-names.mjs', () => {
  const entries = parsePerfMap(MAP) as Entry[];

  it('reads a perf map, sorted by address, and finds the code object holding an address', () => {
    expect(entries.map((entry) => entry.start)).toEqual([0x1000, 0x2000, 0x2800, 0x3000]);
    expect((entryAt(entries, 0x1000) as Entry).name).toBe('JS:~walk file:///app/dist/a.js:1:1');
    expect((entryAt(entries, 0x10ff) as Entry).name).toBe('JS:~walk file:///app/dist/a.js:1:1');
    expect(entryAt(entries, 0x1100)).toBeUndefined();
    expect(entryAt(entries, 0x0fff)).toBeUndefined();
    expect((entryAt(entries, 0x2850) as Entry).name).toBe('JS:^check file:///app/dist/b.js:5:3');
    expect(entryAt(entries, 0x4000)).toBeUndefined();
    expect(entryAt([], 0x1000)).toBeUndefined();
  });

  it("drops a function's tier from its name", () => {
    expect(functionName('JS:*walk file:///x.js:1:1')).toBe('JS:walk file:///x.js:1:1');
    expect(functionName('JS:~walk file:///x.js:1:1')).toBe('JS:walk file:///x.js:1:1');
    expect(functionName('Builtin:LoadIC')).toBe('Builtin:LoadIC');
  });

  // callgrind_annotate lines: two addresses in walk's interpreted code (one nested in the other), its optimized code,
  // a recursive re-entry ('2), check, and code no entry holds.
  const annotated = [
    '--------------------------------------------------------------------------------',
    '1,000,000 (10.0%)  PROGRAM TOTALS',
    '  500 ( 5.0%)  ???:0x0000000000001000 [???]',
    '  450 ( 4.5%)  ???:0x0000000000001014 [???]',
    '  200 ( 2.0%)  ???:0x0000000000002000 [???]',
    '  300 ( 3.0%)  ???:0x0000000000002000\'2 [???]',
    '   70 ( 0.7%)  ???:0x0000000000002810 [???]',
    '   20 ( 0.2%)  ???:0x0000000000009000 [???]',
    '  900 ( 9.0%)  ???:Builtins_LoadIC [/usr/bin/node]',
  ].join('\n');

  it('counts inclusive instructions once per code object, adds up the tiers, and leaves recursive copies out', () => {
    const inclusive = attribute(annotated, entries, { inclusive: true }) as Map<string, number>;
    expect(Object.fromEntries(inclusive)).toEqual({
      'JS:walk file:///app/dist/a.js:1:1': 500 + 200,
      'JS:check file:///app/dist/b.js:5:3': 70,
    });
  });

  it('adds up self instructions of every address, and keeps code no entry holds apart', () => {
    const self = attribute(annotated, entries, { inclusive: false }) as Map<string, number>;
    expect(Object.fromEntries(self)).toEqual({
      'JS:walk file:///app/dist/a.js:1:1': 500 + 450 + 200 + 300,
      'JS:check file:///app/dist/b.js:5:3': 70,
      '(unmapped generated code)': 20,
    });
  });
});
