// Clerk's basic RBAC recipe: the role lives in publicMetadata and reaches the session token through a custom claim.
export {}

declare global {
  interface CustomJwtSessionClaims {
    metadata?: { role?: string }
  }
}
