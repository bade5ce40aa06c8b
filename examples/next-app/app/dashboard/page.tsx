import { auth } from '@clerk/nextjs/server'

import { db } from '@/lib/db'
import { InvoiceForm } from '../components/invoice-form'
import { createInvoice } from '../actions/invoices'

export default async function DashboardPage() {
  const { userId } = await auth.protect()
  const invoices = await db.invoice.findMany({ where: { userId } })

  // ❌ An inline server action is its own public endpoint: the page's auth.protect() does not cover it.
  async function deleteAll() {
    'use server'
    for (const invoice of invoices) await db.invoice.delete({ where: { id: invoice.id } })
  }

  return (
    <main>
      <InvoiceForm action={createInvoice} />
      <form action={deleteAll}>
        <button type="submit">Delete all</button>
      </form>
    </main>
  )
}
