/** Clerk key formats (clerk-api.md section 5). */
export const SECRET_KEY_PATTERN = /^sk_(?:test|live)_[A-Za-z0-9]{16,}$/u;
export const WEBHOOK_SECRET_PATTERN = /^whsec_[A-Za-z0-9+/=]{16,}$/u;
export const MACHINE_SECRET_PATTERN = /^ak_[A-Za-z0-9]{16,}$/u;
/** Publishable keys are public by design; they are recognised so that rules can leave them alone. */
export const PUBLISHABLE_KEY_PATTERN = /^pk_(?:test|live)_[A-Za-z0-9+/=]+$/u;

export type SecretKeyKind = 'secretKey' | 'webhookSecret' | 'machineSecret';

export function classifySecretLiteral(value: string): SecretKeyKind | undefined {
  if (SECRET_KEY_PATTERN.test(value)) return 'secretKey';
  if (WEBHOOK_SECRET_PATTERN.test(value)) return 'webhookSecret';
  if (MACHINE_SECRET_PATTERN.test(value)) return 'machineSecret';
  return undefined;
}
