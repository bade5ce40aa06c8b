import { fileURLToPath } from 'node:url';

import rule from '../../src/rules/require-page-auth.js';
import { fixture, ruleTester } from '../rule-tester.js';

const middlewareProject = (name: string, path: string) =>
  fileURLToPath(new URL(`../fixtures/middleware/${name}/${path}`, import.meta.url));
const DASHBOARD: [{ protected: string[]; public: string[] }] = [{ protected: ['dashboard', '(app)'], public: ['dashboard/help'] }];

const FETCHING_PAGE = `export default async function Page() {
  const invoices = await db.invoice.findMany()
  return <ul>{invoices.map((invoice) => <li key={invoice.id}>{invoice.title}</li>)}</ul>
}`;

ruleTester.run('require-page-auth', rule, {
  valid: [
    {
      name: 'auth.protect() at the top',
      filename: fixture('app/dashboard/page.tsx'),
      options: DASHBOARD,
      code: `import { auth } from '@clerk/nextjs/server'
export default async function Page() {
  await auth.protect()
  const invoices = await db.invoice.findMany()
  return <ul>{invoices.length}</ul>
}`,
    },
    {
      name: 'auth() with a redirect for anonymous visitors',
      filename: fixture('app/dashboard/settings/page.tsx'),
      options: DASHBOARD,
      code: `import { auth } from '@clerk/nextjs/server'
import { redirect } from 'next/navigation'
export default async function Page() {
  const { userId } = await auth()
  if (!userId) redirect('/sign-in')
  const settings = await db.settings.findUnique({ where: { userId } })
  return <pre>{JSON.stringify(settings)}</pre>
}`,
    },
    {
      name: 'currentUser() with an early return of JSX',
      filename: fixture('app/(app)/projects/page.tsx'),
      options: DASHBOARD,
      code: `import { currentUser } from '@clerk/nextjs/server'
export default async function Page() {
  const user = await currentUser()
  if (!user) return <p>Please sign in.</p>
  const projects = await db.project.findMany({ where: { ownerId: user.id } })
  return <ul>{projects.length}</ul>
}`,
    },
    {
      name: 'a guard imported from the project (cross-file)',
      filename: fixture('app/dashboard/page.tsx'),
      options: DASHBOARD,
      code: `import { requireUser } from '@/lib/require-user'
export default async function Page() {
  const userId = await requireUser()
  return <p>{await db.invoice.count({ where: { userId } })}</p>
}`,
    },
    {
      name: 'a page that does no work renders only static markup',
      filename: fixture('app/dashboard/page.tsx'),
      options: DASHBOARD,
      code: `export default function Page() {
  return <h1>Dashboard</h1>
}`,
    },
    {
      name: 'a layout that only renders its children',
      filename: fixture('app/dashboard/layout.tsx'),
      options: DASHBOARD,
      code: `export default function Layout({ children }: { children: React.ReactNode }) {
  return <section>{children}</section>
}`,
    },
    {
      name: 'client components are not checked',
      filename: fixture('app/dashboard/page.tsx'),
      options: DASHBOARD,
      code: `'use client'
export default function Page() {
  const data = useInvoices()
  return <p>{data.length}</p>
}`,
    },
    { name: 'a folder outside the protected ones', filename: fixture('app/pricing/page.tsx'), options: DASHBOARD, code: FETCHING_PAGE },
    {
      name: 'a public folder inside a protected one',
      filename: fixture('app/dashboard/help/page.tsx'),
      options: DASHBOARD,
      code: FETCHING_PAGE,
    },
    {
      name: 'a route group that is not protected',
      filename: fixture('app/(marketing)/blog/page.tsx'),
      options: DASHBOARD,
      code: FETCHING_PAGE,
    },
    {
      name: 'not a segment file: a component next to the page',
      filename: fixture('app/dashboard/invoice-list.tsx'),
      options: DASHBOARD,
      code: FETCHING_PAGE,
    },
    {
      name: 'no options and no middleware: no declared intent, nothing to check',
      filename: fixture('app/dashboard/page.tsx'),
      code: FETCHING_PAGE,
    },
    {
      name: 'no options: a path the middleware leaves public',
      filename: middlewareProject('protect-list', 'src/app/pricing/page.tsx'),
      code: FETCHING_PAGE,
    },
    {
      name: 'no options: clerkMiddleware() without a handler protects nothing, so declares nothing',
      filename: middlewareProject('none', 'app/dashboard/page.tsx'),
      code: FETCHING_PAGE,
    },
    {
      name: 'no options: a layout under protecting middleware is not checked (it also wraps public children)',
      filename: middlewareProject('protect-all', 'app/org/[slug]/layout.tsx'),
      code: `export default async function OrgLayout({ children, params }) {
  const org = await db.org.findUnique({ where: { slug: (await params).slug } })
  return <section><h1>{org.name}</h1>{children}</section>
}`,
    },
    {
      name: 'next-intl translations are not work',
      filename: fixture('app/dashboard/page.tsx'),
      options: DASHBOARD,
      code: `import { getTranslations } from 'next-intl/server'
export default async function Page() {
  const t = await getTranslations('Dashboard')
  return <h1>{t('title')}</h1>
}`,
    },
    {
      name: 'an opengraph-image route in a protected folder that checks the session',
      filename: fixture('app/dashboard/[id]/opengraph-image.tsx'),
      options: DASHBOARD,
      code: `import { ImageResponse } from 'next/og'
import { auth } from '@clerk/nextjs/server'
export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  await auth.protect()
  const invoice = await db.invoice.findUnique({ where: { id: (await params).id } })
  return new ImageResponse(<div>{invoice.title}</div>)
}`,
    },
    {
      name: 'a static icon in a protected folder does no work',
      filename: fixture('app/dashboard/icon.tsx'),
      options: DASHBOARD,
      code: `import { ImageResponse } from 'next/og'
export const size = { width: 32, height: 32 }
export default function Icon() {
  return new ImageResponse(<div style={{ background: 'black' }}>A</div>, size)
}`,
    },
    {
      name: 'an opengraph-image route in a folder carved out as public',
      filename: fixture('app/dashboard/help/opengraph-image.tsx'),
      options: DASHBOARD,
      code: `import { ImageResponse } from 'next/og'
export default async function Image() {
  const article = await db.article.findFirst()
  return new ImageResponse(<div>{article.title}</div>)
}`,
    },
    {
      name: 'a twitter-image route outside the protected folders',
      filename: fixture('app/blog/[slug]/twitter-image.tsx'),
      options: DASHBOARD,
      code: `import { ImageResponse } from 'next/og'
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const post = await db.post.findUnique({ where: { slug: (await params).slug } })
  return new ImageResponse(<div>{post.title}</div>)
}`,
    },
  ],
  invalid: [
    {
      name: 'Clerk 4 has no protect() in every release: the repair checks userId and redirects with Next itself',
      filename: fixture('app/dashboard/page.tsx'),
      options: DASHBOARD,
      settings: { clerk: { version: 4 } },
      code: `import { currentUser } from '@clerk/nextjs'
export default async function Page() {
  const invoices = await db.invoice.findMany()
  return <ul>{invoices.map((invoice) => <li key={invoice.id}>{invoice.title}</li>)}</ul>
}`,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addProtect',
              data: { call: "if (!userId) redirect('/sign-in')" },
              output: `import { currentUser, auth } from '@clerk/nextjs'
import { redirect } from 'next/navigation'
export default async function Page() {
  const { userId } = auth()
  if (!userId) redirect('/sign-in')
  const invoices = await db.invoice.findMany()
  return <ul>{invoices.map((invoice) => <li key={invoice.id}>{invoice.title}</li>)}</ul>
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'an opengraph-image route in a protected folder renders a record without checking the session',
      filename: fixture('app/dashboard/[id]/opengraph-image.tsx'),
      options: DASHBOARD,
      code: `import { ImageResponse } from 'next/og'
export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const invoice = await db.invoice.findUnique({ where: { id: (await params).id } })
  return new ImageResponse(<div>{invoice.title}</div>)
}`,
      errors: [
        {
          messageId: 'missingAuth',
          data: { file: 'opengraph-image', route: '/dashboard/[id]' },
          line: 2,
          column: 31,
          suggestions: [
            {
              messageId: 'addProtect',
              data: { call: 'await auth.protect()' },
              output: `import { ImageResponse } from 'next/og'
import { auth } from '@clerk/nextjs/server'
export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  await auth.protect()
  const invoice = await db.invoice.findUnique({ where: { id: (await params).id } })
  return new ImageResponse(<div>{invoice.title}</div>)
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'intent from the middleware ignores file-like values: /docs/[slug] is meant to be protected',
      filename: middlewareProject('protect-all', 'app/docs/[slug]/page.tsx'),
      code: FETCHING_PAGE,
      errors: [{ messageId: 'missingAuth', data: { file: 'page', route: '/docs/[slug]' }, suggestions: [{ messageId: 'addProtect', output: `import { auth } from '@clerk/nextjs/server'
export default async function Page() {
  await auth.protect()
  const invoices = await db.invoice.findMany()
  return <ul>{invoices.map((invoice) => <li key={invoice.id}>{invoice.title}</li>)}</ul>
}` }] }],
    },
    {
      name: 'an intercepted route is named by the path it serves',
      filename: fixture('app/dashboard/@modal/(.)photo/[id]/page.tsx'),
      options: DASHBOARD,
      code: FETCHING_PAGE,
      errors: [{ messageId: 'missingAuth', data: { file: 'page', route: '/dashboard/photo/[id]' }, suggestions: [{ messageId: 'addProtect', output: `import { auth } from '@clerk/nextjs/server'
export default async function Page() {
  await auth.protect()
  const invoices = await db.invoice.findMany()
  return <ul>{invoices.map((invoice) => <li key={invoice.id}>{invoice.title}</li>)}</ul>
}` }] }],
    },
    {
      name: 'a page in a protected folder that fetches without checking',
      filename: fixture('app/dashboard/page.tsx'),
      options: DASHBOARD,
      code: FETCHING_PAGE,
      errors: [
        {
          messageId: 'missingAuth',
          data: { file: 'page', route: '/dashboard' },
          suggestions: [
            {
              messageId: 'addProtect',
              data: { call: 'await auth.protect()' },
              output: `import { auth } from '@clerk/nextjs/server'
export default async function Page() {
  await auth.protect()
  const invoices = await db.invoice.findMany()
  return <ul>{invoices.map((invoice) => <li key={invoice.id}>{invoice.title}</li>)}</ul>
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'intent from the middleware: /dashboard is protected there, the page must protect itself too',
      filename: middlewareProject('protect-list', 'src/app/dashboard/[id]/page.tsx'),
      code: `import { getInvoice } from '@/lib/invoices';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <p>{(await getInvoice(id)).title}</p>;
}`,
      errors: [
        {
          messageId: 'missingAuth',
          data: { file: 'page', route: '/dashboard/[id]' },
          suggestions: [
            {
              messageId: 'addProtect',
              output: `import { getInvoice } from '@/lib/invoices';
import { auth } from '@clerk/nextjs/server';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await auth.protect();
  const { id } = await params;
  return <p>{(await getInvoice(id)).title}</p>;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a layout in a route group that loads data, sync arrow made async',
      filename: fixture('app/(app)/layout.tsx'),
      options: DASHBOARD,
      code: `import { auth as clerkAuth } from '@clerk/nextjs/server'
const auth = getAuditLog()
const Layout = ({ children }) => <Shell teams={loadTeams()}>{children}</Shell>
export default Layout`,
      errors: [
        {
          messageId: 'missingAuth',
          data: { file: 'layout', route: '/' },
          suggestions: [
            {
              messageId: 'addProtect',
              output: `import { auth as clerkAuth } from '@clerk/nextjs/server'
const auth = getAuditLog()
const Layout = async ({ children }) => {
  await clerkAuth.protect()
  return <Shell teams={loadTeams()}>{children}</Shell>
}
export default Layout`,
            },
          ],
        },
      ],
    },
    {
      name: 'reads the session but never sends anonymous visitors away',
      filename: fixture('app/dashboard/page.tsx'),
      options: DASHBOARD,
      code: `import { auth } from '@clerk/nextjs/server'
export default async function Page() {
  const { userId } = await auth()
  const invoices = await db.invoice.findMany({ where: { userId } })
  return <p>{invoices.length}</p>
}`,
      errors: [{ messageId: 'uncheckedAuth', suggestions: [{ messageId: 'addProtect', output: `import { auth } from '@clerk/nextjs/server'
export default async function Page() {
  await auth.protect()
  const { userId } = await auth()
  const invoices = await db.invoice.findMany({ where: { userId } })
  return <p>{invoices.length}</p>
}` }] }],
    },
    {
      name: 'checks the session after the data is loaded',
      filename: fixture('app/dashboard/page.tsx'),
      options: DASHBOARD,
      code: `import { auth } from '@clerk/nextjs/server'
export default async function Page() {
  const invoices = await db.invoice.findMany()
  await auth.protect()
  return <p>{invoices.length}</p>
}`,
      errors: [{ messageId: 'authAfterWork', suggestions: [{ messageId: 'addProtect', output: `import { auth } from '@clerk/nextjs/server'
export default async function Page() {
  await auth.protect()
  const invoices = await db.invoice.findMany()
  await auth.protect()
  return <p>{invoices.length}</p>
}` }] }],
    },
    {
      name: 'v5: the suggestion calls auth().protect()',
      filename: fixture('app/dashboard/page.tsx', 5),
      options: DASHBOARD,
      code: FETCHING_PAGE,
      errors: [
        {
          messageId: 'missingAuth',
          suggestions: [
            {
              messageId: 'addProtect',
              data: { call: 'auth().protect()' },
              output: `import { auth } from '@clerk/nextjs/server'
export default async function Page() {
  auth().protect()
  const invoices = await db.invoice.findMany()
  return <ul>{invoices.map((invoice) => <li key={invoice.id}>{invoice.title}</li>)}</ul>
}`,
            },
          ],
        },
      ],
    },
  ],
});
