import { Webhook } from 'svix'
import type { WebhookEvent } from '@clerk/nextjs/server'

import { db } from '@/lib/db'

// ❌ The 2023 docs pattern: the signing secret is committed, and the signature is checked against a
// re-serialised body instead of the raw text Clerk signed.
const wh = new Webhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')

export async function POST(req: Request) {
  const payload = await req.json()
  const body = JSON.stringify(payload)
  const headers = {
    'svix-id': req.headers.get('svix-id') ?? '',
    'svix-timestamp': req.headers.get('svix-timestamp') ?? '',
    'svix-signature': req.headers.get('svix-signature') ?? '',
  }
  let evt: WebhookEvent
  try {
    evt = wh.verify(body, headers) as WebhookEvent
  } catch {
    return new Response('Invalid signature', { status: 400 })
  }
  if (evt.type === 'user.created') await db.user.upsert({ where: { id: evt.data.id } })
  return new Response('ok')
}
