import { join } from 'node:path';

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
const CLERK_WEBHOOK = `import { verifyWebhook } from '@clerk/nextjs/webhooks'
import { fulfil } from '../../../../lib/orders'
export async function POST(req: Request) {
  const event = await verifyWebhook(req)
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

  it("a Clerk webhook's helpers are still read, to see whether one verifies", () => {
    const { root, write } = app();
    const file = write('app/api/webhooks/clerk/route.ts', CLERK_WEBHOOK);
    expect(lint(root, file, CLERK_WEBHOOK, ['require-webhook-verification', 'require-route-handler-auth'])).toEqual([]);
    expect(isModuleCached(join(root, 'lib/orders.ts'))).toBe(true);
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
