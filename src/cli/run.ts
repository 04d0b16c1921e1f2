// The `partnero` command, as a function of its arguments, environment and streams, so that it
// can be tested in-process; src/cli.ts is the thin executable around it (and the one that
// sends `partnero mcp` to src/mcp/ instead). Every command comes
// from the generated operation table (src/cli/commands.ts): nothing here knows an operation.
import { readFileSync } from 'node:fs';
import { createPartneroClient, InvalidOptionError, InvalidParameterError, PartneroError, RequestAbortedError } from '../index.js';
import { pageNumberFromUrl } from '../pagination.js';
import { redactSecret, useDeepRedaction } from '../internal/redact.js';
import { deepRedact } from '../internal/redact-deep.js';
import { parseCommandLine, type Invocation } from './args.js';
import { UsageError, type CliIo } from '../internal/command-line.js';
import { findCommand, kebab, type Command } from './commands.js';
import { commandHelp, mainHelp, resourceHelp } from './help.js';
import { describeFailure, describeInvalidOption, describeInvalidParameter, shown } from './messages.js';
import { cellsOf, columnsOf, escapeUnsafe, jsonLine, Progress, renderTable, Sink } from './output.js';
import { isObject, valueAt } from '../internal/json.js';
import { runBulk } from './bulk.js';

export type { CliStream } from './output.js';

/** Exit codes of the command. */
export const ExitCode = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export type { CliIo } from '../internal/command-line.js';

/** The answers of successful operations keep their items, or their one object, in this envelope field. */
const ENVELOPE = 'data';

/** The version in the package's package.json (two levels up from src/cli/ and from dist/cli/). */
export function packageVersion(): string {
  try {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Runs `partnero <argv>` and resolves to its exit code; it never throws. */
export async function run(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const apiKey = env['PARTNERO_API_KEY'] ?? '';
  // Whatever the cause of a text, the key never reaches the output, however it is escaped (and nested).
  useDeepRedaction(deepRedact);
  const redact = (text: string): string => redactSecret(text, apiKey);
  const controller = new AbortController();
  const stderr = new Sink(io.stderr, () => {}, redact);
  const progress = new Progress(stderr);
  const stdout = new Sink(
    io.stdout,
    () => {
      // The reader went away, or the disk is full: stop fetching, and clear the progress line.
      progress.clear();
      controller.abort();
    },
    redact,
  );
  let interrupted = false;
  const interrupt = (): void => {
    interrupted = true;
    progress.clear();
    controller.abort();
  };
  if (io.signal?.aborted) interrupt();
  io.signal?.addEventListener('abort', interrupt, { once: true });
  let request: ReturnType<typeof parseCommandLine> | undefined;
  let code: number | void = undefined;
  try {
    request = parseCommandLine(argv);
    if (request.kind === 'help') {
      // From the spec and the package alone: not redacted, so that a short key cannot garble it.
      stdout.writeTrusted(request.command ? commandHelp(request.command) : request.resource ? resourceHelp(request.resource) : mainHelp(packageVersion()));
    } else if (request.kind === 'version') {
      stdout.writeTrusted(`${packageVersion()}\n`);
    } else {
      code = await execute(request, { apiKey, env, io, stdout, stderr, progress, signal: controller.signal });
    }
    await stdout.flush();
    // A bulk run that the closed output stopped has said so itself, and exits non-zero.
    if (stdout.failure) return code ? code : writeFailed(stdout.failure);
    return code ?? ExitCode.ok;
  } catch (error) {
    progress.clear();
    if (stdout.failure) return writeFailed(stdout.failure);
    const command = request?.kind === 'run' ? request : undefined;
    if (error instanceof UsageError) return usage(error.message, error.helpFor);
    if (error instanceof InvalidParameterError && command && error.operation === command.command.operationId) {
      return usage(describeInvalidParameter(error, command), helpName(command.command));
    }
    if (error instanceof InvalidOptionError && command) return usage(describeInvalidOption(error, command), helpName(command.command));
    if (error instanceof RequestAbortedError && interrupted) {
      stderr.write('partnero: interrupted\n');
      return ExitCode.interrupted;
    }
    stderr.write(`partnero: ${oneLine(error instanceof PartneroError ? describeFailure(error) : `unexpected error: ${String(error)}`)}\n`);
    return ExitCode.failed;
  } finally {
    io.signal?.removeEventListener('abort', interrupt);
    stdout.close();
    stderr.close();
  }

  function usage(message: string, helpFor: string): number {
    stderr.write(`partnero: ${oneLine(message)}\nRun 'partnero ${helpFor ? `${helpFor} ` : ''}--help' for usage.\n`);
    return ExitCode.usage;
  }

  function writeFailed(failure: NodeJS.ErrnoException): number {
    // The reader of stdout went away (`partnero ... | head`): what it wanted was written, so
    // stop quietly, as command-line tools do; the progress line is already cleared.
    if (failure.code === 'EPIPE') return ExitCode.ok;
    stderr.write(`partnero: could not write the output: ${oneLine(failure.message)}${failure.code && !failure.message.includes(failure.code) ? ` (${failure.code})` : ''}\n`);
    return ExitCode.failed;
  }
}

interface Context {
  readonly apiKey: string;
  readonly env: NodeJS.ProcessEnv;
  readonly io: CliIo;
  readonly stdout: Sink;
  readonly stderr: Sink;
  readonly progress: Progress;
  readonly signal: AbortSignal;
}

type Method = (...args: unknown[]) => unknown;

async function execute(invocation: Invocation, context: Context): Promise<number | void> {
  const { command } = invocation;
  const { apiKey, env, io, signal } = context;
  if (!apiKey) throw new UsageError('PARTNERO_API_KEY is not set: set it to the API key of your Partnero program', helpName(command));
  const baseUrl = invocation.baseUrl ?? (env['PARTNERO_BASE_URL'] || undefined);
  const client = createPartneroClient({ apiKey, ...(baseUrl ? { baseUrl } : {}), ...(io.fetch ? { fetch: io.fetch } : {}) });
  const input = command.body ? await bodyOf(invocation, io) : invocation.query;
  const method = (client as unknown as Record<string, Record<string, Method>>)[command.resourceKey]?.[command.methodKey];
  if (!method) throw new Error(`the client has no ${command.resourceKey}.${command.methodKey}`);
  // --from: the command once per row of a file (src/cli/bulk.ts); the flags given apply to every row.
  if (invocation.bulk) return runBulk(invocation, input, invocation.bulk, { ...context, baseUrl, fetch: io.fetch });
  const args: unknown[] = [...invocation.positionals, ...(command.takesInput ? [input] : []), { signal }];
  if (command.kind === 'walk') await walk(command, invocation, method(...args) as Walk, context);
  else await call(command, invocation, await method(...args), context);
}

/** The body: `--json` (text or stdin), with the fields given as flags set over it. */
async function bodyOf(invocation: Invocation, io: CliIo): Promise<unknown> {
  const name = helpName(invocation.command);
  let body: unknown;
  if (invocation.bodyJson !== undefined) {
    let text = invocation.bodyJson;
    if (text === '-') {
      if (!io.stdin) throw new UsageError('--json - reads the body from stdin, but there is none', name);
      text = '';
      for await (const chunk of io.stdin) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    }
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`--json must be the body as JSON: ${(error as Error).message}`, name);
    }
    if (!isObject(body)) throw new UsageError(`--json must be a JSON object ({...}), got ${shown(text.trim().slice(0, 40))}`, name);
  }
  for (const [flag, value] of invocation.fields) {
    if (flag.target.in !== 'body') continue;
    body ??= {};
    let parent = body as Record<string, unknown>;
    const tokens = flag.target.pointer;
    tokens.slice(0, -1).forEach((token, index) => {
      const next = (parent[token] ??= {});
      if (!isObject(next)) {
        throw new UsageError(`--${flag.name} sets a field of ${tokens.slice(0, index + 1).join('.')}, which --json gives as ${shown(JSON.stringify(next))}`, name);
      }
      parent = next;
    });
    parent[tokens.at(-1)!] = value;
  }
  return body;
}

/** The rows an answer shows: the items of a list, or its one object. */
function rowsOf(command: Command, body: unknown): { rows: unknown[]; list: boolean } {
  const items = command.row.pagination ? valueAt(body, command.row.pagination.items) : isObject(body) ? body[ENVELOPE] : undefined;
  if (Array.isArray(items)) return { rows: items, list: true };
  if (body === undefined) return { rows: [], list: false };
  if (isObject(body) && isObject(body[ENVELOPE])) return { rows: [body[ENVELOPE]], list: false };
  return { rows: [body], list: false };
}

async function call(command: Command, invocation: Invocation, body: unknown, { stdout, stderr }: Context): Promise<void> {
  const { rows, list } = rowsOf(command, body);
  const noun = nounOf(command);
  // A write answered with no object of its own (a delete's `{status: 1}`, or no body): what was done, in words.
  if (!invocation.json && !list && isWrite(command) && !(isObject(body) && isObject(body[ENVELOPE]))) {
    stdout.write(`${doneSentence(command, invocation, body)}\n`);
    return;
  }
  if (invocation.json) {
    for (const row of rows) stdout.write(jsonLine(row));
  } else if (stdout.isTTY) {
    if (list && rows.length === 0) stdout.write(`No ${noun.plural}.\n`);
    else if (rows.length) {
      stdout.write(renderTable(rows, columnsOf(rows)));
      if (list) stdout.write(`${rows.length} ${rows.length === 1 ? noun.singular : noun.plural}\n`);
    }
  } else {
    const columns = columnsOf(rows);
    for (const row of rows) stdout.write(`${cellsOf(row, columns).join('\t')}\n`);
  }
  const pagination = command.row.pagination;
  const next = pagination ? valueAt(body, pagination.next) : undefined;
  if (pagination && typeof next === 'string' && !invocation.json && stdout.isTTY && stderr.isTTY) {
    const page = pageNumberFromUrl(next, pagination.page);
    const walkCommand = findCommand(command.resource, kebab(pagination.method));
    const where = page === undefined ? '--page' : `--page ${page}`;
    stderr.write(`More ${noun.plural} on the next page: use ${where}${walkCommand ? `, or partnero ${helpName(walkCommand)} for every page` : ''}.\n`);
  }
}

interface Walk {
  pages(): AsyncIterable<unknown>;
}

async function walk(command: Command, invocation: Invocation, paginator: Walk, { stdout, progress }: Context): Promise<void> {
  const pagination = command.row.pagination!;
  const noun = nounOf(command);
  const table = !invocation.json && stdout.isTTY;
  const rows: unknown[] = [];
  // The columns of the first page that has items, for the table and the piped lines alike.
  let columns: string[] | undefined;
  let pages = 0;
  let count = 0;
  try {
    for await (const page of paginator.pages()) {
      if (stdout.failure) break;
      const items = valueAt(page, pagination.items) as unknown[];
      pages += 1;
      count += items.length;
      progress.show(`Fetched ${pages} page${pages === 1 ? '' : 's'}, ${count} ${count === 1 ? noun.singular : noun.plural}…`);
      if (items.length) columns ??= columnsOf(items);
      if (invocation.json) for (const item of items) stdout.write(jsonLine(item));
      else if (table) rows.push(...items);
      else for (const item of items) stdout.write(`${cellsOf(item, columns ?? []).join('\t')}\n`);
    }
  } finally {
    progress.clear();
  }
  if (table) {
    stdout.write(rows.length ? `${renderTable(rows, columns ?? [])}${rows.length} ${rows.length === 1 ? noun.singular : noun.plural}\n` : `No ${noun.plural}.\n`);
  }
}

function isWrite(command: Command): boolean {
  return command.row.method.toUpperCase() !== 'GET';
}

/** `Deleted partner referral link ref_123.`, with the server's message if it sent one. */
function doneSentence(command: Command, invocation: Invocation, body: unknown): string {
  const method = command.row.method.toUpperCase();
  const verb = method === 'DELETE' ? 'Deleted' : method === 'POST' ? 'Done:' : 'Updated';
  const what = command.positionals.map((positional, index) => `${positional.label.replace(/ ID$/, '')} ${invocation.positionals[index] ?? ''}`).join(', ');
  const message = isObject(body) && typeof body['message'] === 'string' && body['message'].trim() ? ` (${body['message'].trim()})` : '';
  return escapeUnsafe(`${verb} ${what || helpName(command)}.${message}`);
}

/** `partner-links list`. */
function helpName(command: Command): string {
  return `${command.resource} ${command.method}`;
}

/** What a command's items are called: `listDomains` lists domains, `list` of `partner-links` lists links. */
function nounOf(command: Command): { singular: string; plural: string } {
  const rest = command.methodKey.replace(/^[a-z]+/, '').replace(/^All(?=[A-Z]|$)/, '');
  const plural = rest ? kebab(rest).replace(/-/g, ' ') : (command.resource.split('-').at(-1) ?? 'items');
  return { plural, singular: plural.replace(/ies$/, 'y').replace(/s$/, '') };
}

/** One line, whatever the message holds: control and bidirectional characters escaped. */
function oneLine(text: string): string {
  return escapeUnsafe(text);
}
