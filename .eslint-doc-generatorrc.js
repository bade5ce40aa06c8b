import plugin from './dist/index.js';

// The options' defaults are kept from ESLint (see src/rules/kit/create-rule.ts) but belong in the docs' options tables.
// The generator loads this same module instance (dist/index.js), so it reads them from `meta.defaultOptions`.
for (const rule of Object.values(plugin.rules)) {
  if (rule.meta.docs.defaultOptions !== undefined) rule.meta.defaultOptions = rule.meta.docs.defaultOptions;
}

/** Rules with findings that `eslint --fix` repairs without `settings.clerk.autofix` (`meta.docs.fixesByDefault`). */
const fixesByDefault = Object.entries(plugin.rules)
  .filter(([, rule]) => rule.meta.docs.fixesByDefault === true)
  .map(([name]) => name);

const FIX_LEGEND =
  '🔧 Some findings are fixed by `eslint --fix` as is (repairs that cannot change behaviour for the worse). Every other repair is a 💡 suggestion; `settings.clerk.autofix: true` promotes each finding\'s first suggestion to a fix.';

/**
 * Every rule declares `fixable` only so that `settings.clerk.autofix: true` can promote its suggestions, so the
 * generator's own 🔧 marker (from `meta.fixable`) would mark them all. The 🔧 marker is added here instead, to the
 * rules that fix by default.
 */
function postprocess(content, path) {
  if (path.endsWith('README.md')) {
    let out = content.replace(
      /(💡 Manually fixable by \[editor suggestions\]\([^)]*\)\.\\\n)/u,
      `$1${FIX_LEGEND}\\\n`,
    );
    for (const name of fixesByDefault) {
      out = out.replace(new RegExp(`^(\\| \\[${name}\\]\\([^)]*\\) *\\|[^|]*\\|[^|]*\\|) 💡 \\|`, 'mu'), '$1 🔧 💡 |');
    }
    return out;
  }
  const name = /docs\/rules\/([\w-]+)\.md$/u.exec(path)?.[1];
  if (name !== undefined && fixesByDefault.includes(name)) {
    return content.replace(
      /(💡 This rule is manually fixable by \[editor suggestions\]\([^)]*\)\.\n)/u,
      '$1\n🔧 Some problems reported by this rule are fixed by `eslint --fix` as is (repairs that cannot change behaviour for the worse).\n',
    );
  }
  return content;
}

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  ignoreConfig: ['all', 'legacy-recommended', 'legacy-strict'],
  ruleDocSectionInclude: ['Examples', 'When Not To Use It'],
  ruleDocTitleFormat: 'prefix-name',
  // The generator's 🔧 column would mark every rule (see postprocess).
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'options'],
  ruleDocNotices: ['deprecated', 'configs', 'hasSuggestions', 'options', 'requiresTypeChecking', 'description'],
  urlConfigs: 'https://github.com/eslint-plugin-clerk/eslint-plugin-clerk#presets',
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  postprocess,
};

export default config;
