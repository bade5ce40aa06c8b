// Temporary consumer projects for the real-client tests: the plugin is installed from the packed tarball (what
// `npm publish` would ship), its dependencies and the tools are linked from this repository's install, so no
// network is needed beyond `npm ci`. Everything lives in the OS temp dir and is removed by `cleanup()`.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const exampleApp = join(repoRoot, 'examples/next-app');

/** `npm pack` of the built plugin (run `npm run build` first; `npm test` does). Returns the tarball path. */
export function packPlugin(destination: string): string {
  if (!existsSync(join(repoRoot, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as { filename: string }[];
  return join(destination, packed!.filename);
}

export interface ConsumerOptions {
  /** ESLint major installed as the consumer's `eslint` (9 comes from the `eslint-v9` devDependency alias). */
  eslint?: 9 | 10;
  /** Files to write, relative to the project root. */
  files?: Record<string, string>;
  /** Copy `examples/next-app` (without its repo-relative eslint.config.js) into this subfolder. */
  withExample?: string;
  packageJson?: Record<string, unknown>;
}

export interface Consumer {
  dir: string;
  tarball: string;
  /** Path of the consumer's ESLint CLI entry (run it with `process.execPath`). */
  eslintBin: string;
  write(path: string, content: string): void;
  cleanup(): void;
}

export function createConsumer(options: ConsumerOptions = {}): Consumer {
  const work = mkdtempSync(join(tmpdir(), 'eslint-plugin-clerk-consumer-'));
  const dir = join(work, 'project');
  let tarball: string;
  try {
    tarball = packPlugin(work);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  const modules = join(dir, 'node_modules');
  const pluginDir = join(modules, 'eslint-plugin-clerk');
  mkdirSync(pluginDir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pluginDir, '--strip-components=1']);
  const eslintMajor = options.eslint ?? 10;
  for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
    if (entry.startsWith('.') || entry === 'eslint-plugin-clerk' || entry === 'eslint' || entry === 'eslint-v9') continue;
    symlinkSync(join(repoRoot, 'node_modules', entry), join(modules, entry));
  }
  symlinkSync(join(repoRoot, 'node_modules', eslintMajor === 9 ? 'eslint-v9' : 'eslint'), join(modules, 'eslint'));
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  write('package.json', JSON.stringify({ name: 'consumer', private: true, type: 'module', ...options.packageJson }, null, 2));
  if (options.withExample !== undefined) {
    cpSync(exampleApp, join(dir, options.withExample), {
      recursive: true,
      filter: (source) => !source.endsWith('eslint.config.js') && !source.includes('node_modules'),
    });
  }
  for (const [path, content] of Object.entries(options.files ?? {})) write(path, content);
  return {
    dir,
    tarball,
    eslintBin: join(modules, 'eslint/bin/eslint.js'),
    write,
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}

/** The flat config a consumer writes: TypeScript parser for ts/tsx, then `clerk.configs.<preset>`. */
export function flatConfig(preset: 'recommended' | 'strict' | 'all' = 'recommended'): string {
  return `import tsParser from '@typescript-eslint/parser';
import clerk from 'eslint-plugin-clerk';

export default [
  { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  clerk.configs.${preset},
];
`;
}
