import { createClerkClient } from '@clerk/nextjs/server'

// ❌ A public prefix publishes the secret key in the browser bundle.
export const clerkAdmin = createClerkClient({ secretKey: process.env.NEXT_PUBLIC_CLERK_SECRET_KEY })
