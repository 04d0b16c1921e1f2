// The fast sample of the MCP tests (server.slow.test.ts has the rest): with the SDK's own Client
// in memory, the tool list is the table's (write tools only when allowed), a dry run and an
// unconfirmed delete send nothing, and a missing SDK is one line naming the package.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMcp } from '../../src/mcp/cli.js';
import { importSdk, McpSdkMissingError, SDK_PACKAGE, SDK_RANGE } from '../../src/mcp/sdk.js';
import { bundledSpecForTests, countingSandbox, exampleBody, expectedTools, kindOfRow, Sessions, table, textOf, type Sandbox } from './support.js';
import { Capture } from '../support/capture.js';

const API_KEY = 'mcp-fast-key-3a7d'; // Must reach no agent.
const sessions = new Sessions(API_KEY, bundledSpecForTests);
let sandbox: Sandbox & { lines: string[] };

beforeAll(async () => {
  sandbox = await countingSandbox(API_KEY);
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
    // The range the message names is the package's optional peer dependency (each key once in
    // package.json: a second "peerDependencies" would silently replace the first).
    const text = readFileSync('package.json', 'utf8');
    expect(text.match(/"peerDependencies"/g)).toHaveLength(1);
    expect(text.match(/"peerDependenciesMeta"/g)).toHaveLength(1);
    const pkg = JSON.parse(text) as { peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }> };
    expect(pkg.peerDependencies[SDK_PACKAGE]).toBe(SDK_RANGE);
    expect(pkg.peerDependenciesMeta[SDK_PACKAGE]).toEqual({ optional: true });
    // Any other failure stays what it is.
    const other = Object.assign(new Error("Cannot find package 'zod'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(importSdk(() => Promise.reject(other))).rejects.toBe(other);
  });
});

describe('partnero mcp: its command line', () => {
  const cli = async (argv: string[], env: NodeJS.ProcessEnv = { PARTNERO_API_KEY: API_KEY }) => {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runMcp(argv, env, { stdout, stderr });
    expect(stdout.text + stderr.text).not.toContain(API_KEY);
    return { code, stdout: stdout.text, stderr: stderr.text };
  };

  it('--help says every flag; wrong usage is one line and exit 2, before anything is served', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--http', '--port N', '--allow-writes', '--allow-deletes', '--audit-log FILE', '--base-url URL', '--timeout-ms N', '--max-retries N', 'PARTNERO_API_KEY', 'PARTNERO_BASE_URL']) {
      expect(help.stdout).toContain(flag);
    }
    const usage = /^partnero: [^\n]+\nRun 'partnero mcp --help' for usage\.\n$/;
    for (const [argv, message] of [
      [['--port', '4000'], '--port is for --http'],
      [['--http', '--port', '70000'], '--port must be an integer from 0 to 65535, got "70000"'],
      [['--allow-deletes'], '--allow-deletes needs --allow-writes too'],
      [['--max-retries', '11'], '--max-retries must be an integer from 0 to 10'],
      [['--colour'], "Unknown option '--colour'"],
      [['--base-url', 'ftp://127.0.0.1'], '--base-url must use https (or http to loopback), got ftp:'],
    ] as const) {
      const result = await cli([...argv]);
      expect(result, argv.join(' ')).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toMatch(usage);
      expect(result.stderr).toContain(message);
    }
    const noKey = await cli([], {});
    expect(noKey).toMatchObject({ code: 2, stderr: expect.stringContaining('PARTNERO_API_KEY is not set') });
    // Run from src/, there is no bundled spec beside the code: said so, in one line.
    expect(await cli([])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^partnero mcp: the bundled spec \S+openapi\.json cannot be read \(ENOENT[^\n]*\); npm run build writes it\n$/) });
    const stderr = new Capture();
    const badLog = await runMcp(['--audit-log', '/nonexistent-dir/audit.jsonl'], { PARTNERO_API_KEY: API_KEY }, { stdout: new Capture(), stderr }, { spec: bundledSpecForTests() });
    expect(badLog).toBe(1);
    expect(stderr.text).toMatch(/^partnero mcp: ENOENT[^\n]*audit\.jsonl'\n$/);
  });
});
