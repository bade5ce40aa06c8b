import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { generatedCorpus } from './generated-corpus.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const fixtures = join(root, 'tests/fixtures/v7');

/** Every rule at error, with every repair promoted to a fix, so that fixes run too. */
const config: Linter.Config[] = [
  { files: ['**/*.{js,jsx,ts,tsx,mjs,cjs}'], languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  { ...plugin.configs.all, settings: { clerk: { autofix: true } } },
];
const linter = new Linter({ cwd: root });

/** Lints and fixes; fails on a rule exception or on fixed output that does not parse. */
function lintAndFix(code: string, filename: string): { output: string; messages: Linter.LintMessage[] } {
  const result = linter.verifyAndFix(code, config, { filename });
  const fatal = result.messages.filter((message) => message.fatal);
  expect(fatal, `${filename}\n${result.output}`).toEqual([]);
  return result;
}

const PATHS = ['app/actions.ts', 'app/api/x/route.ts', 'pages/api/x.ts', 'middleware.ts', 'app/c/client.tsx', 'server/index.ts', 'next.config.mjs', 'lib/x.ts'];

const UNUSUAL: [string, string][] = [
  ['empty file', ''],
  ['only comments', '// just a comment\n/* and a block */\n'],
  ['decorators', `import { auth } from '@clerk/nextjs/server'\n@Component({ selector: 'x' })\nclass A { @Input() x = 1; @Get('/x') async list() { return auth() } }`],
  ['JSX namespaces', `'use client'\nexport const Icon = () => <svg:rect xlink:href="#a" data-env={process.env.SECRET_THING} />`],
  ['using declarations', `'use server'\nexport async function f() { using res = open(); await using conn = await db.connect(); await conn.query('x') }`],
  ['TS 5 syntax', `'use server'\nimport { auth } from '@clerk/nextjs/server'\nenum E { A }\nnamespace N { export const x = 1 }\ndeclare module 'x' { const y: number }\nexport type * from './types'\nfunction f<const T extends readonly unknown[]>(x: T) { return x satisfies T }\nclass C { accessor value = 1 }\nexport async function g() { const { userId } = (await auth())!; return userId as string }`],
  ['odd exports in a use server module', `'use server'\nexport * from './other'\nexport { default } from './x'\nexport default class Foo {}\nexport const a = undefined, b = null\nexport const c = handler.bind(null)\nexport let d: () => void`],
  ['odd route exports', `export const GET = undefined\nexport const POST = withX()\nexport { PUT } from './put'\nexport default function () {}\nexport async function DELETE(...args: unknown[]) { return args }`],
  ['middleware with odd matchers', `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'\nconst list = ['/a']\nconst isPublic = createRouteMatcher([...list, , \`/b\`, '/(unclosed', ''])\nexport default clerkMiddleware(async (auth, req) => { if (!isPublic(req)) auth.protect() })\nexport const config = { matcher: [\`/x\`, ...list, { source: 1 }] }`],
  ['webhook helpers with odd arguments', `import { Webhook } from 'svix'\nimport { verifyWebhook } from '@clerk/nextjs/webhooks'\nexport async function POST(req) { new Webhook(); new Webhook(...args); await verifyWebhook(); await verifyWebhook(req, ...opts); return new Webhook('').verify() }`],
  ['huge literal', `export const blob = '${'a'.repeat(200_000)}'\nexport const key = 'sk_live_${'Ab1'.repeat(10)}'`],
  ['deeply nested expression', `'use server'\nexport async function f() { return ${'['.repeat(300)}1${']'.repeat(300)} }\nexport const g = async () => ${'('.repeat(300)}await db.x()${')'.repeat(300)}`],
  ['recursive and mutually recursive helpers', `'use server'\nimport { auth } from '@clerk/nextjs/server'\nasync function a(): Promise<unknown> { return b() }\nasync function b(): Promise<unknown> { if (await a()) return auth(); return c() }\nconst c = async () => a()\nexport async function f() { if (!(await a())) throw 1; await db.x() }`],
  ['labels, switch, loops, generators', `'use server'\nimport { auth } from '@clerk/nextjs/server'\nexport async function* gen() { yield await db.x() }\nexport async function f(k: string) { outer: for (const x of [1]) { switch (k) { case 'a': { const { userId } = await auth(); if (!userId) break outer; await db.y(); break } default: continue outer } } }`],
  ['client with computed env and require', `'use client'\nconst { [key]: value, ...rest } = process.env\nconst x = process.env[\`A\${b}\`]\nconst mod = require(name)\nimport.meta.env?.[k]`],
  ['Express routes with unusual shapes', `import express from 'express'\nimport { requireAuth } from '@clerk/express'\nconst app = express()\napp.get()\napp.post('/a')\napp.put('/b', ...handlers)\napp.delete(\`/c/\${id}\`, requireAuth, (req) => db.x(req.params))\napp.get('/d', async function named(req, res) { res.json(await db.y()) })`],
  ['settings with the wrong shape do not crash', `'use server'\nexport async function f() { await db.x() }`],
];

describe('no rule throws, and every fix parses', () => {
  it.each(UNUSUAL)('%s', (_, code) => {
    // JSX only parses in .tsx/.jsx files.
    const paths = /<[a-z]/u.test(code) && !code.includes("'<") ? PATHS.filter((path) => path.endsWith('x')) : PATHS;
    for (const path of paths) lintAndFix(code, join(fixtures, path));
  });

  it('invalid settings are reported as a message, not thrown', () => {
    for (const clerk of [null, 1, 'x', [], { version: {} }, { authFunctions: [null] }, { autofix: 'yes' }, { nope: true }]) {
      const messages = linter.verify(`'use server'\nexport async function f() { await db.x() }`, [config[0] as Linter.Config, { ...plugin.configs.all, settings: { clerk } }], {
        filename: join(fixtures, 'app/actions.ts'),
      });
      const invalid = messages.filter((message) => message.messageId === 'invalidSettings');
      expect(invalid.length, JSON.stringify(clerk)).toBe(clerk === null ? 0 : 1);
      // One finding under one stable rule id; the other rules stay silent on that file.
      if (clerk !== null) expect(messages.map((message) => message.ruleId), JSON.stringify(clerk)).toEqual(['clerk/valid-settings']);
    }
  });

  it('invalid rule options fail schema validation with a readable message naming the rule and option', () => {
    const run = () =>
      linter.verify('', [{ files: ['**/*.ts'], plugins: { clerk: plugin }, rules: { 'clerk/require-server-action-auth': ['error', { publicFunction: ['x'] }] } }], {
        filename: join(fixtures, 'app/actions.ts'),
      });
    expect(run).toThrow(/clerk\/require-server-action-auth[\s\S]*Unexpected property "publicFunction"\. Expected properties: "publicFunctions"/u);
  });

  it('the example app, fixed with every repair, still parses', () => {
    const app = join(root, 'examples/next-app');
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : /\.[jt]sx?$|\.mjs$/u.test(name) ? [path] : [];
      });
    for (const file of walk(app)) lintAndFix(readFileSync(file, 'utf8'), file);
  });

  describe('a generated corpus', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clerk-crash-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it('lints and fixes 200 generated files without an exception', () => {
      const files = generatedCorpus(dir, 200, 7);
      expect(files.length).toBe(200);
      for (const file of files) lintAndFix(readFileSync(file, 'utf8'), file);
    });
  });
});

describe('property: random Clerk-flavoured programs', () => {
  const imports = fc.constantFrom(
    `import { auth, currentUser, clerkClient } from '@clerk/nextjs/server'`,
    `import * as clerk from '@clerk/nextjs/server'`,
    `import { auth as a2 } from '@clerk/nextjs/server'`,
    `import { verifyWebhook } from '@clerk/nextjs/webhooks'`,
    `import { Webhook } from 'svix'`,
    `import { redirect } from 'next/navigation'`,
    `import { db } from '@/db'`,
    '',
  );
  const directive = fc.constantFrom(`'use server'`, `'use client'`, '');
  const statement = fc.constantFrom(
    'await db.x.delete()',
    'const { userId } = await auth()',
    'const { userId } = auth()',
    'if (!userId) throw new Error("no")',
    'if (userId === null) return',
    'await auth.protect()',
    'auth.protect()',
    'const user = await currentUser(); if (!user) return null',
    'const body = await req.json()',
    'const evt = await verifyWebhook(req)',
    `new Webhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').verify(JSON.stringify(body), {})`,
    'try { redirect("/x") } catch {}',
    'const key = process.env.CLERK_SECRET_KEY',
    'const pub = process.env.NEXT_PUBLIC_CLERK_SECRET_KEY',
    `const sk = 'sk_live_Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa'`,
    'if (!checkRole("admin")) return',
    'revalidatePath("/")',
    'return Response.json({ ok: true })',
  );
  const fn = fc
    .tuple(fc.constantFrom('export async function f(req: Request)', 'export const f = async (req: Request) =>', 'export default async function (req: Request)', 'export async function POST(req: Request)'), fc.array(statement, { maxLength: 6 }))
    .map(([head, body]) => `${head} {\n  ${body.join('\n  ')}\n}`);
  const program = fc
    .tuple(directive, fc.array(imports, { maxLength: 4 }), fc.array(fn, { minLength: 1, maxLength: 3 }))
    .map(([dir, imps, fns]) => [dir, ...new Set(imps), 'const checkRole = async (r: string) => (await auth()).sessionClaims?.role === r', ...fns].join('\n'));

  it('no rule throws; fixes parse and are idempotent; suggestions parse', () => {
    fc.assert(
      fc.property(program, fc.constantFrom(...PATHS), (code, path) => {
        const filename = join(fixtures, path);
        const once = lintAndFix(code, filename);
        const twice = linter.verifyAndFix(once.output, config, { filename });
        expect(twice.output).toBe(once.output);
        const plain: Linter.Config[] = [config[0] as Linter.Config, plugin.configs.all];
        for (const message of linter.verify(code, plain, { filename })) {
          for (const suggestion of message.suggestions ?? []) {
            const fixed = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
            const parsed = linter.verify(fixed, [config[0] as Linter.Config], { filename });
            expect(parsed.filter((m) => m.fatal), fixed).toEqual([]);
          }
        }
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });
});
