#!/usr/bin/env node
// The `partnero` executable (package.json "bin"): runs src/cli/run.ts on this process.
import { run } from './cli/run.js';

// Piped into `head`, stdout closes early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr });
