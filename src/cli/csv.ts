// The readers of `--from` files: CSV as RFC 4180 defines it (fields separated by commas, records
// by CRLF or LF, a quoted field holds commas, quotes doubled and line breaks), and JSON lines.
// The CSV reader is our own because the CLI ships as the package's compiled files, and the
// package's only runtime dependency is openapi-fetch: a CSV library could not be installed with
// it. test/unit/csv.test.ts checks it against csv-parse on generated files.
//
// Both are bounded: a field, a record and a line have a most length, past which the file is
// refused with the line number, so that a quote left open (which makes the rest of the file one
// field) or a file with no line breaks cannot make the reader hold it all.

/** The most characters (UTF-16 code units) a CSV field may have: 1 MiB. */
export const MAX_FIELD_CHARS = 1024 * 1024;
/** The most characters a CSV record (its line, or its lines when a quoted field holds breaks) or a JSON line may have: 4 MiB. */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

/** One record: the line it starts on (from 1), its fields, or what is wrong with it. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
  /** A record that breaks the format (a quote inside an unquoted field); its fields are what could be read. */
  readonly error?: string;
}

/** Thrown when the text cannot be read further (a quoted field never closed, a field or line too long). */
export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** The bounds of a reader (tests pass smaller ones). */
export interface ReadLimits {
  readonly field: number;
  readonly line: number;
}

const LIMITS: ReadLimits = { field: MAX_FIELD_CHARS, line: MAX_LINE_CHARS };

/** `1 MiB (1,048,576 characters)`, or `300 characters`. */
function size(chars: number): string {
  const mib = chars / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB (${chars.toLocaleString('en-US')} characters)` : `${chars} characters`;
}

/** A CSV field ends at a comma or line break; an unquoted one must not hold a quote. */
const SPECIAL = /[,\r\n"]/g;
const BREAK = /\r\n?|\n/g;

/**
 * The records of CSV text arriving in chunks, one at a time (only the record being read is
 * held, and at most `limits.line` characters of it). A byte order mark at the start is
 * skipped; empty lines are skipped.
 */
export async function* csvRecords(chunks: AsyncIterable<string>, limits: ReadLimits = LIMITS): AsyncGenerator<CsvRecord> {
  // START: at the start of a field; PLAIN: in an unquoted one; QUOTED: in a quoted one;
  // QUOTE: a quote inside a quoted field, which the next character explains (a doubled quote,
  // or the end of the field).
  let state: 'START' | 'PLAIN' | 'QUOTED' | 'QUOTE' = 'START';
  let field = '';
  let fields: string[] = [];
  let error: string | undefined;
  let line = 1;
  let recordLine = 1;
  let recordLength = 0;
  let first = true;
  /** The last character read was a CR that ended a record: an LF right after it is part of that break. */
  let afterCr = false;
  /** The last piece of a quoted field ended with a CR: an LF starting the next piece is part of that break. */
  let quotedCr = false;

  const add = (text: string): void => {
    recordLength += text.length;
    if (field.length + text.length > limits.field) {
      const open = state === 'QUOTED' ? ': is a quote (") left open?' : '';
      throw new CsvError(recordLine, `a field longer than ${size(limits.field)}${open}`);
    }
    if (recordLength > limits.line) throw new CsvError(recordLine, `a record longer than ${size(limits.line)}`);
    field += text;
  };

  const endRecord = (): CsvRecord | undefined => {
    fields.push(field);
    // A line with nothing on it is no record.
    const record = fields.length > 1 || field !== '' || state === 'QUOTE' ? { line: recordLine, fields, ...(error ? { error } : {}) } : undefined;
    field = '';
    fields = [];
    error = undefined;
    state = 'START';
    recordLength = 0;
    return record;
  };

  for await (let chunk of chunks) {
    if (first && chunk !== '') {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const length = chunk.length;
    let i = 0;
    while (i < length) {
      if (afterCr) {
        afterCr = false;
        if (chunk[i] === '\n') {
          i += 1; // CRLF is one line break (a lone CR is one too)
          continue;
        }
      }
      if (state === 'QUOTED') {
        // Everything up to the next quote is the field's, line breaks included.
        const quote = chunk.indexOf('"', i);
        const end = quote < 0 ? length : quote;
        if (end > i) {
          const piece = chunk.slice(i, end);
          let breaks = 0;
          for (BREAK.lastIndex = 0; BREAK.test(piece); ) breaks += 1;
          if (quotedCr && piece[0] === '\n') breaks -= 1;
          quotedCr = piece.endsWith('\r');
          line += breaks;
          add(piece);
        }
        i = end;
        if (quote >= 0) {
          state = 'QUOTE';
          quotedCr = false;
          i += 1;
        }
        continue;
      }
      const c = chunk[i]!;
      if (state === 'QUOTE') {
        if (c === '"') {
          add('"');
          state = 'QUOTED';
          i += 1;
          continue;
        }
        if (c !== ',' && c !== '\n' && c !== '\r') {
          error ??= 'text after the closing quote of a quoted field';
          state = 'PLAIN';
        }
      }
      if (c === ',') {
        fields.push(field);
        field = '';
        recordLength += 1;
        state = 'START';
        i += 1;
      } else if (c === '\n' || c === '\r') {
        const record = endRecord();
        if (record) yield record;
        line += 1;
        recordLine = line;
        afterCr = c === '\r';
        i += 1;
      } else if (c === '"' && state === 'START') {
        state = 'QUOTED';
        i += 1;
      } else if (c === '"') {
        error ??= 'a quote (") inside a field that does not start with one: quote the whole field and double the quotes inside it';
        add('"');
        state = 'PLAIN';
        i += 1;
      } else {
        // An unquoted run, up to the next comma, line break or quote.
        SPECIAL.lastIndex = i;
        const end = SPECIAL.exec(chunk)?.index ?? length;
        add(chunk.slice(i, end));
        state = 'PLAIN';
        i = end;
      }
    }
  }
  if (state === 'QUOTED') throw new CsvError(recordLine, 'a quoted field is never closed (a " is missing)');
  const record = endRecord();
  if (record) yield record;
}

/** One line of a JSON-lines file: the line number (from 1) and its text without the line break. */
export interface TextLine {
  readonly line: number;
  readonly text: string;
}

/** The lines of text arriving in chunks (LF or CRLF), each at most `limits.line` characters, else CsvError with its number. */
export async function* textLines(chunks: AsyncIterable<string>, limits: ReadLimits = LIMITS): AsyncGenerator<TextLine> {
  let line = 1;
  let pending = '';
  const tooLong = (): never => {
    throw new CsvError(line, `a line longer than ${size(limits.line)}`);
  };
  for await (const chunk of chunks) {
    let at = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', at)) {
      const text = pending + chunk.slice(at, end);
      pending = '';
      if (text.length > limits.line + 1) tooLong();
      yield { line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
      line += 1;
      at = end + 1;
    }
    if (pending.length + chunk.length - at > limits.line + 1) tooLong();
    pending += chunk.slice(at);
  }
  if (pending !== '') {
    if (pending.length > limits.line) tooLong();
    yield { line, text: pending.endsWith('\r') ? pending.slice(0, -1) : pending };
  }
}
