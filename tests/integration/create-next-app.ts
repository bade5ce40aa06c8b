// A Next.js project as create-next-app 16 writes it (TypeScript, ESLint, App Router, no src/), with Clerk and two
// planted mistakes, and the README's Next.js config block: shared by the README test and the first-ten-minutes
// measurement (bench/measure/), so the two cannot drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './consumer.js';

/** The first ```js block of the README's "Next.js" usage section. */
export function readmeNextConfig(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('### Next.js');
  const section = readme.slice(start, readme.indexOf('\n### ', start + 1));
  const block = /```js\n([\s\S]*?)```/u.exec(section)?.[1];
  if (start === -1 || block === undefined) throw new Error('README.md has no ```js block under "### Next.js"');
  return block;
}

/** What create-next-app 16 (TypeScript, ESLint, App Router, no src/) writes, plus Clerk. */
export const CREATE_NEXT_APP: Record<string, string> = {
  'package.json': JSON.stringify(
    {
      name: 'my-app',
      version: '0.1.0',
      private: true,
      scripts: { dev: 'next dev', build: 'next build', start: 'next start', lint: 'eslint' },
      dependencies: { '@clerk/nextjs': '^7.0.0', next: '16.4.6', react: '19.3.1', 'react-dom': '19.3.1' },
      devDependencies: {
        '@types/node': '^20',
        '@types/react': '^19',
        '@types/react-dom': '^19',
        eslint: '^9',
        'eslint-config-next': '16.4.6',
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
