// `npm run build`: compiles src/ into a fresh folder, then swaps it in for dist/ in one rename, so a reader of
// dist/ (a test, the demo, another build) never sees it half-written or missing, and stale files never survive.
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const staging = `${root}.dist-${process.pid}`;
const old = `${root}.dist-old-${process.pid}`;
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`, '--outDir', staging], { stdio: 'inherit' });
} catch {
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}
try {
  renameSync(`${root}dist`, old);
} catch {
  // no previous build
}
renameSync(staging, `${root}dist`);
rmSync(old, { recursive: true, force: true });
