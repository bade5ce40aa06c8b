// `node bench/parsed-modules.mjs [config] [corpus]`: the modules the plugin parses besides the files it lints
// (imported helpers, middleware, app modules that mount a router), linting a corpus the way the benchmark does.
// Parsing another module costs about as much per byte as ESLint's own parse of a linted file (~9,000 instructions
// per byte with scope analysis), so on corpus (c) it is most of what the plugin adds: count them before and after a
// change that should read fewer. Defaults: recommended on (c). Prints each module with its size, then the total.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';

import * as parser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

import { corpusFile, listPaths, root } from './corpora.mjs';

const require = createRequire(import.meta.url);
const [config = 'recommended', corpus = 'c'] = process.argv.slice(2);

// The plugin parses other modules with typescript-estree's `parse` (src/analysis/cross-file.ts), which ESLint's own
// parse of a linted file does not call: wrapped before the plugin loads, it sees exactly the plugin's parses.
const estree = require('@typescript-eslint/typescript-estree');
const parse = estree.parse;
const parsed = [];
Object.defineProperty(estree, 'parse', {
  configurable: true,
  enumerable: true,
  get: () => (text, options) => {
    parsed.push({ file: options?.filePath ?? '?', bytes: Buffer.byteLength(text) });
    return parse(text, options);
  },
});

const clerk = require('../dist/index.js');
if (clerk.configs[config] === undefined) throw new Error(`unknown config ${config} (one of ${Object.keys(clerk.configs).join(', ')})`);
const files = listPaths(corpusFile(corpus));
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.{js,jsx,ts,tsx,mjs,cjs}'], languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } } }, clerk.configs[config]],
  ignorePatterns: ['!**/node_modules/'],
  cache: false,
});
for (const file of files) await eslint.lintText(readFileSync(file, 'utf8'), { filePath: file });
for (const { file, bytes } of parsed) console.log(`${String(bytes).padStart(7)}  ${relative(root, file)}`);
console.log(`${config} on corpus (${corpus}), ${files.length} files: ${parsed.length} modules parsed, ${parsed.reduce((sum, { bytes }) => sum + bytes, 0)} bytes`);
