// What the two command-line surfaces (src/cli/, the `partnero` commands; src/mcp/, `partnero
// mcp`) share: the streams a command runs on and the error for wrong usage. It lives in the core
// so that neither surface imports the other; only the executable (src/cli.ts) chooses between them.
import type { PartneroClientOptions } from '../client.js';

/** Where a command writes; `isTTY` picks a table over plain lines, and progress on stderr. */
export interface CliStream {
  /** Writes `text`; a Node stream calls `callback` once it is written, with the error if it could not be. */
  write(text: string, callback?: (error?: Error | null) => void): unknown;
  readonly isTTY?: boolean | undefined;
  /** Present on Node streams: their write errors arrive as `error` events. */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  off?(event: 'error', listener: (error: Error) => void): unknown;
}

/** A command's surroundings. */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  /** Read for `--json -`. */
  readonly stdin?: AsyncIterable<string | Uint8Array>;
  /** Aborts the command (Ctrl-C; SIGTERM for `partnero mcp`). */
  readonly signal?: AbortSignal;
  /** For tests: a fetch implementation for the client. */
  readonly fetch?: PartneroClientOptions['fetch'];
}

/** Wrong usage: one line, then a pointer to the help of `helpFor` (a command, a resource, or the whole). */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly helpFor = '',
  ) {
    super(message);
  }
}
