import { join } from 'node:path';

import type { Linter } from 'eslint';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import { isModuleCached } from '../../src/analysis/cross-file.js';
import { WebhookAnalyzer } from '../../src/analysis/webhooks.js';
import { lintInProject, tempProject } from '../temp-project.js';

// Another provider's webhook (Stripe, PayNow, Ko-fi) verifies its own signature and is no Clerk webhook, so neither
// require-route-handler-auth nor require-webhook-verification reports it. Both used to read the module of every
// helper it calls first (the auth analysis, to see whether one checks the session; `verifications`, to see whether
// one verifies), only to drop the result: on the real-apps corpus, 30 KB of the 75 KB of modules `recommended` parsed.
// The answers are the same either way; these tests pin down that the helpers are not read, and are where needed.

const HELPER = `import { clerkClient } from '@clerk/nextjs/server'
export async function fulfil(event: { data: { userId: string } }) {
  const client = await clerkClient()
  await client.users.updateUserMetadata(event.data.userId, { publicMetadata: { plan: 'pro' } })
}
`;
const STRIPE_WEBHOOK = `import Stripe from 'stripe'
import { fulfil } from '../../../../lib/orders'
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)
export async function POST(req: Request) {
  const body = await req.text()
  const event = stripe.webhooks.constructEvent(body, req.headers.get('stripe-signature') ?? '', process.env.STRIPE_WEBHOOK_SECRET!)
  await fulfil(event as never)
  return new Response('ok')
}
`;
// svix verified in a local helper, a Clerk event type checked in the handler: both rules ask whether the helper
// verifies (require-route-handler-auth to drop the route as a webhook, require-webhook-verification to find how).
const SVIX_HELPER_WEBHOOK = `import { Webhook } from 'svix'
async function verifyRequest(req: Request) {
  const body = await req.text()
  return new Webhook(process.env.SIGNING_SECRET!).verify(body, Object.fromEntries(req.headers)) as { type: string }
}
export async function POST(req: Request) {
  const evt = await verifyRequest(req)
  if (evt.type === 'user.created') await db.user.create({ data: {} })
  return new Response('ok')
}
`;

const projects: (() => void)[] = [];
afterAll(() => projects.forEach((remove) => remove()));
afterEach(() => vi.restoreAllMocks());

function app(): { root: string; write: (path: string, text: string) => string } {
  const project = tempProject('clerk-webhook-helpers-');
  projects.push(project.remove);
  project.write('package.json', JSON.stringify({ dependencies: { '@clerk/nextjs': '^6.0.0', next: '^15.0.0', stripe: '^17.0.0' } }));
  project.write('lib/orders.ts', HELPER);
  return project;
}

function lint(root: string, file: string, code: string, rules: string[]): string[] {
  return lintInProject(root, file, code, Object.fromEntries(rules.map((rule) => [`clerk/${rule}`, 'error'])));
}

describe("another provider's webhook", () => {
  for (const rule of ['require-route-handler-auth', 'require-webhook-verification']) {
    it(`${rule} does not read the helpers a handler on a webhook path calls once it verifies`, () => {
      const { root, write } = app();
      const file = write('app/api/webhooks/stripe/route.ts', STRIPE_WEBHOOK);
      expect(lint(root, file, STRIPE_WEBHOOK, [rule])).toEqual([]);
      expect(isModuleCached(join(root, 'lib/orders.ts'))).toBe(false);
    });
  }

  it('a handler elsewhere is analysed first, helpers and all (most routes have no finding to drop)', () => {
    const { root, write } = app();
    const file = write('app/api/orders/sync/route.ts', STRIPE_WEBHOOK);
    expect(lint(root, file, STRIPE_WEBHOOK, ['require-route-handler-auth'])).toEqual([]);
    expect(isModuleCached(join(root, 'lib/orders.ts'))).toBe(true);
  });
});

// Whether a helper verifies is asked of every imported function a Clerk webhook handler calls (and, with
// `checkErrorHandling`, of those of a helper that verifies). A module that names no verifier, and imports none that
// does within the depth followed, cannot: it is not parsed for the question (on the real apps, a 9 KB Discord bot
// service behind a boost webhook). Those that may are read as before, and give the same answers.
const CLERK_EVENT_HANDLER = (helper: string, from: string): string => `import { ${helper} } from '${from}'
export async function POST(req: Request) {
  await ${helper}(req)
  const evt = await req.json()
  if (evt.type === 'user.created') await db.user.create({ data: evt.data })
  return new Response('ok')
}
`;

// verifyWebhook with its failure answered, then a helper: nothing to report, with or without `checkErrorHandling`.
const CLERK_WEBHOOK_ANSWERED = `import { verifyWebhook } from '@clerk/nextjs/webhooks'
import { fulfil } from '../../../../lib/orders'
export async function POST(req: Request) {
  let event
  try {
    event = await verifyWebhook(req)
  } catch {
    return new Response('bad signature', { status: 400 })
  }
  await fulfil(event as never)
  return new Response('ok')
}
`;

describe('helpers that cannot verify are not parsed to find out', () => {
  const RULE: Linter.RulesRecord = { 'clerk/require-webhook-verification': ['error', { checkErrorHandling: true }] };

  it('a helper module that names no verifier', () => {
    const { root, write } = app();
    const file = write('app/api/webhooks/clerk/route.ts', CLERK_WEBHOOK_ANSWERED);
    expect(lintInProject(root, file, CLERK_WEBHOOK_ANSWERED, RULE)).toEqual([]);
    expect(isModuleCached(join(root, 'lib/orders.ts'))).toBe(false);
  });

  it('…even when it mentions verified users (the names are case-sensitive)', () => {
    const { root, write } = app();
    write('lib/orders.ts', `${HELPER}export const isVerified = (user: { emailVerified: boolean }) => user.emailVerified\n`);
    const file = write('app/api/webhooks/clerk/route.ts', CLERK_WEBHOOK_ANSWERED);
    expect(lintInProject(root, file, CLERK_WEBHOOK_ANSWERED, RULE)).toEqual([]);
    expect(isModuleCached(join(root, 'lib/orders.ts'))).toBe(false);
  });

  /**
   * Writes `modules` into a fresh app, lints a Clerk event handler that first calls `helper` from `lib/<module>`
   * (default `guard`) with the rule above, and returns the messages and whether `lib/<module>.ts` was parsed.
   */
  function lintGuarded(modules: Record<string, string>, { helper = 'guard', module = 'guard', settings = {} } = {}): { messages: string[]; parsed: boolean } {
    const { root, write } = app();
    for (const [path, text] of Object.entries(modules)) write(path, text);
    const code = CLERK_EVENT_HANDLER(helper, `../../../../lib/${module}`);
    const file = write('app/api/webhooks/clerk/route.ts', code);
    const messages = lintInProject(root, file, code, RULE, settings);
    return { messages, parsed: isModuleCached(join(root, `lib/${module}.ts`)) };
  }

  it('a helper that verifies is read and is the verification', () => {
    const signature = `import { Webhook } from 'svix'
export async function checkSignature(req: Request) {
  return new Webhook(process.env.SIGNING_SECRET!).verify(await req.clone().text(), Object.fromEntries(req.headers))
}
`;
    expect(lintGuarded({ 'lib/signature.ts': signature }, { helper: 'checkSignature', module: 'signature' })).toEqual({ messages: [], parsed: true });
  });

  it('a helper that calls a verifier of the module it imports (one import deeper) is read', () => {
    const hmac = `import { createHmac, timingSafeEqual } from 'node:crypto'
export function check(body: string, signature: string) {
  const digest = createHmac('sha256', process.env.SIGNING_SECRET!).update(body).digest()
  if (!timingSafeEqual(digest, Buffer.from(signature, 'hex'))) throw new Error('bad signature')
}
`;
    const guard = `import { check } from './hmac'
export async function guard(req: Request) {
  check(await req.clone().text(), req.headers.get('x-signature') ?? '')
}
`;
    expect(lintGuarded({ 'lib/hmac.ts': hmac, 'lib/guard.ts': guard })).toEqual({ messages: [], parsed: true });
  });

  it("a helper that calls a package's function whose name says it verifies is read, and trusted on that name", () => {
    const guard = `import { checkVerification } from 'webhook-kit'
export async function guard(req: Request) {
  await checkVerification(req)
}
`;
    expect(lintGuarded({ 'lib/guard.ts': guard })).toEqual({ messages: [], parsed: true });
  });

  it('a helper that calls a verifier named in `settings.clerk.webhookVerifiers` is read', () => {
    const guard = `import { hooks } from './hooks'
export async function guard(req: Request) {
  await hooks.check(req)
}
`;
    const settings = { clerk: { webhookVerifiers: ['hooks.check'] } };
    expect(lintGuarded({ 'lib/guard.ts': guard }, { settings })).toEqual({ messages: [], parsed: true });
  });

  it('a helper that verifies nothing still leaves the handler unverified', () => {
    const guard = `import { log } from './log'
export async function guard(req: Request) {
  log(req.headers.get('x-request-id'))
}
`;
    const log = 'export function log(value: unknown) {\n  console.log(value)\n}\n';
    expect(lintGuarded({ 'lib/guard.ts': guard, 'lib/log.ts': log })).toEqual({ messages: ['missingVerification'], parsed: false });
  });
});

describe('one webhook analysis per file', () => {
  it('both rules share what they learn about a helper: whether it verifies is worked out once', () => {
    const { root, write } = app();
    const file = write('app/api/webhooks/clerk/route.ts', SVIX_HELPER_WEBHOOK);
    const verifiesAnywhere = vi.spyOn(WebhookAnalyzer.prototype, 'verifiesAnywhere');
    expect(lint(root, file, SVIX_HELPER_WEBHOOK, ['require-route-handler-auth', 'require-webhook-verification'])).toEqual([]);
    const helperScans = verifiesAnywhere.mock.calls.filter(([fn]) => fn.type === 'FunctionDeclaration' && fn.id?.name === 'verifyRequest');
    expect(helperScans).toHaveLength(1);
  });
});
