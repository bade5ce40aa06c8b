'use server'

import { revalidatePath } from 'next/cache'
import { auth } from '@clerk/nextjs/server'

import { db } from '@/lib/db'

// ✅ Checks who is calling before it writes.
export async function createInvoice(formData: FormData) {
  const amount = Number(formData.get('amount'))
  const { userId } = await auth()
  if (!userId) throw new Error('Unauthorized')
  await db.invoice.create({ data: { amount, userId } })
  revalidatePath('/dashboard')
}

// ❌ No check at all: anyone can call this action by its ID and delete any invoice.
export async function deleteInvoice(id: string) {
  await db.invoice.delete({ where: { id } })
  revalidatePath('/dashboard')
}

// ❌ Reads the session but never exits: userId is null for anonymous callers and the update still runs.
export async function renameInvoice(id: string, name: string) {
  const { userId } = await auth()
  await db.invoice.update({ where: { id, userId }, data: { name } })
}

// ❌ The check comes after the write.
export async function archiveInvoice(id: string) {
  await db.invoice.update({ where: { id }, data: { archived: true } })
  await auth.protect()
}

// ✅ Public by design: it only revalidates.
export async function refreshInvoices() {
  revalidatePath('/dashboard')
}
