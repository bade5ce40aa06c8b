import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import plugin from '../src/index.js';

/** A throwaway project folder; `write` creates a file (and its folders) with a fresh mtime and returns its path. */
export function tempProject(prefix: string): { root: string; write: (path: string, text: string) => string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  return {
    root,
    write(path, text) {
      const file = join(root, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      // A new mtime even when two writes land in the same clock tick.
      const later = new Date(Date.now() + Math.floor(Math.random() * 1000) + 1000);
      utimesSync(file, later, later);
      return file;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * Lints `code` as `file` of the project at `root` with the plugin's `rules` (TypeScript parser), as ESLint run from
 * that folder would (with `settings`, such as `{ clerk: { … } }`), and returns the message ids.
 */
export function lintInProject(root: string, file: string, code: string, rules: Linter.RulesRecord, settings: Record<string, unknown> = {}): string[] {
  return new Linter({ cwd: root })
    .verify(code, [{ files: ['**/*.ts'], plugins: { clerk: plugin }, languageOptions: { parser }, settings, rules }], file)
    .map((message) => message.messageId ?? message.message);
}
