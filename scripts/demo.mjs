// `npm run demo`: lints the bundled example app with `clerk.configs.recommended` and prints the findings.
// The demo exits 0: finding mistakes is what it is for.
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const cwd = fileURLToPath(new URL('../examples/next-app/', import.meta.url));
const eslint = new ESLint({ cwd });
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const messages = results.flatMap((result) => result.messages);
const byRule = new Map();
for (const message of messages) byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);
const withRepair = messages.filter((message) => message.fix || message.suggestions?.length).length;
console.log(`Linted ${results.length} files of examples/next-app with clerk.configs.recommended.`);
for (const [rule, count] of [...byRule].sort()) console.log(`  ${rule}: ${count}`);
console.log(`${messages.length} findings, ${withRepair} with a repair (an editor suggestion, or --fix under settings.clerk.autofix).`);
