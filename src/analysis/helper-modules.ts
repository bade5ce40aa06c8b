import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

import { FRESH_MS } from '../util/fresh-cache.js';
import type { ClerkSettings } from '../project/settings.js';
import type { ClerkReferences } from './clerk-references.js';
import { type FunctionNode, resolveLocalFunction, rootIdentifier } from './functions.js';
import { exportedConstInit, exportedFunction, importOf, loadImportedBinding, mayLeadToAuth, type Parser, resolveImportPath } from './cross-file.js';
import type { AuthAnalyzer } from './auth-flow.js';

/**
 * Finding a function's helpers across the project: the function an identifier names, in this module or (up to
 * MAX_IMPORT_DEPTH imports away, through relative paths and tsconfig aliases) in another, with the analyzer of that
 * module, shared by every linted file that imports it; and the per-file lookups the analyses rest on (variables,
 * import sources, parameters). It decides nothing about authentication: the analyzer built on it does.
 */

type Variable = TSESLint.Scope.Variable;

/** Where the analyzed file is and how to parse its imports, for following imported helpers. */
export interface CrossFileOptions {
  readonly filename: string;
  readonly parser: Parser | undefined;
  readonly parserOptions: Record<string, unknown>;
  /** How many imports away from the linted file this module is. */
  readonly depth: number;
}

/** Imports followed at most this many modules away from the linted file. */
const MAX_IMPORT_DEPTH = 2;

/**
 * Analyzers of imported project modules (auth helpers, action clients), shared by every linted file that imports
 * them: what a helper does depends on its module (and the modules it imports), never on the importer. Kept per
 * parsed module, settings and import depth, and for FRESH_MS at most, like the parses and resolutions they rest on,
 * so an edit to a helper two imports away is seen as soon as a re-read would see it.
 */
const moduleAnalyzers = new WeakMap<object, WeakMap<ClerkSettings, Map<number, { readonly analyzer: AuthAnalyzer; readonly createdAt: number }>>>();

function sharedModuleAnalyzer(module: TSESLint.SourceCode, settings: ClerkSettings, depth: number, create: () => AuthAnalyzer): AuthAnalyzer {
  let bySettings = moduleAnalyzers.get(module);
  if (bySettings === undefined) {
    bySettings = new WeakMap();
    moduleAnalyzers.set(module, bySettings);
  }
  let byDepth = bySettings.get(settings);
  if (byDepth === undefined) {
    byDepth = new Map();
    bySettings.set(settings, byDepth);
  }
  const now = Date.now();
  const known = byDepth.get(depth);
  if (known !== undefined && now - known.createdAt < FRESH_MS) return known.analyzer;
  const analyzer = create();
  byDepth.set(depth, { analyzer, createdAt: now });
  return analyzer;
}

export abstract class ModuleAnalysis {
  private readonly importedAnalyzers = new Map<TSESLint.SourceCode, AuthAnalyzer>();

  private readonly variables = new Map<TSESTree.Identifier, Variable | null>();

  private readonly helpers = new Map<TSESTree.Identifier, { fn: FunctionNode; analyzer: AuthAnalyzer } | undefined>();

  /** What each `source` + imported name resolved to, for this file (many calls name the same import). */
  private readonly importedBindings = new Map<string, ReturnType<typeof loadImportedBinding>>();

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly refs: ClerkReferences,
    protected readonly settings: ClerkSettings,
    protected readonly crossFile?: CrossFileOptions,
    protected readonly referencesOf?: (sourceCode: TSESLint.SourceCode) => ClerkReferences,
  ) {}

  /** This module's analyzer (the concrete class). */
  protected abstract selfAnalyzer(): AuthAnalyzer;

  /** The analyzer of another project module (the concrete class: this one knows only how to find modules). */
  protected abstract createModuleAnalyzer(
    sourceCode: TSESLint.SourceCode,
    refs: ClerkReferences,
    crossFile: CrossFileOptions,
    referencesOf: (sourceCode: TSESLint.SourceCode) => ClerkReferences,
  ): AuthAnalyzer;

  /**
   * The function an identifier names (a route handler passed by name), local or imported from a project module,
   * with the analyzer of its module.
   */
  resolveFunction(identifier: TSESTree.Identifier): { fn: FunctionNode; analyzer: AuthAnalyzer } | undefined {
    return this.resolveHelper(identifier);
  }

  /**
   * The function a callee names and the analyzer that knows its module: a same-file function, or (up to
   * MAX_IMPORT_DEPTH modules away) one imported from a relative path or a tsconfig `paths` alias.
   */
  protected resolveHelper(callee: TSESTree.Identifier): { fn: FunctionNode; analyzer: AuthAnalyzer } | undefined {
    // The same callee is asked about by several scans (establishing call, work, fetch): resolved once.
    if (this.helpers.has(callee)) return this.helpers.get(callee);
    const helper = this.resolveHelperUncached(callee);
    this.helpers.set(callee, helper);
    return helper;
  }

  /**
   * resolveHelper for the questions of authentication (is the call a guard, does it return the caller's identity):
   * a function imported from a project module that cannot reach Clerk (mayLeadToAuth) is none, without parsing the
   * module. With `authFunctions` configured any module may call one, so every helper is resolved.
   */
  protected resolveAuthHelper(callee: TSESTree.Identifier): { fn: FunctionNode; analyzer: AuthAnalyzer } | undefined {
    if (this.helpers.has(callee) || this.mayBeAuthHelper(callee)) return this.resolveHelper(callee);
    return undefined;
  }

  private mayBeAuthHelper(callee: TSESTree.Identifier): boolean {
    const crossFile = this.crossFile;
    if (this.settings.authFunctions.length > 0 || crossFile === undefined || crossFile.depth >= MAX_IMPORT_DEPTH) return true;
    const definition = this.variableOf(callee)?.defs[0];
    // Same-file functions cost no parse; type-only imports resolve to nothing.
    if (definition?.type !== 'ImportBinding') return true;
    const file = resolveImportPath(crossFile.filename, (definition.parent as TSESTree.ImportDeclaration).source.value);
    if (file === undefined) {
      // A package (`@clerk/nextjs/server`, `next/cache`) or a path outside the project: resolveHelper would find
      // nothing there either (it resolves the same source), so that answer is kept without asking it.
      this.helpers.set(callee, undefined);
      return false;
    }
    // The imported module may import one more module only when it is not at the depth limit itself.
    return mayLeadToAuth(file, MAX_IMPORT_DEPTH - crossFile.depth - 1);
  }

  protected resolveHelperUncached(callee: TSESTree.Identifier): { fn: FunctionNode; analyzer: AuthAnalyzer } | undefined {
    const local = resolveLocalFunction(this.sourceCode, callee);
    if (local !== undefined) return { fn: local, analyzer: this.selfAnalyzer() };
    const imported = this.importedModule(callee);
    if (imported === undefined) return undefined;
    const fn = exportedFunction(imported.analyzer.sourceCode as TSESLint.SourceCode, imported.name);
    return fn === undefined ? undefined : { fn, analyzer: imported.analyzer };
  }

  /** The analyzer of the project module an identifier is imported from, and the imported name. */
  protected importedModule(identifier: TSESTree.Identifier): { analyzer: AuthAnalyzer; name: string } | undefined {
    const crossFile = this.crossFile;
    if (crossFile === undefined || crossFile.depth >= MAX_IMPORT_DEPTH || this.referencesOf === undefined) return undefined;
    const imported = importOf(this.sourceCode, identifier);
    if (imported === undefined) return undefined;
    const key = `${imported.source}\0${imported.imported}`;
    let binding = this.importedBindings.get(key);
    if (binding === undefined && !this.importedBindings.has(key)) {
      binding = loadImportedBinding(crossFile.filename, imported.source, imported.imported, crossFile.parser, crossFile.parserOptions);
      this.importedBindings.set(key, binding);
    }
    if (binding === undefined) return undefined;
    const { file, module } = binding;
    let analyzer = this.importedAnalyzers.get(module);
    if (analyzer === undefined) {
      const referencesOf = this.referencesOf;
      analyzer = sharedModuleAnalyzer(module, this.settings, crossFile.depth + 1, () =>
        this.createModuleAnalyzer(module, referencesOf(module), { ...crossFile, filename: file, depth: crossFile.depth + 1 }, referencesOf),
      );
      this.importedAnalyzers.set(module, analyzer);
    }
    return { analyzer, name: binding.name };
  }

  /** The initialiser of a `const` exported by the project module an identifier is imported from. */
  protected resolveImportedValue(identifier: TSESTree.Identifier): { value: TSESTree.Expression; analyzer: AuthAnalyzer } | undefined {
    const imported = this.importedModule(identifier);
    if (imported === undefined) return undefined;
    const value = exportedConstInit(imported.analyzer.sourceCode as TSESLint.SourceCode, imported.name);
    return value === undefined ? undefined : { value, analyzer: imported.analyzer };
  }

  /** The variable an identifier refers to; asked many times per identifier by the scans, looked up once. */
  variableOf(identifier: TSESTree.Identifier): Variable | undefined {
    let variable = this.variables.get(identifier);
    if (variable === undefined) {
      variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
      this.variables.set(identifier, variable);
    }
    return variable ?? undefined;
  }

  /** The source a value import binds `identifier` to (`'zod'` for `z`), through the analyzer's variable cache. */
  protected importSource(identifier: TSESTree.Identifier): string | undefined {
    const definition = this.variableOf(identifier)?.defs[0];
    if (definition?.type !== 'ImportBinding') return undefined;
    const declaration = definition.parent as TSESTree.ImportDeclaration;
    return declaration.importKind === 'type' ? undefined : declaration.source.value;
  }

  protected isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = this.variableOf(identifier);
    return variable === undefined || variable.defs.length === 0;
  }

  protected isImported(identifier: TSESTree.Identifier): boolean {
    return this.variableOf(identifier)?.defs[0]?.type === 'ImportBinding';
  }

  /** Whether an expression is rooted at a function parameter (the request, response, form data, context). */
  isParameterRooted(node: TSESTree.Node, depth = 0): boolean {
    const root = rootIdentifier(node);
    if (root === undefined) return false;
    const definition = this.variableOf(root)?.defs[0];
    if (definition === undefined) return false;
    if (definition.type === 'Parameter') return true;
    if (depth < 3 && definition.type === 'Variable' && definition.node.init) {
      return this.isParameterRooted(definition.node.init, depth + 1);
    }
    return false;
  }
}
