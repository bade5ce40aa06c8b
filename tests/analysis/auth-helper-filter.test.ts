import { join } from 'node:path';

import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it, vi } from 'vitest';

import { isModuleCached, mayLeadToAuth } from '../../src/analysis/cross-file.js';
import { ModuleAnalysis } from '../../src/analysis/helper-modules.js';
import plugin from '../../src/index.js';
import { tempProject } from '../temp-project.js';

// Whether a call authenticates (a guard helper) or returns the caller's identity is asked of every call a route
// makes; an imported helper whose module cannot reach the session (no Clerk import, no `req.auth`, no project
// import that can) is none without parsing its module. Whether it does work is another question, asked only when
// needed, and may still parse it.

const { root, write, remove } = tempProject('clerk-auth-leads-');
afterAll(remove);
write('package.json', JSON.stringify({ dependencies: { '@clerk/nextjs': '^6.0.0' } }));
const db = write('lib/db.ts', `import mongoose from 'mongoose'\nexport async function connectDB() {\n  await mongoose.connect(process.env.MONGODB_URI!)\n}\n`);
const mail = write('lib/mail.ts', `export async function sendMail(to: string) {\n  await fetch('https://mail.example.com', { method: 'POST', body: to })\n}\n`);
const guard = write(
  'lib/guard.ts',
  `export function requireUser(req: { auth: { userId: string | null } }) {\n  if (!req.auth.userId) throw new Error('Unauthorized')\n  return req.auth.userId\n}\n`,
);
const inner = write('lib/inner.ts', `import { auth } from '@clerk/nextjs/server'\nexport async function userIdOrNull() {\n  const { userId } = await auth()\n  return userId\n}\n`);
const session = write(
  'lib/session.ts',
  `import { userIdOrNull } from './inner'\nexport async function requireSession() {\n  const userId = await userIdOrNull()\n  if (!userId) throw new Error('Unauthorized')\n  return userId\n}\n`,
);

function findings(code: string, path: string): string[] {
  return new Linter({ cwd: root })
    .verify(
      code,
      [{ files: ['**/*.ts'], plugins: { clerk: plugin }, languageOptions: { parser }, rules: { 'clerk/require-route-handler-auth': 'error' } }],
      write(path, code),
    )
    .map((message) => message.messageId ?? message.message);
}

describe('imported helpers that cannot reach the session', () => {
  it('tells modules apart by their text', () => {
    expect(mayLeadToAuth(db, 1)).toBe(false);
    expect(mayLeadToAuth(mail, 1)).toBe(false);
    expect(mayLeadToAuth(guard, 1)).toBe(true);
    expect(mayLeadToAuth(inner, 0)).toBe(true);
    // No Clerk import of its own, but an import of a module that has one: only with an import left to follow.
    expect(mayLeadToAuth(session, 1)).toBe(true);
    expect(mayLeadToAuth(session, 0)).toBe(false);
  });

  it('does not parse a helper module that cannot authenticate when no other question needs it', () => {
    const code = `import { connectDB } from '../../../lib/db'
import { requireUser } from '../../../lib/guard'
export async function GET(req: any) {
  await connectDB()
  requireUser(req)
  return Response.json(await db.invoice.findMany())
}
`;
    expect(findings(code, 'app/api/invoices/route.ts')).toEqual([]);
    expect(isModuleCached(join(root, 'lib/guard.ts'))).toBe(true);
    expect(isModuleCached(join(root, 'lib/db.ts'))).toBe(false);
  });

  it('still finds a guard one import away, and still counts a helper that does work as work', () => {
    const guarded = `import { requireSession } from '../../../lib/session'
export async function GET() {
  await requireSession()
  return Response.json(await db.order.findMany())
}
`;
    expect(findings(guarded, 'app/api/orders/route.ts')).toEqual([]);
    const unguarded = `import { sendMail } from '../../../lib/mail'
export async function POST(req: Request) {
  await sendMail(await req.text())
  return Response.json({ ok: true })
}
`;
    expect(findings(unguarded, 'app/api/mail/route.ts')).toEqual(['missingAuth']);
  });
});

describe('Clerk APIs by their imported names', () => {
  it('are not looked up as bindings or project helpers when asked whether a call establishes auth', () => {
    const prototype = ModuleAnalysis.prototype as unknown as { resolveAuthHelper: (callee: { name: string }) => unknown };
    const spy = vi.spyOn(prototype, 'resolveAuthHelper');
    try {
      const code = `import { auth, currentUser } from '@clerk/nextjs/server'
export async function GET() {
  const user = await currentUser()
  await auth.protect()
  return Response.json({ id: user?.id })
}
`;
      expect(findings(code, 'app/api/me/route.ts')).toEqual([]);
      const asked = spy.mock.calls.map(([callee]) => callee.name);
      expect(asked).not.toContain('currentUser');
      expect(asked).not.toContain('auth');
    } finally {
      spy.mockRestore();
    }
  });
});
