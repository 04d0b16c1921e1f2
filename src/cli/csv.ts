// A streaming reader of CSV as RFC 4180 defines it (fields separated by commas, records by CRLF
// or LF, a quoted field holds commas, quotes doubled and line breaks), for `--from file.csv`.
// It is our own because the CLI ships as the package's compiled files, and the package's only
// runtime dependency is openapi-fetch: a CSV library could not be installed with it.
// test/unit/csv.test.ts checks it against csv-parse on generated files.

/** One record: the line it starts on (from 1), its fields, or what is wrong with it. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
  /** A record that breaks the format (a quote inside an unquoted field); its fields are what could be read. */
  readonly error?: string;
}

/** Thrown when the text cannot be read further (a quoted field never closed). */
export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The records of CSV text arriving in chunks, one at a time (only the record being read is
 * held). A byte order mark at the start is skipped; empty lines are skipped.
 */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  // START: at the start of a field; PLAIN: in an unquoted one; QUOTED: in a quoted one;
  // QUOTE: a quote inside a quoted field, which the next character explains (a doubled quote,
  // or the end of the field).
  let state: 'START' | 'PLAIN' | 'QUOTED' | 'QUOTE' = 'START';
  let field = '';
  let fields: string[] = [];
  let error: string | undefined;
  let line = 1;
  let recordLine = 1;
  let first = true;
  let afterCr = false;

  const endRecord = (): CsvRecord | undefined => {
    fields.push(field);
    // A line with nothing on it is no record.
    const record = fields.length > 1 || field !== '' || state === 'QUOTE' ? { line: recordLine, fields, ...(error ? { error } : {}) } : undefined;
    field = '';
    fields = [];
    error = undefined;
    state = 'START';
    return record;
  };

  for await (let chunk of chunks) {
    if (first && chunk !== '') {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (afterCr) {
        afterCr = false;
        if (c === '\n') continue; // CRLF is one line break (a lone CR is one too)
      }
      if (state === 'QUOTED') {
        if (c === '"') state = 'QUOTE';
        else {
          if (c === '\n' || (c === '\r' && chunk[i + 1] !== '\n')) line += 1;
          field += c;
        }
        continue;
      }
      if (state === 'QUOTE') {
        if (c === '"') {
          field += '"';
          state = 'QUOTED';
          continue;
        }
        if (c !== ',' && c !== '\n' && c !== '\r') {
          error ??= 'text after the closing quote of a quoted field';
          field += c;
          state = 'PLAIN';
          continue;
        }
      }
      if (c === ',') {
        fields.push(field);
        field = '';
        state = 'START';
      } else if (c === '\n' || c === '\r') {
        const record = endRecord();
        if (record) yield record;
        line += 1;
        recordLine = line;
        afterCr = c === '\r';
      } else if (c === '"' && state === 'START') {
        state = 'QUOTED';
      } else {
        if (c === '"') error ??= 'a quote (") inside a field that does not start with one: quote the whole field and double the quotes inside it';
        field += c;
        state = 'PLAIN';
      }
    }
  }
  if (state === 'QUOTED') throw new CsvError(recordLine, 'a quoted field is never closed (a " is missing)');
  const record = endRecord();
  if (record) yield record;
}
