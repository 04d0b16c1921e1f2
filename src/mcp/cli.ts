// `partnero mcp`: the MCP server from the command line, over stdio (what desktop agents start)
// or Streamable HTTP on 127.0.0.1. src/cli/run.ts loads this module only for `partnero mcp`,
// and this module loads the SDK only once it is sure to serve.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { InvalidOptionError } from '../errors.js';
import { redactSecret } from '../internal/redact.js';
import { UsageError } from '../cli/args.js';
import type { CliIo } from '../cli/run.js';
import { PartneroMcp, type McpServerOptions } from './server.js';
import { importSdk, loadSdk, McpSdkMissingError, type Sdk } from './sdk.js';
import { DEFAULT_MAX_ITEMS, MAX_ITEMS } from './tools.js';

const HELP = `Usage: partnero mcp [--allow-writes [--allow-deletes]] [--audit-log FILE] [--http --port N] [flags]

An MCP (Model Context Protocol) server for AI agents: one tool per operation of the Partnero
spec, and one per page walk, each call made through the typed client (its input checks,
exactly-once creates, timeouts and retries, the key redacted from everything the agent sees).

Transport:
  (default)          stdio: the agent's client starts this command and talks on stdin/stdout
  --http             Streamable HTTP on 127.0.0.1 instead, at http://127.0.0.1:PORT/mcp
  --port N           the port for --http (0, the default, picks a free one); the URL is printed

What the agent may do (enforced by the server, not hinted: a tool not allowed is not listed,
and is refused if called anyway):
  (default)          read-only: the list, get, search and list-all tools
  --allow-writes     also creates and updates; each takes dry_run: true, which answers the exact
                     request that would be sent and sends nothing; a create takes if_exists:
                     "return" to answer the owner's link when its key is already taken by it
  --allow-deletes    also deletes (needs --allow-writes); a delete is refused unless its confirm
                     argument equals the id of what it deletes
  --audit-log FILE   append every call of a write tool to FILE, one JSON line (time, tool,
                     arguments, outcome, link_id), written to disk before the agent gets the answer

Walk tools (…_list_all…) return at most max_items items (default ${DEFAULT_MAX_ITEMS}, at most ${MAX_ITEMS}) and say whether
more were left.

Client:
  --base-url URL     where the API is (default: PARTNERO_BASE_URL, else the spec's server)
  --timeout-ms N     time limit of each attempt (default 30000)
  --max-retries N    retries of failures that may pass (default 2; creates are never sent twice)
  -h, --help         this help

Environment:
  PARTNERO_API_KEY   the program's API key (required; never shown to the agent, nor printed)
  PARTNERO_BASE_URL  where the API is, unless --base-url is given

Needs the package @modelcontextprotocol/sdk (an optional peer dependency of partnero-client).
Exit codes: 0 stopped (stdin closed, or Ctrl-C), 1 could not serve, 2 wrong usage or the SDK not
installed.
`;

/** What the command line asks for. */
interface McpInvocation {
  readonly http: boolean;
  readonly port: number;
  readonly options: Omit<McpServerOptions, 'apiKey'>;
}

/** Reads the flags of `partnero mcp`; throws UsageError. */
export function parseMcpCommandLine(argv: readonly string[]): McpInvocation | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        http: { type: 'boolean' },
        port: { type: 'string' },
        'allow-writes': { type: 'boolean' },
        'allow-deletes': { type: 'boolean' },
        'audit-log': { type: 'string' },
        'base-url': { type: 'string' },
        'timeout-ms': { type: 'string' },
        'max-retries': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(((error as Error).message.split(/(?<=\.) /)[0] ?? '').replace(/\.$/, ''), 'mcp');
  }
  const values = parsed.values;
  if (values.help) return 'help';
  const count = (flag: string, text: string | undefined, min: number, max: number): number | undefined => {
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(text)}`, 'mcp');
    return Number(text);
  };
  const port = count('port', values.port, 0, 65535);
  if (port !== undefined && !values.http) throw new UsageError('--port is for --http: partnero mcp --http --port N', 'mcp');
  if (values['allow-deletes'] && !values['allow-writes']) throw new UsageError('--allow-deletes needs --allow-writes too', 'mcp');
  for (const flag of ['base-url', 'audit-log'] as const) {
    if (values[flag] === '') throw new UsageError(`--${flag} needs a value`, 'mcp');
  }
  const timeoutMs = count('timeout-ms', values['timeout-ms'], 1, 2_147_483_647);
  const maxRetries = count('max-retries', values['max-retries'], 0, 10);
  return {
    http: values.http === true,
    port: port ?? 0,
    options: {
      allowWrites: values['allow-writes'] === true,
      allowDeletes: values['allow-deletes'] === true,
      ...(values['audit-log'] !== undefined ? { auditLog: values['audit-log'] } : {}),
      ...(values['base-url'] !== undefined ? { baseUrl: values['base-url'] } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(maxRetries !== undefined ? { maxRetries } : {}),
    },
  };
}

/** Runs `partnero mcp <argv>` until the agent goes away (stdio) or Ctrl-C; resolves to the exit code, never throws. */
export async function runMcp(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo, overrides: Partial<McpServerOptions> = {}): Promise<number> {
  const apiKey = env['PARTNERO_API_KEY'] ?? '';
  const say = (stream: CliIo['stdout'], text: string): void => void stream.write(redactSecret(text, apiKey));
  const usage = (message: string): number => {
    say(io.stderr, `partnero: ${message}\nRun 'partnero mcp --help' for usage.\n`);
    return 2;
  };
  let invocation: McpInvocation;
  let mcp: PartneroMcp;
  try {
    const parsed = parseMcpCommandLine(argv);
    if (parsed === 'help') {
      io.stdout.write(HELP);
      return 0;
    }
    invocation = parsed;
    if (!apiKey) return usage('PARTNERO_API_KEY is not set: set it to the API key of your Partnero program');
    const baseUrl = invocation.options.baseUrl ?? (env['PARTNERO_BASE_URL'] || undefined);
    mcp = new PartneroMcp({
      ...invocation.options,
      apiKey,
      ...(baseUrl !== undefined ? { baseUrl } : {}),
      ...(io.fetch ? { fetch: io.fetch } : {}),
      log: (line) => say(io.stderr, `partnero mcp: ${line}\n`),
      ...overrides,
    });
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    if (error instanceof InvalidOptionError) {
      const flag = { baseUrl: argv.some((arg) => arg.startsWith('--base-url')) ? '--base-url' : 'PARTNERO_BASE_URL', apiKey: 'PARTNERO_API_KEY' }[error.option] ?? error.option;
      return usage(`${flag} ${error.message.slice(error.message.indexOf(`${error.option} `) + error.option.length + 1)}`);
    }
    // An audit log that cannot be opened, a missing bundled spec: before anything is served.
    say(io.stderr, `partnero mcp: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    const sdk = await loadSdk();
    const mode = invocation.options.allowDeletes ? 'reads, writes and deletes' : invocation.options.allowWrites ? 'reads and writes, no deletes' : 'read-only';
    const summary = `${mcp.listed.length} tools (${mode}${invocation.options.auditLog ? `, audit log ${invocation.options.auditLog}` : ''})`;
    if (invocation.http) await serveHttp(sdk, mcp, invocation.port, summary, io, say, apiKey);
    else await serveStdio(sdk, mcp, summary, io, say);
    return 0;
  } catch (error) {
    // The SDK missing is a setup to fix before it can serve, as wrong usage is: exit 2, one line.
    if (error instanceof McpSdkMissingError) {
      say(io.stderr, `partnero mcp: ${error.message}\n`);
      return 2;
    }
    say(io.stderr, `partnero mcp: could not serve: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await mcp.idle();
    mcp.close();
  }
}

/** stdio: until stdin ends (the agent's client closed it) or Ctrl-C; calls in flight finish first. */
async function serveStdio(sdk: Sdk, mcp: PartneroMcp, summary: string, io: CliIo, say: (stream: CliIo['stdout'], text: string) => void): Promise<void> {
  const { StdioServerTransport } = await importSdk(() => import('@modelcontextprotocol/sdk/server/stdio.js'));
  const server = mcp.server(sdk);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
    io.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.connect(transport);
  // stdout is the protocol's: everything for people goes to stderr.
  say(io.stderr, `partnero mcp: serving ${summary} over stdio\n`);
  await closed;
  // A request read just before stdin ended starts its handler on a later turn: let it, then wait for it.
  await new Promise((resolve) => setImmediate(resolve));
  await mcp.idle();
  await server.close();
}

/** Loopback names a browser page cannot pose as (a DNS-rebinding page has its own host name). */
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

/** Streamable HTTP on 127.0.0.1, stateless (a server per request, as the SDK's stateless example does); until Ctrl-C. */
async function serveHttp(
  sdk: Sdk,
  mcp: PartneroMcp,
  port: number,
  summary: string,
  io: CliIo,
  say: (stream: CliIo['stdout'], text: string) => void,
  apiKey: string,
): Promise<void> {
  const { StreamableHTTPServerTransport } = await importSdk(() => import('@modelcontextprotocol/sdk/server/streamableHttp.js'));
  const reply = (res: ServerResponse, status: number, message: string): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const origin = req.headers.origin;
    if (!LOOPBACK_HOST.test(req.headers.host ?? '') || (origin !== undefined && !/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i.test(origin))) {
      return reply(res, 403, 'only loopback hosts and origins may use this server');
    }
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/mcp') return reply(res, 404, 'the MCP endpoint is /mcp');
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return reply(res, 405, 'this server is stateless: POST JSON-RPC messages to /mcp');
    }
    const server = mcp.server(sdk);
    const transport = new StreamableHTTPServerTransport({ enableJsonResponse: true }) // no sessionIdGenerator: stateless;
    res.once('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  };
  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) reply(res, 500, redactSecret(String((error as Error)?.message ?? error), apiKey));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: actual } = http.address() as AddressInfo;
  say(io.stdout, `partnero mcp: serving ${summary} at http://127.0.0.1:${actual}/mcp\n`);
  await new Promise<void>((resolve) => {
    if (io.signal?.aborted) resolve();
    io.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await mcp.idle();
  http.closeAllConnections();
  await new Promise<void>((resolve) => http.close(() => resolve()));
}
