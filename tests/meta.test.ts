import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import * as parser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';
import { createRule, docsUrl } from '../src/rules/kit/create-rule.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const ruleFiles = readdirSync(`${root}src/rules`)
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/u, ''));
const packageJson = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { name: string; version: string };

describe('rule registry', () => {
  it('registers every rule file, alphabetised, under its file name', () => {
    expect(Object.keys(rules)).toEqual([...ruleFiles].sort());
    for (const [name, rule] of Object.entries(rules)) {
      expect(rule.name, name).toBe(name);
    }
  });

  it('gives every rule a test file and a doc URL that resolves to its doc', () => {
    for (const name of ruleFiles) {
      expect(existsSync(`${root}tests/rules/${name}.test.ts`), name).toBe(true);
      const rule = rules[name as keyof typeof rules];
      expect(rule.meta.docs?.url).toBe(docsUrl(name));
      expect(rule.meta.docs?.url?.endsWith(`/docs/rules/${name}.md`)).toBe(true);
      expect(existsSync(`${root}docs/rules/${name}.md`), name).toBe(true);
    }
  });

  it('has a readable, validated schema with defaults', () => {
    for (const [name, rule] of Object.entries(rules)) {
      // Defaults live in meta.docs (for the docs), not meta.defaultOptions (ESLint would print them in option errors).
      expect(rule.meta.defaultOptions, name).toBeUndefined();
      expect(rule.meta.docs?.defaultOptions !== undefined, name).toBe((rule.meta.schema as unknown[]).length > 0);
      for (const schema of rule.meta.schema as unknown as { additionalProperties?: boolean; properties?: Record<string, { description?: string }> }[]) {
        expect(schema.additionalProperties, name).toBe(false);
        for (const [key, property] of Object.entries(schema.properties ?? {})) {
          expect(property.description, `${name}.${key}`).toBeTruthy();
        }
      }
    }
  });
});

describe('rule options', () => {
  it('an option typo is reported by ESLint with what the user wrote, not with the defaults merged in', () => {
    const linter = new Linter({ configType: 'flat' });
    const typo = (): unknown =>
      linter.verify('export const x = 1', [
        { plugins: { clerk: plugin }, rules: { 'clerk/require-route-handler-auth': ['error', { publicRoute: ['app/api/health/**'] }] } },
      ]);
    expect(typo).toThrow('Value {"publicRoute":["app/api/health/**"]} should NOT have additional properties');
    expect(typo).toThrow('Expected properties: "publicRoutes"');
  });

  it('applies the defaults itself (ESLint is not given meta.defaultOptions): a rule sees them merged with what was configured', () => {
    const seen: unknown[] = [];
    const probe = createRule<[{ names?: string[]; strict?: boolean }], 'x'>({
      name: 'probe',
      meta: {
        type: 'problem',
        docs: { description: 'Probe', recommended: 'strict' },
        schema: [{ type: 'object', additionalProperties: false, properties: { names: { type: 'array', items: { type: 'string' } }, strict: { type: 'boolean' } } }],
        defaultOptions: [{ names: [], strict: false }],
        messages: { x: 'x' },
      },
      create(_context, [options]) {
        seen.push(options);
        return {};
      },
    });
    const linter = new Linter({ configType: 'flat' });
    const run = (options: unknown[]) =>
      linter.verify('export const x = 1', [{ plugins: { p: { rules: { probe: probe as unknown as Rule.RuleModule } } }, rules: { 'p/probe': ['error', ...options] } }]);
    run([]);
    run([{ strict: true }]);
    expect(seen).toEqual([
      { names: [], strict: false },
      { names: [], strict: true },
    ]);
    expect(probe.meta.defaultOptions).toBeUndefined();
    expect(probe.meta.docs?.defaultOptions).toEqual([{ names: [], strict: false }]);
  });
});

describe('plugin object and presets', () => {
  it('reads name and version from package.json', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });

  it('computes presets from rule meta, all referencing the same plugin object', () => {
    const byPreset = (preset: 'recommended' | 'strict') =>
      Object.entries(rules)
        .filter(([, rule]) => preset === 'strict' || rule.meta.docs?.recommended === 'recommended')
        .filter(([, rule]) => ['recommended', 'strict'].includes(rule.meta.docs?.recommended ?? ''))
        .map(([name]) => `clerk/${name}`)
        .sort();
    for (const preset of ['recommended', 'strict', 'all'] as const) {
      const config = plugin.configs[preset];
      expect(config.name).toBe(`clerk/${preset}`);
      expect(config.plugins?.clerk).toBe(plugin);
      expect(config.files).toEqual(['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts}']);
      for (const [name, level] of Object.entries(config.rules ?? {})) {
        const strictOptions = rules[name.slice('clerk/'.length) as keyof typeof rules].meta.docs?.strictOptions;
        expect(level, name).toEqual(preset !== 'recommended' && strictOptions ? ['error', ...strictOptions] : 'error');
      }
    }
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(byPreset('recommended'));
    expect(Object.keys(plugin.configs.strict.rules ?? {}).sort()).toEqual(byPreset('strict'));
    expect(Object.keys(plugin.configs.all.rules ?? {}).sort()).toEqual(Object.keys(rules).map((name) => `clerk/${name}`));
    expect(plugin.configs['legacy-recommended']).toEqual({ plugins: ['clerk'], rules: plugin.configs.recommended.rules });
    expect(plugin.configs['legacy-strict']).toEqual({ plugins: ['clerk'], rules: plugin.configs.strict.rules });
  });
});

/** The code blocks under a heading of a rule doc, with the file name a leading `// path` comment gives. */
function exampleBlocks(markdown: string, heading: string): { code: string; file: string | undefined }[] {
  const start = markdown.indexOf(heading);
  if (start === -1) return [];
  const rest = markdown.slice(start + heading.length);
  const end = rest.search(/\n#{2,3} /u);
  const section = end === -1 ? rest : rest.slice(0, end);
  return [...section.matchAll(/```(?:ts|tsx|js|jsx)\n([\s\S]*?)```/gu)].map((match) => {
    const code = match[1] as string;
    return { code, file: /^\/\/ (\S+\.[jt]sx?)\n/u.exec(code)?.[1] };
  });
}

const DEFAULT_EXAMPLE_FILE: Record<string, string> = {
  'require-route-handler-auth': 'app/api/example/route.ts',
  'no-secrets-in-client': 'app/components/example.tsx',
  // Under tests/fixtures/middleware/protect-all, whose middleware protects /dashboard.
  'require-page-auth': '../middleware/protect-all/app/dashboard/page.tsx',
};

describe.each(ruleFiles)('docs/rules/%s.md', (name) => {
  const markdown = readFileSync(`${root}docs/rules/${name}.md`, 'utf8');

  it('has the sections of STYLE.md and explains why it matters', () => {
    expect(markdown.startsWith(`# clerk/${name}\n`)).toBe(true);
    for (const section of ['## Examples', '### ❌ Incorrect', '### ✅ Correct', '## When Not To Use It']) {
      expect(markdown, section).toContain(`\n${section}\n`);
    }
    // Options are documented exactly when the rule has some (eslint-doc-generator enforces the same).
    const hasOptions = (rules[name as keyof typeof rules].meta.schema as unknown[]).length > 0;
    expect(markdown.includes('\n## Options\n')).toBe(hasOptions);
    const why = markdown.slice(markdown.indexOf('<!-- end auto-generated rule header -->'), markdown.indexOf('## Examples'));
    expect(why.replace(/<!--.*?-->/gu, '').trim().length).toBeGreaterThan(200);
  });

  const linter = new Linter({ cwd: root });
  const lint = (code: string, file: string | undefined) =>
    name === 'valid-settings' ? lintSettings(code) : lintCode(code, file);
  // valid-settings' examples are configs: the `settings` object they hold is applied to a plain module.
  const lintSettings = (code: string) => {
    const start = code.indexOf('settings: ') + 'settings: '.length;
    let depth = 0;
    let end = start;
    for (; end < code.length; end += 1) {
      if (code[end] === '{') depth += 1;
      if (code[end] === '}' && --depth === 0) break;
    }
    const settings = new Function(`return (${code.slice(start, end + 1)})`)() as Record<string, unknown>;
    return linter.verify('export const x = 1', [{ files: ['**/*.ts'], plugins: { clerk: plugin }, rules: { [`clerk/${name}`]: 'error' }, settings }], {
      filename: `${root}tests/fixtures/v7/app/actions.ts`,
    });
  };
  const lintCode = (code: string, file: string | undefined) =>
    linter.verify(
      code,
      [
        {
          files: ['**/*.{js,jsx,ts,tsx}'],
          languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } },
          plugins: { clerk: plugin },
          rules: { [`clerk/${name}`]: 'error' },
        },
      ],
      { filename: `${root}tests/fixtures/v7/${file ?? DEFAULT_EXAMPLE_FILE[name] ?? 'app/actions.ts'}` },
    );

  const incorrect = exampleBlocks(markdown, '### ❌ Incorrect');
  const correct = exampleBlocks(markdown, '### ✅ Correct');

  it('has examples on both sides', () => {
    expect(incorrect.length).toBeGreaterThan(0);
    expect(correct.length).toBeGreaterThan(0);
  });

  it.each(incorrect.map((block, index) => [index, block] as const))('❌ example %i is reported', (_, block) => {
    const messages = lint(block.code, block.file);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    expect(messages.filter((message) => message.ruleId === `clerk/${name}`).length).toBeGreaterThan(0);
  });

  it.each(correct.map((block, index) => [index, block] as const))('✅ example %i is not reported', (_, block) => {
    expect(lint(block.code, block.file)).toEqual([]);
  });
});
