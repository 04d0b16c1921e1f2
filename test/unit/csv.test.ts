// The CLI's CSV reader (src/cli/csv.ts) against csv-parse, a well-kept RFC 4180 parser, on
// generated files cut into random chunks; and the format errors it reports by line.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvError, csvRecords, type CsvRecord } from '../../src/cli/csv.js';

async function read(text: string, cuts: readonly number[] = []): Promise<CsvRecord[]> {
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
  })())) records.push(record);
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
