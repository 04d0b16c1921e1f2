// The `partnero` command, as a function of its arguments, environment and output streams, so
// that it can be tested in-process; src/cli.ts is the thin executable around it.
import { parseArgs } from 'node:util';
import { createPartneroClient, InvalidOptionError, InvalidParameterError, PartneroError } from '../index.js';
import type { PartneroClientOptions, ReferralLink, ReferralLinkList } from '../index.js';

/** Exit codes of the command. */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const;

/** Where the command writes; `isTTY` picks a table over plain lines, and progress on stderr. */
export interface CliStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/** The command's surroundings; `fetch` is for tests. */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly fetch?: PartneroClientOptions['fetch'];
}

/** The usage text of `partnero --help`. */
export const USAGE = `Usage: partnero list <partnerId> [--limit N] [--page N] [--all] [--json] [--base-url URL]

Lists the referral links of a Partnero partner.

Options:
  --limit N         links per page, from 1 to 250 (default 15)
  --page N          the page to show, from 1 (default 1)
  --all             every page, one after another (not with --page)
  --json            one JSON object per link and line, fields as the API names them
  --base-url URL    where the API is (default: PARTNERO_BASE_URL, else https://api.partnero.com)
  -h, --help        this text

Environment:
  PARTNERO_API_KEY  the program's API key (required; never printed)
  PARTNERO_BASE_URL where the API is, unless --base-url is given

On a terminal the links are shown as a table; otherwise as tab-separated lines
(id, key, default, is_additional, direct_tracking, url), without a header.

Exit codes: 0 success, 1 an error from the API or the network, 2 wrong usage.
`;

class UsageError extends Error {}

/** Runs `partnero <argv>` and resolves to its exit code; it never throws. */
export async function run(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const apiKey = env['PARTNERO_API_KEY'] ?? '';
  // Whatever the cause of a message, the key never reaches the output. (The client already
  // keeps it out of its errors; a key too short to be real is left alone rather than cut out of
  // every word that contains it.)
  const redact = (text: string): string => (apiKey.length >= 8 ? text.split(apiKey).join('***') : text);
  try {
    const command = parse(argv, env);
    if (command === 'help') {
      io.stdout.write(USAGE);
      return ExitCode.ok;
    }
    if (!apiKey) throw new UsageError('PARTNERO_API_KEY is not set: set it to the API key of your Partnero program');
    const client = createPartneroClient({
      apiKey,
      ...(command.baseUrl ? { baseUrl: command.baseUrl } : {}),
      ...(io.fetch ? { fetch: io.fetch } : {}),
    });
    await list(client, command, io);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof UsageError || error instanceof InvalidParameterError || error instanceof InvalidOptionError) {
      io.stderr.write(`partnero: ${redact(error.message)}\n\n${USAGE}`);
      return ExitCode.usage;
    }
    const message = error instanceof PartneroError ? error.message : `unexpected error: ${String(error)}`;
    io.stderr.write(`partnero: ${redact(message.split('\n')[0] ?? '')}\n`);
    return ExitCode.failed;
  }
}

interface ListCommand {
  readonly partnerId: string;
  readonly limit: number | string | undefined;
  readonly page: number | string | undefined;
  readonly all: boolean;
  readonly json: boolean;
  readonly baseUrl: string | undefined;
}

function parse(argv: readonly string[], env: NodeJS.ProcessEnv): ListCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        limit: { type: 'string' },
        page: { type: 'string' },
        all: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'base-url': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return 'help';
  const [command, partnerId, ...extra] = positionals;
  if (command === undefined) throw new UsageError('a command is required');
  if (command !== 'list') throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  if (partnerId === undefined) throw new UsageError('list needs the partner ID, e.g. partnero list partner_123');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (values.all && values.page !== undefined) throw new UsageError('--page and --all cannot be used together');
  return {
    partnerId,
    // The client checks the range (from the spec) and says what is allowed.
    limit: integer(values.limit),
    page: integer(values.page),
    all: values.all,
    json: values.json,
    baseUrl: baseUrlOf(values['base-url'], env['PARTNERO_BASE_URL']),
  };
}

/** --base-url, else PARTNERO_BASE_URL; an empty --base-url is a mistake, not "the default server". */
function baseUrlOf(option: string | undefined, env: string | undefined): string | undefined {
  if (option === '') throw new UsageError('--base-url needs a URL, e.g. --base-url http://127.0.0.1:4010');
  return option ?? (env || undefined);
}

/** A decimal integer as a number; anything else as given, for the client to refuse by name. */
function integer(value: string | undefined): number | string | undefined {
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : value;
}

type Client = ReturnType<typeof createPartneroClient>;

async function list(client: Client, command: ListCommand, io: CliIo): Promise<void> {
  // The values are checked by the client, which refuses a non-number before sending anything.
  const limit = command.limit as number | undefined;
  const page = command.page as number | undefined;
  const query = { ...(limit !== undefined ? { limit } : {}), ...(page !== undefined ? { page } : {}) };
  const table = !command.json && io.stdout.isTTY === true;
  const rows: ReferralLink[] = [];
  const emit = (links: readonly ReferralLink[]): void => {
    if (table) rows.push(...links);
    else for (const link of links) io.stdout.write(command.json ? `${JSON.stringify(link)}\n` : `${tsv(link)}\n`);
  };

  if (command.all) {
    const progress = io.stderr.isTTY === true;
    let pages = 0;
    let count = 0;
    try {
      for await (const body of client.partnerLinks.listAll(command.partnerId, query).pages()) {
        pages += 1;
        count += body.data.length;
        if (progress) io.stderr.write(`\rFetched ${pages} page${pages === 1 ? '' : 's'}, ${count} link${count === 1 ? '' : 's'}…`);
        emit(body.data);
      }
    } finally {
      if (progress && pages > 0) io.stderr.write('\r\x1b[K');
    }
  } else {
    const body: ReferralLinkList = await client.partnerLinks.list(command.partnerId, query);
    emit(body.data);
    if (table && body.links?.next && io.stderr.isTTY === true) {
      io.stderr.write(`More links on page ${(body.meta?.current_page ?? page ?? 1) + 1}: use --page or --all.\n`);
    }
  }
  if (table) io.stdout.write(renderTable(rows));
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/**
 * A value from the server as one printable cell: control characters (tabs, newlines, terminal
 * escapes) are shown escaped, so that a field can neither forge a row nor drive the terminal.
 */
function cell(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

function tsv(link: ReferralLink): string {
  return [link.id, link.key, link.default, link.is_additional, link.direct_tracking, link.url].map(cell).join('\t');
}

function renderTable(links: readonly ReferralLink[]): string {
  if (links.length === 0) return 'No referral links.\n';
  const header = ['ID', 'KEY', 'DEFAULT', 'ADDITIONAL', 'DIRECT TRACKING', 'URL'];
  const rows = links.map((link) =>
    [
      link.id,
      link.key,
      yesNo(link.default),
      yesNo(link.is_additional),
      link.direct_tracking ? `yes${link.direct_tracking_redirect_url ? ` → ${link.direct_tracking_redirect_url}` : ''}` : 'no',
      link.url,
    ].map(cell),
  );
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n${links.length} link${links.length === 1 ? '' : 's'}\n`;
}
