/**
 * A copy of `value` that shares no memory with the string it came from, for keys of caches that outlive a file.
 *
 * V8 represents a substring of 13 or more characters as a view of the whole string it was cut from, and a
 * concatenation as a pair of its parts. Identifiers and import sources come from the parser cut out of the file's
 * text, so a module-level cache keyed by `${file}\0${name}` kept the whole linted file's text alive as long as the
 * entry lived (corpus (a): ~1 MB of other files' texts held by the keys of one answer cache). Keys are short: copying
 * one on a cache miss costs next to nothing.
 */
export function ownString(value: string): string {
  // The JSON parser builds a new flat string; no other standard call guarantees one (`slice`, `concat`, template
  // literals and `String()` may all return a view or the same string).
  return JSON.parse(JSON.stringify(value)) as string;
}
