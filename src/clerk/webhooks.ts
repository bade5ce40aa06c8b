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
]);

/** Plain calls that verify a signature. */
export const SIGNATURE_VERIFY_FUNCTIONS: ReadonlySet<string> = new Set([
  'verifyWebhook',
  'verifySignature',
  'validateWebhook',
  'verifyKey',
  'validateRequest',
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
