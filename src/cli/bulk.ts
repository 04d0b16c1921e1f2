// `partnero <resource> <write command> --from rows.csv` (or .jsonl): the command once per row, the
// row's columns named like the command's flags (and its path parameters). Every row is checked
// with the client's own checks before anything is sent; a journal beside the input records each
// row's outcome (src/cli/journal.ts), so that a rerun after Ctrl-C, a crash or kill -9 skips what
// was done and sends the rows that were in flight through the safe create; a journal that cannot
// be written stops the run. Nothing here names an operation or a field: the command (from the
// generated table) says what the columns are.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { bulk, BulkCallbackError, type BulkResult } from '../bulk/index.js';
import { createPartneroClient, InvalidParameterError, PartneroError, RequestAbortedError, type PartneroClientOptions } from '../index.js';
import type { RateLimitOption } from '../client.js';
import { describeValue } from '../errors.js';
import { checkParameters } from '../internal/params.js';
import { checkRequestBody } from '../resources.js';
import { isObject, pointerTokens } from '../internal/json.js';
import { bodyRules } from '../generated/validators.js';
import { fieldValue, UsageError, type Invocation } from './args.js';
import type { BulkFlags } from './bulk-flags.js';
import { kebab, type Command, type Flag, type Positional } from './commands.js';
import { csvRecords, CsvError, textLines, type TextLine } from './csv.js';
import { describeFailure, shown } from './messages.js';
import { escapeUnsafe, jsonLine, type Progress, type Sink } from './output.js';
import { Journal, JournalWriteError, type Earlier, type JournalEntry } from './journal.js';

/** What a bulk run needs from the command's surroundings. */
export interface BulkContext {
  readonly apiKey: string;
  readonly baseUrl: string | undefined;
  /** For tests: a fetch implementation for the client (the CLI's `io.fetch`). */
  readonly fetch: PartneroClientOptions['fetch'] | undefined;
  readonly stdout: Sink;
  readonly stderr: Sink;
  readonly progress: Progress;
  /** Aborts on Ctrl-C and when stdout goes away. */
  readonly signal: AbortSignal;
}

/** The exit codes of a bulk run (the same as every command's). */
const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
/** Bad rows printed before the count of the rest. */
const MAX_BAD_ROWS_SHOWN = 20;
/** Rows whose output waits for the first answer with a body, which gives the CSV its columns. */
const MAX_ROWS_BEFORE_COLUMNS = 1000;
/** The answers of successful operations keep their one object in this envelope field (as run.ts shows them). */
const ENVELOPE = 'data';

/** Where a column's value goes. */
type Target =
  | { readonly kind: 'path'; readonly index: number; readonly positional: Positional }
  | { readonly kind: 'flag'; readonly flag: Flag }
  /** A JSON line's top-level body field given whole (`"partner": {"id": ...}`). */
  | { readonly kind: 'field'; readonly name: string };

interface Column {
  /** As the file spells it. */
  readonly name: string;
  readonly target: Target;
}

/** A row as read: its cells (text from CSV, JSON values from a JSON line), or what is wrong with it. */
type RawRow =
  | { readonly line: number; readonly cells: readonly (readonly [Column, unknown])[]; /** From a JSON line: values typed already. */ readonly json: boolean }
  | { readonly line: number; readonly error: string };

/** A row ready to send. */
interface PreparedRow {
  readonly line: number;
  /** Identifies the row's content in the journal, so that a changed file is noticed. */
  readonly hash: string;
  readonly positionals: readonly string[];
  readonly input: unknown;
}

interface Row {
  readonly prepared?: PreparedRow;
  readonly line: number;
  readonly error?: string;
  readonly earlier: Earlier | undefined;
}

class RowError extends Error {}

/** Runs the command once per row of `flags.from`; resolves to the exit code. */
export async function runBulk(invocation: Invocation, base: unknown, flags: BulkFlags, context: BulkContext): Promise<number> {
  const { command } = invocation;
  const name = `${command.resource} ${command.method}`;
  const file = flags.from;
  try {
    if (!statSync(file).isFile()) throw new UsageError(`--from ${file} is not a file`, name);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read --from ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, name);
  }
  // Held by this run alone, read, and checked writable before anything is sent.
  const journal = flags.journal ? Journal.open(flags.journal, { command: name, from: file }) : undefined;
  try {
    return await runRows(invocation, base, flags, context, journal);
  } finally {
    // A journal this run created and recorded nothing in (bad rows: nothing sent) is removed.
    journal?.close({ discard: true });
  }
}

/** A row not sent, because the journal could not record that it started. */
class NotSent extends Error {}

async function runRows(
  invocation: Invocation,
  base: unknown,
  flags: BulkFlags,
  context: BulkContext,
  journal: Journal | undefined,
): Promise<number> {
  const { command } = invocation;
  const { stdout, stderr, progress, signal } = context;
  const name = `${command.resource} ${command.method}`;
  const file = flags.from;
  const earlier = journal?.entries ?? new Map<number, JournalEntry>();

  // Pass 1: every row checked, nothing sent.
  const bad: string[] = [];
  let badCount = 0;
  let total = 0;
  let toDo = 0;
  for await (const row of preparedRows(command, flags, base)) {
    total += 1;
    let problem = row.error;
    const entry = earlier.get(row.line);
    if (!problem && entry && row.prepared && entry.hash !== row.prepared.hash) {
      problem = `not the row that the journal ${journal?.path} recorded for this line: the file changed since (remove the journal to start over, or give another --journal)`;
    }
    if (problem) {
      badCount += 1;
      if (bad.length < MAX_BAD_ROWS_SHOWN) bad.push(`${file}:${row.line}: ${problem}`);
    } else if (row.earlier !== 'ok' && row.earlier !== 'existing') toDo += 1;
  }
  if (badCount) {
    for (const line of bad) stderr.write(`partnero: ${escapeUnsafe(line)}\n`);
    if (badCount > bad.length) stderr.write(`partnero: ... and ${badCount - bad.length} more\n`);
    stderr.write(`partnero: ${badCount} bad row${badCount === 1 ? '' : 's'} of ${total} in ${file}; nothing was sent\n`);
    return EXIT.usage;
  }

  // Pass 2: the rows, read again, sent.
  let answered429 = 0;
  const baseFetch = context.fetch ?? ((request: Request) => globalThis.fetch(request));
  // The adaptive limiter paces unless --rate-limit off; --redis shares its rate through Redis
  // (interface D's object form). The journal keeps the rate learnt, so that a rerun starts from it.
  const rateLimit: RateLimitOption | undefined = flags.rateLimit || flags.redis ? journalledRate(flags.redis, journal) : undefined;
  const options: PartneroClientOptions = {
    apiKey: context.apiKey,
    ...(context.baseUrl ? { baseUrl: context.baseUrl } : {}),
    fetch: async (request: Request) => {
      const response = await baseFetch(request);
      if (response.status === 429) answered429 += 1;
      return response;
    },
    ...(rateLimit ? { rateLimit } : {}),
  };
  const client = createPartneroClient(options);
  const method = (client as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>)[command.resourceKey]![command.methodKey]!;
  const isCreate = command.row.create !== undefined;

  // `recorded`: rows whose ok or existing is in the journal (a rerun skips them); `unrecorded`:
  // rows done whose outcome the journal could not take (a rerun checks them as in flight).
  const counts = { ok: 0, existing: 0, failed: 0, skipped: 0, inFlight: 0, notSent: 0, recorded: 0, unrecorded: 0, done: 0 };
  const started = performance.now();
  const output = new Output(stdout, invocation.json);
  let lastShown = 0;
  const show = (force = false): void => {
    const now = performance.now();
    if (!force && now - lastShown < 100) return;
    lastShown = now;
    progress.show(progressLine(counts.done, total, toDo, counts.done - counts.skipped, (now - started) / 1000, answered429, counts.failed));
  };
  show(true);

  const SKIPPED = Symbol('skipped');
  let stoppedEarly = false;
  /** The first journal write that failed: the run stops (see bulk's onSettled). */
  let journalFailure: JournalWriteError | undefined;
  const record = (entry: Record<string, unknown>): void => {
    try {
      journal?.write(entry);
    } catch (error) {
      if (error instanceof JournalWriteError) journalFailure ??= error;
      throw error;
    }
  };
  /** Counts a settled row and records its outcome; throws (stopping the run) when the journal cannot take it. */
  const settle = (row: Row, result: BulkResult<Row, unknown>): void => {
    const { outcome } = result;
    if (result.result === SKIPPED) counts.skipped += 1;
    else if (result.error instanceof NotSent) {
      counts.notSent += 1;
      throw result.error.cause;
    } else if (outcome === 'failed' && signal.aborted) {
      // Cut short by Ctrl-C: what became of it is unknown, so it stays in flight for the rerun.
      counts.inFlight += 1;
    } else {
      counts[outcome] += 1;
      if (row.prepared && journal) {
        const error = outcome === 'failed' ? { error: messageOf(result.error) } : {};
        try {
          record({ line: row.line, row: row.prepared.hash, outcome, ...error });
        } catch (failure) {
          counts.unrecorded += 1;
          throw failure;
        }
        if (outcome !== 'failed') counts.recorded += 1;
      }
    }
  };
  try {
    const run = bulk(
      rowsToRun(command, flags, base, earlier),
      async (row: Row, call) => {
        if (row.earlier === 'ok' || row.earlier === 'existing') return SKIPPED;
        if (!row.prepared) throw new RowError(row.error ?? 'the row could not be read');
        const { line, hash, positionals, input } = row.prepared;
        // Recorded before anything is sent: a row started and never finished is known as in flight.
        try {
          record({ line, row: hash, state: 'started' });
        } catch (error) {
          throw new NotSent('not sent: the journal could not record it', { cause: error });
        }
        return method(...positionals, ...(command.takesInput ? [input] : []), {
          signal: call.signal,
          onOutcome: call.onOutcome,
          ...(isCreate ? { ifExists: 'return' } : {}),
        });
      },
      {
        concurrency: flags.concurrency,
        signal,
        total,
        // A journal write that fails throws here, after the row is counted as what it was:
        // bulk then starts nothing more and lets the calls in flight finish.
        onSettled: (result) => {
          counts.done += 1;
          try {
            settle(result.input, result);
          } finally {
            show();
          }
        },
      },
    );
    for await (const result of run) {
      output.row(result, result.result === SKIPPED, signal.aborted);
      if (stdout.failure) break;
    }
  } catch (error) {
    if (error instanceof RequestAbortedError) stoppedEarly = true;
    else if (!(error instanceof BulkCallbackError && journalFailure)) throw error;
  } finally {
    progress.clear();
    output.end();
  }
  const seconds = (performance.now() - started) / 1000;
  const sent = counts.ok + counts.existing + counts.failed;
  const parts = [`${counts.ok} ok`, `${counts.existing} already there`, `${counts.failed} failed`];
  if (counts.skipped) parts.push(`${counts.skipped} skipped (done in an earlier run)`);
  if (counts.inFlight) parts.push(`${counts.inFlight} cut short`);
  if (counts.notSent) parts.push(`${counts.notSent} not sent`);
  if (counts.unrecorded) parts.push(`${counts.unrecorded} not recorded in the journal`);
  const summary =
    `${name}: ${counts.done - counts.notSent} of ${total} rows in ${seconds.toFixed(1)} s (${(sent / Math.max(seconds, 0.001)).toFixed(1)}/s): ${parts.join(', ')}` +
    `; ${answered429} answer${answered429 === 1 ? '' : 's'} 429` +
    (journal ? `; journal ${journal.path}` : '');
  stderr.write(`partnero: ${escapeUnsafe(summary)}\n`);
  // What a rerun sends: every row the journal does not hold as ok or existing.
  const left = total - counts.skipped - counts.recorded;
  const resume = journal
    ? `run the same command again to resume (${left} row${left === 1 ? '' : 's'} left)`
    : `${total - counts.done + counts.inFlight} rows not done, and no journal to resume from`;
  if (journalFailure) {
    stderr.write(`partnero: stopped: ${escapeUnsafe(journalFailure.message)}; nothing more was sent. Make room (or give another --journal), then ${escapeUnsafe(resume)}\n`);
    return EXIT.failed;
  }
  // Stopped by Ctrl-C, or by stdout going away (\`... | head\`) before every row was shown.
  const outputGone = stdout.failure && counts.done < total ? stdout.failure : undefined;
  if (stoppedEarly || outputGone) {
    const why = !outputGone ? '' : outputGone.code === 'EPIPE' ? ' (the output was closed: EPIPE)' : ` (the output could not be written: ${outputGone.code ?? outputGone.message})`;
    stderr.write(`partnero: interrupted${escapeUnsafe(why)}: ${escapeUnsafe(resume)}\n`);
    return EXIT.interrupted;
  }
  return counts.failed > 0 ? EXIT.failed : EXIT.ok;
}

function messageOf(error: unknown): string {
  if (error instanceof PartneroError) return describeFailure(error);
  if (error instanceof Error) return error.message;
  return String(error);
}

/** `[#######.............] 700/2000 rows  52.1/s  ETA 25 s  429s: 3  failed: 0` */
function progressLine(done: number, total: number, toDo: number, sent: number, seconds: number, answered429: number, failed: number): string {
  const width = 20;
  const filled = total ? Math.round((done / total) * width) : 0;
  const rate = seconds > 0 ? sent / seconds : 0;
  const left = Math.max(0, toDo - sent);
  const eta = rate > 0 ? `ETA ${formatSeconds(left / rate)}` : 'ETA -';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} rows  ${rate.toFixed(1)}/s  ${eta}  429s: ${answered429}  failed: ${failed}`;
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.ceil(seconds - minutes * 60)} s`;
}

/** The results on stdout, in row order: CSV with a header, or one JSON object per line (`--json`). */
class Output {
  readonly #sink: Sink;
  readonly #json: boolean;
  #columns: string[] | undefined;
  readonly #waiting: { fields: Record<string, unknown>; data: Record<string, unknown> | undefined }[] = [];

  constructor(sink: Sink, json: boolean) {
    this.#sink = sink;
    this.#json = json;
  }

  row(result: BulkResult<Row, unknown>, skipped: boolean, aborted: boolean): void {
    const { input: row } = result;
    const outcome = skipped
      ? 'skipped'
      : result.error instanceof NotSent
        ? 'not-sent'
        : result.outcome === 'failed' && aborted
          ? 'cut-short'
          : result.outcome;
    const fields: Record<string, unknown> = { line: row.line, outcome, earlier: row.earlier ?? '' };
    if (result.outcome === 'failed') fields['error'] = messageOf(result.error);
    const data = !skipped && isObject(result.result) && isObject(result.result[ENVELOPE]) ? result.result[ENVELOPE] : undefined;
    if (this.#json) {
      if (!fields['earlier']) delete fields['earlier'];
      this.#sink.write(jsonLine({ ...fields, ...(data ? { result: data } : {}) }));
      return;
    }
    this.#waiting.push({ fields, data });
    if (!this.#columns && (data || this.#waiting.length >= MAX_ROWS_BEFORE_COLUMNS)) this.#start(data);
    if (this.#columns) this.#flush();
  }

  end(): void {
    if (this.#json) return;
    if (!this.#columns) this.#start(undefined);
    this.#flush();
  }

  #start(data: Record<string, unknown> | undefined): void {
    this.#columns = ['line', 'outcome', 'earlier', 'error', ...Object.keys(data ?? {}).filter((key) => !['line', 'outcome', 'earlier', 'error'].includes(key))];
    this.#sink.write(`${this.#columns.map(csvField).join(',')}\n`);
  }

  #flush(): void {
    const columns = this.#columns!;
    for (const { fields, data } of this.#waiting.splice(0)) {
      const cells = columns.map((column) => {
        const value = column in fields ? fields[column] : data?.[column];
        if (value === undefined || value === null) return '';
        const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
        // Text (not a number) that a spreadsheet would read as a formula is neutralised.
        return csvField(escapeUnsafe(typeof value === 'string' ? neutralised(text) : text));
      });
      this.#sink.write(`${cells.join(',')}\n`);
    }
  }
}

/**
 * A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to a
 * spreadsheet (CSV injection): such text gets a leading `'`, as OWASP's CSV-injection guidance
 * says, so that it shows as the text it is.
 */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// ---- Reading and checking the rows --------------------------------------------------------

/** The rows of the file, each checked with the client's own checks (pass 1 and pass 2 alike). */
async function* preparedRows(command: Command, flags: BulkFlags, base: unknown): AsyncGenerator<Row> {
  for await (const raw of rawRows(command, flags)) {
    if ('error' in raw) yield { line: raw.line, error: raw.error, earlier: undefined };
    else {
      try {
        yield { line: raw.line, prepared: await prepare(command, raw, base), earlier: undefined };
      } catch (error) {
        if (error instanceof RowError) yield { line: raw.line, error: error.message, earlier: undefined };
        else throw error;
      }
    }
  }
}

/** The rows for pass 2, with what the journal knows of each. */
async function* rowsToRun(command: Command, flags: BulkFlags, base: unknown, journal: ReadonlyMap<number, JournalEntry>): AsyncGenerator<Row> {
  for await (const row of preparedRows(command, flags, base)) {
    yield { ...row, earlier: journal.get(row.line)?.state };
  }
}

async function* rawRows(command: Command, flags: BulkFlags): AsyncGenerator<RawRow> {
  const name = `${command.resource} ${command.method}`;
  const stream = createReadStream(flags.from, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  try {
    if (flags.format === 'csv') {
      let columns: Column[] | undefined;
      try {
        for await (const record of csvRecords(stream as AsyncIterable<string>)) {
          if (!columns) {
            if (record.error) throw new UsageError(`${flags.from}:${record.line}: the header: ${record.error}`, name);
            columns = headerColumns(command, record.fields, flags.from, record.line);
            continue;
          }
          if (record.error) yield { line: record.line, error: record.error };
          else if (record.fields.length !== columns.length) {
            yield { line: record.line, error: `${record.fields.length} field${record.fields.length === 1 ? '' : 's'}, but the header has ${columns.length} (${columns.map((c) => c.name).join(',')})` };
          } else yield { line: record.line, cells: columns.map((column, i) => [column, record.fields[i]] as const), json: false };
        }
      } catch (error) {
        if (error instanceof CsvError) throw new UsageError(`${flags.from}:${error.line}: ${error.message}; nothing was sent`, name);
        throw error;
      }
      if (!columns) throw new UsageError(`${flags.from} is empty: it needs a header line naming the columns (${columnNames(command)})`, name);
      return;
    }
    for await (const { line, text } of jsonLines(stream as AsyncIterable<string>, flags.from, name)) {
      const trimmed = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
      if (trimmed === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch (error) {
        yield { line, error: `not JSON: ${(error as Error).message}` };
        continue;
      }
      if (!isObject(value)) {
        yield { line, error: `must be a JSON object ({...}) of the columns (${columnNames(command)}), got ${describeValue(value)}` };
        continue;
      }
      const cells: [Column, unknown][] = [];
      let problem: string | undefined;
      for (const [key, cell] of Object.entries(value)) {
        const target = targetOf(command, key, true);
        if (!target) {
          problem ??= `unknown field ${shown(key)}: the columns of ${name} are ${columnNames(command)}`;
          continue;
        }
        // Two fields that give one value (`partner_id` and `partner.id`, or `partner` whole and
        // `partner_id`) are refused, as two such CSV columns are: neither silently wins.
        const twin = cells.find(([column]) => sameTarget(column.target, target) || overlaps(column.target, target));
        if (twin) problem ??= `fields ${shown(twin[0].name)} and ${shown(key)} give the same value`;
        cells.push([{ name: key, target }, cell]);
      }
      const missing = command.positionals.find((_positional, index) => !cells.some(([column]) => column.target.kind === 'path' && column.target.index === index));
      if (missing) problem ??= `no ${missing.name}: ${name} needs the ${missing.label} of every row`;
      yield problem ? { line, error: problem } : { line, cells, json: true };
    }
  } finally {
    stream.destroy();
  }
}

/** The lines of a JSON-lines file; a line past the bound is refused (a UsageError with its number). */
async function* jsonLines(chunks: AsyncIterable<string>, file: string, name: string): AsyncGenerator<TextLine> {
  try {
    yield* textLines(chunks);
  } catch (error) {
    if (error instanceof CsvError) throw new UsageError(`${file}:${error.line}: ${error.message}; nothing was sent`, name);
    throw error;
  }
}

/** The columns a command takes, as a CSV header would name them. */
function columnNames(command: Command): string {
  const flags = command.flags.map((flag) => flag.name.replace(/-/g, '_'));
  return [...command.positionals.map((positional) => positional.name), ...flags].join(', ');
}

function headerColumns(command: Command, names: readonly string[], file: string, line: number): Column[] {
  const where = `${command.resource} ${command.method}`;
  const fail = (message: string): never => {
    throw new UsageError(`${file}:${line}: ${message}; nothing was sent`, where);
  };
  const columns: Column[] = [];
  for (const name of names) {
    const target = targetOf(command, name, false);
    if (!target) fail(`unknown column ${shown(name)}: the columns of ${where} are ${columnNames(command)}`);
    const twin = columns.find((column) => sameTarget(column.target, target!));
    if (twin) fail(`columns ${shown(twin.name)} and ${shown(name)} give the same value`);
    columns.push({ name, target: target! });
  }
  command.positionals.forEach((positional, index) => {
    if (!columns.some((column) => column.target.kind === 'path' && column.target.index === index)) {
      fail(`no column ${positional.name}: ${where} needs the ${positional.label} of every row`);
    }
  });
  return columns;
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind === 'path' && b.kind === 'path') return a.index === b.index;
  if (a.kind === 'flag' && b.kind === 'flag') return a.flag === b.flag;
  if (a.kind === 'field' && b.kind === 'field') return a.name === b.name;
  return false;
}

/** Whether a body field given whole (`partner`) holds what a flag's column sets (`partner_id`). */
function overlaps(a: Target, b: Target): boolean {
  const [field, flag] = a.kind === 'field' ? [a, b] : [b, a];
  return field.kind === 'field' && flag.kind === 'flag' && flag.flag.target.in === 'body' && flag.flag.target.pointer[0] === field.name;
}

/**
 * What a column named `name` sets: a flag's name in either spelling (`partner_id`, `partner-id`,
 * also `partner.id`), else a path parameter by its name (`id`) or its placeholder
 * (`partner-referral-link-id`); in a JSON line, also a top-level body field given whole.
 */
function targetOf(command: Command, name: string, json: boolean): Target | undefined {
  const spelled = name.trim().replace(/[_.]/g, '-').toLowerCase();
  const flag = command.flags.find((f) => f.name === spelled);
  if (flag) return { kind: 'flag', flag };
  const index = command.positionals.findIndex((p) => kebab(p.name) === spelled || p.metavar.slice(1, -1) === spelled);
  if (index >= 0) return { kind: 'path', index, positional: command.positionals[index]! };
  if (json && command.row.body) {
    const top = new Set(Object.keys(bodyRules[command.row.body.validator] ?? {}).filter(Boolean).map((pointer) => pointerTokens(pointer)[0]));
    if (top.has(name)) return { kind: 'field', name };
  }
  return undefined;
}

/** The row's arguments, checked by the client's own checks; RowError in the words of the columns. */
async function prepare(command: Command, raw: Extract<RawRow, { cells: unknown }>, base: unknown): Promise<PreparedRow> {
  const { row, operationId } = command;
  const positionals: string[] = [];
  const body: Record<string, unknown> | undefined = command.body ? (isObject(base) ? structuredClone(base) : {}) : undefined;
  const query: Record<string, unknown> = !command.body && isObject(base) ? { ...base } : {};
  /** What each column gave, for messages. */
  const given = new Map<Target, { column: string; value: unknown }>();
  for (const [column, value] of raw.cells) {
    const { target } = column;
    given.set(target, { column: column.name, value });
    // An empty CSV cell gives nothing: the field is left out (or keeps its value from the flags).
    if (value === '' && target.kind !== 'path') continue;
    if (target.kind === 'path') {
      if (typeof value !== 'string' && typeof value !== 'number') throw new RowError(`${column.name} must be text, got ${describeValue(value)}`);
      positionals[target.index] = String(value);
    } else if (target.kind === 'field') {
      body![target.name] = value;
    } else {
      const { flag } = target;
      const typed =
        typeof value === 'string' && !raw.json
          ? fieldValue(value, flag, (message) => {
              throw new RowError(message.replace(`--${flag.name}`, `column ${column.name}`));
            })
          : value;
      if (flag.target.in === 'query') query[flag.target.name] = typed;
      else setAt(body!, flag.target.pointer, typed, column.name);
    }
  }
  let input: unknown = command.body ? body : query;
  try {
    checkParameters(operationId, row.parameters, row.pathParameters, positionals, command.body ? undefined : query);
    if (row.body) input = await checkRequestBody(operationId, row.body.validator, row.body.required, body);
  } catch (error) {
    if (error instanceof InvalidParameterError) throw new RowError(describeRowError(command, error, given));
    throw error;
  }
  const hash = createHash('sha256').update(JSON.stringify([positionals, input])).digest('hex').slice(0, 16);
  return { line: raw.line, hash, positionals, input };
}

function setAt(body: Record<string, unknown>, tokens: readonly string[], value: unknown, column: string): void {
  let parent = body;
  tokens.slice(0, -1).forEach((token, index) => {
    const next = (parent[token] ??= {});
    if (!isObject(next)) throw new RowError(`column ${column} sets a field of ${tokens.slice(0, index + 1).join('.')}, which is ${describeValue(next)}`);
    parent = next;
  });
  parent[tokens.at(-1)!] = value;
}

/** The client's refusal, in the words of the file: the column, what it gave, what is allowed. */
function describeRowError(command: Command, error: InvalidParameterError, given: ReadonlyMap<Target, { column: string; value: unknown }>): string {
  const { parameter, allowed, value } = error;
  const shownValue = (v: unknown): string => (typeof v === 'string' ? shown(v) : describeValue(v));
  for (const [target, cell] of given) {
    const matches =
      (target.kind === 'path' && target.positional.name === parameter && command.row.parameters[parameter]?.in === 'path') ||
      (target.kind === 'flag' && (target.flag.target.in === 'query' ? target.flag.target.name : target.flag.target.pointer.join('.')) === parameter) ||
      (target.kind === 'field' && target.name === parameter);
    if (matches) return cell.value === '' ? `column ${cell.column} is empty: it must be ${allowed}` : `column ${cell.column} must be ${allowed}, got ${shownValue(cell.value)}`;
  }
  const bodyFlags = command.flags.filter((flag) => flag.target.in === 'body');
  if (parameter === 'body') return `the row gives no field of the body: give columns among ${columnNames(command)}`;
  const inside = bodyFlags.filter((flag) => flag.target.in === 'body' && flag.target.pointer.join('.').startsWith(`${parameter}.`));
  const own = bodyFlags.find((flag) => flag.target.in === 'body' && flag.target.pointer.join('.') === parameter);
  if (value === undefined) {
    const columns = own ? [own] : inside;
    const hint = columns.length ? `; give ${columns.length > 1 ? 'one of the columns' : 'the column'} ${columns.map((flag) => flag.name.replace(/-/g, '_')).join(', ')}` : '';
    return `${parameter} is missing: it must be ${allowed}${hint}`;
  }
  return `${parameter} must be ${allowed}, got ${describeValue(value)}`;
}

/**
 * The adaptive limiter's option for a run: from the rate the journal last recorded (a run cut
 * short by Ctrl-C or kill -9 resumes at the learnt rate, not from slow start), recording each
 * rate learnt as a `{ "rate": N }` line.
 */
function journalledRate(redis: string | undefined, journal: Journal | undefined): RateLimitOption {
  return {
    ...(redis ? { redis } : {}),
    ...(journal?.rate === undefined ? {} : { initialRate: journal.rate }),
    onRate: (rate) => {
      try {
        journal?.write({ rate: Math.round(rate * 1000) / 1000 });
      } catch {
        // A rate is a hint for the next run: the row record that follows reports a journal that fails.
      }
    },
  };
}
