// Helpers for the MCP tests: the bundled spec, an MCP server and the SDK's own Client linked in
// memory, a sandbox that counts what reaches it, and argument values from the spec's examples.
import { expect, inject } from 'vitest';
import { operations } from '../../src/generated/spec.js';
import * as validators from '../../src/generated/validators.js';
import type { Validator } from '../../src/generated/validators.js';
import type { OperationRow } from '../../src/resources.js';
import { snake, type McpTool } from '../../src/mcp/tools.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startSandbox } from '../../scripts/lib/sandbox.mjs';
import { PartneroMcp, type McpServerOptions } from '../../src/mcp/server.js';
import { loadSdk } from '../../src/mcp/sdk.js';
import type { OpenApiDocument } from '../../src/mcp/schema.js';
import { isObject } from '../../src/internal/json.js';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** The spec as `npm run build` bundles it (dist/openapi.json), from the global setup. */
export function bundledSpecForTests(): OpenApiDocument {
  return JSON.parse(inject('mcpSpec')) as OpenApiDocument;
}

/** A sandbox on a free port that records one line per request it answered (or dropped). */
/** `apiKey` is the one key the sandbox takes: what the test's client sends. */
export async function countingSandbox(apiKey: string, faults?: string): Promise<Sandbox & { lines: string[] }> {
  const lines: string[] = [];
  const sandbox = await startSandbox({ port: 0, apiKey, log: (line) => lines.push(line), ...(faults ? { faults } : {}) });
  return Object.assign(sandbox, { lines });
}

/** An MCP session: the server, and the SDK's Client connected to it in memory. Every result is kept, to search for the key. */
export interface Session {
  readonly client: Client;
  readonly mcp: PartneroMcp;
  readonly results: CallToolResult[];
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

export async function connect(options: McpServerOptions): Promise<Session> {
  const mcp = new PartneroMcp(options);
  const server = mcp.server(await loadSdk());
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'partnero-mcp-test', version: '1.0.0' });
  await client.connect(clientSide);
  const results: CallToolResult[] = [];
  return {
    client,
    mcp,
    results,
    async call(name, args = {}) {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      results.push(result);
      return result;
    },
    async close() {
      await client.close();
      await server.close();
      mcp.close();
    },
  };
}

/** The text of a tool result. */
export function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

/** A value for a schema from the spec's examples: `examples[0]`, the first `anyOf`/`oneOf` branch, or an object of its required properties. */
export function exampleOf(schema: unknown): unknown {
  if (!isObject(schema)) return undefined;
  if (Array.isArray(schema['examples']) && schema['examples'].length) return schema['examples'][0];
  for (const keyword of ['anyOf', 'oneOf']) {
    const branches = schema[keyword];
    if (Array.isArray(branches) && branches.length) return exampleOf({ ...schema, [keyword]: undefined, ...branches[0] });
  }
  const properties = schema['properties'];
  if (isObject(properties)) {
    const out: Record<string, unknown> = {};
    for (const name of (schema['required'] as string[] | undefined) ?? []) out[name] = exampleOf(properties[name]);
    return out;
  }
  return undefined;
}

/** The generated table, read loosely. */
export const table = operations as unknown as Record<string, OperationRow>;

/** What a row's tool may do, from the HTTP method alone. */
export const kindOfRow = (row: OperationRow): 'read' | 'write' | 'delete' => (row.method === 'GET' ? 'read' : row.method === 'DELETE' ? 'delete' : 'write');

/** The tools the table makes, in order: one per operation, then one per page walk right after it. */
export const expectedTools = Object.entries(table).flatMap(([id, row]) => [
  { name: `${snake(row.resource)}_${snake(row.name)}`, id, row, walk: false },
  ...(row.pagination ? [{ name: `${snake(row.resource)}_${snake(row.pagination.method)}`, id, row, walk: true }] : []),
]);

/** Arguments from the spec's examples: every path parameter, and the query parameters that have one. */
export function exampleArguments(tool: McpTool): Record<string, unknown> {
  const properties = tool.inputSchema['properties'] as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  // Of the parameters a call gives exactly one of (the spec's x-partnero-exactly-one), the first.
  const others = tool.row.exactlyOne?.slice(1) ?? [];
  for (const name of [...tool.pathParameters, ...tool.queryParameters].filter((n) => !others.includes(n))) {
    const value = exampleOf(properties[name]);
    if (value !== undefined) args[name] = value;
  }
  return args;
}

/** The required body fields of a write tool, from its schema's examples. */
export function exampleBody(tool: McpTool): Record<string, unknown> {
  const properties = tool.inputSchema['properties'] as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const name of (tool.inputSchema['required'] as string[]) ?? []) {
    if (!tool.pathParameters.includes(name) && name !== 'confirm') args[name] = exampleOf(properties[name]);
  }
  return args;
}

/** True when one of the operation's 2xx validators (generated from the spec's schemas) accepts `body`. */
export function matchesSpec(row: OperationRow, body: unknown): boolean {
  return Object.values(row.success).some((name) => name !== null && (validators as unknown as Record<string, Validator>)[name]!(body));
}

/** Opens sessions for a test file; `closeAll` closes them and checks that the key reached none of their results. */
export class Sessions {
  readonly #open: Session[] = [];
  constructor(
    readonly apiKey: string,
    readonly spec: () => OpenApiDocument,
  ) {}

  async open(options: Omit<McpServerOptions, 'apiKey' | 'spec'>): Promise<Session> {
    const session = await connect({ apiKey: this.apiKey, spec: this.spec(), ...options });
    this.#open.push(session);
    return session;
  }

  async closeAll(): Promise<void> {
    for (const session of this.#open.splice(0)) {
      await session.close();
      for (const result of session.results) expect(JSON.stringify(result)).not.toContain(this.apiKey);
    }
  }
}
