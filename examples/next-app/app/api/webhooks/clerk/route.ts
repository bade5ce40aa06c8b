import { verifyWebhook } from '@clerk/nextjs/webhooks'
import type { NextRequest } from 'next/server'

import { db } from '@/lib/db'

// ✅ A Clerk webhook: public, but every request is signature-verified before its payload is used.
export async function POST(req: NextRequest) {
  try {
    const evt = await verifyWebhook(req)
    if (evt.type === 'user.deleted') await db.user.delete({ where: { id: evt.data.id } })
    return new Response('Webhook received', { status: 200 })
  } catch {
    return new Response('Error verifying webhook', { status: 400 })
  }
}
