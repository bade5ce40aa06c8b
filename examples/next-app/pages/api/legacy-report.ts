import type { NextApiRequest, NextApiResponse } from 'next'

import { db } from '@/lib/db'

// ❌ A pages-router API route with no check.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const invoices = await db.invoice.findMany()
  res.status(200).json({ total: invoices.reduce((sum, invoice) => sum + invoice.amount, 0) })
}
