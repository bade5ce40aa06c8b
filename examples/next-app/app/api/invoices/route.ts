import { NextResponse, type NextRequest } from 'next/server'
import { auth } from '@clerk/nextjs/server'

import { db } from '@/lib/db'

// ✅
export async function GET() {
  const { userId } = await auth()
  if (!userId) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  return NextResponse.json(await db.invoice.findMany({ where: { userId } }))
}

// ❌ clerkMiddleware() protects nothing by default, and this handler never checks.
export async function POST(req: NextRequest) {
  const body = await req.json()
  const invoice = await db.invoice.create({ data: body })
  return NextResponse.json(invoice, { status: 201 })
}
