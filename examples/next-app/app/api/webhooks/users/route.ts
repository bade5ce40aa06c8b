import type { WebhookEvent } from '@clerk/nextjs/server'

import { db } from '@/lib/db'

// ❌ Trusts the payload without verifying the signature: anyone can post a forged `user.deleted`.
export async function POST(req: Request) {
  const event = (await req.json()) as WebhookEvent
  if (event.type === 'user.deleted') await db.user.delete({ where: { id: event.data.id } })
  return new Response('ok')
}
