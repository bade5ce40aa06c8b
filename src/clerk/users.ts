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
/**
 * Columns apps tie a record to its tenant or owner with (besides `ORG_ID_NAMES`): a filter with one of them and a
 * value the caller did not supply scopes the record (`where: { id, authorId: userId }`).
 */
export const OWNER_ID_NAMES: ReadonlySet<string> = new Set([
  'userId', 'user_id', 'ownerId', 'owner_id', 'authorId', 'author_id', 'creatorId', 'creator_id', 'createdBy', 'created_by',
  'createdById', 'clerkUserId', 'clerk_user_id', 'clerkId', 'memberId', 'member_id', 'teamId', 'team_id', 'tenantId',
  'tenant_id', 'workspaceId', 'workspace_id', 'accountId', 'account_id', 'clerkOrgId', 'clerk_org_id',
]);
/** Columns that name the tenant a new record belongs to (`create({ data: { orgId, … } })`), besides `ORG_ID_NAMES`. */
export const TENANT_ID_NAME = /^(?:(?:clerk)?(?:org|organization|tenant|workspace|team)(?:Id|_id|ID)|(?:clerk_)?(?:org|organization|tenant|workspace|team)_id)$/u;
