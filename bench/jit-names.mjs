// Names for the code callgrind cannot name. Under valgrind, V8's generated code (interpreter trampolines, baseline
// and optimized functions) shows up as `???:0x…` addresses, so an instruction count says how much went to "JIT code"
// and to V8's builtins but not to which JavaScript function. Node's `--perf-basic-prof` writes where each code object
// lies (`/tmp/perf-<pid>.map`: start, size and name, in hex), and `--interpreted-frames-native-stack` gives each
// interpreted function its own copy of the interpreter's entry, so that interpreted code has an address of its own
// too. bench/jit-profile.mjs joins the two; the joining is here, apart, to be tested.

/** `start size name` lines (hex) of a perf map, sorted by start. */
export function parsePerfMap(text) {
  const entries = [];
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]+) ([0-9a-f]+) (.+)$/u.exec(line);
    if (match !== null) entries.push({ start: Number.parseInt(match[1], 16), size: Number.parseInt(match[2], 16), name: match[3] });
  }
  return entries.sort((a, b) => a.start - b.start);
}

/** The perf map entry whose code holds `address`, or undefined. */
export function entryAt(entries, address) {
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (entries[middle].start <= address) low = middle + 1;
    else high = middle - 1;
  }
  const entry = entries[high];
  return entry !== undefined && address < entry.start + entry.size ? entry : undefined;
}

/**
 * A JavaScript function's name without its tier (`JS:~f` interpreted, `JS:^f` baseline, `JS:+f` Maglev, `JS:*f`
 * TurboFan): the same function at every tier is one line.
 */
export const functionName = (name) => name.replace(/^JS:[~^+*]/u, 'JS:');

/**
 * Instructions per JavaScript function from `callgrind_annotate --threshold=100 --auto=no` output (`count (share)
 * function` lines), inclusive or not as it was run with. Callgrind names a stretch of generated code by the address
 * it was entered at, so one code object can appear as several addresses, one nested in another (an entry and the
 * address after its prologue): inclusive counts take the largest per code object, self counts add up. A name with
 * `'2`, `'3`… is callgrind's copy of a function re-entered recursively, whose inclusive count is already inside the
 * first's: left out of inclusive counts. The code objects of one function (its tiers) are then added up.
 * Returns Map(name → instructions); addresses no perf map entry holds go under '(unmapped generated code)', in
 * self counts only.
 */
export function attribute(annotated, entries, { inclusive }) {
  const perCode = new Map();
  for (const line of annotated.split('\n')) {
    const match = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+(?:[*>]\s+)?\?\?\?:0x([0-9a-f]+)('\d+)? \[\?\?\?\]$/u.exec(line);
    if (match === null) continue;
    if (inclusive && match[3] !== undefined) continue;
    const count = Number(match[1].replaceAll(',', ''));
    const entry = entryAt(entries, Number.parseInt(match[2], 16));
    // Inclusive counts of code no entry names cannot be told apart from one another's: only their own counts add up.
    if (entry === undefined && inclusive) continue;
    const key = entry ?? '(unmapped generated code)';
    perCode.set(key, inclusive ? Math.max(perCode.get(key) ?? 0, count) : (perCode.get(key) ?? 0) + count);
  }
  const perFunction = new Map();
  for (const [entry, count] of perCode) {
    const name = typeof entry === 'string' ? entry : functionName(entry.name);
    perFunction.set(name, (perFunction.get(name) ?? 0) + count);
  }
  return perFunction;
}
