// `npm run demo` (after `npm run build`): audits the bundled example app with the `clerk-lint` command, exactly as
// a user would run it: `npx clerk-lint --exit-zero examples/next-app`. The example's own eslint.config.js is not
// loaded. `--exit-zero` because finding the planted mistakes is the point; a crash or usage error still fails (2).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = ['--exit-zero', 'examples/next-app'];
console.log(`$ clerk-lint ${args.join(' ')}\n`);
const { status, error } = spawnSync(process.execPath, ['bin/clerk-lint.js', ...args], { cwd: root, stdio: 'inherit' });
if (error) throw error;
process.exitCode = status ?? 2;
