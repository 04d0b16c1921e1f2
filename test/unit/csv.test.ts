// The CLI's CSV reader (src/cli/csv.ts) against csv-parse, a well-kept RFC 4180 parser, on
// generated files cut into random chunks; and the format errors it reports by line.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvError, csvRecords, MAX_FIELD_CHARS, MAX_LINE_CHARS, textLines, type CsvRecord, type ReadLimits } from '../../src/cli/csv.js';

async function read(text: string, cuts: readonly number[] = [], limits?: ReadLimits): Promise<CsvRecord[]> {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let at = 0;
  for (const point of [...points, text.length]) {
    chunks.push(text.slice(at, point));
    at = point;
  }
  const records: CsvRecord[] = [];
  for await (const record of csvRecords((async function* () {
    yield* chunks;
  })(), limits)) records.push(record);
  return records;
}

/** A field as a CSV writer would write it: quoted when it holds a comma, a quote or a line break. */
const written = (field: string, quoteAll: boolean): string =>
  quoteAll || /[",\r\n]/.test(field) || field === '' ? `"${field.replace(/"/g, '""')}"` : field;

describe('csvRecords', () => {
  it('reads what csv-parse reads, however the text is cut into chunks', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '😀'), maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 })),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 5 }),
        async (rows, quoteAll, eol, cuts) => {
          const text = rows.map((row) => row.map((f) => written(f, quoteAll)).join(',')).join(eol) + eol;
          const expected = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
          const records = await read(text, cuts);
          expect(records.map((r) => r.fields)).toEqual(expected);
          // Line numbers do not depend on where the chunks were cut (a CRLF split between two, say).
          expect(records.map((r) => r.line)).toEqual((await read(text)).map((r) => r.line));
          expect(records.every((r) => r.error === undefined)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('numbers records by the line they start on, counting line breaks inside quotes, skipping empty lines', async () => {
    const records = await read('\uFEFFkey,partner_id\r\n"two\nlines",p1\r\n\r\nk3,p3\nk4,"p""4"');
    expect(records).toEqual([
      { line: 1, fields: ['key', 'partner_id'] },
      { line: 2, fields: ['two\nlines', 'p1'] },
      { line: 5, fields: ['k3', 'p3'] },
      { line: 6, fields: ['k4', 'p"4'] },
    ]);
  });

  it('reports a stray quote and text after a closing quote on the record, and an unclosed quote by line', async () => {
    const records = await read('a,b\nx"y,1\n"x"y,2\nok,3\n');
    expect(records[1]).toMatchObject({ line: 2, error: expect.stringMatching(/a quote \(\"\) inside a field that does not start with one/) });
    expect(records[2]).toMatchObject({ line: 3, error: 'text after the closing quote of a quoted field' });
    expect(records[3]).toEqual({ line: 4, fields: ['ok', '3'] });
    const unclosed = read('a,b\nok,1\n"never closed,2\nmore\n');
    await expect(unclosed).rejects.toBeInstanceOf(CsvError);
    await expect(unclosed).rejects.toMatchObject({ line: 3, message: 'a quoted field is never closed (a " is missing)' });
  });
});

describe('bounds (issue 24 §9)', () => {
  const small: ReadLimits = { field: 8, line: 20 };

  it('takes a field and a record of exactly the bounds, and refuses one character more with the line it starts on', async () => {
    expect((await read('a,b\n12345678,"1234567,"\n', [], small))[1]?.fields).toEqual(['12345678', '1234567,']);
    await expect(read('a,b\nok,1\n123456789,2\n', [3, 13], small)).rejects.toMatchObject({ line: 3, message: 'a field longer than 8 characters' });
    await expect(read('a,b\n"x\ny",1\n"12345678\n9",2\n', [], small)).rejects.toMatchObject({ line: 4, message: 'a field longer than 8 characters: is a quote (") left open?' });
    expect((await read('12345678,12345678,12\n', [], small))[0]?.fields).toHaveLength(3);
    await expect(read('a\n12345678,12345678,123\n', [], small)).rejects.toMatchObject({ line: 2, message: 'a record longer than 20 characters' });
  });

  it('stops reading at the bound: a quote left open before 20 MB of text reads about 1 MiB of it, not all', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    let read = 0;
    async function* source() {
      yield 'key,partner_id\nk1,p1\n"open,p2\n';
      for (let i = 0; i < 320; i++) {
        read += 1;
        yield chunk;
      }
    }
    const records: CsvRecord[] = [];
    const reading = (async () => {
      for await (const record of csvRecords(source())) records.push(record);
    })();
    await expect(reading).rejects.toMatchObject({ line: 3, message: `a field longer than 1 MiB (${MAX_FIELD_CHARS.toLocaleString('en-US')} characters): is a quote (") left open?` });
    expect(read).toBeLessThanOrEqual(Math.ceil(MAX_FIELD_CHARS / chunk.length) + 1);
    expect(records.map((r) => r.line)).toEqual([1, 2]);
  });

  it('bounds a JSON line the same way, with its number, and reads LF and CRLF lines', async () => {
    const lines = async (chunks: string[], limits?: ReadLimits) => {
      const out: { line: number; text: string }[] = [];
      for await (const line of textLines((async function* () {
        yield* chunks;
      })(), limits)) out.push(line);
      return out;
    };
    expect(await lines(['{"a":1}\r', '\n\n{"b"', ':2}'])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '' },
      { line: 3, text: '{"b":2}' },
    ]);
    await expect(lines(['{"a":1}\n{"b":"', 'x'.repeat(30), '"}\n'], small)).rejects.toMatchObject({ line: 2, message: 'a line longer than 20 characters' });
    let read = 0;
    const endless = (async function* () {
      yield '{"ok":1}\n';
      for (;;) {
        read += 1;
        yield 'y'.repeat(1024 * 1024);
      }
    })();
    const reading = (async () => {
      for await (const _ of textLines(endless)) void _;
    })();
    await expect(reading).rejects.toMatchObject({ line: 2, message: `a line longer than 4 MiB (${MAX_LINE_CHARS.toLocaleString('en-US')} characters)` });
    expect(read).toBeLessThanOrEqual(5);
  });
});
