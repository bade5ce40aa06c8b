/**
 * `.gitignore` files, matched by `ignore` (the gitignore(5) implementation ESLint itself uses): patterns without a
 * slash match at any depth, a trailing slash matches folders only, `!` re-includes, the last matching pattern wins.
 * What git adds on top of one file, this module does: the patterns of deeper files override those of shallower
 * ones, and a re-include inside an excluded folder has no effect, because the walker never enters an excluded
 * folder.
 */
import { relative, sep } from 'node:path';

import ignore, { type Ignore } from 'ignore';

export interface IgnoreFile {
  /** Absolute folder the patterns are relative to. */
  readonly base: string;
  readonly patterns: Ignore;
}

/** The patterns of one ignore file, or undefined when it has none (only comments and blank lines). */
export function parseGitignore(text: string): Ignore | undefined {
  const hasPattern = text.split(/\r?\n/u).some((line) => line.trim() !== '' && !line.startsWith('#'));
  // Case-sensitive, as git is by default (core.ignoreCase is only set on case-insensitive file systems).
  return hasPattern ? ignore({ ignorecase: false }).add(text) : undefined;
}

/** Whether the ignore files (shallowest first) exclude a path. */
export function isIgnored(files: readonly IgnoreFile[], absolutePath: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const file of files) {
    const path = relative(file.base, absolutePath).split(sep).join('/');
    if (path === '' || path.startsWith('../') || path === '..') continue;
    const verdict = file.patterns.test(isDirectory ? `${path}/` : path);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}
