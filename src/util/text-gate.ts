/**
 * A text test that decides whether a rule looks at a file at all: `pattern`, tried only once the text holds one of
 * `hints`, substrings that every match of `pattern` contains. Most files hold none, and `includes` is then the
 * whole cost: V8 scans for a substring at about half an instruction per character, while a regular expression with
 * alternatives tries each position (3–11 instructions per character on the real-apps corpus; `node
 * bench/measure/text-gates.mjs` counts them). Rules run these tests on every file they lint.
 */
export interface TextGate {
  /** Substrings, one of which every match of `pattern` contains (tests/util/text-gate.test.ts checks each gate). */
  readonly hints: readonly string[];
  readonly pattern: RegExp;
}

export function passesTextGate(text: string, gate: TextGate): boolean {
  for (const hint of gate.hints) if (text.includes(hint)) return gate.pattern.test(text);
  return false;
}
