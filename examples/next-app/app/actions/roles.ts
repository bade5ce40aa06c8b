'use server'

import { auth, clerkClient } from '@clerk/nextjs/server'

const checkRole = async (role: string) => {
  const { sessionClaims } = await auth()
  return sessionClaims?.metadata?.role === role
}

// ❌ Clerk's own RBAC guide shipped this for about 20 months: checkRole is async, so `!checkRole('admin')` is
// `!Promise`, always false, and the check never fires.
export async function setRole(formData: FormData) {
  if (!checkRole('admin')) {
    return { message: 'Not Authorized' }
  }
  const client = await clerkClient()
  await client.users.updateUserMetadata(String(formData.get('id')), {
    publicMetadata: { role: formData.get('role') },
  })
}

// ✅ The same helper, awaited.
export async function removeRole(formData: FormData) {
  if (!(await checkRole('admin'))) {
    return { message: 'Not Authorized' }
  }
  const client = await clerkClient()
  await client.users.updateUserMetadata(String(formData.get('id')), { publicMetadata: { role: null } })
}
