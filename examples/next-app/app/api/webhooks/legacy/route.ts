import { Webhook } from 'svix'
import type { WebhookEvent } from '@clerk/nextjs/server'

import { db } from '@/lib/db'

// ❌ The signing secret is committed to the repository: anyone can forge signed events with it.
const wh = new Webhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')

export async function POST(req: Request) {
  const payload = await req.text()
  const headers = {
    'svix-id': req.headers.get('svix-id') ?? '',
    'svix-timestamp': req.headers.get('svix-timestamp') ?? '',
    'svix-signature': req.headers.get('svix-signature') ?? '',
  }
  let evt: WebhookEvent
  try {
    wh.verify(payload, headers)
    evt = JSON.parse(payload) as WebhookEvent
  } catch {
    return new Response('Invalid signature', { status: 400 })
  }
  if (evt.type === 'user.created') await db.user.upsert({ where: { id: evt.data.id } })
  return new Response('ok')
}
