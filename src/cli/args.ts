/** Command-line parsing for `clerk-lint`: a handful of flags, so no parser library. */

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  /** The project to audit, as given (resolved against the working directory later). */
  dir: string;
  preset: 'recommended' | 'strict';
  format: Format;
  /** Exit 0 even when there are findings (usage errors and crashes still exit 2). */
  exitZero: boolean;
  help: boolean;
  version: boolean;
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; error: string };

export const USAGE = `Usage: clerk-lint [options] [dir]

Audit a project for Clerk authentication mistakes with eslint-plugin-clerk's
recommended preset, whatever the project's own ESLint setup: its eslint.config.*
is neither loaded nor needed.

Arguments:
  dir                  the project to audit (default: the current directory)

Options:
  --strict             use the strict preset (stricter rule options) instead of recommended
  -f, --format <name>  stylish (default): findings grouped by rule, then a summary table
                       json: ESLint's results JSON
                       sarif: SARIF 2.1.0, e.g. for GitHub code scanning
  --exit-zero          exit 0 even when there are findings
  -h, --help           show this help
  -v, --version        print the version

Files: *.{js,jsx,mjs,cjs,ts,tsx,mts,cts}, except what .gitignore files exclude and
node_modules, .git, .next, .turbo, .vercel, and dist, build, out, coverage (these four
are kept inside a Next.js app/ or pages/ folder, where such a folder is a route).
Progress goes to stderr when stderr is a terminal or there are over 300 files.

Exit status: 0 no findings, 1 findings, 2 usage error or crash.
`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = { dir: '.', preset: 'recommended', format: 'stylish', exitZero: false, help: false, version: false };
  const positionals: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals === -1 ? arg : arg.slice(0, equals);
    const inlineValue = equals === -1 ? undefined : arg.slice(equals + 1);
    if (name === '--format' || name === '-f') {
      const value = inlineValue ?? argv[index + 1];
      if (inlineValue === undefined) index += 1;
      if (value === undefined || value === '') return { ok: false, error: `${name} needs a value: ${FORMATS.join(', ')}` };
      if (!(FORMATS as readonly string[]).includes(value)) {
        return { ok: false, error: `unknown format '${value}' (expected ${FORMATS.join(', ')})` };
      }
      options.format = value as Format;
      continue;
    }
    if (inlineValue !== undefined) return { ok: false, error: `option ${name} takes no value` };
    switch (name) {
      case '--strict':
        options.preset = 'strict';
        break;
      case '--exit-zero':
        options.exitZero = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--version':
      case '-v':
        options.version = true;
        break;
      default:
        return { ok: false, error: `unknown option '${arg}'` };
    }
  }
  if (positionals.length > 1) {
    return { ok: false, error: `expected one directory, got ${positionals.length}: ${positionals.join(' ')}` };
  }
  if (positionals[0] !== undefined) options.dir = positionals[0];
  return { ok: true, options };
}
