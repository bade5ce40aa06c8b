/** Clerk users, metadata and organizations (clerk-api.md section 4), and the names apps give them. */

/** Backend API methods that write a user's metadata. */
export const USER_METADATA_WRITE_METHODS: ReadonlySet<string> = new Set(['updateUserMetadata', 'updateUser', 'replaceUserMetadata']);
/** Metadata only the Backend API may write; `unsafeMetadata` is writable from the browser. */
export const PRIVILEGED_METADATA_KEYS: ReadonlySet<string> = new Set(['publicMetadata', 'privateMetadata']);
/** Clerk's user types: the Backend `User` and the frontend `UserResource`. */
export const CLERK_USER_TYPES: ReadonlySet<string> = new Set(['User', 'UserResource']);
/** Fields apps use to hold roles on a user object. */
export const ROLE_FIELDS: ReadonlySet<string> = new Set(['role', 'roles', 'isAdmin', 'admin', 'permissions', 'isSuperAdmin', 'plan']);
/** Names that hold an organization id. */
export const ORG_ID_NAMES: readonly string[] = ['orgId', 'org_id', 'organizationId', 'organization_id', 'orgSlug', 'organizationSlug'];
