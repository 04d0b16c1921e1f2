// What `partnero` prints: rows as a table (terminal), tab-separated lines (piped) or JSON lines;
// progress on stderr; and the writing itself, where a failure (ENOSPC, EPIPE) is recorded
// instead of thrown, so that it ends the command with one line.
import type { CliStream } from '../internal/command-line.js';
import { isObject } from '../internal/json.js';

export type { CliStream } from '../internal/command-line.js';

/**
 * Characters that must not reach a terminal as they are: C0 and C1 controls and DEL (tabs and
 * newlines would forge cells and rows, ESC drives the terminal), the bidirectional controls
 * (U+061C, U+200E/F, U+202A-202E, U+2066-2069: they can make a link read as another), and the
 * line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** `text` with every unsafe character written as an escape (`\t`, `\n`, `\u202e`). */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One value as a cell of the table and of a tab-separated line (the same text in both). */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return escapeUnsafe(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/** One JSON line; the characters JSON leaves as they are but a terminal should not get are escaped (still valid JSON). */
export function jsonLine(value: unknown): string {
  return `${escapeUnsafe(JSON.stringify(value) ?? 'null')}\n`;
}

/** The columns of a batch of rows: their keys in order of first appearance (`value` for rows that are not objects). */
export function columnsOf(rows: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    if (isObject(row)) for (const key of Object.keys(row)) seen.add(key);
    else seen.add('');
  }
  return [...seen];
}

/** The cells of `row` under `columns`. */
export function cellsOf(row: unknown, columns: readonly string[]): string[] {
  return columns.map((column) => cell(column === '' ? (isObject(row) ? undefined : row) : isObject(row) ? row[column] : undefined));
}

/** Rows as an aligned table with a header. */
export function renderTable(rows: readonly unknown[], columns: readonly string[]): string {
  const header = columns.map((column) => (column === '' ? 'VALUE' : escapeUnsafe(column.replace(/_/g, ' ').toUpperCase())));
  const body = rows.map((row) => cellsOf(row, columns));
  const widths = header.map((title, i) => Math.max(width(title), ...body.map((cells) => width(cells[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells.map((text, i) => (i === cells.length - 1 ? text : text + ' '.repeat((widths[i] ?? 0) - width(text)))).join('  ');
  return `${[line(header), ...body.map(line)].map((text) => text.trimEnd()).join('\n')}\n`;
}

/** Columns on a terminal, roughly: one per code point. */
function width(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * A stream written to without ever throwing: every text goes through `transform` (redaction), and
 * the first failure is kept in `failure` and reported to `onFailure`.
 */
export class Sink {
  failure: NodeJS.ErrnoException | undefined;
  readonly #stream: CliStream;
  readonly #onFailure: (error: Error) => void;
  readonly #transform: (text: string) => string;
  readonly #listener = (error: Error): void => this.#fail(error);
  /** Writes not yet confirmed by a Node stream. */
  #pending = 0;
  #flushed: (() => void)[] = [];

  constructor(stream: CliStream, onFailure: (error: Error) => void = () => {}, transform: (text: string) => string = (text) => text) {
    this.#stream = stream;
    this.#onFailure = onFailure;
    this.#transform = transform;
    stream.on?.('error', this.#listener);
  }

  get isTTY(): boolean {
    return this.#stream.isTTY === true;
  }

  write(text: string): void {
    this.#write(this.#transform(text));
  }

  /** Writes text that holds nothing from outside (help, version): not transformed. */
  writeTrusted(text: string): void {
    this.#write(text);
  }

  #write(text: string): void {
    if (this.failure || text === '') return;
    try {
      if (!this.#stream.on) {
        this.#stream.write(text);
        return;
      }
      this.#pending += 1;
      this.#stream.write(text, (error) => {
        this.#pending -= 1;
        if (error) this.#fail(error);
        if (this.#pending === 0) for (const resolve of this.#flushed.splice(0)) resolve();
      });
    } catch (error) {
      this.#fail(error as Error);
    }
  }

  /** Resolves once everything written so far is written, or has failed. */
  flush(): Promise<void> {
    return this.#pending === 0 || this.failure ? Promise.resolve() : new Promise((resolve) => this.#flushed.push(resolve));
  }

  /**
   * Stops listening to the stream, unless a write failed or is pending: the stream may still
   * emit `error`, which must not become an uncaught exception.
   */
  close(): void {
    if (!this.failure && this.#pending === 0) this.#stream.off?.('error', this.#listener);
  }

  #fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const resolve of this.#flushed.splice(0)) resolve();
    this.#onFailure(error);
  }
}

/** The progress line of a walk on stderr (only when stderr is a terminal), and its clearing. */
export class Progress {
  readonly #sink: Sink;
  #shown = false;

  constructor(sink: Sink) {
    this.#sink = sink;
  }

  show(text: string): void {
    if (!this.#sink.isTTY) return;
    this.#sink.write(`\r${escapeUnsafe(text)}\u001b[K`);
    this.#shown = true;
  }

  /** Clears the line, once (on the end of the walk, Ctrl-C, or the reader of stdout going away). */
  clear(): void {
    if (!this.#shown) return;
    this.#shown = false;
    this.#sink.write('\r\u001b[K');
  }
}

