import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  CREATES_ROUTER,
  ENV_READ_GATE,
  KEY_GATE,
  SIGNATURE_COMPARE_FUNCTION,
  SIGNATURE_TEXT,
  SIGNATURE_VERIFY_FUNCTIONS,
  SIGNATURE_VERIFY_METHODS,
  USER_EVENT_GATE,
  WEBHOOK_TEXT,
} from '../../src/clerk/index.js';
import { passesTextGate, type TextGate } from '../../src/util/text-gate.js';

// Every alternative of each gate's pattern, and near misses: a hint list that left one out would turn the rule off
// for files it must read.
const GATES: [string, TextGate, matches: string[], misses: string[]][] = [
  ['CREATES_ROUTER', CREATES_ROUTER, ['const r = Router()', 'express.Router ()', 'new Hono()', 'new\n  Hono<Env>()'], ['Routers()', 'new HonoApp()', 'router()', 'createRouter()']],
  ['USER_EVENT_GATE', USER_EVENT_GATE, ["case 'user.created':", 'user.updated', "'user.deleted'"], ['user.id', 'users.created', 'User.created']],
  ['KEY_GATE', KEY_GATE, ['sk_live_abc', 'sk_test_abc', 'whsec_abc', 'ak_abc', 'pk_test_abc'], ['pk_live_abc', 'sk-test', 'whsec-', 'task_queue', 'ask_question', 'mock_fetch']],
  ['ENV_READ_GATE', ENV_READ_GATE, ['process.env.X', 'import.meta.env.X', 'const { A } = process.env'], ['processenv', 'meta.environment', 'dotenv']],
];

/** The plugin's own sources and test fixtures: texts of every kind, most matching no gate. */
function repoTexts(): string[] {
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.[cm]?[jt]sx?$/u.test(name)) texts.push(readFileSync(path, 'utf8'));
    }
  };
  walk(join(import.meta.dirname, '../../src'));
  walk(join(import.meta.dirname, '../fixtures'));
  return texts;
}

describe('text gates', () => {
  for (const [name, gate, matches, misses] of GATES) {
    it(`${name}: a hint is found in every text the pattern matches`, () => {
      for (const text of matches) {
        const padded = `import x from 'y';\n${text}\nexport default x;\n`;
        expect(gate.pattern.test(padded), text).toBe(true);
        expect(passesTextGate(padded, gate), text).toBe(true);
      }
      for (const text of misses) {
        expect(gate.pattern.test(text), text).toBe(false);
        expect(passesTextGate(text, gate), text).toBe(false);
      }
    });
  }

  it('agrees with the pattern alone on the plugin sources and fixtures', () => {
    const texts = repoTexts();
    expect(texts.length).toBeGreaterThan(100);
    for (const [name, gate] of GATES) {
      const passed = texts.filter((text) => passesTextGate(text, gate)).length;
      expect(passed, name).toBe(texts.filter((text) => gate.pattern.test(text)).length);
    }
  });

  it('WEBHOOK_TEXT: svix, standardwebhooks and webhook in any case, nothing else', () => {
    for (const text of ["import { Webhook } from 'svix'", "import { Webhook } from 'standardwebhooks'", 'SVIX_SECRET', 'handleWebHook', 'WEBHOOK_SECRET']) {
      expect(WEBHOOK_TEXT.test(text), text).toBe(true);
    }
    for (const text of ['useHook()', 'web hooks', "import { verify } from 'jsonwebtoken'", 'svc.x']) expect(WEBHOOK_TEXT.test(text), text).toBe(false);
  });

  it('SIGNATURE_TEXT: every verifier name, and an import whose name says it verifies; not words that only look alike', () => {
    for (const name of [...SIGNATURE_VERIFY_METHODS, ...SIGNATURE_VERIFY_FUNCTIONS, SIGNATURE_COMPARE_FUNCTION]) {
      expect(SIGNATURE_TEXT.test(`x.${name}(a)`), name).toBe(true);
    }
    for (const text of [
      "import { checkVerification } from 'webhook-kit'",
      'import {\n  a,\n  assertVerified,\n} from "@acme/hooks"',
      "import Verifier from 'verifier'",
      'new Webhook(secret).verify(body, headers)',
    ]) {
      expect(SIGNATURE_TEXT.test(text), text).toBe(true);
    }
    for (const text of [
      'const verifiedType = user.publicMetadata.verified',
      'if (!user.emailVerified) return',
      "import { a } from 'b'\nconst Verified = Array.from(xs)",
      "import { badges } from './badges' // verified users",
      'await updateUserCountChannel()',
      'crypto.timingSafe(a, b)',
      'VERIFY',
      'validate(body)',
      'const verified = true',
      'user.isVerified',
      'Verification pending',
      'construct(event)',
      'isValid(signature)',
      'validateEmail(address)',
      'validateInput(body)',
      'safeEqual(a, b)',
      "import { badge } from './verified-badges'",
      'eventConstructor()',
      'constructevent(x)',
      'validateForm(values)',
      'timingSafe_equal(a, b)',
      'isValidEmail(address)',
      'unverified',
      'reVerifiedAt',
    ]) {
      expect(SIGNATURE_TEXT.test(text), text).toBe(false);
    }
  });

  it('does not run the pattern when no hint is in the text', () => {
    let ran = 0;
    const pattern = { test: () => ((ran += 1), true) } as unknown as RegExp;
    expect(passesTextGate('nothing here', { hints: ['absent'], pattern })).toBe(false);
    expect(ran).toBe(0);
    expect(passesTextGate('a hint: present', { hints: ['absent', 'present'], pattern })).toBe(true);
    expect(ran).toBe(1);
  });
});
