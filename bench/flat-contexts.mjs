// ESLint with flat rule contexts: `FileContext#extend` copies the file context's fields instead of inheriting from
// it (`Object.create(fileContext)` in stock ESLint 9/10 makes a per-file object a prototype, which V8 keeps alive
// with the file's AST through young-generation collections). The change proposed upstream; used by the benchmark to
// measure without ESLint's per-file floor. Patches the ESLint that `eslint` resolves to from this folder.
import { createRequire } from 'node:module';

export function useFlatRuleContexts() {
  const fromEslint = createRequire(createRequire(import.meta.url).resolve('eslint'));
  const { FileContext } = fromEslint('./linter/file-context.js');
  FileContext.prototype.extend = function extend(extension) {
    return Object.freeze(Object.assign(Object.create(FileContext.prototype), this, extension));
  };
}
