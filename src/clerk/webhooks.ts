/** Signature verifiers, Clerk's and other providers'. A handler that verifies a signature is a webhook. */

/** Member calls that verify a signature (`wh.verify`, `stripe.webhooks.constructEvent`). */
export const SIGNATURE_VERIFY_METHODS: ReadonlySet<string> = new Set([
  'verify',
  'constructEvent',
  'constructEventAsync',
  'verifySignature',
  'verifyWebhook',
  'validateSignature',
  'isValidSignature',
  'receive',
  // WorkOS `workos.webhooks.constructEvent`, Lemon Squeezy / Paddle style `constructWebhookEvent`,
  // Polar `validateEvent`, Octokit `webhooks.verifyAndReceive`.
  'constructWebhookEvent',
  'validateEvent',
  'verifyAndReceive',
]);

/** Plain calls that verify a signature. */
export const SIGNATURE_VERIFY_FUNCTIONS: ReadonlySet<string> = new Set([
  'verifyWebhook',
  'verifySignature',
  'validateWebhook',
  'verifyKey',
  'validateRequest',
  // Polar `validateEvent` from `@polar-sh/sdk/webhooks`.
  'validateEvent',
  'constructWebhookEvent',
]);

/** A hand-written HMAC check ends in a constant-time compare: `crypto.timingSafeEqual(digest, signature)`. */
export const SIGNATURE_COMPARE_FUNCTION = 'timingSafeEqual';

/** Environment variables that hold a Clerk webhook signing secret, current and historical (clerk-api.md §3.3, §5). */
export const CLERK_WEBHOOK_SECRET_ENV_NAMES: ReadonlySet<string> = new Set([
  'CLERK_WEBHOOK_SIGNING_SECRET',
  'CLERK_WEBHOOK_SECRET',
  'NUXT_CLERK_WEBHOOK_SIGNING_SECRET',
]);

/** The svix headers Clerk sends with every webhook. */
export const SVIX_HEADERS: readonly string[] = ['svix-id', 'svix-timestamp', 'svix-signature'];

/** Clerk's webhook event type names: `user.created`, `organizationMembership.deleted`, `session.ended`, … */
export const CLERK_EVENT_TYPE = /^(?:user|organization|organizationMembership|organizationInvitation|organizationDomain|session|email|sms|role|permission|subscription|subscriptionItem|paymentAttempt|waitlistEntry)\.[a-zA-Z_]+$/u;

/** Types whose import marks a module as handling Clerk webhooks. */
export const CLERK_WEBHOOK_TYPES: ReadonlySet<string> = new Set([
  'WebhookEvent',
  'WebhookEventType',
  'UserJSON',
  'DeletedObjectJSON',
  'OrganizationJSON',
  'OrganizationMembershipJSON',
  'OrganizationInvitationJSON',
  'SessionJSON',
  'EmailJSON',
  'SMSMessageJSON',
  'RoleJSON',
  'PermissionJSON',
  'SessionWebhookEvent',
  'UserWebhookEvent',
  'OrganizationWebhookEvent',
]);

/** Where Clerk's webhook verifier lives, per framework (for the repair's import). */
export const VERIFY_WEBHOOK_SOURCE = {
  next: '@clerk/nextjs/webhooks',
  express: '@clerk/express/webhooks',
  fastify: '@clerk/fastify/webhooks',
  hono: '@clerk/hono/webhooks',
} as const;

/** Methods that read a request body: the unverified payload. */
export const BODY_READ_METHODS: ReadonlySet<string> = new Set(['json', 'text', 'formData', 'arrayBuffer', 'blob']);
