import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { resolveImportPath } from '../../src/analysis/cross-file.js';
import { loadPathsMatcher } from '../../src/util/tsconfig.js';
import { tempProject } from '../temp-project.js';

const { root, write, remove } = tempProject('clerk-tsconfig-');
afterAll(remove);

/** The tsconfig.json that create-next-app 16 writes (`--src-dir` or not): `/*` and `*\/` inside strings. */
function createNextAppTsconfig(src: boolean): string {
  return `{
  "compilerOptions": {
    "target": "ES2017",
    "lib": ["dom", "dom.iterable", "esnext"],
    "allowJs": true,
    "skipLibCheck": true,
    "strict": true,
    "noEmit": true,
    "esModuleInterop": true,
    "module": "esnext",
    "moduleResolution": "bundler",
    "resolveJsonModule": true,
    "isolatedModules": true,
    "jsx": "react-jsx",
    "incremental": true,
    "plugins": [
      {
        "name": "next"
      }
    ],
    "paths": {
      "@/*": ["./${src ? 'src/' : ''}*"]
    }
  },
  "include": [
    "next-env.d.ts",
    "**/*.ts",
    "**/*.tsx",
    ".next/types/**/*.ts",
    ".next/dev/types/**/*.ts",
    "**/*.mts"
  ],
  "exclude": ["node_modules"]
}
`;
}

const HELPER = 'export async function requireUser() {}\n';

describe('import aliases from tsconfig.json / jsconfig.json', () => {
  it('reads the tsconfig create-next-app writes, with src/', () => {
    write('cna-src/package.json', '{}');
    write('cna-src/tsconfig.json', createNextAppTsconfig(true));
    const helper = write('cna-src/src/lib/auth.ts', HELPER);
    const from = write('cna-src/src/app/actions.ts', '');
    expect(resolveImportPath(from, '@/lib/auth')).toBe(helper);
  });

  it('reads the tsconfig create-next-app writes, without src/', () => {
    write('cna/package.json', '{}');
    write('cna/tsconfig.json', createNextAppTsconfig(false));
    const helper = write('cna/lib/auth.ts', HELPER);
    const from = write('cna/app/api/x/route.ts', '');
    expect(resolveImportPath(from, '@/lib/auth')).toBe(helper);
  });

  it('reads comments, trailing commas and strings that look like comments', () => {
    write('jsonc/package.json', '{}');
    write(
      'jsonc/tsconfig.json',
      `// generated
{
  /* block */
  "compilerOptions": {
    "paths": { "~/*": ["./src/*"], }, // trailing comma
  },
  "include": ["**/*.ts", "src/**/*"],
}
`,
    );
    const helper = write('jsonc/src/server/auth.ts', HELPER);
    expect(resolveImportPath(write('jsonc/src/app/page.tsx', ''), '~/server/auth')).toBe(helper);
  });

  it('reads a jsconfig.json in a JavaScript app', () => {
    write('js-app/package.json', '{}');
    write('js-app/jsconfig.json', '{\n  "compilerOptions": {\n    "paths": {\n      "@/*": ["./*"]\n    }\n  }\n}\n');
    const helper = write('js-app/lib/authSeller.js', 'export default async function authSeller() {}\n');
    expect(resolveImportPath(write('js-app/app/api/x/route.js', ''), '@/lib/authSeller')).toBe(helper);
  });

  it('follows extends from an installed package (expo/tsconfig.base, @tsconfig/next)', () => {
    write('expo-app/package.json', '{}');
    write('expo-app/node_modules/expo/package.json', '{ "name": "expo", "version": "52.0.0" }');
    write('expo-app/node_modules/expo/tsconfig.base.json', '{ "compilerOptions": { "strict": true, /* no paths */ } }');
    write('expo-app/tsconfig.json', '{ "extends": "expo/tsconfig.base", "compilerOptions": { "paths": { "@/*": ["./*"] } } }');
    const helper = write('expo-app/lib/auth.ts', HELPER);
    expect(resolveImportPath(write('expo-app/app/index.tsx', ''), '@/lib/auth')).toBe(helper);

    write('tsconfig-next/package.json', '{}');
    write('tsconfig-next/node_modules/@tsconfig/next/package.json', '{ "name": "@tsconfig/next", "version": "2.0.0" }');
    write('tsconfig-next/node_modules/@tsconfig/next/tsconfig.json', '{ "compilerOptions": { "baseUrl": "." } }');
    write('tsconfig-next/tsconfig.json', '{ "extends": "@tsconfig/next/tsconfig.json", "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }');
    const nextHelper = write('tsconfig-next/src/lib/auth.ts', HELPER);
    expect(resolveImportPath(write('tsconfig-next/src/app/page.tsx', ''), '@/lib/auth')).toBe(nextHelper);
  });

  it('keeps the rest of the chain when a base package is not installed (as TypeScript does)', () => {
    write('no-modules/package.json', '{}');
    write('no-modules/tsconfig.json', '{\n  // before npm install\n  "extends": "expo/tsconfig.base",\n  "compilerOptions": { "paths": { "@/*": ["./src/*"] } },\n  "include": ["**/*.ts"]\n}\n');
    const helper = write('no-modules/src/lib/auth.ts', HELPER);
    expect(resolveImportPath(write('no-modules/src/app/page.tsx', ''), '@/lib/auth')).toBe(helper);
  });

  it('follows a monorepo app whose tsconfig extends ../../packages/tsconfig/base.json', () => {
    write('mono/package.json', '{ "private": true, "workspaces": ["apps/*", "packages/*"] }');
    write('mono/packages/tsconfig/base.json', '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }');
    write('mono/apps/web/package.json', '{}');
    write('mono/apps/web/tsconfig.json', '{ "extends": "../../packages/tsconfig/base.json", "include": ["**/*.ts"] }');
    // `paths` are relative to the config that declares them: packages/tsconfig/src/, not apps/web/src/.
    write('mono/packages/tsconfig/src/lib/auth.ts', HELPER);
    const from = write('mono/apps/web/src/app/page.tsx', '');
    // …which is outside the app's project, so it is not read.
    expect(resolveImportPath(from, '@/lib/auth')).toBeUndefined();

    write('mono/packages/tsconfig/shared.json', '{ "compilerOptions": { "baseUrl": "../../apps/web", "paths": { "@/*": ["./src/*"] } } }');
    write('mono/apps/api/package.json', '{}');
    write('mono/apps/api/tsconfig.json', '{ "extends": ["../../packages/tsconfig/base.json", "../../packages/tsconfig/shared.json"] }');
    const webHelper = write('mono/apps/web/src/lib/auth.ts', HELPER);
    const matcher = loadPathsMatcher(join(root, 'mono/apps/api'));
    expect(matcher?.('@/lib/auth')).toEqual([join(root, 'mono/apps/web/src/lib/auth')]);
    expect(webHelper).toBe(join(root, 'mono/apps/web/src/lib/auth.ts'));
  });

  it('follows a base whose paths sit in a package that is not installed, keeping the relative links', () => {
    write('mono2/package.json', '{}');
    write('mono2/packages/config/base.json', '{ "extends": "@repo/not-installed/base.json", "compilerOptions": { "baseUrl": "." } }');
    write('mono2/apps/web/package.json', '{}');
    write('mono2/apps/web/tsconfig.json', '{ "extends": "../../packages/config/base.json", "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }');
    const matcher = loadPathsMatcher(join(root, 'mono2/apps/web'));
    expect(matcher?.('@/lib/auth')).toEqual([join(root, 'mono2/apps/web/src/lib/auth')]);
  });

  it('resolves bare imports from baseUrl when there are no paths', () => {
    write('base-url/package.json', '{}');
    write('base-url/tsconfig.json', '{ "compilerOptions": { "baseUrl": "src" } }');
    const helper = write('base-url/src/lib/auth.ts', HELPER);
    expect(resolveImportPath(write('base-url/src/app/page.tsx', ''), 'lib/auth')).toBe(helper);
    // A package name finds no file inside the project and stays unresolved.
    expect(resolveImportPath(write('base-url/src/app/other.tsx', ''), 'react')).toBeUndefined();
  });

  it("reads adsylabs-style paths ('*' → src/*) with a baseUrl", () => {
    write('star/package.json', '{}');
    write('star/tsconfig.json', '{ "compilerOptions": { "baseUrl": ".", "paths": { "*": ["./src/*"] } } }');
    const helper = write('star/src/server/auth.ts', HELPER);
    expect(resolveImportPath(write('star/src/pages/api/x.ts', ''), 'server/auth')).toBe(helper);
  });

  it('prefers tsconfig.json over jsconfig.json, and answers nothing for a config that does not parse', () => {
    write('both/package.json', '{}');
    write('both/tsconfig.json', '{ "compilerOptions": { "paths": { "@/*": ["./ts/*"] } } }');
    write('both/jsconfig.json', '{ "compilerOptions": { "paths": { "@/*": ["./js/*"] } } }');
    expect(loadPathsMatcher(join(root, 'both'))?.('@/x')).toEqual([join(root, 'both/ts/x')]);
    write('broken/package.json', '{}');
    write('broken/tsconfig.json', '{ "compilerOptions": { "paths": ');
    expect(() => loadPathsMatcher(join(root, 'broken'))).not.toThrow();
    write('none/package.json', '{}');
    expect(loadPathsMatcher(join(root, 'none'))).toBeUndefined();
  });

  it('survives an extends cycle', () => {
    write('cycle/package.json', '{}');
    write('cycle/a.json', '{ "extends": "./tsconfig.json", "compilerOptions": { "extends-missing": 1 } }');
    write('cycle/tsconfig.json', '{ "extends": ["./a.json", "not-installed-pkg"], "compilerOptions": { "paths": { "@/*": ["./*"] } } }');
    expect(loadPathsMatcher(join(root, 'cycle'))?.('@/x')).toEqual([join(root, 'cycle/x')]);
  });
});
