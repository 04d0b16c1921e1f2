// The flags of `--from FILE` (bulk runs of a write command), read with the command's own flags by
// args.ts. Which commands take them is the table's to say (isWriteCommand in commands.ts): every
// operation that is not a read. This module imports none of the CLI's, so that commands.ts can
// import the flags' names from it.

/** What `--from` and its companions asked for. */
export interface BulkFlags {
  /** The file of rows: `.csv`, or `.jsonl` / `.ndjson`. */
  readonly from: string;
  readonly format: 'csv' | 'jsonl';
  /** The journal's path, or undefined with `--no-journal`. Default: beside the input, `<from>.journal`. */
  readonly journal: string | undefined;
  readonly concurrency: number;
  /** The adaptive limiter, on unless `--rate-limit off`. */
  readonly rateLimit: 'adaptive' | undefined;
  /** `--redis URL`: the rate shared with other processes (implies the adaptive limiter). */
  readonly redis: string | undefined;
}

/** The flags, as node:util parseArgs options. */
export const BULK_OPTIONS = {
  from: { type: 'string' },
  journal: { type: 'string' },
  'no-journal': { type: 'boolean' },
  concurrency: { type: 'string' },
  'rate-limit': { type: 'string' },
  redis: { type: 'string' },
} as const;

/** Their names: no field of the spec may take them on a write command. */
export const BULK_FLAG_NAMES: readonly string[] = Object.keys(BULK_OPTIONS);

/** With `--rate-limit off`. */
export const DEFAULT_CONCURRENCY = 8;
/** With the adaptive limiter (the default). */
export const DEFAULT_CONCURRENCY_LIMITED = 64;
const MAX_CONCURRENCY = 256;

/** The bulk flags among `values`, checked; undefined without `--from`. `fail` throws a usage error. */
export function bulkFlagsOf(values: Readonly<Record<string, unknown>>, fail: (message: string) => never): BulkFlags | undefined {
  const from = values['from'];
  if (from === undefined) {
    const stray = BULK_FLAG_NAMES.find((name) => name !== 'from' && values[name] !== undefined);
    if (stray) fail(`--${stray} goes with --from FILE (a file of rows to run the command on)`);
    return undefined;
  }
  if (typeof from !== 'string' || from === '') return fail('--from needs a file: --from links.csv (or .jsonl)');
  const extension = /\.(csv|jsonl|ndjson)$/i.exec(from)?.[1]?.toLowerCase();
  if (!extension) return fail(`--from must name a .csv or .jsonl file (its format is read from the name), got ${JSON.stringify(from)}`);
  const journal = values['journal'];
  if (journal !== undefined && values['no-journal']) fail('--journal and --no-journal cannot be used together');
  if (journal === '') fail('--journal needs a file, e.g. --journal links.csv.journal');
  const concurrencyText = values['concurrency'];
  // The adaptive limiter paces a run unless told otherwise: without it, a run into an API's limit
  // meets 429s that fail rows; with it and no limit, it costs the first second's slow start.
  const rateLimit = values['rate-limit'] ?? 'adaptive';
  if (rateLimit !== 'adaptive' && rateLimit !== 'off') fail(`--rate-limit must be adaptive (the default: the client learns the allowed rate) or off, got ${JSON.stringify(rateLimit)}`);
  const redis = values['redis'];
  if (redis !== undefined && !/^rediss?:\/\/./.test(String(redis))) fail('--redis must be a redis:// or rediss:// URL'); // not echoed: it may hold a password
  if (redis !== undefined && rateLimit === 'off') fail('--redis shares the adaptive limiter\'s rate: it does not go with --rate-limit off');
  // With the limiter, the limiter sets the pace: the run only caps what may wait for it.
  let concurrency = rateLimit === 'adaptive' ? DEFAULT_CONCURRENCY_LIMITED : DEFAULT_CONCURRENCY;
  if (concurrencyText !== undefined) {
    concurrency = /^\d+$/.test(String(concurrencyText)) ? Number(concurrencyText) : Number.NaN;
    if (!(concurrency >= 1 && concurrency <= MAX_CONCURRENCY)) fail(`--concurrency must be an integer from 1 to ${MAX_CONCURRENCY}, got ${JSON.stringify(concurrencyText)}`);
  }
  return {
    from,
    format: extension === 'csv' ? 'csv' : 'jsonl',
    journal: values['no-journal'] ? undefined : typeof journal === 'string' ? journal : `${from}.journal`,
    concurrency,
    rateLimit: rateLimit === 'adaptive' ? 'adaptive' : undefined,
    redis: typeof redis === 'string' ? redis : undefined,
  };
}
