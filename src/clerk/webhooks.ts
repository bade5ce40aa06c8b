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
