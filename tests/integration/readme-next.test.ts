// The README's Next.js section, followed literally: a project laid out the way create-next-app 16 writes it
// (package.json, tsconfig.json, eslint.config.mjs with eslint-config-next, ESLint 9), the plugin installed from the
// packed tarball, and the README's own config block pasted into eslint.config.mjs. The planted Clerk mistakes must be
// reported, next to eslint-config-next's own rules, with no parsing error.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Consumer, createConsumer, repoRoot } from './consumer.js';

/** The first ```js block of the README's "Next.js" usage section. */
function readmeNextConfig(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('### Next.js');
  const section = readme.slice(start, readme.indexOf('\n### ', start + 1));
  const block = /```js\n([\s\S]*?)```/u.exec(section)?.[1];
  if (start === -1 || block === undefined) throw new Error('README.md has no ```js block under "### Next.js"');
  return block;
}

/** What create-next-app 16 (TypeScript, ESLint, App Router, no src/) writes, plus Clerk. */
const CREATE_NEXT_APP: Record<string, string> = {
  'package.json': JSON.stringify(
    {
      name: 'my-app',
      version: '0.1.0',
      private: true,
      scripts: { dev: 'next dev', build: 'next build', start: 'next start', lint: 'eslint' },
      dependencies: { '@clerk/nextjs': '^7.0.0', next: '16.0.0', react: '19.2.0', 'react-dom': '19.2.0' },
      devDependencies: {
        '@types/node': '^20',
        '@types/react': '^19',
        '@types/react-dom': '^19',
        eslint: '^9',
        'eslint-config-next': '16.0.0',
        'eslint-plugin-clerk': 'file:eslint-plugin-clerk.tgz',
        typescript: '^5',
      },
    },
    null,
    2,
  ),
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2017',
        lib: ['dom', 'dom.iterable', 'esnext'],
        allowJs: true,
        skipLibCheck: true,
        strict: true,
        noEmit: true,
        esModuleInterop: true,
        module: 'esnext',
        moduleResolution: 'bundler',
        resolveJsonModule: true,
        isolatedModules: true,
        jsx: 'react-jsx',
        incremental: true,
        plugins: [{ name: 'next' }],
        paths: { '@/*': ['./*'] },
      },
      include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts', '.next/dev/types/**/*.ts', '**/*.mts'],
      exclude: ['node_modules'],
    },
    null,
    2,
  ),
  'next-env.d.ts': '/// <reference types="next" />\n/// <reference types="next/image-types/global" />\n',
  'next.config.ts': `import type { NextConfig } from "next";\n\nconst nextConfig: NextConfig = {\n  /* config options here */\n};\n\nexport default nextConfig;\n`,
  'app/layout.tsx': `import type { Metadata } from "next";
import { ClerkProvider } from "@clerk/nextjs";

export const metadata: Metadata = { title: "Create Next App" };

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <ClerkProvider>
      <html lang="en">
        <body>{children}</body>
      </html>
    </ClerkProvider>
  );
}
`,
  'app/page.tsx': `export default function Home() {
  return <main><img src="/next.svg" alt="Next.js logo" /></main>;
}
`,
  'middleware.ts': `import { clerkMiddleware } from "@clerk/nextjs/server";

export default clerkMiddleware();

export const config = {
  matcher: ["/((?!_next|[^?]*\\\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)", "/(api|trpc)(.*)"],
};
`,
  // The mistakes: an action and a handler that never check who calls them.
  'app/actions.ts': `"use server";

import { db } from "@/lib/db";

export async function deleteInvoice(id: string) {
  await db.invoice.delete({ where: { id } });
}
`,
  'app/api/invoices/route.ts': `import { db } from "@/lib/db";

export async function GET() {
  return Response.json(await db.invoice.findMany());
}
`,
  'lib/db.ts': `export const db = {
  invoice: {
    findMany: async () => [] as { id: string }[],
    delete: async (_query: { where: { id: string } }) => ({ id: "inv_1" }),
  },
};
`,
};

interface Message {
  ruleId: string | null;
  message: string;
  line: number;
  fatal?: boolean;
}

describe("the README's Next.js setup, in a project as create-next-app 16 writes it", () => {
  let consumer: Consumer;
  let results: { filePath: string; messages: Message[] }[];

  beforeAll(() => {
    consumer = createConsumer({ eslint: 9, files: { ...CREATE_NEXT_APP, 'eslint.config.mjs': readmeNextConfig() } });
    const run = () =>
      execFileSync(process.execPath, [consumer.eslintBin, '-f', 'json', '.'], { cwd: consumer.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout: string;
    try {
      stdout = run();
    } catch (error) {
      // Exit status 1: findings (expected). Anything else (2: a config or crash) fails with ESLint's own words.
      const failure = error as { status?: number; stdout?: string; stderr?: string };
      if (failure.status !== 1) throw new Error(`eslint exited ${failure.status}: ${failure.stderr ?? ''}`);
      stdout = failure.stdout ?? '';
    }
    results = JSON.parse(stdout) as typeof results;
  }, 120_000);

  afterAll(() => consumer?.cleanup());

  const findings = () =>
    results.flatMap((result) => result.messages.map((message) => ({ ...message, file: result.filePath.slice(consumer.dir.length + 1) })));

  it('uses eslint.config.mjs only, as the README says', () => {
    expect(existsSync(join(consumer.dir, 'eslint.config.mjs'))).toBe(true);
    expect(existsSync(join(consumer.dir, 'eslint.config.js'))).toBe(false);
    expect(readmeNextConfig()).toContain('clerk.configs.recommended');
  });

  it('parses every file: no parsing error, no fatal message', () => {
    expect(findings().filter((message) => message.ruleId === null || message.fatal === true)).toEqual([]);
  });

  it('reports the Clerk mistakes', () => {
    const clerk = findings()
      .filter((message) => message.ruleId?.startsWith('clerk/'))
      .map((message) => `${message.file}:${message.line} ${message.ruleId}`);
    expect(clerk.sort()).toEqual(['app/actions.ts:5 clerk/require-server-action-auth', 'app/api/invoices/route.ts:3 clerk/require-route-handler-auth']);
  });

  it("keeps eslint-config-next's own rules", () => {
    expect(findings().map((message) => message.ruleId)).toContain('@next/next/no-img-element');
  });
});
