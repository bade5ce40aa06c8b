// In your own app: `import clerk from 'eslint-plugin-clerk'`. This example imports the plugin built from this
// repository (`npm run build`), so that it needs no node_modules of its own.
import tsParser from '@typescript-eslint/parser';

import clerk from '../../dist/index.js';

export default [
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  clerk.configs.recommended,
];
