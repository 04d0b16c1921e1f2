// The MCP server: the tools of src/mcp/tools.ts, each call made through the typed client, with
// the client's safety and the server's own enforced here rather than hinted: tools that are not
// allowed are neither listed nor run; writes take `dry_run`; deletes need `confirm`; walks are
// bounded; every write is in the audit log before its answer goes out; the key is in nothing
// the agent sees.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createPartneroClient, type PartneroClientOptions } from '../client.js';
import { InvalidParameterError, PartneroApiError, PartneroError, UncertainCreateError, UnprocessableEntityError, describeValue } from '../errors.js';
import { isObject, valueAt } from '../internal/json.js';
import { REDACTED, redactSecret, redactValue, useDeepRedaction } from '../internal/redact.js';
import { deepRedact } from '../internal/redact-deep.js';
import { AuditLog, AuditLogError, type AuditRecord } from './audit.js';
import type { OpenApiDocument } from './schema.js';
import { loadSdk, type Sdk } from './sdk.js';
import { buildTools, DEFAULT_MAX_ITEMS, MAX_ITEMS, RESERVED, type McpTool } from './tools.js';

/** Options of the MCP server. */
export interface McpServerOptions {
  /** The program's API key (required); it never reaches the agent. */
  readonly apiKey: string;
  readonly baseUrl?: string;
  readonly fetch?: PartneroClientOptions['fetch'];
  readonly maxRetries?: number;
  readonly timeoutMs?: number;
  /** List and run the write tools (creates, updates). Default false: read-only. */
  readonly allowWrites?: boolean;
  /** List and run the delete tools too (needs allowWrites). Default false. */
  readonly allowDeletes?: boolean;
  /** Append every write-tool call to this file (JSON lines). */
  readonly auditLog?: string;
  /** The bundled spec; default the package's own (dist/openapi.json). */
  readonly spec?: OpenApiDocument;
  /** How long a stop waits for the writes in flight before it aborts them (default 10 s). */
  readonly stopGraceMs?: number;
  /** Where the server says what the operator should know (an audit line that could not be written); default nowhere. */
  readonly log?: (line: string) => void;
}

/** How long a stop waits for the writes in flight before it aborts them. */
export const STOP_GRACE_MS = 10_000;

/** The package's bundled spec, beside the built code (dist/openapi.json from dist/mcp/). */
export function bundledSpec(): OpenApiDocument {
  const url = new URL('../openapi.json', import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as OpenApiDocument;
  } catch (error) {
    throw new Error(`the bundled spec ${url.pathname} cannot be read (${(error as Error).message}); npm run build writes it`, { cause: error });
  }
}

/** The package's version, for the server's name in the MCP handshake. */
function packageVersion(): string {
  try {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The tools a server with these flags lists (and runs): reads always; writes with allowWrites; deletes with both. */
export function allowedTools(tools: readonly McpTool[], options: { allowWrites?: boolean; allowDeletes?: boolean }): McpTool[] {
  return tools.filter((tool) => tool.kind === 'read' || (options.allowWrites === true && (tool.kind === 'write' || options.allowDeletes === true)));
}

/** The `id` of an object, if it has one. */
function idOf(object: unknown): string | number | null {
  const id = isObject(object) ? object['id'] : undefined;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

/** The client's error for an argument the server checks itself (names the argument, nothing sent). */
class ArgumentError extends Error {
  override name = 'ArgumentError';
}

/** A write the server refuses (not allowed, not confirmed): nothing sent. */
class RefusedError extends Error {
  override name = 'RefusedError';
}

/** Thrown by the dry run's fetch once it has the request: stops the call, nothing sent. */
class DryRunStop extends Error {}

type Method = (...args: unknown[]) => unknown;

/** A call of one tool, its arguments read. */
interface Plan {
  readonly args: unknown[];
  readonly dryRun: boolean;
  readonly maxItems: number;
  /** A create's `ifExists` (interface C). */
  readonly ifExists?: 'error' | 'return';
}

/** The tools, their rules and the client behind them: what both transports serve. */
export class PartneroMcp {
  readonly tools: readonly McpTool[];
  /** What is listed and may be run. */
  readonly listed: readonly McpTool[];
  readonly #byName: ReadonlyMap<string, McpTool>;
  readonly #allowed: ReadonlySet<string>;
  readonly #options: McpServerOptions;
  readonly #client: Record<string, Record<string, Method>>;
  readonly #audit: AuditLog | undefined;
  #pending = 0;
  #idle: (() => void)[] = [];
  #stopping = false;
  /** Aborts the reads in flight when the server stops. */
  readonly #stopReads = new AbortController();
  /** Aborts the writes still in flight once the grace after a stop is over. */
  readonly #stopWrites = new AbortController();

  constructor(options: McpServerOptions) {
    if (options.allowDeletes && !options.allowWrites) throw new Error('allowDeletes needs allowWrites too');
    // Nothing the agent sees, nor the audit log, holds the key, however nested its escapes.
    useDeepRedaction(deepRedact);
    this.#options = options;
    this.#client = createPartneroClient(this.#clientOptions()) as unknown as Record<string, Record<string, Method>>;
    this.tools = buildTools(options.spec ?? bundledSpec());
    this.listed = allowedTools(this.tools, options);
    this.#byName = new Map(this.tools.map((tool) => [tool.name, tool]));
    this.#allowed = new Set(this.listed.map((tool) => tool.name));
    this.#audit = options.auditLog === undefined ? undefined : new AuditLog(options.auditLog);
  }

  /** The client's options: validated responses, so that structuredContent matches the tool's output schema. */
  #clientOptions(overrides: Partial<PartneroClientOptions> = {}): PartneroClientOptions {
    const { apiKey, baseUrl, fetch, maxRetries, timeoutMs } = this.#options;
    return {
      apiKey,
      validateResponses: true,
      ...(baseUrl !== undefined ? { baseUrl } : {}),
      ...(fetch !== undefined ? { fetch } : {}),
      ...(maxRetries !== undefined ? { maxRetries } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...overrides,
    };
  }

  /** What `tools/list` answers. */
  listTools(): { tools: Record<string, unknown>[] } {
    return {
      tools: this.listed.map(({ name, title, description, inputSchema, outputSchema, annotations }) => ({
        name,
        title,
        description,
        inputSchema,
        outputSchema,
        annotations,
      })),
    };
  }

  /** Resolves once no call is in flight (so that stopping never cuts a write short). */
  idle(): Promise<void> {
    return this.#pending === 0 ? Promise.resolve() : new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Whether stop() has been called: every call is then refused, with nothing sent. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /**
   * Stops taking calls (each is refused, nothing sent), aborts the reads in flight, and lets the
   * writes in flight finish for up to `graceMs`, their outcomes recorded; a write still waiting
   * then is aborted (and recorded as such). Resolves once no call is in flight.
   */
  async stop(graceMs = this.#options.stopGraceMs ?? STOP_GRACE_MS): Promise<void> {
    this.#stopping = true;
    this.#stopReads.abort(new Error('the MCP server is stopping'));
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    const finished = await Promise.race([this.idle(), graceOver]);
    clearTimeout(timer);
    if (finished === 'late') this.#stopWrites.abort(new Error(`the MCP server stopped; it had waited ${graceMs} ms for this write`));
    await this.idle();
  }

  close(): void {
    this.#audit?.close();
  }

  /** What `tools/call` answers; never throws. */
  async callTool(name: string, given: unknown, signal?: AbortSignal): Promise<CallToolResult> {
    this.#pending += 1;
    try {
      return await this.#call(name, given ?? {}, signal);
    } finally {
      this.#pending -= 1;
      if (this.#pending === 0) for (const resolve of this.#idle.splice(0)) resolve();
    }
  }

  async #call(name: string, given: unknown, agentSignal: AbortSignal | undefined): Promise<CallToolResult> {
    const secret = this.#options.apiKey;
    const tool = this.#byName.get(name);
    if (!tool) return this.#failure(`Unknown tool ${JSON.stringify(name)}: tools/list says which there are.`);
    const audited = tool.kind !== 'read' && this.#audit !== undefined;
    const call = randomUUID();
    // Every field through the same redaction: a server that echoes the key as an id must not
    // put it in the log. Throws AuditLogError.
    const record = (outcome: string, linkId: string | number | null, error?: string): void => {
      if (!audited) return;
      const line: AuditRecord = { time: new Date().toISOString(), call, tool: name, arguments: given, outcome, link_id: linkId, ...(error !== undefined ? { error } : {}) };
      let redacted = redactValue(line, secret) as AuditRecord;
      // redactValue stops 50 levels down: arguments that still hold the key below that go whole.
      if (redactSecret(JSON.stringify(redacted), secret) !== JSON.stringify(redacted)) redacted = redactValue({ ...line, arguments: REDACTED }, secret) as AuditRecord;
      this.#audit!.append(redacted);
    };
    const target = (): string | null => {
      const last = tool.pathParameters.at(-1);
      const value = last !== undefined && isObject(given) ? given[last] : undefined;
      return typeof value === 'string' ? value : null;
    };
    const stop = tool.kind === 'read' ? this.#stopReads.signal : this.#stopWrites.signal;
    const signal = agentSignal ? AbortSignal.any([agentSignal, stop]) : stop;
    let plan: Plan | undefined;
    let sent = false;
    try {
      if (this.#stopping) throw new RefusedError(`${name} was refused: this server is stopping. Nothing was sent.`);
      if (!this.#allowed.has(name)) {
        const flag = tool.kind === 'delete' ? (this.#options.allowWrites ? '--allow-deletes' : '--allow-writes --allow-deletes') : '--allow-writes';
        throw new RefusedError(`${name} is not allowed on this server: it was started without ${flag}. Nothing was sent.`);
      }
      plan = this.#plan(tool, given);
      if (tool.kind === 'delete') this.#confirm(tool, given as Record<string, unknown>);
      let result;
      if (plan.dryRun) result = await this.#dryRun(tool, plan);
      else {
        // The intent is on disk before anything is sent: a write the log cannot record is not made.
        record('sending', target());
        sent = true;
        result = await this.#invoke(tool, plan, signal);
      }
      try {
        record(plan.dryRun ? 'dry_run' : result.outcome, plan.dryRun ? target() : (this.#linkId(tool, result.body) ?? target()));
      } catch (failure) {
        // The write was made: the agent learns what came of it, and that the log lacks it.
        if (failure instanceof AuditLogError && sent) return this.#auditFailure(failure, sent, JSON.stringify(result.structured));
        throw failure;
      }
      return this.#success(result.structured);
    } catch (error) {
      if (error instanceof AuditLogError) return this.#auditFailure(error, sent);
      const text = this.#describe(tool, error);
      const outcome = error instanceof RefusedError || error instanceof ArgumentError || error instanceof InvalidParameterError ? 'refused' : 'error';
      const existing = error instanceof UncertainCreateError ? idOf(error.existing) : null;
      try {
        record(plan?.dryRun && outcome === 'error' ? 'dry_run_error' : outcome, existing ?? target(), text);
      } catch (failure) {
        if (failure instanceof AuditLogError) return this.#auditFailure(failure, sent, text);
        throw failure;
      }
      return this.#failure(text);
    }
  }

  /** The answer when the audit log cannot be written: before sending, nothing was sent; after, the write's outcome is not in the log. */
  #auditFailure(error: AuditLogError, sent: boolean, answer?: string): CallToolResult {
    this.#options.log?.(error.message);
    return this.#failure(`${answer !== undefined ? `${answer}\n` : ''}${this.#auditFailureText(error, sent)}`);
  }

  #auditFailureText(error: AuditLogError, sent: boolean): string {
    return sent
      ? `The request was sent, but its outcome could not be recorded: ${error.message}. Check the link before trying again.`
      : `The call was refused: ${error.message}, and this server sends no write it cannot record. Nothing was sent.`;
  }

  /** Reads the arguments: unknown ones and the server's own (dry_run, max_items) are checked here; the rest is the client's to check. */
  #plan(tool: McpTool, given: unknown): Plan {
    if (!isObject(given)) throw new ArgumentError(`the arguments must be an object, got ${describeValue(given)}`);
    const properties = Object.keys((tool.inputSchema['properties'] ?? {}) as Record<string, unknown>);
    for (const name of Object.keys(given)) {
      if (!properties.includes(name)) throw new ArgumentError(`unknown argument ${JSON.stringify(name)}: ${tool.name} takes ${properties.join(', ')}`);
    }
    const dryRun = given[RESERVED.dryRun];
    if (dryRun !== undefined && typeof dryRun !== 'boolean') throw new ArgumentError(`dry_run must be true or false, got ${describeValue(dryRun)}`);
    const maxItems = given[RESERVED.maxItems] ?? DEFAULT_MAX_ITEMS;
    if (tool.walk && (typeof maxItems !== 'number' || !Number.isInteger(maxItems) || maxItems < 1 || maxItems > MAX_ITEMS)) {
      throw new ArgumentError(`max_items must be an integer from 1 to ${MAX_ITEMS}, got ${describeValue(maxItems)}`);
    }
    const ifExists = given[RESERVED.ifExists];
    if (ifExists !== undefined && ifExists !== 'error' && ifExists !== 'return') {
      throw new ArgumentError(`if_exists must be "error" or "return", got ${describeValue(ifExists)}`);
    }
    const args: unknown[] = tool.pathParameters.map((parameter) => given[parameter]);
    const { row } = tool;
    if (row.body) {
      if (tool.body === 'nested') args.push(given[RESERVED.body]);
      else {
        const body: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(given)) {
          if (!tool.pathParameters.includes(field) && !Object.values(RESERVED).includes(field as never)) body[field] = value;
        }
        args.push(body);
      }
    } else if (tool.queryParameters.length) {
      const query: Record<string, unknown> = {};
      for (const parameter of tool.queryParameters) if (given[parameter] !== undefined) query[parameter] = given[parameter];
      const pagination = row.pagination;
      // A walk asks for pages as large as the API allows (one more than max_items is enough to tell whether more are left).
      if (tool.walk && pagination && query[pagination.limit] === undefined) {
        const rule = row.parameters[pagination.limit];
        if (rule?.maximum !== undefined) query[pagination.limit] = Math.max(rule.minimum ?? 1, Math.min(rule.maximum, (maxItems as number) + 1));
      }
      args.push(query);
    }
    return { args, dryRun: dryRun === true, maxItems: maxItems as number, ...(ifExists !== undefined ? { ifExists } : {}) };
  }

  /** A delete goes ahead only when `confirm` equals the id of what it deletes. */
  #confirm(tool: McpTool, given: Record<string, unknown>): void {
    const confirm = given[RESERVED.confirm];
    const expected = tool.confirms ? given[tool.confirms] : tool.name;
    if (confirm === undefined || confirm !== expected) {
      const what = tool.confirms ? `${tool.confirms} (${describeValue(expected)})` : JSON.stringify(tool.name);
      throw new RefusedError(`confirm must equal ${what}, got ${describeValue(confirm)}: the delete was refused and nothing was sent`);
    }
  }

  /** The call through the client. */
  async #invoke(tool: McpTool, plan: Plan, signal: AbortSignal | undefined): Promise<{ structured: Record<string, unknown>; body: unknown; outcome: string }> {
    const method = this.#client[tool.resource]?.[tool.method];
    if (!method) throw new Error(`the client has no ${tool.resource}.${tool.method}`);
    if (tool.walk) {
      const walk = method(...plan.args, { readAhead: false, ...(signal ? { signal } : {}) }) as AsyncIterable<unknown>;
      const items: unknown[] = [];
      let truncated = false;
      for await (const item of walk) {
        if (items.length === plan.maxItems) {
          truncated = true;
          break;
        }
        items.push(item);
      }
      return { structured: { items, count: items.length, truncated }, body: undefined, outcome: 'done' };
    }
    let outcome = 'done';
    // Interface C (writes): the client says whether a write was done, recovered after an
    // ambiguous failure, or found existing; a client without it leaves 'done'.
    const options = {
      ...(signal ? { signal } : {}),
      ...(plan.ifExists ? { ifExists: plan.ifExists } : {}),
      onOutcome: (value: unknown) => void (typeof value === 'string' && (outcome = value)),
    };
    const body = await method(...plan.args, options);
    return { structured: isObject(body) ? body : {}, body, outcome };
  }

  /** The request a write would send, after every check of the client, sent nowhere. */
  async #dryRun(tool: McpTool, plan: Plan): Promise<{ structured: Record<string, unknown>; body: unknown; outcome: string }> {
    let recorded: Request | undefined;
    const client = createPartneroClient(
      this.#clientOptions({
        maxRetries: 0,
        fetch: (request: Request) => {
          recorded = request;
          return Promise.reject(new DryRunStop());
        },
      }),
    ) as unknown as Record<string, Record<string, Method>>;
    try {
      await client[tool.resource]?.[tool.method]?.(...plan.args, {});
    } catch (error) {
      if (!recorded) throw error;
    }
    if (!recorded) throw new Error(`dry run of ${tool.name}: the client built no request`);
    const secret = this.#options.apiKey;
    const headers: Record<string, string> = {};
    for (const [header, value] of recorded.headers) headers[header] = redactSecret(value, secret);
    const text = await recorded.text();
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const request = { method: recorded.method, url: redactSecret(recorded.url, secret), headers, ...(body !== undefined ? { body } : {}) };
    return { structured: { dry_run: true, request }, body: undefined, outcome: 'dry_run' };
  }

  /** The id of the object a write answered with (at the create's result pointer, or the envelope), if any. */
  #linkId(tool: McpTool, body: unknown): string | number | null {
    return idOf(valueAt(body, tool.row.create?.result ?? ['data']));
  }

  #success(structured: Record<string, unknown>): CallToolResult {
    const structuredContent = redactValue(structured, this.#options.apiKey) as Record<string, unknown>;
    return { content: [{ type: 'text', text: JSON.stringify(structuredContent) }], structuredContent };
  }

  #failure(text: string): CallToolResult {
    return { isError: true, content: [{ type: 'text', text: redactSecret(text, this.#options.apiKey) }] };
  }

  /** A failure in words for the agent: what went wrong, the argument it concerns, whether anything was sent. */
  #describe(tool: McpTool, error: unknown): string {
    if (error instanceof RefusedError) return error.message;
    if (error instanceof ArgumentError) return `Invalid arguments of ${tool.name}: ${error.message}. Nothing was sent.`;
    if (error instanceof InvalidParameterError) {
      const argument = tool.body === 'nested' && !tool.row.parameters[error.parameter] ? `${RESERVED.body}.${error.parameter}` : error.parameter;
      return `Invalid argument ${argument}: ${error.message}. Nothing was sent.`;
    }
    if (error instanceof UncertainCreateError) {
      return `${error.name}: ${error.message}\nexisting: ${JSON.stringify(error.existing)}`;
    }
    if (error instanceof PartneroApiError) {
      const fields = error instanceof UnprocessableEntityError && error.fieldErrors ? `\nfield errors: ${JSON.stringify(error.fieldErrors)}` : '';
      return `${error.name} (HTTP ${error.status}): ${error.message}${fields}`;
    }
    if (error instanceof PartneroError) return `${error.name}: ${error.message}`;
    return `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  }

  /** An SDK server serving these tools (each transport connection gets its own). */
  server(sdk: Sdk): Server {
    const mode = this.#options.allowDeletes ? 'reads, writes and deletes' : this.#options.allowWrites ? 'reads and writes (no deletes)' : 'read-only';
    const server = new sdk.Server(
      { name: 'partnero', title: 'Partnero referral links', version: packageVersion() },
      {
        capabilities: { tools: {} },
        instructions:
          `Tools for the referral links of one Partnero program, one per API operation (${mode}). ` +
          'Writes take dry_run to preview the exact request; deletes need confirm equal to the id; list_all tools return at most max_items items.',
      },
    );
    server.setRequestHandler(sdk.ListToolsRequestSchema, () => this.listTools());
    server.setRequestHandler(sdk.CallToolRequestSchema, (request, extra) => this.callTool(request.params.name, request.params.arguments, extra.signal));
    return server;
  }
}

/** An MCP server (the SDK's `Server`) for the Partnero tools; connect it to a transport. Loads the SDK (an optional peer dependency). */
export async function createMcpServer(options: McpServerOptions): Promise<{ server: Server; mcp: PartneroMcp }> {
  const sdk = await loadSdk();
  const mcp = new PartneroMcp(options);
  return { server: mcp.server(sdk), mcp };
}
