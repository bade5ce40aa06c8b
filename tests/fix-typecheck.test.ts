import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** Every .ts/.tsx file of a project, relative to it. */
function sourceFiles(base: string, dir: string = base): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(base, path);
    return /\.[jt]sx?$/u.test(entry.name) && entry.name !== 'eslint.config.js' ? [relative(base, path)] : [];
  });
}

interface Fixed {
  dir: string;
  /** Files changed by a repair. */
  fixes: number;
  /** Findings before, and left after, every repair was applied. */
  findings: number;
  remaining: Linter.LintMessage[];
  /** Fixed text per file. */
  outputs: Map<string, string>;
}

/**
 * A copy of `project` whose `@clerk/nextjs` is the given installed package, with all repairs applied (every
 * suggestion promoted by `autofix: true`, as lint-staged users run it), and a strict tsconfig.
 */
function fixedProject(project: string, name: string, major: 6 | 7, extra: Linter.Config[] = [], compilerOptions: Record<string, unknown> = {}): Fixed {
  const dir = join(work, `${name}-v${major}`);
  cpSync(project, dir, { recursive: true });
  mkdirSync(join(dir, 'node_modules', '@clerk'), { recursive: true });
  symlinkSync(join(root, 'node_modules', major === 7 ? '@clerk/nextjs' : 'clerk-nextjs-v6'), join(dir, 'node_modules/@clerk/nextjs'));
  for (const module of ['next', 'react', 'react-dom', '@types', 'svix']) symlinkSync(join(root, 'node_modules', module), join(dir, 'node_modules', module));
  const linter = new Linter({ cwd: dir });
  const config: Linter.Config[] = [
    { files: ['**/*.{js,ts,tsx}'], languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    // Promote every repair to a fix, so that verifyAndFix applies all of them.
    { ...plugin.configs.all, settings: { clerk: { autofix: true, version: major } } },
    ...extra,
  ];
  let fixes = 0;
  let findings = 0;
  const remaining: Linter.LintMessage[] = [];
  const outputs = new Map<string, string>();
  for (const file of sourceFiles(project)) {
    const code = readFileSync(join(project, file), 'utf8');
    findings += linter.verify(code, config, { filename: join(dir, file) }).length;
    const source = linter.verifyAndFix(code, config, { filename: join(dir, file) });
    if (source.fixed) fixes += 1;
    expect(source.messages.filter((message) => message.fatal), file).toEqual([]);
    remaining.push(...source.messages);
    outputs.set(file, source.output);
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
        ...compilerOptions,
      },
      include: ['**/*.ts', '**/*.tsx'],
      exclude: ['node_modules'],
    }),
  );
  return { dir, fixes, findings, remaining, outputs };
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
    const { dir, fixes } = fixedProject(app, 'example', major);
    expect(fixes).toBeGreaterThanOrEqual(6);
    expect(typeErrors(dir)).toBe('');
  }, 120_000);
});

/** One finding per repair kind, with filters typed `string` and Prisma-style `orgId?: string` (tests/fixtures/repairs). */
const repairs = join(root, 'tests/fixtures/repairs');
const repairsConfig: Linter.Config[] = [{ rules: { 'clerk/no-user-object-role-checks': ['error', { serverPublicMetadata: 'all' }] } }];

describe.each([6, 7] as const)('one fixture per repair kind, repaired, against @clerk/nextjs %i', (major) => {
  it('leaves no finding, and type-checks under strict with noUnusedLocals', () => {
    const { dir, findings, remaining, outputs } = fixedProject(repairs, 'repairs', major, repairsConfig, { noUnusedLocals: true });
    expect(findings).toBeGreaterThanOrEqual(20);
    expect(remaining.map((message) => `${message.ruleId}: ${message.message}`)).toEqual([]);
    expect(typeErrors(dir)).toBe('');
    // No second guard behind an existing one: no exit for the same missing value twice in a function.
    for (const [file, output] of outputs) {
      for (const body of output.split(/\n(?=export |function )/u)) {
        const guards = body.match(/^\s*if \(!\w+\)/gmu) ?? [];
        expect(new Set(guards).size, `${file}: a repeated guard in\n${body}`).toBe(guards.length);
      }
    }
  }, 120_000);
});
