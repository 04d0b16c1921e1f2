// The audit log of an MCP server: JSON lines, each on disk (written and fsync'd) before the
// server goes on. A write tool's call is recorded twice: its intent before anything is sent
// (outcome `sending`; a call whose intent cannot be written is not sent), and its outcome before
// the agent gets the answer. A call that sends nothing (refused, a dry run) is one line.
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** One line of the audit log (every string in it redacted of the key). */
export interface AuditRecord {
  readonly time: string;
  /** The call this line is about: its intent and its outcome share it. */
  readonly call: string;
  readonly tool: string;
  readonly arguments: unknown;
  /**
   * `sending` (the intent, written before the request goes out); then `done`, `recovered`,
   * `existing` (the client's outcome of a write), or `error`; `dry_run` and `refused` (by the
   * server, nothing sent) stand alone.
   */
  readonly outcome: string;
  readonly link_id: string | number | null;
  readonly error?: string;
}

/** fsync; a file that cannot be synced (a pipe, a terminal, /dev/null) has the line once it is written. */
function sync(fd: number): void {
  try {
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EROFS') throw error;
  }
}

/** The audit log could not be written; `message` says which file and why. */
export class AuditLogError extends Error {
  override name = 'AuditLogError';
}

/** An append-only JSON-lines file, opened once (so an unwritable path fails at start-up). */
export class AuditLog {
  readonly #fd: number;

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'a', 0o600);
  }

  /** Appends one record and waits until it is on disk; throws AuditLogError if it cannot. */
  append(record: AuditRecord): void {
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    try {
      let written = 0;
      while (written < line.length) written += writeSync(this.#fd, line, written);
      sync(this.#fd);
    } catch (error) {
      throw new AuditLogError(`the audit log ${this.path} cannot be written (${(error as Error).message})`, { cause: error });
    }
  }

  close(): void {
    closeSync(this.#fd);
  }
}
