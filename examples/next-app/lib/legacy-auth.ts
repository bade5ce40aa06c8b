import { authMiddleware } from '@clerk/nextjs'

// ❌ Left over from Clerk v4: authMiddleware protected everything but these routes; it no longer exists in v6,
// and clerkMiddleware() protects nothing unless told to.
export const legacyMiddleware = authMiddleware({
  publicRoutes: ['/', '/pricing', '/api/webhooks(.*)'],
})
