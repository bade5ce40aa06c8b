import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import plugin from '../src/index.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const app = join(root, 'examples/next-app');
const work = mkdtempSync(join(tmpdir(), 'eslint-plugin-clerk-tsc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every .ts/.tsx file of the example app, relative to it. */
function sourceFiles(dir: string = app): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.[jt]sx?$/u.test(entry.name) && entry.name !== 'eslint.config.js' ? [relative(app, path)] : [];
  });
}

/** A copy of the example app whose `@clerk/nextjs` is the given installed package, with all repairs applied. */
function fixedProject(major: 6 | 7): { dir: string; fixes: number } {
  const dir = join(work, `v${major}`);
  cpSync(app, dir, { recursive: true });
  mkdirSync(join(dir, 'node_modules', '@clerk'), { recursive: true });
  symlinkSync(join(root, 'node_modules', major === 7 ? '@clerk/nextjs' : 'clerk-nextjs-v6'), join(dir, 'node_modules/@clerk/nextjs'));
  for (const name of ['next', 'react', 'react-dom', '@types', 'svix']) symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  const linter = new Linter({ cwd: dir });
  const config: Linter.Config[] = [
    { files: ['**/*.{js,ts,tsx}'], languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    // Promote every repair to a fix, so that verifyAndFix applies all of them.
    { ...plugin.configs.all, settings: { clerk: { autofix: true, version: major } } },
  ];
  let fixes = 0;
  for (const file of sourceFiles()) {
    const source = linter.verifyAndFix(
      execFileSync('cat', [join(app, file)], { encoding: 'utf8' }),
      config,
      { filename: join(dir, file) },
    );
    if (source.fixed) fixes += 1;
    expect(source.messages.filter((message) => message.fatal), file).toEqual([]);
    writeFileSync(join(dir, file), source.output);
  }
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        lib: ['dom', 'es2023'],
        module: 'esnext',
        moduleResolution: 'bundler',
        jsx: 'preserve',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        paths: { '@/*': ['./*'] },
      },
      include: ['**/*.ts', '**/*.tsx'],
      exclude: ['node_modules'],
    }),
  );
  return { dir, fixes };
}

function typeErrors(dir: string): string {
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe.each([6, 7] as const)('the repaired example app against @clerk/nextjs %i', (major) => {
  it('applies every repair and type-checks with tsc --noEmit', () => {
    const { dir, fixes } = fixedProject(major);
    expect(fixes).toBeGreaterThanOrEqual(6);
    expect(typeErrors(dir)).toBe('');
  }, 120_000);
});
