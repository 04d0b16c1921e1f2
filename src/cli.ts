#!/usr/bin/env node
// The `partnero` executable (package.json "bin"): the one place that chooses between the two
// surfaces, `partnero mcp` (src/mcp/cli.ts, imported only for it, so that the commands never
// load the MCP server or its SDK) and every other command (src/cli/run.ts), on this process.
import type { CliIo } from './internal/command-line.js';
import { run } from './cli/run.js';

const argv = process.argv.slice(2);
const mcp = argv[0] === 'mcp';

// Ctrl-C stops the command (the progress line is cleared, exit 130); a second one kills it.
// SIGTERM (a process manager, a container stopping, an MCP host) stops it the same way, so that a
// --from run says what is left and frees its journal: exit 143 as a command, while the MCP server
// stops as on Ctrl-C (writes in flight finish and are recorded first).
const interrupt = new AbortController();
let terminated = false;
process.once('SIGINT', () => interrupt.abort());
process.once('SIGTERM', () => {
  terminated = true;
  interrupt.abort();
});

// run() reports write errors (ENOSPC, EPIPE) itself, as one line; one that arrives after it has
// returned must not become an uncaught exception with a stack trace either.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  // process.stdin is only touched when `--json -` reads it.
  stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
  signal: interrupt.signal,
};
const code = mcp ? await (await import('./mcp/cli.js')).runMcp(argv.slice(1), process.env, io) : await run(argv, process.env, io);
process.exitCode = !mcp && terminated && code === 130 ? 143 : code;
