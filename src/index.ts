import { createRequire } from 'node:module';

import type { ESLint, Linter, Rule } from 'eslint';

import { buildConfigs, type FlatConfigName, type LegacyConfigName } from './configs.js';
import { rules } from './rules/index.js';
import type { ClerkRuleName } from './types.js';

const packageJson = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

export type ClerkPlugin = ESLint.Plugin & {
  meta: { name: string; version: string };
  // ESLint's own rule type, so that consumers' type-checking does not pull in @typescript-eslint/utils.
  rules: Record<ClerkRuleName, Rule.RuleModule>;
  configs: Record<FlatConfigName, Linter.Config> & Record<LegacyConfigName, Linter.LegacyConfig>;
};

const plugin = {
  meta: { name: packageJson.name, version: packageJson.version },
  rules: rules as unknown as Record<ClerkRuleName, Rule.RuleModule>,
  configs: {},
} as unknown as ClerkPlugin;

// The presets reference this same plugin object, so `plugins: { clerk }` is identical across configs.
plugin.configs = buildConfigs(plugin);

export default plugin;
// `require('eslint-plugin-clerk')` (eslintrc mode, CommonJS configs) gets the plugin itself: Node 20.19+ loads
// ES modules with require() and returns this export in place of the module namespace.
export { plugin as 'module.exports' };
export type { ClerkRuleDocs, ClerkRuleName, ClerkSettings, NameRef } from './types.js';
