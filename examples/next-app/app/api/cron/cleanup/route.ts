import { db } from '@/lib/db'

// ✅ A cron job: authenticated with a shared secret, not a user session.
export async function GET(req: Request) {
  if (req.headers.get('authorization') !== `Bearer ${process.env.CRON_SECRET}`) {
    return new Response('Unauthorized', { status: 401 })
  }
  await db.session.deleteMany({ where: { expired: true } })
  return Response.json({ ok: true })
}
