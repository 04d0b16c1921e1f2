// The journal of a `--from` run: one JSON line when a row starts (before it is sent) and one
// with its outcome, so that a rerun skips what was done and checks what was in flight. A run
// holds its journal alone (a lock file beside it), drops a last line cut by a crash before it
// appends, and refuses a journal it cannot write before anything is sent.
import { closeSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { describeValue } from '../errors.js';
import { isObject } from '../internal/json.js';
import { UsageError } from './args.js';

/** What the journal knows of a row. */
export type Earlier = 'ok' | 'existing' | 'failed' | 'in-flight';

/** A row's last state in the journal, and the hash of the row it recorded. */
export interface JournalEntry {
  readonly hash: string;
  readonly state: Earlier;
}

/** A journal line that could not be written (ENOSPC, EIO): the run stops. */
export class JournalWriteError extends Error {
  override name = 'JournalWriteError';
  readonly code: string | undefined;

  constructor(path: string, cause: NodeJS.ErrnoException) {
    super(`the journal ${path} could not be written: ${cause.message}`, { cause });
    this.code = cause.code;
  }
}

/** The journal is synced to disk at most this often (each record is written to the OS before its row counts as done). */
const SYNC_EVERY_MS = 1000;

/**
 * The journal being written, held by this run alone: `open` takes its lock, reads what earlier
 * runs recorded, drops a cut last line and opens it for appending; `close` releases it.
 */
export class Journal {
  readonly path: string;
  /** What earlier runs recorded, by line of the input. */
  readonly entries: ReadonlyMap<number, JournalEntry>;
  /** The rate the adaptive limiter had learnt when an earlier run last recorded one (requests a second). */
  readonly rate: number | undefined;
  readonly #fd: number;
  readonly #lock: Lock;
  /** Whether this run created the file (and so may remove it if it sends nothing). */
  readonly #created: boolean;
  #records = 0;
  #syncedAt = performance.now();
  #closed = false;

  private constructor(path: string, fd: number, lock: Lock, entries: ReadonlyMap<number, JournalEntry>, rate: number | undefined, created: boolean) {
    this.path = path;
    this.rate = rate;
    this.#fd = fd;
    this.#lock = lock;
    this.entries = entries;
    this.#created = created;
  }

  /** Opens the journal of `command` (a UsageError, naming --journal, if it cannot be held, read or written). */
  static open(path: string, header: { command: string; from: string }): Journal {
    const { command } = header;
    const lock = Lock.take(path, command);
    try {
      const cannot = (error: unknown): never => {
        const { code, message } = error as NodeJS.ErrnoException;
        throw new UsageError(`--journal ${path} cannot be written (${code ?? message}): give a file in a folder you can write to with --journal FILE, or --no-journal`, command);
      };
      let fd: number;
      try {
        fd = openSync(path, 'a+');
      } catch (error) {
        return cannot(error);
      }
      try {
        const { entries, rate, keep, size } = readJournal(fd, path, command);
        // A last line cut by a crash (no newline) is dropped before anything is appended after it.
        if (keep < size) ftruncateSync(fd, keep);
        const journal = new Journal(path, fd, lock, entries, rate, size === 0);
        if (keep === 0) {
          try {
            journal.#append({ journal: 'partnero', version: 1, ...header });
            fdatasyncSync(fd);
          } catch (error) {
            cannot(error);
          }
        }
        return journal;
      } catch (error) {
        closeSync(fd);
        throw error;
      }
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /** Appends one record; throws JournalWriteError if it cannot be written. */
  write(record: Record<string, unknown>): void {
    try {
      this.#append(record);
      this.#records += 1;
      const now = performance.now();
      if (now - this.#syncedAt >= SYNC_EVERY_MS) {
        this.#syncedAt = now;
        fdatasyncSync(this.#fd);
      }
    } catch (error) {
      throw new JournalWriteError(this.path, error as NodeJS.ErrnoException);
    }
  }

  #append(record: Record<string, unknown>): void {
    // writeSync: the record is the kernel's once this returns, so kill -9 of this process cannot
    // lose it; fdatasync (at most once a second) also covers a crash of the machine, mostly.
    writeSync(this.#fd, `${JSON.stringify(record)}\n`);
  }

  /**
   * Syncs and closes the journal and releases its lock; `discard` removes a journal this run
   * created if nothing was recorded in it (a run that sent nothing leaves nothing behind: a
   * row is recorded as started before it is sent).
   */
  close({ discard = false } = {}): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      try {
        fdatasyncSync(this.#fd);
      } catch {
        // What could not be synced was reported by the write that failed, if any.
      }
      closeSync(this.#fd);
      if (discard && this.#created && this.#records === 0) unlinkSync(this.path);
    } finally {
      this.#lock.release();
    }
  }
}

/**
 * The journal as a rerun reads it: each line's last state (an outcome over `started`). Its
 * first line says which command and file it belongs to. A last line without its newline was
 * cut by a crash: `keep` ends before it, and its row (if it can be read) counts as in flight.
 */
function readJournal(fd: number, path: string, command: string): { entries: Map<number, JournalEntry>; rate: number | undefined; keep: number; size: number } {
  const entries = new Map<number, JournalEntry>();
  let rate: number | undefined;
  const size = fstatSync(fd).size;
  if (size === 0) return { entries, rate, keep: 0, size };
  let text: string;
  try {
    text = readFileSync(fd, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the journal ${path}: ${(error as Error).message}`, command);
  }
  const end = text.lastIndexOf('\n') + 1;
  const complete = text.slice(0, end);
  const cut = text.slice(end);
  const lines = complete.split('\n').slice(0, -1);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw new UsageError(`the journal ${path} is damaged at line ${index + 1}: remove it to start over`, command);
    }
    if (!isObject(record)) return;
    if (index === 0) {
      if (record['journal'] !== 'partnero' || record['command'] !== command) {
        throw new UsageError(`${path} is not a journal of partnero ${command} (it is of ${describeValue(record['command'])}): remove it, or give another --journal`, command);
      }
      return;
    }
    // The limiter's rate, `{"rate":N}` (the least it takes is 0.2/s: rateLimit.initialRate refuses less).
    if (typeof record['rate'] === 'number' && Number.isFinite(record['rate']) && record['rate'] >= 0.2) rate = record['rate'];
    const { line: row, row: hash, state, outcome } = record;
    if (typeof row !== 'number' || typeof hash !== 'string') return;
    if (outcome === 'ok' || outcome === 'existing' || outcome === 'failed') entries.set(row, { hash, state: outcome });
    else if (state === 'started') entries.set(row, { hash, state: 'in-flight' });
  });
  // The cut line's row: written as in flight, so that a rerun checks it (records start `{"line":N,"row":"<hash>"`).
  const partial = /^\{"line":(\d+),"row":"([0-9a-f]+)"/.exec(cut);
  if (partial && lines.length > 0) {
    const row = Number(partial[1]);
    const hash = partial[2]!;
    const known = entries.get(row);
    if (!known || known.hash === hash) entries.set(row, { hash, state: 'in-flight' });
  }
  return { entries, rate, keep: Buffer.byteLength(complete, 'utf8'), size };
}

/**
 * The lock beside a journal (`<journal>.lock`, created with `wx`): the pid of the run that holds
 * it and since when. A lock whose pid is no longer running was left by a run that was killed,
 * and is taken over. (Two runs that find the same stale lock at the same moment could both take
 * it over: reading it and removing it are two steps. The window is a few microseconds after a
 * crash; a pid that was reused since keeps the lock, and the message says which file to remove.)
 */
class Lock {
  readonly #path: string;
  readonly #text: string;

  private constructor(path: string, text: string) {
    this.#path = path;
    this.#text = text;
  }

  static take(journal: string, command: string): Lock {
    const path = `${journal}.lock`;
    const text = `${JSON.stringify({ pid: process.pid, since: new Date().toISOString(), command })}\n`;
    for (let attempt = 0; ; attempt++) {
      let fd: number;
      try {
        fd = openSync(path, 'wx');
      } catch (error) {
        const { code, message } = error as NodeJS.ErrnoException;
        if (code !== 'EEXIST') {
          throw new UsageError(`--journal ${journal} cannot be written: its folder does not take the lock file ${path} (${code ?? message}): give a file in a folder you can write to with --journal FILE, or --no-journal`, command);
        }
        const holder = readLock(path);
        if (holder && !isRunning(holder.pid) && attempt === 0) {
          // Left by a run that was killed: take it over, once.
          try {
            unlinkSync(path);
          } catch {
            // Another run took it over first; the next attempt says so.
          }
          continue;
        }
        const who = holder ? `pid ${holder.pid}, since ${holder.since}` : `its lock file ${path} cannot be read`;
        throw new UsageError(`another run holds the journal ${journal} (${who}): wait for it to end, or give another --journal (remove ${path} only if no such run is going)`, command);
      }
      try {
        writeSync(fd, text);
      } finally {
        closeSync(fd);
      }
      return new Lock(path, text);
    }
  }

  /** Removes the lock, if it is still this run's. */
  release(): void {
    try {
      if (readFileSync(this.#path, 'utf8') === this.#text) unlinkSync(this.#path);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

function readLock(path: string): { pid: number; since: string } | undefined {
  try {
    const record: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (isObject(record) && Number.isSafeInteger(record['pid']) && (record['pid'] as number) > 0) {
      return { pid: record['pid'] as number, since: typeof record['since'] === 'string' ? record['since'] : 'an unknown time' };
    }
  } catch {
    // Unreadable, or being written this moment: not known to be stale.
  }
  return undefined;
}

/** Whether a process with this pid is running (signal 0 checks without sending anything). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
