'use server'

import { auth, clerkClient, currentUser } from '@clerk/nextjs/server'

import { db } from '@/lib/db'

// ❌ The organization comes from the form: any signed-in user can list another tenant's invoices.
export async function teamInvoices(formData: FormData) {
  await auth.protect()
  const orgId = String(formData.get('orgId'))
  return db.invoice.findMany({ where: { orgId } })
}

// ❌ Any signed-in user can make themselves an admin: the role is written from the request unchecked.
export async function updateProfile(formData: FormData) {
  const { userId } = await auth.protect()
  const client = await clerkClient()
  await client.users.updateUserMetadata(userId, { publicMetadata: { role: formData.get('role') } })
}

// ❌ A role read off the user object that the user can write from the browser (unsafeMetadata).
export async function archiveTeamInvoices() {
  const user = await currentUser()
  if (user?.unsafeMetadata.isAdmin) await db.invoice.update({ where: {}, data: { archived: true } })
}
