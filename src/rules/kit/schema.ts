import type { JSONSchema } from '@typescript-eslint/utils';

/** An option holding a list of names, globs or paths (unique, non-empty strings). */
export function stringListOption(description: string): JSONSchema.JSONSchema4ArraySchema {
  return { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, description };
}
