// The benchmark corpora, shared by bench/run.mjs (wall time), bench/instructions.mjs (instruction counts) and
// bench/editor.mjs (editor latency): (a) real code, the compiled sources of `next` and the Clerk SDKs installed as
// devDependencies; (b) generated Clerk-heavy Next.js files (bench/generate-corpus.mjs); (c) the real-apps corpus,
// public Clerk apps laid out from ../shared/real-apps/ (when it is laid out). Writes bench/results/corpus-{a,b,c}.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));
export const resultsDir = join(root, 'bench/results');
export const REAL_PACKAGES = ['next/dist', '@clerk/nextjs/dist', '@clerk/backend/dist', '@clerk/shared/dist', 'svix/dist'];

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (/\.(?:[cm]?js|jsx|tsx?)$/u.test(entry.name) && !entry.name.endsWith('.d.ts') && statSync(path).size < 100_000) out.push(path);
  }
  return out;
}

/** Builds both corpora of `files` files each and writes their lists; returns `{ a, b }` (lists of entries). */
export function buildCorpora(files) {
  mkdirSync(resultsDir, { recursive: true });
  const real = REAL_PACKAGES.flatMap((pkg) => (existsSync(join(root, 'node_modules', pkg)) ? walk(join(root, 'node_modules', pkg)) : []))
    .sort()
    .slice(0, files)
    .map((path) => ({ path, as: join(root, 'bench/corpus-real', relative(join(root, 'node_modules'), path)) }));
  execFileSync(process.execPath, [join(root, 'bench/generate-corpus.mjs'), String(files)], { stdio: 'inherit' });
  const generated = walk(join(root, 'bench/corpus-generated')).sort();
  const corpora = { a: real, b: generated };
  for (const [name, list] of Object.entries(corpora)) writeFileSync(corpusFile(name), JSON.stringify(list));
  return corpora;
}

export const corpusFile = (name) => join(resultsDir, `corpus-${name}.json`);

/** Where the real-apps corpus is laid out: $CLERK_REAL_APPS, else .real-apps/ in this repository (as eval:real). */
export const realAppsDir = () => resolve(process.env.CLERK_REAL_APPS ?? join(root, '.real-apps'));

// Corpus (c) holds each app's own source as `eslint .` (and `clerk-lint`) would lint it: the CLI's own walk
// (dist/cli/files.js: node_modules, .next, build output and .gitignore'd paths skipped), then only .ts, .tsx, .js,
// .jsx and .mjs files that are written by people: no declaration files, no minified bundles, nothing under a
// `public/` folder (static assets served as they are, e.g. a vendored TinyMCE), nothing under a `generated/`
// folder (a Prisma client) or starting with a generated-file marker.
const REAL_APP_SOURCE = /\.(?:ts|tsx|js|jsx|mjs)$/u;
const GENERATED_MARKER = /^\s*(?:\/\/|\/\*|\*).*(?:@generated|auto-?generated|do not edit)/imu;

/**
 * Builds corpus (c) and writes its list, sorted by path; returns `{ files, apps }`, or `{ skipped }` (a sentence
 * saying why) when the corpus is not laid out. Needs dist/ (the CLI's file walk).
 */
export async function buildRealAppsCorpus() {
  const dir = realAppsDir();
  const tsv = resolve(root, '../shared/real-apps/repos.tsv');
  const repos = existsSync(tsv)
    ? readFileSync(tsv, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.split('\t')[0])
        .filter(Boolean)
    : existsSync(dir)
      ? readdirSync(dir).map((name) => name.replace('+', '/'))
      : [];
  const apps = repos.map((repo) => join(dir, repo.replace('/', '+'))).filter((app) => existsSync(app));
  if (apps.length === 0) {
    return {
      skipped: `corpus (c) skipped: the real-apps corpus is not laid out in ${dir} (set CLERK_REAL_APPS, or lay it out with ../shared/real-apps/layout.sh; see scripts/eval-real.mjs)`,
    };
  }
  const { collectFiles } = await import(join(root, 'dist/cli/files.js'));
  const files = apps
    .flatMap((app) =>
      collectFiles(app).files.filter((path) => {
        const inApp = relative(app, path).split('\\').join('/');
        if (!REAL_APP_SOURCE.test(path) || /\.d\.ts$|\.min\.js$/u.test(path)) return false;
        if (/(?:^|\/)(?:public|generated)\//u.test(inApp)) return false;
        return !GENERATED_MARKER.test(readFileSync(path, 'utf8').slice(0, 500));
      }),
    )
    .sort();
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(corpusFile('c'), JSON.stringify(files));
  return { files, apps: apps.length, missing: repos.length - apps.length };
}

/**
 * `--files N` of a tool that lints one corpus with one configuration (bench/count.mjs, bench/inlining.mjs): undefined
 * for the whole corpus; a whole number of at least 1; or `null` when the flag is given without one (the caller prints
 * its usage: counting the whole corpus instead would answer another question).
 */
export function filesOption(args) {
  const index = args.indexOf('--files');
  if (index === -1) return undefined;
  const files = Number(args[index + 1]);
  return Number.isInteger(files) && files >= 1 ? files : null;
}

/**
 * The list such a tool lints: the whole corpus, or an evenly spaced sample of `files`, written to
 * bench/results/<tool>-corpus-<corpus>-<n>.json; dist/ and the corpora are built first when missing.
 */
export function toolFileList(tool, corpus, files) {
  if (!existsSync(join(root, 'dist/index.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(corpusFile(corpus))) buildCorpora(2000);
  const all = JSON.parse(readFileSync(corpusFile(corpus), 'utf8'));
  const picked = files === undefined ? all : evenSample(all, files);
  const listFile = join(resultsDir, `${tool}-corpus-${corpus}-${picked.length}.json`);
  writeFileSync(listFile, JSON.stringify(picked));
  return { listFile, files: picked.length };
}

/** An evenly spaced, deterministic sample of `size` entries of a corpus list (the whole list when it is shorter). */
export function evenSample(list, size) {
  const step = list.length / Math.min(size, list.length);
  return Array.from({ length: Math.min(size, list.length) }, (_, index) => list[Math.floor(index * step)]);
}

/**
 * The files of a corpus list (bench/results/corpus-*.json and samples of it): paths, or `{ path }` entries. The
 * measured processes (bench/worker.mjs, bench/eslint-floor.mjs) read lists themselves, loading nothing more.
 */
export const listPaths = (listFile) => JSON.parse(readFileSync(listFile, 'utf8')).map((entry) => (typeof entry === 'string' ? entry : entry.path));

export const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
