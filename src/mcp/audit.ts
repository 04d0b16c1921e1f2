// The audit log of an MCP server: one JSON line per write-tool call (time, tool, arguments,
// outcome, link id), written and flushed to disk before the agent gets its answer.
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** One line of the audit log. */
export interface AuditRecord {
  readonly time: string;
  readonly tool: string;
  readonly arguments: unknown;
  /** `done`, `recovered`, `existing` (the client's outcome of a write); `dry_run`; `refused` (by the server, nothing sent); `error`. */
  readonly outcome: string;
  readonly link_id: string | number | null;
  readonly error?: string;
}

/** An append-only JSON-lines file, opened once (so an unwritable path fails at start-up). */
export class AuditLog {
  readonly #fd: number;

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'a', 0o600);
  }

  /** Appends one record and waits until it is on disk. */
  append(record: AuditRecord): void {
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    let written = 0;
    while (written < line.length) written += writeSync(this.#fd, line, written);
    fsyncSync(this.#fd);
  }

  close(): void {
    closeSync(this.#fd);
  }
}
