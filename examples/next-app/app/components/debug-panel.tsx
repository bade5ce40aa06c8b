'use client'

import { useAuth } from '@clerk/nextjs'
import { clerkClient } from '@clerk/nextjs/server'

// ❌ A client component: the secret key and the server-only client must never be here.
export function DebugPanel() {
  const { userId } = useAuth()
  const loadUser = async () => (await clerkClient()).users.getUser(userId ?? '')
  return (
    <pre onClick={loadUser}>
      {JSON.stringify({ userId, keyConfigured: Boolean(process.env.CLERK_SECRET_KEY) })}
    </pre>
  )
}
