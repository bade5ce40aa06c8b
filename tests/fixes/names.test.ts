import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { freeName, namesInUse } from '../../src/fixes/names.js';
import { withContext } from '../harness.js';

const code = `import { db } from './db'
const userId = 'module-level'
export async function archive(id: string) {
  const result = await db.archive(id, (row) => row.owner)
  return result ?? missingGlobal
}
`;

/** The names a new binding inside `archive` must avoid. */
function takenInArchive(names: readonly string[]): Record<string, boolean> {
  return withContext(code, (context, program) => {
    const fn = (program.body[2] as TSESTree.ExportNamedDeclaration).declaration as TSESTree.FunctionDeclaration;
    const taken = namesInUse(context.sourceCode, fn);
    return Object.fromEntries(names.map((name) => [name, taken.has(name)]));
  });
}

describe('namesInUse', () => {
  it('takes names of the function, its nested scopes, what they reference, and every enclosing scope', () => {
    expect(
      takenInArchive(['id', 'result', 'row', 'missingGlobal', 'userId', 'db', 'archive', 'Promise', 'Record', 'orgId', 'clerkUserId']),
    ).toEqual({
      id: true,
      result: true,
      row: true,
      missingGlobal: true,
      userId: true,
      db: true,
      archive: true,
      // Globals of the TypeScript lib live in the global scope: taken, although no code here names them.
      Promise: true,
      Record: true,
      orgId: false,
      clerkUserId: false,
    });
  });

  it('gives freeName a name outside that set', () => {
    withContext(code, (context, program) => {
      const fn = (program.body[2] as TSESTree.ExportNamedDeclaration).declaration as TSESTree.FunctionDeclaration;
      const taken = namesInUse(context.sourceCode, fn);
      expect(freeName(taken, 'userId', 'clerkUserId')).toBe('clerkUserId');
      expect(freeName(taken, 'orgId', 'sessionOrgId')).toBe('orgId');
      expect(freeName(taken, 'result', 'row')).toBe('row2');
    });
  });
});
