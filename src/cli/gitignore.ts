/**
 * `.gitignore` patterns, matched the way git matches them (gitignore(5)): a pattern without a slash (other than
 * a trailing one) matches a name at any depth, one with a slash is anchored to the file's folder, a trailing
 * slash matches folders only, `!` re-includes, the last matching pattern wins, and patterns of deeper files
 * override those of shallower ones. A re-include inside an excluded folder has no effect, as in git, because
 * the walker never enters an excluded folder.
 */
import { relative, sep } from 'node:path';

export interface IgnoreRule {
  readonly pattern: string;
  readonly regex: RegExp;
  readonly negated: boolean;
  readonly dirOnly: boolean;
}

export interface IgnoreFile {
  /** Absolute folder the patterns are relative to. */
  readonly base: string;
  readonly rules: readonly IgnoreRule[];
}

export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const rawLine of text.split(/\r?\n/u)) {
    let line = rawLine;
    if (line.startsWith('#')) continue;
    // Trailing spaces are dropped unless escaped with a backslash.
    while (line.endsWith(' ') && !line.endsWith('\\ ')) line = line.slice(0, -1);
    if (line === '') continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    while (line.endsWith('/')) line = line.slice(0, -1);
    if (line === '') continue;
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const source = globSource(line);
    if (source === undefined) continue;
    try {
      rules.push({ pattern: rawLine, regex: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${source}$`, 'u'), negated, dirOnly });
    } catch {
      // A pattern git would accept but that does not translate (an odd bracket expression): skip it.
    }
  }
  return rules;
}

/** The regular expression source of one gitignore glob (without the leading slash). */
function globSource(glob: string): string | undefined {
  let source = '';
  let index = 0;
  while (index < glob.length) {
    if (index === 0 && glob.startsWith('**/')) {
      source += '(?:.*/)?';
      index += 3;
    } else if (glob.startsWith('/**/', index)) {
      source += '/(?:.*/)?';
      index += 4;
    } else if (glob.startsWith('/**', index) && index + 3 === glob.length) {
      source += '/.+';
      index += 3;
    } else if (glob === '**') {
      source += '.*';
      index += 2;
    } else {
      const char = glob[index] as string;
      if (char === '*') {
        source += '[^/]*';
        while (glob[index + 1] === '*') index += 1;
      } else if (char === '?') {
        source += '[^/]';
      } else if (char === '\\') {
        const next = glob[index + 1];
        if (next === undefined) return undefined;
        source += escapeRegExp(next);
        index += 1;
      } else if (char === '[') {
        const bracket = bracketSource(glob, index);
        if (bracket === undefined) {
          source += '\\[';
        } else {
          source += bracket.source;
          index = bracket.end;
        }
      } else {
        source += escapeRegExp(char);
      }
      index += 1;
    }
  }
  return source;
}

/** `[abc]`, `[a-z]`, `[!abc]` / `[^abc]`; never matches `/`. Returns the index of the closing bracket. */
function bracketSource(glob: string, start: number): { source: string; end: number } | undefined {
  let index = start + 1;
  const negated = glob[index] === '!' || glob[index] === '^';
  if (negated) index += 1;
  let body = '';
  if (glob[index] === ']') {
    body += '\\]';
    index += 1;
  }
  while (index < glob.length && glob[index] !== ']') {
    const char = glob[index] as string;
    if (char === '\\' && index + 1 < glob.length) {
      body += escapeRegExp(glob[index + 1] as string);
      index += 2;
      continue;
    }
    body += char === '-' ? '-' : escapeClassChar(char);
    index += 1;
  }
  if (index >= glob.length || body === '') return undefined;
  return { source: negated ? `[^/${body}]` : `(?![/])[${body}]`, end: index };
}

function escapeRegExp(char: string): string {
  return /[.*+?^${}()|[\]\\/]/u.test(char) ? `\\${char}` : char;
}

function escapeClassChar(char: string): string {
  return /[\]\\^[/-]/u.test(char) ? `\\${char}` : char;
}

/** Whether the ignore files (shallowest first) exclude a path. */
export function isIgnored(files: readonly IgnoreFile[], absolutePath: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const file of files) {
    const path = relative(file.base, absolutePath).split(sep).join('/');
    if (path === '' || path.startsWith('../') || path === '..') continue;
    for (const rule of file.rules) {
      if (rule.dirOnly && !isDirectory) continue;
      if (rule.negated === ignored && rule.regex.test(path)) ignored = !rule.negated;
    }
  }
  return ignored;
}
