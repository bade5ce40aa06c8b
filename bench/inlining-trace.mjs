// Reads V8's `--trace-opt --trace-turbo-inlining` output (with `--predictable`, so each optimizing compilation runs
// at once and its inlining lines follow its `[compiling method …]` line), for bench/inlining.mjs.

/**
 * Per function name ('(anonymous)' for unnamed ones): how many optimizing compilations it had, and how many bytes of
 * bytecode TurboFan inlined into them (each `Inlining X into Y` counts X's size, from the candidate line that gave it).
 * The two repeat exactly between runs of the same code, where compile milliseconds do not.
 */
export function compilationsOf(trace) {
  const byFunction = new Map();
  const sizes = new Map();
  let current;
  for (const line of trace.split('\n')) {
    const started = /^\[compiling method \S+ <JSFunction (?:(\S+) )?\(sfi/u.exec(line);
    if (started !== null) {
      current = entry(byFunction, started[1] || '(anonymous)');
      current.compilations += 1;
      continue;
    }
    const candidate = /<SharedFunctionInfo ?([^>]*)>\}, bytecode size: (\d+)/u.exec(line);
    if (candidate !== null) {
      sizes.set(candidate[1], Number(candidate[2]));
      continue;
    }
    const inlined = /^Inlining \S+ \{\S+ <SharedFunctionInfo ?([^>]*)>\} into /u.exec(line);
    if (inlined !== null && current !== undefined) {
      current.inlinedBytes += sizes.get(inlined[1]) ?? 0;
      continue;
    }
    if (line.startsWith('[completed compiling') || line.startsWith('[aborted optimizing')) current = undefined;
  }
  return byFunction;
}

function entry(map, name) {
  let found = map.get(name);
  if (found === undefined) {
    found = { compilations: 0, inlinedBytes: 0 };
    map.set(name, found);
  }
  return found;
}

/** `full` less `warmup`, per function: what the measured part of a run compiled. */
export function subtract(full, warmup) {
  const result = new Map();
  for (const [name, value] of full) {
    const before = warmup.get(name) ?? { compilations: 0, inlinedBytes: 0 };
    result.set(name, { compilations: value.compilations - before.compilations, inlinedBytes: value.inlinedBytes - before.inlinedBytes });
  }
  return result;
}

/** The sum over every function. */
export function totals(byFunction) {
  let compilations = 0;
  let inlinedBytes = 0;
  for (const value of byFunction.values()) {
    compilations += value.compilations;
    inlinedBytes += value.inlinedBytes;
  }
  return { compilations, inlinedBytes };
}
