import { auth } from '@clerk/nextjs/server'

import { db } from '@/lib/db'

// ❌ With acceptsToken: 'any', an M2M or invalid token yields an auth object without userId:
// `userId === null` is false for it, so the guard never trips. (TypeScript rejects the destructuring; plain
// JavaScript, as here, does not.)
export async function DELETE() {
  const { userId } = await auth({ acceptsToken: 'any' })
  if (userId === null) {
    return Response.json({ error: 'Unauthorized' }, { status: 401 })
  }
  await db.session.deleteMany({ where: { userId } })
  return new Response(null, { status: 204 })
}
