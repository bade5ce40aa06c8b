import { auth } from '@clerk/nextjs/server'

import { db } from '@/lib/db'

// ❌ Reads the session but never exits: for anonymous callers userId is null and the query still runs.
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { userId } = await auth()
  return Response.json(await db.invoice.findMany({ where: { id, userId } }))
}

// ❌ The delete happens before anyone is checked.
export async function DELETE(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  await db.invoice.delete({ where: { id } })
  await auth.protect()
  return new Response(null, { status: 204 })
}

// ✅
export async function PATCH(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { userId } = await auth.protect()
  await db.invoice.update({ where: { id, userId }, data: await req.json() })
  return new Response(null, { status: 204 })
}
