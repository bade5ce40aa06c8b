/** Path helpers that work with Windows separators and with ESLint's `<input>` / `<text>` file names. */

export function toPosix(path: string): string {
  return path.replace(/\\/gu, '/');
}

/** ESLint's name for linted text that has no file (`<input>`, `<text>`), or an empty name. */
export function isVirtualFilename(filename: string): boolean {
  return filename === '' || /^<[^>]*>$/u.test(filename);
}

/** The path relative to `cwd`, with `/` separators; the absolute path when it is outside `cwd`. */
export function relativePosix(filename: string, cwd: string): string {
  const file = toPosix(filename);
  const base = toPosix(cwd).replace(/\/$/u, '');
  if (base !== '' && file.startsWith(`${base}/`)) return file.slice(base.length + 1);
  return file.replace(/^[A-Za-z]:/u, '');
}
