#!/usr/bin/env node
// The `clerk-lint` command: `npx clerk-lint [dir]`. The implementation is src/cli/clerk-lint.ts, built to dist/cli/.
import { main } from '../dist/cli/clerk-lint.js';

// `clerk-lint | head`: the reader went away; stop quietly rather than with an EPIPE stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
