#!/usr/bin/env node
// The `partnero` executable (package.json "bin"): runs src/cli/run.ts on this process.
import { run } from './cli/run.js';

// Ctrl-C stops the command (the progress line is cleared, exit 130); a second one kills it.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

// run() reports write errors (ENOSPC, EPIPE) itself, as one line; one that arrives after it has
// returned must not become an uncaught exception with a stack trace either.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

process.exitCode = await run(process.argv.slice(2), process.env, {
  stdout: process.stdout,
  stderr: process.stderr,
  // process.stdin is only touched when `--json -` reads it.
  stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
  signal: interrupt.signal,
});
