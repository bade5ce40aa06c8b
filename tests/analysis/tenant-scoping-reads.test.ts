// no-org-id-from-request with `checkTenantScoping` asks whether a module the file imports names `orgId` (class 8
// applies only to entry points that work in an organization). That question reads the imported modules, so it is
// asked only of files that hold entry points: a library module that queries data (a fifth of corpus (a)'s files
// call something named `create…`/`find…`) was reading its imports for a class that can never apply to it.
import type * as fs from 'node:fs';

import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { lintInProject, tempProject } from '../temp-project.js';

const reads = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof fs>();
  const readFileSync = ((path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (typeof path === 'string') reads.push(path);
    return (original.readFileSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  return { ...original, readFileSync, default: { ...original, readFileSync } };
});

const projects: (() => void)[] = [];
afterAll(() => projects.forEach((remove) => remove()));
beforeEach(() => {
  reads.length = 0;
});

const QUERIES = `import { formatName } from './names'
export async function createProject(name: string) {
  return db.project.create({ data: { name: formatName(name) } })
}
`;

function lint(file: string, code: string, root: string): string[] {
  return lintInProject(root, file, code, { 'clerk/no-org-id-from-request': ['error', { checkTenantScoping: true }] });
}

describe('no-org-id-from-request reads imported modules only for files with entry points', () => {
  function app(): { root: string; write: (path: string, text: string) => string } {
    const project = tempProject('clerk-tenant-reads-');
    projects.push(project.remove);
    project.write('package.json', JSON.stringify({ dependencies: { '@clerk/nextjs': '^6.0.0', next: '^15.0.0' } }));
    return project;
  }

  it('does not read the imports of a library module that queries data', () => {
    const { root, write } = app();
    const names = write('lib/names.ts', 'export const formatName = (name: string) => name.trim()\n');
    const file = write('lib/projects.ts', QUERIES);
    expect(lint(file, QUERIES, root)).toEqual([]);
    expect(reads).not.toContain(names);
  });

  it('reads them for a file of Server Actions, whose entry points may work in an organization', () => {
    const { root, write } = app();
    const names = write('app/names.ts', 'export const formatName = (name: string) => name.trim()\n');
    const code = `'use server'\n${QUERIES}`;
    const file = write('app/actions.ts', code);
    expect(lint(file, code, root)).toEqual([]);
    expect(reads).toContain(names);
  });
});
