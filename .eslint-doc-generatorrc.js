/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  ignoreConfig: ['all', 'legacy-recommended', 'legacy-strict'],
  ruleDocSectionInclude: ['Examples', 'When Not To Use It'],
  ruleDocTitleFormat: 'prefix-name',
  // Every rule declares `fixable` only so that `settings.clerk.autofix: true` can promote its suggestions;
  // by default its repairs are suggestions, so the 🔧 marker would mislead.
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'options'],
  ruleDocNotices: ['deprecated', 'configs', 'hasSuggestions', 'options', 'requiresTypeChecking', 'description'],
  urlConfigs: 'https://github.com/eslint-plugin-clerk/eslint-plugin-clerk#presets',
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
};

export default config;
