// The house's floors (issue 23): imports go only downwards, so each layer can be read without the ones above it.
//   util (primitives, nothing from the plugin) → clerk (Clerk knowledge) → project (settings.clerk, Clerk version)
//   → analysis → fixes → rules/kit (rule helpers) → rules → the plugin's entry points (index, configs, cli).
// `types.ts` holds the public types and imports nothing of the plugin: any layer may import it, except util.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const LAYERS = ['util', 'clerk', 'project', 'analysis', 'fixes', 'rules/kit', 'rules', 'top'] as const;

function layerOf(file: string, root = src): (typeof LAYERS)[number] | 'types' {
  const path = relative(root, file).split('\\').join('/');
  if (path === 'types.ts') return 'types';
  if (path.startsWith('rules/kit/')) return 'rules/kit';
  const folder = path.includes('/') ? path.slice(0, path.indexOf('/')) : '';
  return (LAYERS as readonly string[]).includes(folder) ? (folder as (typeof LAYERS)[number]) : 'top';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The plugin files a module imports (relative specifiers, static and dynamic, type-only included). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\(\s*)['"](\.{1,2}\/[^'"]+)['"]/gu)].map((match) => match[1] as string);
  return specifiers.map((specifier) => resolve(dirname(file), specifier.replace(/\.js$/u, '.ts')));
}

/** Every import that goes up a floor (or out of util), as `from -> to`. */
function upwardImports(files: readonly string[], root = src): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = layerOf(file, root);
    for (const target of importsOf(file)) {
      const to = layerOf(target, root);
      const allowed =
        from === 'util'
          ? to === 'util'
          : to === 'types' || from === 'types'
            ? from !== 'types' || to === 'types'
            : LAYERS.indexOf(to as (typeof LAYERS)[number]) <= LAYERS.indexOf(from as (typeof LAYERS)[number]);
      if (!allowed) problems.push(`${relative(root, file)} -> ${relative(root, target)}`);
    }
  }
  return problems;
}

describe('the layers of src/', () => {
  it('import only downwards', () => {
    const files = sourceFiles(src);
    expect(files.length).toBeGreaterThan(50);
    expect(upwardImports(files)).toEqual([]);
  });

  it('reports an import that goes up, or out of util', () => {
    const root = mkdtempSync(join(tmpdir(), 'layers-'));
    const files: Record<string, string> = {
      'util/a.ts': "import { b } from '../analysis/b.js';\nimport type { T } from '../types.js';\n",
      'analysis/b.ts': "import type { Rule } from '../rules/c.js';\nimport { d } from '../clerk/d.js';\n",
      'rules/c.ts': "import { k } from './kit/k.js';\nimport type { T } from '../types.js';\n",
      'rules/kit/k.ts': "const lazy = () => import('../c.js');\n",
      'clerk/d.ts': "import { g } from '../util/g.js';\n",
      'types.ts': '',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    expect(upwardImports(Object.keys(files).map((path) => join(root, path)), root)).toEqual([
      'util/a.ts -> analysis/b.ts',
      'util/a.ts -> types.ts',
      'analysis/b.ts -> rules/c.ts',
      'rules/kit/k.ts -> rules/c.ts',
    ]);
  });
});
