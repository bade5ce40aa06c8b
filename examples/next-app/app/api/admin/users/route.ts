import { auth, clerkClient } from '@clerk/nextjs/server'

// ❌ Clerk v5 habits on v6: auth() and clerkClient() return Promises now. Without `await`, `userId` is
// undefined, so `userId === null` never trips, and `clerkClient.users` is undefined.
export async function GET() {
  const { userId, orgRole } = auth()
  if (userId === null || orgRole !== 'org:admin') return Response.json({ error: 'Forbidden' }, { status: 403 })
  const users = await clerkClient.users.getUserList()
  return Response.json(users)
}
