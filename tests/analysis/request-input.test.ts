import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getClerkReferences } from '../../src/analysis/clerk-references.js';
import type { FunctionNode } from '../../src/analysis/functions.js';
import { RequestInputAnalyzer } from '../../src/analysis/request-input.js';
import { withContext } from '../harness.js';

/** For each `probe(<expr>)` call in the first exported function, whether `<expr>` is caller-controlled. */
function probes(code: string): boolean[] {
  return withContext(code, (context, program) => {
    const exported = program.body.find((s) => s.type === 'ExportNamedDeclaration') as TSESTree.ExportNamedDeclaration;
    const fn = exported.declaration as FunctionNode;
    const analyzer = new RequestInputAnalyzer(context.sourceCode, getClerkReferences(context.sourceCode), fn);
    const results: boolean[] = [];
    const visit = (node: TSESTree.Node): void => {
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'probe') {
        results.push(analyzer.isCallerControlled(node.arguments[0] as TSESTree.Node));
      }
      for (const [key, value] of Object.entries(node)) {
        if (key === 'parent') continue;
        for (const child of Array.isArray(value) ? value : [value]) {
          if (child && typeof child === 'object' && typeof (child as TSESTree.Node).type === 'string') visit(child as TSESTree.Node);
        }
      }
    };
    visit(fn.body);
    return results;
  });
}

describe('RequestInputAnalyzer', () => {
  it('follows the request through reads, destructuring, await and validation', () => {
    expect(
      probes(`import { z } from 'zod'
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const body = await req.json()
  const { orgId, nested: { slug: renamed } = {}, ...rest } = body
  const form = await req.formData()
  const fromForm = form.get('orgId')
  const { id } = await params
  const search = new URL(req.url).searchParams.get('org')
  const parsed = z.object({}).parse(body).orgId
  const either = body.a ?? 'default'
  const text = \`org-\${orgId}\`
  const header = req.headers.get('x-org')
  const number = Number(body.count)
  probe(orgId); probe(renamed); probe(rest); probe(fromForm); probe(id); probe(search); probe(parsed)
  probe(either); probe(text); probe(header); probe(number); probe((body as { x: string }).x!)
}`),
    ).toEqual(Array(12).fill(true));
  });

  it('treats server action arguments and cookies as caller-controlled', () => {
    expect(
      probes(`import { cookies } from 'next/headers'
export async function action(orgId: string, formData: FormData) {
  const jar = await cookies()
  probe(orgId); probe(formData.get('role')); probe(jar.get('org')?.value)
}`),
    ).toEqual([true, true, true]);
  });

  it('never treats values from Clerk, constants or module state as caller-controlled', () => {
    expect(
      probes(`import { auth, currentUser } from '@clerk/nextjs/server'
const DEFAULT_ORG = 'org_1'
export async function POST(req: Request) {
  const { orgId, sessionClaims } = await auth()
  const user = await currentUser()
  const constant = 'x'
  const computed = await db.org.findFirst()
  probe(orgId); probe(sessionClaims?.org); probe(user?.id); probe(DEFAULT_ORG); probe(constant); probe(computed.id)
  items.map((item) => probe(item.orgId))
}`),
    ).toEqual([false, false, false, false, false, false, false]);
  });
});
