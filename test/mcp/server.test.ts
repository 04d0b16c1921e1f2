// The fast sample of the MCP tests (server.slow.test.ts has the rest): with the SDK's own Client
// in memory, the tool list is the table's (write tools only when allowed), a dry run and an
// unconfirmed delete send nothing, and a missing SDK is one line naming the package.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSdk, McpSdkMissingError } from '../../src/mcp/sdk.js';
import { bundledSpecForTests, countingSandbox, exampleBody, expectedTools, kindOfRow, Sessions, table, textOf, type Sandbox } from './support.js';

const API_KEY = 'mcp-fast-key-3a7d'; // Must reach no agent.
const sessions = new Sessions(API_KEY, bundledSpecForTests);
let sandbox: Sandbox & { lines: string[] };

beforeAll(async () => {
  sandbox = await countingSandbox();
});

afterAll(async () => {
  await sessions.closeAll();
  await sandbox?.close();
});

describe('the tool list', () => {
  it('one tool per operation and per page walk; read-only unless allowed, deletes only with --allow-deletes', async () => {
    const names = (kinds: string[]) => expectedTools.filter((tool) => kinds.includes(kindOfRow(tool.row))).map((tool) => tool.name);
    const readOnly = await sessions.open({ baseUrl: sandbox.url });
    expect((await readOnly.client.listTools()).tools.map((tool) => tool.name)).toEqual(names(['read']));
    expect(readOnly.mcp.tools.map((tool) => tool.name)).toEqual(expectedTools.map((tool) => tool.name));
    expect(readOnly.mcp.tools.filter((tool) => !tool.walk)).toHaveLength(Object.keys(table).length);
    const writer = await sessions.open({ baseUrl: sandbox.url, allowWrites: true });
    expect((await writer.client.listTools()).tools.map((tool) => tool.name)).toEqual(names(['read', 'write']));
    const all = await sessions.open({ baseUrl: sandbox.url, allowWrites: true, allowDeletes: true });
    const { tools } = await all.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(names(['read', 'write', 'delete']));
    for (const tool of tools) {
      const { row } = expectedTools.find((entry) => entry.name === tool.name)!;
      const kind = kindOfRow(row);
      expect(tool.annotations, tool.name).toMatchObject({
        readOnlyHint: kind === 'read',
        destructiveHint: kind === 'delete',
        idempotentHint: kind !== 'write' || row.method === 'PUT' || row.create !== undefined,
      });
    }
  });
});

describe('writes that send nothing', () => {
  it('a dry run of a create answers the request it would send; a delete without the right confirm is refused', async () => {
    const all = await sessions.open({ baseUrl: sandbox.url, allowWrites: true, allowDeletes: true });
    const create = all.mcp.listed.find((tool) => tool.row.create)!;
    const remove = all.mcp.listed.find((tool) => tool.kind === 'delete')!;
    const before = sandbox.lines.length;
    const dry = await all.call(create.name, { ...exampleBody(create), key: 'mcp-dry', dry_run: true });
    expect(dry.structuredContent).toEqual({
      dry_run: true,
      request: expect.objectContaining({ method: create.row.method, url: `${sandbox.url}${create.row.path}`, body: { ...exampleBody(create), key: 'mcp-dry' } }),
    });
    const refused = await all.call(remove.name, { [remove.confirms!]: 'mcp-dry', confirm: 'mcp-dr' });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('confirm must equal');
    expect(sandbox.lines.length).toBe(before);
  });

  it('a missing SDK is one line naming the package to install', async () => {
    const missing = Object.assign(new Error("Cannot find package '@modelcontextprotocol/sdk' imported from /app/node_modules/partnero-client/dist/mcp/sdk.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    const error = await importSdk(() => Promise.reject(missing)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpSdkMissingError);
    expect((error as Error).message).toBe('the MCP server needs the package @modelcontextprotocol/sdk, which is not installed: npm install @modelcontextprotocol/sdk@^1.32.2');
    // Any other failure stays what it is.
    const other = Object.assign(new Error("Cannot find package 'zod'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(importSdk(() => Promise.reject(other))).rejects.toBe(other);
  });
});
