import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import { AUTHENTICATE_REQUEST, CLERK_TEXT_MARKERS, HONO_AUTH_CONTEXT_KEY, REQUEST_AUTH_ACCESSORS, REQUEST_CURRENT_USER } from '../clerk/index.js';
import { markLongLived } from '../util/file-cache.js';
import { FRESH_MS, freshCache } from '../util/fresh-cache.js';
import { projectRootOf } from '../util/project.js';
import { escapeRegExp } from '../util/regexp.js';
import { loadPathsMatcher, type PathsMatcher } from '../util/tsconfig.js';
import { type FunctionNode, functionOfExpression } from './functions.js';

/** Script extensions a module may have, TypeScript first. */
export const SCRIPT_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

type SourceCodeConstructor = new (config: Record<string, unknown>) => TSESLint.SourceCode;

/**
 * ESLint's SourceCode class, loaded on first use and only if ESLint is installed: hosts that run the rules
 * without ESLint (oxlint's JS plugins) still load the plugin; imported helpers then count as unknown.
 */
let sourceCodeClass: SourceCodeConstructor | null | undefined;
function eslintSourceCode(): SourceCodeConstructor | null {
  if (sourceCodeClass === undefined) {
    try {
      sourceCodeClass = (createRequire(import.meta.url)('eslint') as { SourceCode: SourceCodeConstructor }).SourceCode;
    } catch {
      sourceCodeClass = null;
    }
  }
  return sourceCodeClass;
}

/**
 * The parser for imported modules when the host's own cannot parse another file: oxlint's JS plugin host
 * parses with oxc and exposes no `parseForESLint` (ESLint's default espree has none either). Then
 * `@typescript-eslint/parser` is used if the linted project (or the plugin's install) has it; if not, imported
 * helpers count as unknown, as before. Cached per project root.
 */
const fallbackParsers = new Map<string, Parser | null>();
function fallbackParser(file: string): Parser | null {
  const root = projectRootOf(file);
  let parser = fallbackParsers.get(root);
  if (parser === undefined) {
    parser = null;
    for (const base of [join(root, 'package.json'), import.meta.url]) {
      try {
        const loaded = createRequire(base)('@typescript-eslint/parser') as Parser;
        if (typeof loaded.parseForESLint === 'function') {
          parser = loaded;
          break;
        }
      } catch {
        // not installed there
      }
    }
    fallbackParsers.set(root, parser);
  }
  return parser;
}

/**
 * typescript-eslint's parser, in two parts: its ESTree parse without tokens or comments, and its scope analysis.
 * `parseForESLint` always builds both lists (it forces `tokens` and `comment` on), and nothing reads another
 * module's tokens or comments: the analysis reads the AST and scopes, and repairs edit the linted file through its
 * own SourceCode. Measured on the 34 modules `recommended` parses on corpus (c), warm: 927 M instructions and
 * 36.7 MB allocated with `parseForESLint`, 675 M and 19.6 MB this way (with the benchmark's 4 MB semi-spaces,
 * every 4 MB allocated is a young-generation collection sooner, and each copies the linted file's AST). Loaded on
 * first use from the plugin's own dependencies (the copies the parser itself loads when versions agree); `null`
 * where they cannot be loaded.
 */
interface PartsOfParser {
  readonly parse: (text: string, options: Record<string, unknown>) => TSESTree.Program;
  readonly analyze: (ast: TSESTree.Program, options: Record<string, unknown>) => unknown;
  readonly visitorKeys: Record<string, readonly string[]>;
}
let partsOfParser: PartsOfParser | null | undefined;
function typescriptEslintParts(parser: Parser): PartsOfParser | null {
  if (parser.meta?.name !== 'typescript-eslint/parser') return null;
  if (partsOfParser === undefined) {
    partsOfParser = null;
    try {
      const require = createRequire(import.meta.url);
      const estree = require('@typescript-eslint/typescript-estree') as { parse?: unknown };
      const scopes = require('@typescript-eslint/scope-manager') as { analyze?: unknown };
      const keys = require('@typescript-eslint/visitor-keys') as { visitorKeys?: unknown };
      if (typeof estree.parse === 'function' && typeof scopes.analyze === 'function' && typeof keys.visitorKeys === 'object' && keys.visitorKeys !== null) {
        partsOfParser = {
          parse: estree.parse as PartsOfParser['parse'],
          analyze: scopes.analyze as PartsOfParser['analyze'],
          visitorKeys: keys.visitorKeys as PartsOfParser['visitorKeys'],
        };
      }
    } catch {
      // not installed beside the plugin: parseForESLint below
    }
  }
  return partsOfParser;
}

/**
 * `parseForESLint` of typescript-eslint's parser, option for option, without tokens or comments (both lists are
 * empty). Only for that parser: another parser's options and AST are its own.
 */
function parseWithoutTokens(parts: PartsOfParser, text: string, file: string, parserOptions: Record<string, unknown>): ReturnType<NonNullable<Parser['parseForESLint']>> {
  const sourceType = parserOptions.sourceType === 'module' || parserOptions.sourceType === 'script' ? parserOptions.sourceType : 'script';
  const ecmaFeatures = (typeof parserOptions.ecmaFeatures === 'object' && parserOptions.ecmaFeatures !== null ? parserOptions.ecmaFeatures : {}) as Record<string, unknown>;
  const ast = parts.parse(text, {
    jsx: ecmaFeatures.jsx === true,
    ...parserOptions,
    filePath: file,
    range: true,
    loc: true,
    tokens: false,
    comment: false,
    errorOnTypeScriptSyntacticAndSemanticIssues: false,
    project: undefined,
    projectService: undefined,
    programs: undefined,
    preserveNodeMaps: false,
  }) as TSESTree.Program & { sourceType: string; tokens: unknown[]; comments: unknown[] };
  ast.sourceType = sourceType;
  ast.tokens = [];
  ast.comments = [];
  const scopeManager = parts.analyze(ast, {
    globalReturn: ecmaFeatures.globalReturn,
    jsxFragmentName: parserOptions.jsxFragmentName,
    jsxPragma: parserOptions.jsxPragma,
    // No variables for the TypeScript libraries' globals (see loadModule).
    lib: [],
    sourceType,
  });
  return { ast, scopeManager, visitorKeys: parts.visitorKeys };
}

interface CachedModule {
  readonly mtimeMs: number;
  readonly sourceCode: TSESLint.SourceCode | undefined;
  /** When the file's mtime was last read (`Date.now()`). */
  checkedAt: number;
}

/** Where an import source points from a directory: `dir + '\0' + source` → file (or undefined). */
const resolutions = freshCache<string | undefined>();

/**
 * Parsed modules for the life of the process, keyed by absolute path and revalidated by mtime, so an edited
 * helper is re-read and two projects in one run never share an entry. Unreadable or unparseable modules are
 * cached as `undefined`: unknown, never a crash.
 */
const modules = new Map<string, CachedModule>();
/**
 * At most this many parsed modules are kept (least recently used go first). A project's auth helpers, barrels and
 * middleware are a handful; without a bound, a run over a large codebase whose files import each other would keep
 * every parsed module (AST, tokens, scopes) alive to the end.
 */
const MAX_MODULES = 128;
/**
 * …and at most this much parsed source text in all: an AST with tokens, locations and scopes holds about 100 times
 * its text in heap (measured: 124 KB of modules, 12 MB retained). Auth helpers, barrels and middleware are small.
 */
const MAX_MODULE_TEXT = 200_000;
let moduleTextTotal = 0;
/** The import aliases of each project root's tsconfig.json or jsconfig.json, for the life of the process. */
const pathMatchers = new Map<string, PathsMatcher | undefined>();

export interface Parser {
  readonly meta?: { readonly name?: unknown };
  parseForESLint?: (text: string, options?: Record<string, unknown>) => {
    ast: unknown;
    scopeManager?: unknown;
    visitorKeys?: unknown;
    services?: unknown;
  };
}

function pathsMatcherOf(root: string): PathsMatcher | undefined {
  if (pathMatchers.has(root)) return pathMatchers.get(root);
  const matcher = loadPathsMatcher(root);
  pathMatchers.set(root, matcher);
  return matcher;
}

/**
 * The file an import source names, for relative paths and tsconfig `paths` aliases inside the project root.
 *
 * The lookup and the resolution are one function on purpose. Every import gate and helper lookup calls this, and
 * a function under V8's inlining limit (460 bytes of bytecode) is copied into each caller TurboFan optimizes: when
 * it was a small lookup calling `resolveUncached`, the copies (with the project-root walk and `dirname`) and the
 * callers compiled again when a relative import first came by counted 118 M instructions on corpus (b) with `all`
 * (docs/development.md, "What V8 compiled twice, and selectors ESLint tests on every node"). Written whole, it is
 * compiled once, and its callers stay small. tests/analysis/resolve-import.test.ts checks that it stays above the
 * limit.
 */
export function resolveImportPath(fromFile: string, source: string): string | undefined {
  const root = projectRootOf(fromFile);
  // A relative source names one path (the same from every folder at that depth); an alias (`@/lib/auth`) or a
  // package depends only on the project. Either way the answer is shared by many importing folders.
  // (`./x`, `../x`, and the folders themselves: `.` and `..`, their `index.*`.)
  const relativeSource = source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';
  const named = relativeSource ? resolve(dirname(fromFile), source) : source;
  const key = `${root}\0${named}`;
  const known = resolutions.fresh(key);
  if (known !== undefined) return known.value;
  let found: string | undefined;
  const candidates = relativeSource ? [named] : (pathsMatcherOf(root)?.(source) ?? []);
  for (const candidate of candidates) {
    // The files the candidate may name, in the order they are tried: itself when it has a script extension; with
    // each extension, first in place of a JavaScript one (`import x from './helper.js'` in TypeScript ESM points at
    // helper.ts), then added; then its folder's `index.*`.
    const tries: string[] = SCRIPT_EXTENSIONS.some((extension) => candidate.endsWith(extension)) ? [candidate] : [];
    const stripped = candidate.replace(/\.[cm]?jsx?$/u, '');
    for (const extension of SCRIPT_EXTENSIONS) tries.push(stripped + extension);
    for (const extension of SCRIPT_EXTENSIONS) tries.push(candidate + extension);
    for (const extension of SCRIPT_EXTENSIONS) tries.push(join(candidate, `index${extension}`));
    const file = tries.find((path) => existsSync(path));
    if (file === undefined) continue;
    const inside = relative(root, file);
    // Never read outside the project root (or into dependencies).
    if (inside.startsWith('..') || isAbsolute(inside) || inside.split(/[\\/]/u).includes('node_modules')) continue;
    found = file;
    break;
  }
  resolutions.set(key, found);
  return found;
}

/** Text test: the module may import from the project (`./x`, `../x`, `@/x`, `~/x`, `#x`), not only from packages. */
export function mayImportFromProject(text: string): boolean {
  return /\bfrom\s*['"](?:\.{1,2}(?:\/|['"])|@\/|~\/|#)/u.test(text);
}

/**
 * Text test: the module re-exports from another (`export * from`, `export { x } from`): a barrel. The statement
 * must start a line (or follow `;`, as in minified code), so that a comment quoting one (next's 108 KB
 * `webpack-config.js` has `// \`export { a } from '…'`) does not make a module a barrel.
 */
export function reexports(text: string): boolean {
  return /(?:^|;)[ \t]*export\s*(?:\*|\{[^}]*\})\s*from\b/mu.test(text);
}

/**
 * Whether a project module can lead to Clerk (it mentions `@clerk/`, or re-exports from elsewhere: a barrel), read
 * at most once a second per path. Only the answer is kept, never the text: a run over thousands of files that
 * import each other would otherwise hold every imported module's text for the life of the process.
 */
const clerkLeads = freshCache<boolean>();

/** Text test on another module before parsing it: can anything it exports reach a Clerk API? */
export function mayLeadToClerk(file: string): boolean {
  return clerkLeads.get(file, () => {
    const text = readText(file);
    return text !== undefined && (text.includes('@clerk/') || reexports(text));
  });
}

/**
 * Whether a module that does not mention Clerk may still hold an async helper `name` reaching Clerk through the
 * project: it imports from the project and declares `name` async (`async function name`, `name = async`,
 * `export default async`). A text test, so that compiled code whose modules all import each other is not parsed
 * module by module; the answer (never the text) is kept a second per module and name.
 */
const asyncHelpers = freshCache<boolean>();

export function mayHoldAsyncProjectHelper(file: string, name: string): boolean {
  return asyncHelpers.get(`${file}\0${name}`, () => {
    const text = readText(file);
    if (text === undefined || !mayImportFromProject(text)) return false;
    if (name === 'default') return /\bexport\s+default\s+async\b/u.test(text);
    const escaped = escapeRegExp(name);
    return new RegExp(`\\basync\\s+function\\s*\\*?\\s*${escaped}\\b|(?<![\\w$])${escaped}\\s*=\\s*async\\b`, 'u').test(text);
  });
}

/**
 * Whether a module that does not mention Clerk can still reach it through the project: one of its imports names a
 * project module that may lead to Clerk (`mayLeadToClerk`), or, with `hops` left, one whose own imports do. The
 * callers' bound, as a text test: a function of this module can reach Clerk only by calling into an imported
 * module, one call per module passed. Without it, a compiled package whose modules import each other had its
 * largest modules parsed (corpus (a): next's 108 KB `webpack-config.js`, ~10 MB of AST kept in the module cache)
 * only to find no Clerk behind them. Import sources are found by a `from '…'` text test and resolved like any
 * import (relative paths, tsconfig `paths`; packages resolve to nothing); the answer is kept a second per module
 * and bound.
 */
const clerkBehindImports = freshCache<boolean>();

/**
 * Whether `test` holds for one of the project modules a module's text imports from (`import … from '…'`, `export …
 * from '…'`), each resolved as an import is (relative paths, tsconfig `paths`; packages resolve to nothing), the
 * module itself left out, in the order of the text, stopping at the first: the walk the text gates below take one
 * import further at a time.
 */
function someImportedProjectModule(file: string, text: string, test: (target: string) => boolean): boolean {
  // A loop with a callback rather than a generator: these gates run for every import of every Clerk file, and a
  // generator is dear for V8 to optimise. `exec` on a regular expression of this call's own rather than `matchAll`,
  // whose iterator copies the expression and builds a match object through generic steps: over the 2,000 files of
  // corpus (b), 6.4 M instructions against 17.7 M.
  const from = /\bfrom\s*['"]([^'"\n]+)['"]/gu;
  for (let match = from.exec(text); match !== null; match = from.exec(text)) {
    const target = resolveImportPath(file, match[1] as string);
    if (target !== undefined && target !== file && test(target)) return true;
  }
  return false;
}

export function importsMayLeadToClerk(file: string, hops: number): boolean {
  return clerkBehindImports.get(`${file}\0${hops}`, () => {
    const text = readText(file);
    if (text === undefined) return false;
    return someImportedProjectModule(file, text, (target) => mayLeadToClerk(target) || (hops > 0 && importsMayLeadToClerk(target, hops - 1)));
  });
}

/**
 * Whether a function of another project module may authenticate (a guard, or a helper returning the caller's
 * identity), as a text test before parsing the module to find out: it must import Clerk (or svix, Hono's Clerk
 * middleware), read the session off a request parameter (AUTH_ACCESSOR_TEXT), re-export from elsewhere (a barrel),
 * or, with `hops` left, import a project module that passes the same test. Most helpers a
 * route calls (`cn`, `connectDB`, `sendEmail`) fail it, and are then parsed only if the question of whether they
 * do work needs them. The answer (never the text) is kept a second per module and bound.
 */
const authLeads = freshCache<boolean>();
/**
 * What reaches the session without importing Clerk (CheckAnalysis.classify): the session accessors of a request
 * parameter (`req.auth`, `locals.auth()`, `getAuth`, `currentUser`, `authenticateRequest`) and Hono's context key.
 */
const AUTH_ACCESSOR_TEXT = new RegExp(
  String.raw`\.(?:${[...REQUEST_AUTH_ACCESSORS, REQUEST_CURRENT_USER, AUTHENTICATE_REQUEST].join('|')})\b|${HONO_AUTH_CONTEXT_KEY}`,
  'u',
);

export function mayLeadToAuth(file: string, hops: number): boolean {
  return authLeads.get(`${file}\0${hops}`, () => {
    const text = readText(file);
    if (text === undefined) return false;
    if (CLERK_TEXT_MARKERS.some((marker) => text.includes(marker)) || AUTH_ACCESSOR_TEXT.test(text) || reexports(text)) return true;
    if (hops <= 0 || !mayImportFromProject(text)) return false;
    return someImportedProjectModule(file, text, (target) => mayLeadToAuth(target, hops - 1));
  });
}

/**
 * Whether a project module that `text` (the module `file`'s source) imports, or (with `hops` > 1) one such a module
 * imports, mentions `word` or re-exports from elsewhere (a barrel, whose targets are not followed here): a text test
 * before asking a question that follows imported helpers only to find `word` in one (whether an entry point reads
 * the session's `orgId`). Every `from '…'` is resolved as an import is (relative paths, tsconfig `paths`; packages
 * resolve to nothing). For modules on disk the answer (never a text) is kept a second per module, word and bound.
 */
export function importsMayMention(file: string, text: string, word: RegExp, hops: number): boolean {
  return someImportedProjectModule(file, text, (target) => mentionedIn(target, word) || (hops > 1 && importedModulesMayMention(target, word, hops - 1)));
}

/**
 * Whether a project module mentions `word` or re-exports from elsewhere, or (with `hops` left) one it imports does,
 * within `hops` imports: the text test before parsing a module only to look for what `word` names in it. Answers
 * are kept as `importsMayMention`'s are.
 */
export function mayMention(file: string, word: RegExp, hops: number): boolean {
  return mentionedIn(file, word) || (hops > 0 && importedModulesMayMention(file, word, hops));
}

const mentions = freshCache<boolean>();
const mentionsBehindImports = freshCache<boolean>();

function mentionedIn(file: string, word: RegExp): boolean {
  return mentions.get(`${file}\0${word.source}`, () => {
    const text = readText(file);
    return text !== undefined && (word.test(text) || reexports(text));
  });
}

function importedModulesMayMention(file: string, word: RegExp, hops: number): boolean {
  return mentionsBehindImports.get(`${file}\0${word.source}\0${hops}`, () => {
    const text = readText(file);
    return text !== undefined && importsMayMention(file, text, word, hops);
  });
}

/** Whether a project module is a `'use server'` module (its exports are Server Actions), read a second per path. */
const serverActionModules = freshCache<boolean>();

export function isServerActionModule(file: string): boolean {
  return serverActionModules.get(file, () => {
    const text = readText(file);
    return text !== undefined && /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use server\1/u.test(text);
  });
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Parses a module with the file's own parser, once per path and mtime. */
/**
 * Whether another module could be parsed at all here (a parser with `parseForESLint` and ESLint's SourceCode are
 * available): when not (oxlint without eslint and @typescript-eslint/parser installed), a module that `loadModule`
 * returns nothing for is unknown, not broken.
 */
export function canParseModules(parser: Parser | undefined, file: string): boolean {
  try {
    const SourceCode = eslintSourceCode();
    if (SourceCode === null) return false;
    return typeof parser?.parseForESLint === 'function' || typeof fallbackParser(file)?.parseForESLint === 'function';
  } catch {
    return false;
  }
}

export function loadModule(file: string, parser: Parser | undefined, parserOptions: Record<string, unknown>): TSESLint.SourceCode | undefined {
  const now = Date.now();
  const recent = modules.get(file);
  if (recent !== undefined) {
    // Most recently used last: Map keeps insertion order, so the first key is the one to evict.
    modules.delete(file);
    modules.set(file, recent);
    if (now - recent.checkedAt < FRESH_MS) return recent.sourceCode;
  }
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  const cached = modules.get(file);
  if (cached !== undefined && cached.mtimeMs === mtimeMs) {
    cached.checkedAt = now;
    return cached.sourceCode;
  }
  let sourceCode: TSESLint.SourceCode | undefined;
  try {
    const SourceCode = eslintSourceCode();
    const moduleParser = typeof parser?.parseForESLint === 'function' ? parser : SourceCode === null ? null : fallbackParser(file);
    if (typeof moduleParser?.parseForESLint === 'function' && SourceCode !== null) {
      const text = readFileSync(file, 'utf8');
      const parts = typescriptEslintParts(moduleParser);
      const result = parts !== null ? parseWithoutTokens(parts, text, file, parserOptions) : moduleParser.parseForESLint(text, {
        ...parserOptions,
        filePath: file,
        range: true,
        loc: true,
        tokens: true,
        comment: true,
        project: undefined,
        projectService: undefined,
        // No variables for the TypeScript libraries' globals (`Promise`, `Response`, ~200 a module): a global is a
        // variable without definitions or no variable at all alike to the analysis (isGlobal), and they were 2.2 MB
        // of what the modules kept on corpus (c).
        lib: [],
        // No type information is used for other modules: do not keep the TypeScript AST alongside (half the memory).
        preserveNodeMaps: false,
      });
      if (result.scopeManager !== undefined) {
        // Nothing reads another module's tokens (repairs edit the linted file, through its own SourceCode), and they
        // are a third of what a kept module holds (measured on corpus (c): 4.4 MB of 13 MB kept for 34 modules).
        (result.ast as { tokens: unknown[] }).tokens = [];
        // The keys in the order ESLint's own `new SourceCode({...})` gives them (languages/js createSourceCode), so
        // that its constructor sees one object shape: a second shape made V8 compile the constructor again, in every
        // run that reads another module. `hasBOM: false` is what leaving it out meant (the text is checked too).
        sourceCode = new SourceCode({
          text,
          ast: result.ast,
          hasBOM: false,
          parserServices: {},
          scopeManager: result.scopeManager,
          visitorKeys: result.visitorKeys,
        });
        // ESLint links each node to its parent while it lints, after it has built the SourceCode; a module parsed
        // here needs the same links, made in the same order, Program's `parent: null` first: the same keys added in
        // the same order give the same object shapes, so that the constructor and the code that reads both the
        // linted file's nodes and these see one shape, not two (each second shape made V8 compile a function again).
        (result.ast as { parent: TSESTree.Node | null }).parent = null;
        setParents(result.ast as TSESTree.Node, (result.visitorKeys ?? {}) as Record<string, readonly string[]>);
        markLongLived(sourceCode);
      }
    }
  } catch {
    sourceCode = undefined;
  }
  forget(file);
  modules.set(file, { mtimeMs, sourceCode, checkedAt: now });
  moduleTextTotal += sourceCode?.text.length ?? 0;
  while (modules.size > 1 && (modules.size > MAX_MODULES || moduleTextTotal > MAX_MODULE_TEXT)) forget(modules.keys().next().value as string);
  return sourceCode;
}

/**
 * The projects whose files were linted last, most recent last. Parsed modules are kept for the last
 * KEPT_PROJECTS of them: when a file of a fifth project is linted, the modules of the least recently linted one
 * (any module not inside a kept project) are dropped. A run lints a project's files together (ESLint walks folders
 * in order), so they are not asked for again; a run over many projects kept every project's middleware, helpers
 * and controllers to the end (corpus (c), 14 apps: ~6 MB of heap). An editor with a few projects open keeps them
 * all. A module asked for again is re-read, with the same answers: only memory changes.
 */
const lintedProjects: string[] = [];
const KEPT_PROJECTS = 4;

export function enterProject(root: string): void {
  if (lintedProjects.at(-1) === root) return;
  const known = lintedProjects.indexOf(root);
  if (known !== -1) lintedProjects.splice(known, 1);
  lintedProjects.push(root);
  if (lintedProjects.length <= KEPT_PROJECTS) return;
  lintedProjects.shift();
  const kept = lintedProjects.map((project) => (project.endsWith(sep) ? project : project + sep));
  for (const file of [...modules.keys()]) if (!kept.some((project) => file.startsWith(project))) forget(file);
}

/** Whether a parse of `file` is in the module cache (read-only; lets tests check what was parsed). */
export function isModuleCached(file: string): boolean {
  return modules.get(file)?.sourceCode !== undefined;
}

function forget(file: string): void {
  moduleTextTotal -= modules.get(file)?.sourceCode?.text.length ?? 0;
  modules.delete(file);
}

function setParents(root: TSESTree.Node, visitorKeys: Record<string, readonly string[]>): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child !== null && typeof child === 'object' && typeof (child as TSESTree.Node).type === 'string') {
          (child as { parent?: TSESTree.Node }).parent = node;
          stack.push(child as TSESTree.Node);
        }
      }
    }
  }
}

/** The function a module exports under `name` (`default` included), if it is a function. */
export function exportedFunction(sourceCode: TSESLint.SourceCode, name: string): FunctionNode | undefined {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ExportNamedDeclaration' && statement.source === null) {
      const declaration = statement.declaration;
      if (declaration?.type === 'FunctionDeclaration' && declaration.id?.name === name) return declaration;
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init) {
            return functionOfExpression(sourceCode, declarator.init);
          }
        }
      }
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
        if (exported === name && specifier.local.type === 'Identifier') return functionOfExpression(sourceCode, specifier.local);
      }
    }
    if (statement.type === 'ExportDefaultDeclaration' && name === 'default') {
      return functionOfExpression(sourceCode, statement.declaration as TSESTree.Expression);
    }
  }
  return undefined;
}

/**
 * The project module that defines what `source` (imported from `fromFile`) exports as `name`, parsed, following
 * re-exports through barrels (`export { x } from './x'`, `export { y as x } from`, `export * from`) a few hops.
 */
export function loadImportedBinding(
  fromFile: string,
  source: string,
  name: string,
  parser: Parser | undefined,
  parserOptions: Record<string, unknown>,
  hops = 0,
): { file: string; module: TSESLint.SourceCode; name: string } | undefined {
  const file = resolveImportPath(fromFile, source);
  const module = file === undefined ? undefined : loadModule(file, parser, parserOptions);
  if (file === undefined || module === undefined) return undefined;
  if (hops >= 3 || declaresExport(module, name)) return { file, module, name };
  for (const statement of module.ast.body) {
    if (statement.type === 'ExportNamedDeclaration' && statement.source !== null) {
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
        const local = specifier.local.type === 'Identifier' ? specifier.local.name : specifier.local.value;
        if (exported === name) return loadImportedBinding(file, statement.source.value, local, parser, parserOptions, hops + 1);
      }
    }
    if (statement.type === 'ExportAllDeclaration' && statement.exported === null) {
      const found = loadImportedBinding(file, statement.source.value, name, parser, parserOptions, hops + 1);
      if (found !== undefined && declaresExport(found.module, found.name)) return found;
    }
  }
  return { file, module, name };
}

/** Whether a module itself declares the export `name` (not by re-exporting it from elsewhere). */
function declaresExport(module: TSESLint.SourceCode, name: string): boolean {
  return exportedFunction(module, name) !== undefined || exportedConstInit(module, name) !== undefined;
}

/** The initialiser of `export const name = …` (also `const name = …; export { name }`), if any. */
export function exportedConstInit(sourceCode: TSESLint.SourceCode, name: string): TSESTree.Expression | undefined {
  const constInit = (declaration: TSESTree.VariableDeclaration, local: string) =>
    declaration.kind === 'const'
      ? declaration.declarations.find((declarator) => declarator.id.type === 'Identifier' && declarator.id.name === local)?.init ?? undefined
      : undefined;
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.source !== null) continue;
    if (statement.declaration?.type === 'VariableDeclaration') {
      const init = constInit(statement.declaration, name);
      if (init !== undefined) return init;
    }
    for (const specifier of statement.specifiers) {
      const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
      if (exported !== name || specifier.local.type !== 'Identifier') continue;
      const local = specifier.local.name;
      for (const candidate of sourceCode.ast.body) {
        if (candidate.type === 'VariableDeclaration') {
          const init = constInit(candidate, local);
          if (init !== undefined) return init;
        }
      }
    }
  }
  return undefined;
}

/** The import an identifier is bound to: `{ source, imported }`, for named, default and namespace (`'*'`) imports. */
export function importOf(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): { source: string; imported: string } | undefined {
  const definition = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier)?.defs[0];
  if (definition?.type !== 'ImportBinding') return undefined;
  const declaration = definition.parent as TSESTree.ImportDeclaration;
  if (declaration.importKind === 'type') return undefined;
  const specifier = definition.node;
  if (specifier.type === 'ImportDefaultSpecifier') return { source: declaration.source.value, imported: 'default' };
  if (specifier.type === 'ImportNamespaceSpecifier') return { source: declaration.source.value, imported: '*' };
  if (specifier.type !== 'ImportSpecifier') return undefined;
  const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
  return { source: declaration.source.value, imported };
}
