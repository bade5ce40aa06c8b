import { join } from 'node:path';

import * as parser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import {
  importsMayLeadToClerk,
  isModuleCached,
  loadModule,
  mayHoldAsyncProjectHelper,
  mayLeadToClerk,
} from '../../src/analysis/cross-file.js';
import plugin from '../../src/index.js';
import { projectRootOf } from '../../src/util/project.js';
import { tempProject } from '../temp-project.js';

const { root, write, remove } = tempProject('clerk-cross-file-');
afterAll(remove);

describe('loadModule cache', () => {
  it('returns the same parse for a path while it is cached, and evicts the least recently used beyond its bound', () => {
    const files = Array.from({ length: 140 }, (_, index) => write(`lru/m${index}.ts`, `export const value${index} = ${index};\n`));
    const load = (file: string) => loadModule(file, parser, {});
    const first = load(files[0] as string);
    const kept = load(files[1] as string);
    expect(first).toBeDefined();
    expect(load(files[0] as string)).toBe(first);
    // Touch files[1] between the others so that it stays recently used; files[0] is not touched again.
    for (const file of files.slice(2)) {
      load(file);
      expect(load(files[1] as string)).toBe(kept);
    }
    // 138 more modules went through a cache of 128: the untouched first one was parsed again, the touched one was not.
    const again = load(files[0] as string);
    expect(again).toBeDefined();
    expect(again).not.toBe(first);
    expect(load(files[1] as string)).toBe(kept);
  });

  it('bounds the parsed text kept in all, not only the number of modules', () => {
    const big = `export const data = ${JSON.stringify('x'.repeat(100_000))};\n`;
    const a = write('big/a.ts', big);
    const b = write('big/b.ts', big);
    const c = write('big/c.ts', big);
    const parsedA = loadModule(a, parser, {});
    loadModule(b, parser, {});
    loadModule(c, parser, {});
    // 240 KB of text exceeds the 200 KB budget: the oldest parse was dropped.
    expect(loadModule(a, parser, {})).not.toBe(parsedA);
  });
});

describe('parsing another module', () => {
  // What the analysis reads of a module: its AST (without the token and comment lists) and its scopes.
  const shape = (ast: unknown) => JSON.stringify(ast, (key, value: unknown) => (key === 'tokens' || key === 'comments' || key === 'parent' ? undefined : value));
  const scopes = (scopeManager: unknown) =>
    JSON.stringify(
      (scopeManager as TSESLint.Scope.ScopeManager).scopes.map((scope) => [
        scope.type,
        scope.block.range,
        scope.variables.map((variable) => [variable.name, variable.defs.length, variable.references.length]),
        scope.references.map((reference) => [reference.identifier.range, reference.resolved?.name ?? null]),
        scope.through.length,
      ]),
    );
  const modules: [string, string, Record<string, unknown>][] = [
    [
      'parts/helper.tsx',
      "// why\nimport { auth } from '@clerk/nextjs/server';\n/** A guard. */\nexport async function requireUser(): Promise<string> {\n  const { userId } = await auth(); // the session\n  if (!userId) throw new Error('no');\n  return userId;\n}\nexport const Badge = ({ id }: { id: string }) => <b>{id}</b>;\n",
      { ecmaFeatures: { jsx: true }, sourceType: 'module', ecmaVersion: 'latest' },
    ],
    // No sourceType given: typescript-eslint's parser analyses scopes as a script then; so must the module's parse.
    ['parts/script.js', "/* global x */\nvar a = require('./a');\nfunction f() { return a(x); }\nmodule.exports = { f };\n", {}],
    ['parts/jsx.js', "import React from 'react';\nexport default function Page() { return <main>{React.version}</main>; }\n", { ecmaFeatures: { jsx: true }, sourceType: 'module' }],
  ];

  it("with typescript-eslint's parser builds no token or comment lists, and the same AST and scopes as parseForESLint", () => {
    for (const [name, text, options] of modules) {
      const file = write(name, text);
      const module = loadModule(file, parser, options);
      expect(module, name).toBeDefined();
      // Nothing reads another module's tokens or comments: they are not built (parseForESLint always builds both).
      expect(module?.getAllComments(), name).toEqual([]);
      expect(module?.ast.tokens, name).toEqual([]);
      const full = parser.parseForESLint(text, { ...options, filePath: file, lib: [] });
      expect(shape(module?.ast), name).toBe(shape(full.ast));
      expect(scopes(module?.scopeManager), name).toBe(scopes(full.scopeManager));
    }
  });

  // V8 gives objects with the same keys added in the same order one shape; code that reads the linted file's nodes
  // and another module's (getClerkReferences, the helper lookups) then sees one shape, not two, and is compiled
  // once. ESLint adds `parent` to every node as it lints, Program's being null.
  it("gives the module's nodes the keys of the nodes ESLint lints, in the same order, Program's parent null", () => {
    const text = "import { auth } from '@clerk/nextjs/server';\nexport async function GET() {\n  const { userId } = await auth();\n  return userId;\n}\n";
    const file = write('parts/shape.ts', text);
    const module = loadModule(file, parser, { sourceType: 'module', ecmaVersion: 'latest' });
    let linted: unknown;
    new Linter({ configType: 'flat' }).verify(
      text,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser },
          plugins: { probe: { rules: { keep: { create: () => ({ 'Program:exit': (node: unknown) => void (linted = node) }) } } } },
          rules: { 'probe/keep': 'error' },
        },
      ],
      'shape.ts',
    );
    const keys = (node: unknown): string[] => Object.keys(node as object);
    const program = module?.ast as unknown as { parent: unknown; body: { parent: unknown }[] };
    const eslintProgram = linted as { body: unknown[] };
    expect(program.parent).toBeNull();
    expect(program.body[0]?.parent).toBe(program);
    expect(keys(program)).toEqual(keys(eslintProgram));
    program.body.forEach((statement, index) => expect(keys(statement)).toEqual(keys(eslintProgram.body[index])));
  });

  it('parses with parseForESLint when the parser is another one', () => {
    const file = write('parts/other.ts', 'export const x = 1;\n');
    const calls: Record<string, unknown>[] = [];
    const other = {
      meta: { name: 'another-parser' },
      parseForESLint: (text: string, options: Record<string, unknown> = {}) => {
        calls.push(options);
        return parser.parseForESLint(text, options);
      },
    };
    expect(loadModule(file, other, { sourceType: 'module' })?.ast.body).toHaveLength(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ filePath: file, sourceType: 'module' });
  });
});

describe('mayLeadToClerk', () => {
  it('is true for modules that import Clerk or re-export, false otherwise and for missing files', () => {
    expect(mayLeadToClerk(write('lead/clerk.ts', "import { auth } from '@clerk/nextjs/server';\n"))).toBe(true);
    expect(mayLeadToClerk(write('lead/barrel.ts', "export * from './clerk';\n"))).toBe(true);
    expect(mayLeadToClerk(write('lead/named-barrel.ts', "import x from './x'\nexport {\n  auth,\n  currentUser,\n} from './clerk'\n"))).toBe(true);
    expect(mayLeadToClerk(write('lead/minified.js', 'var a=1;export{b as c}from"./clerk";'))).toBe(true);
    // A comment quoting a re-export (as in next's webpack-config.js) does not make a barrel.
    expect(mayLeadToClerk(write('lead/comment.js', "// turns `export { a } from 'x'` into a reference\n/*\n * export * from './y'\n */\nexport const z = 1;\n"))).toBe(false);
    expect(mayLeadToClerk(write('lead/plain.ts', 'export const x = 1;\n'))).toBe(false);
    expect(mayLeadToClerk(join(root, 'lead/missing.ts'))).toBe(false);
  });
});

describe('mayHoldAsyncProjectHelper', () => {
  it('is true only for a module that imports from the project and declares the name async', () => {
    const roles = write('async/roles.ts', "import { getSession } from './session'\nexport async function isAdmin() { return getSession() }\nexport const isStaff = async () => getSession()\nexport function isOwner() { return getSession() }\nexport default async function check() {}\n");
    expect(mayHoldAsyncProjectHelper(roles, 'isAdmin')).toBe(true);
    expect(mayHoldAsyncProjectHelper(roles, 'isStaff')).toBe(true);
    expect(mayHoldAsyncProjectHelper(roles, 'default')).toBe(true);
    expect(mayHoldAsyncProjectHelper(roles, 'isOwner')).toBe(false);
    expect(mayHoldAsyncProjectHelper(roles, 'Admin')).toBe(false);
    const standalone = write('async/flags.ts', 'export async function isBeta() { return true }\n');
    expect(mayHoldAsyncProjectHelper(standalone, 'isBeta')).toBe(false);
    expect(mayHoldAsyncProjectHelper(join(root, 'async/missing.ts'), 'isAdmin')).toBe(false);
    // `$` in a name is matched literally, and a name is not found inside a longer one that ends with it.
    const dollar = write('async/dollar.ts', "import { getSession } from './session'\nexport const $can = async () => getSession()\n");
    expect(mayHoldAsyncProjectHelper(dollar, '$can')).toBe(true);
    expect(mayHoldAsyncProjectHelper(dollar, 'can')).toBe(false);
  });
});

describe('projectRootOf', () => {
  it('gives every folder under a package.json that folder, also for siblings resolved after the first', () => {
    write('proj/package.json', '{}');
    const deep = write('proj/app/api/a/route.ts', '');
    const sibling = write('proj/app/api/b/route.ts', '');
    const nested = write('proj/packages/inner/package.json', '{}');
    const inner = write('proj/packages/inner/src/x.ts', '');
    expect(projectRootOf(deep)).toBe(join(root, 'proj'));
    expect(projectRootOf(sibling)).toBe(join(root, 'proj'));
    expect(projectRootOf(inner)).toBe(join(nested, '..'));
  });
});

describe('importsMayLeadToClerk', () => {
  it('follows project imports up to the given number of further modules, and ends on cycles', () => {
    write('behind/package.json', '{}');
    write('behind/session.ts', "import { auth } from '@clerk/nextjs/server'\nexport async function getSession() { return auth() }\n");
    write('behind/flags.ts', 'export async function loadFlags() { return {} }\n');
    const direct = write('behind/roles.ts', "import { getSession } from './session'\nexport async function isAdmin() { return getSession() }\n");
    const twoAway = write('behind/gate.ts', "import { isAdmin } from './roles'\nexport async function canEdit() { return isAdmin() }\n");
    const plain = write('behind/beta.ts', "import { loadFlags } from './flags'\nimport { z } from 'zod'\nexport async function isBeta() { return loadFlags() }\n");
    const cycleA = write('behind/cycle-a.ts', "import { b } from './cycle-b'\nexport async function a() { return b() }\n");
    write('behind/cycle-b.ts', "import { a } from './cycle-a'\nexport async function b() { return a() }\n");
    expect(importsMayLeadToClerk(direct, 0)).toBe(true);
    expect(importsMayLeadToClerk(twoAway, 0)).toBe(false);
    expect(importsMayLeadToClerk(twoAway, 1)).toBe(true);
    expect(importsMayLeadToClerk(plain, 1)).toBe(false);
    expect(importsMayLeadToClerk(cycleA, 1)).toBe(false);
    expect(importsMayLeadToClerk(join(root, 'behind/missing.ts'), 1)).toBe(false);
  });

  it('lets require-await-auth skip parsing an async helper with no Clerk behind it, and still parse one with Clerk', () => {
    write('gated/package.json', JSON.stringify({ dependencies: { '@clerk/nextjs': '^6.0.0' } }));
    write('gated/lib/session.ts', "import { auth } from '@clerk/nextjs/server'\nexport async function getSession() { return auth() }\n");
    write('gated/lib/flags.ts', 'export async function loadFlags() { return { beta: true } }\n');
    const roles = write('gated/lib/roles.ts', "import { getSession } from './session'\nexport async function isAdmin() { return (await getSession()).userId !== null }\n");
    const beta = write('gated/lib/beta.ts', "import { loadFlags } from './flags'\nexport async function isBeta() { return (await loadFlags()).beta }\n");
    const code = "import { isAdmin } from '../../lib/roles'\nimport { isBeta } from '../../lib/beta'\nexport async function GET() {\n  if (!isBeta()) return null\n  if (!isAdmin()) return null\n}\n";
    const messages = new Linter({ cwd: join(root, 'gated') }).verify(
      code,
      [{ files: ['**/*.ts'], plugins: { clerk: plugin }, languageOptions: { parser }, rules: { 'clerk/require-await-auth': 'error' } }],
      join(root, 'gated/app/api/route.ts'),
    );
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([['helperNotAwaited', 5]]);
    expect(isModuleCached(roles)).toBe(true);
    expect(isModuleCached(beta)).toBe(false);
  });
});

describe('parsed modules are kept for the last four projects linted', () => {
  const lint = (project: string) =>
    new Linter({ cwd: join(root, project) })
      .verify(
        "import { isAdmin } from '../../lib/roles'\nexport async function GET() {\n  if (!isAdmin()) return null\n}\n",
        [{ files: ['**/*.ts'], plugins: { clerk: plugin }, languageOptions: { parser }, rules: { 'clerk/require-await-auth': 'error' } }],
        join(root, project, 'app/api/route.ts'),
      )
      .map((message) => [message.messageId, message.line]);
  const helpers = (project: string) => {
    write(`${project}/package.json`, JSON.stringify({ dependencies: { '@clerk/nextjs': '^6.0.0' } }));
    write(`${project}/lib/session.ts`, "import { auth } from '@clerk/nextjs/server'\nexport async function getSession() { return auth() }\n");
    return write(`${project}/lib/roles.ts`, "import { getSession } from './session'\nexport async function isAdmin() { return (await getSession()).userId !== null }\n");
  };

  it("drops the modules of the least recently linted project past four, and answers the same when asked again", () => {
    const roles = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((name) => [name, helpers(`project-${name}`)]));
    const first = lint('project-a');
    expect(first).toEqual([['helperNotAwaited', 3]]);
    for (const name of ['b', 'c', 'd']) expect(lint(`project-${name}`)).toEqual(first);
    // Four projects: all kept; the first is linted again and becomes the most recent.
    expect(Object.values(roles).slice(0, 4).every((file) => isModuleCached(file))).toBe(true);
    expect(lint('project-a')).toEqual(first);
    // A fifth: the least recently linted (b) is dropped, the others are kept.
    expect(lint('project-e')).toEqual(first);
    expect(isModuleCached(roles.b!)).toBe(false);
    for (const name of ['a', 'c', 'd', 'e']) expect(isModuleCached(roles[name]!)).toBe(true);
    expect(lint('project-b')).toEqual(first);
    expect(isModuleCached(roles.b!)).toBe(true);
    expect(isModuleCached(roles.c!)).toBe(false);
  });
});
