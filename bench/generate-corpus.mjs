// Writes N realistic Next.js + Clerk files (server actions, route handlers, webhooks, client components,
// middleware, plain modules) mixing correct and faulty patterns. Deterministic for a given N and seed.
// Usage: node bench/generate-corpus.mjs [N=2000] [outDir=bench/corpus-generated] [seed=42]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [, , nArg = '2000', outArg, seedArg = '42'] = process.argv;
const N = Number(nArg);
const out = outArg ?? fileURLToPath(new URL('corpus-generated/', import.meta.url));
let seed = Number(seedArg) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (items) => items[Math.floor(random() * items.length)];
const nouns = ['invoice', 'project', 'comment', 'team', 'order', 'report', 'ticket', 'note', 'file', 'member'];
const cap = (word) => word[0].toUpperCase() + word.slice(1);

const templates = {
  action: (noun, faulty) => `'use server'

import { revalidatePath } from 'next/cache'
import { auth } from '@clerk/nextjs/server'
import { z } from 'zod'

import { currentProfile } from '@/lib/current-profile'
import { db } from '@/lib/db'
import { requireUser } from '../../lib/require-user'

const schema = z.object({ title: z.string().min(1), amount: z.number() })

export async function create${cap(noun)}(formData: FormData) {
  const input = schema.parse({ title: formData.get('title'), amount: Number(formData.get('amount')) })
${faulty ? '' : `  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
`}  await db.${noun}.create({ data: { ...input${faulty ? '' : ', userId'} } })
  revalidatePath('/${noun}s')
}

export async function archive${cap(noun)}(id: string) {
  const profile = await currentProfile()
  ${faulty ? '' : "if (!profile) throw new Error('Unauthorized')\n  "}await db.${noun}.update({ where: { id }, data: { archived: true } })
}

export async function restore${cap(noun)}(id: string) {
  const userId = await requireUser()
  await db.${noun}.update({ where: { id, userId }, data: { archived: false } })
}

export async function delete${cap(noun)}(id: string) {
  await auth.protect()
  await db.${noun}.delete({ where: { id } })
}

export async function refresh${cap(noun)}s() {
  revalidatePath('/${noun}s')
}
`,
  route: (noun, faulty) => `import { NextResponse, type NextRequest } from 'next/server'
import { auth } from '@clerk/nextjs/server'

import { db } from '@/lib/db'

export async function GET(req: NextRequest) {
  const page = Number(req.nextUrl.searchParams.get('page') ?? '1')
${faulty ? '' : `  const { userId } = await auth()
  if (!userId) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
`}  const items = await db.${noun}.findMany({ skip: (page - 1) * 20, take: 20 })
  return NextResponse.json(items.map((item) => ({ ...item, label: String(item.id).trim() })))
}

export async function POST(req: NextRequest) {
  const { userId } = await auth()
  if (!userId) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  const body = await req.json()
  return NextResponse.json(await db.${noun}.create({ data: { ...body, userId } }), { status: 201 })
}
`,
  webhook: (noun, faulty) =>
    faulty
      ? `import type { WebhookEvent } from '@clerk/nextjs/server'

import { db } from '@/lib/db'

export async function POST(req: Request) {
  const evt = (await req.json()) as WebhookEvent
  if (evt.type === 'user.deleted') await db.${noun}.deleteMany({ where: { userId: evt.data.id } })
  return new Response('ok')
}
`
      : `import { verifyWebhook } from '@clerk/nextjs/webhooks'
import type { NextRequest } from 'next/server'

import { db } from '@/lib/db'

export async function POST(req: NextRequest) {
  try {
    const evt = await verifyWebhook(req)
    if (evt.type === 'user.deleted') await db.${noun}.deleteMany({ where: { userId: evt.data.id } })
    return new Response('Webhook received', { status: 200 })
  } catch {
    return new Response('Error verifying webhook', { status: 400 })
  }
}
`,
  client: (noun, faulty) => `'use client'

import { useState } from 'react'
import { useUser } from '@clerk/nextjs'

export function ${cap(noun)}Panel({ items }: { items: { id: string; title: string }[] }) {
  const { user, isLoaded } = useUser()
  const [filter, setFilter] = useState('')
  const api = process.env.${faulty ? 'API_URL' : 'NEXT_PUBLIC_API_URL'}
  if (!isLoaded) return null
  return (
    <section data-api={api}>
      <h2>{user?.firstName}'s ${noun}s</h2>
      <input value={filter} onChange={(event) => setFilter(event.target.value)} />
      <ul>{items.filter((item) => item.title.includes(filter)).map((item) => <li key={item.id}>{item.title}</li>)}</ul>
    </section>
  )
}
`,
  page: (noun, faulty) => `import { auth } from '@clerk/nextjs/server'

import { db } from '@/lib/db'
import { ${cap(noun)}Panel } from './components/panel'

export default async function ${cap(noun)}sPage() {
${faulty ? '' : '  await auth.protect()\n'}  const items = await db.${noun}.findMany({ take: 50 })
  return <${cap(noun)}Panel items={items} />
}
`,
  util: (noun) => `export interface ${cap(noun)} {
  id: string
  title: string
  createdAt: Date
}

export function format${cap(noun)}(item: ${cap(noun)}): string {
  return \`\${item.title} (\${item.createdAt.toISOString().slice(0, 10)})\`
}

export function sort${cap(noun)}s(items: ${cap(noun)}[]): ${cap(noun)}[] {
  return [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
}
`,
  middleware: () => `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server'

const isPublicRoute = createRouteMatcher(['/', '/sign-in(.*)', '/sign-up(.*)', '/api/webhooks(.*)'])

export default clerkMiddleware(async (auth, req) => {
  if (!isPublicRoute(req)) await auth.protect()
})

export const config = {
  matcher: ['/((?!_next|[^?]*\\\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)', '/(api|trpc)(.*)'],
}
`,
};

const kinds = [
  ['action', 0.22, (i, noun) => `app/${noun}-${i}/actions.ts`],
  ['route', 0.22, (i, noun) => `app/api/${noun}-${i}/route.ts`],
  ['webhook', 0.06, (i, noun) => `app/api/webhooks/${noun}-${i}/route.ts`],
  ['client', 0.15, (i, noun) => `app/${noun}-${i}/components/panel.tsx`],
  ['page', 0.1, (i, noun) => `app/${noun}-${i}/page.tsx`],
  ['util', 0.25, (i, noun) => `lib/${noun}-${i}.ts`],
];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'package.json'), JSON.stringify({ name: 'bench-corpus', private: true, dependencies: { '@clerk/nextjs': '^6.39.0', next: '^15.5.0' } }));
writeFileSync(join(out, 'middleware.ts'), templates.middleware());
// Auth helpers the actions import through a tsconfig alias and a relative path (cross-file resolution).
writeFileSync(join(out, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } }));
mkdirSync(join(out, 'lib'), { recursive: true });
writeFileSync(
  join(out, 'lib/current-profile.ts'),
  `import { auth } from '@clerk/nextjs/server'\n\nimport { db } from './db'\n\nexport async function currentProfile() {\n  const { userId } = await auth()\n  if (!userId) return null\n  return db.profile.findUnique({ where: { userId } })\n}\n`,
);
writeFileSync(
  join(out, 'lib/require-user.ts'),
  `import { auth } from '@clerk/nextjs/server'\n\nexport async function requireUser() {\n  const { userId } = await auth()\n  if (!userId) throw new Error('Unauthorized')\n  return userId\n}\n`,
);
writeFileSync(join(out, 'lib/db.ts'), `export const db: any = {}\n`);
let faulty = 0;
for (let i = 0; i < N - 4; i += 1) {
  let roll = random();
  const [kind, , path] = kinds.find(([, share]) => (roll -= share) < 0) ?? kinds[kinds.length - 1];
  const noun = pick(nouns);
  const isFaulty = random() < 0.3;
  if (isFaulty && kind !== 'util') faulty += 1;
  const file = join(out, path(i, noun));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, templates[kind](noun, isFaulty));
}
console.log(`wrote ${N} files to ${out} (${faulty} with a planted mistake)`);
