// bench/inlining-trace.mjs reads V8's `--trace-opt --trace-turbo-inlining` output for bench/inlining.mjs.
import { describe, expect, it } from 'vitest';

// @ts-expect-error: a JavaScript module of the benchmark, without types
import { compilationsOf, subtract, totals } from '../../bench/inlining-trace.mjs';

type Counts = { compilations: number; inlinedBytes: number };

// Two compilations of findWork (the second after a deoptimisation), one of an anonymous function, a candidate that is
// considered but not inlined, and lines of other traces in between.
const TRACE = [
  '[marking 0x1 <JSFunction findWork (sfi = 0x2)> for optimization to TURBOFAN, ConcurrencyMode::kConcurrent, reason: small function]',
  '[compiling method 0x1 <JSFunction findWork (sfi = 0x2)> (target TURBOFAN), mode: ConcurrencyMode::kSynchronous]',
  '2 candidate(s) for inlining:',
  '- candidate: JSCall node #42 with frequency 0.99, 1 target(s):',
  '  - target: 0x3 {0x4 <SharedFunctionInfo findFirst>}, bytecode size: 262',
  '- candidate: JSCall node #50 with frequency 0.10, 1 target(s):',
  '  - target: 0x5 {0x6 <SharedFunctionInfo rarely>}, bytecode size: 90',
  'Inlining 0x3 {0x4 <SharedFunctionInfo findFirst>} into 0x1 {0x2 <SharedFunctionInfo findWork>}',
  '  - target: 0x7 {0x8 <SharedFunctionInfo>}, bytecode size: 30',
  'Inlining 0x7 {0x8 <SharedFunctionInfo>} into 0x3 {0x4 <SharedFunctionInfo findFirst>} (inside try-block)',
  '[completed compiling 0x1 <JSFunction findWork (sfi = 0x2)> (target TURBOFAN) - took 0.005, 6.987, 0.105 ms]',
  '[bailout (kind: deopt-eager, reason: wrong map): begin. deoptimizing 0x1 <JSFunction findWork (sfi = 0x2)>, …]',
  '[compiling method 0x1 <JSFunction findWork (sfi = 0x2)> (target TURBOFAN), mode: ConcurrencyMode::kSynchronous]',
  '  - target: 0x3 {0x4 <SharedFunctionInfo findFirst>}, bytecode size: 262, existing opt code\'s inlined bytecode size: 30',
  'Inlining 0x3 {0x4 <SharedFunctionInfo findFirst>} into 0x1 {0x2 <SharedFunctionInfo findWork>}',
  '[completed compiling 0x1 <JSFunction findWork (sfi = 0x2)> (target TURBOFAN) - took 0.009, 7.136, 0.112 ms]',
  '[compiling method 0x9 <JSFunction (sfi = 0xa)> (target TURBOFAN), mode: ConcurrencyMode::kSynchronous]',
  '[completed compiling 0x9 <JSFunction (sfi = 0xa)> (target TURBOFAN) - took 0.001, 0.5, 0.01 ms]',
  // Outside any compilation: not counted.
  'Inlining 0x3 {0x4 <SharedFunctionInfo findFirst>} into 0x1 {0x2 <SharedFunctionInfo findWork>}',
].join('\n');

describe('bench/inlining-trace.mjs', () => {
  const counted = compilationsOf(TRACE) as Map<string, Counts>;

  it('counts compilations per function and the bytecode inlined into them', () => {
    expect(counted.get('findWork')).toEqual({ compilations: 2, inlinedBytes: 262 + 30 + 262 });
    expect(counted.get('(anonymous)')).toEqual({ compilations: 1, inlinedBytes: 0 });
    // A candidate that was only considered is not counted, nor a function that was only inlined.
    expect(counted.has('rarely')).toBe(false);
    expect(counted.has('findFirst')).toBe(false);
    expect(totals(counted)).toEqual({ compilations: 3, inlinedBytes: 554 });
  });

  it('subtracts the warm-up run, function by function', () => {
    const warmup = compilationsOf(TRACE.split('\n').slice(0, 11).join('\n')) as Map<string, Counts>;
    expect(warmup.get('findWork')).toEqual({ compilations: 1, inlinedBytes: 292 });
    const measured = subtract(counted, warmup) as Map<string, Counts>;
    expect(measured.get('findWork')).toEqual({ compilations: 1, inlinedBytes: 262 });
    expect(measured.get('(anonymous)')).toEqual({ compilations: 1, inlinedBytes: 0 });
  });
});
