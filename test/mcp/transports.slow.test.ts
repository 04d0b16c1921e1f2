// `partnero mcp` as the built executable, as agents start it: over stdio with the SDK's own
// Client, over Streamable HTTP on 127.0.0.1, and with a client no one here wrote
// (@modelcontextprotocol/inspector-cli) on both; and installed without the SDK, where the plain
// CLI still works and `partnero mcp` says in one line what to install.
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { runNode, startNode, type Started } from '../tools/support/processes.js';
import { buildTools } from '../../src/mcp/tools.js';
import { bundledSpecForTests, countingSandbox, exampleArguments, expectedTools, kindOfRow, matchesSpec, textOf, type Sandbox } from './support.js';

const API_KEY = 'mcp-transport-key-c41e'; // Must reach no agent, and no output.
const INSPECTOR = resolve('node_modules/@modelcontextprotocol/inspector-cli/build/index.js');
const readNames = expectedTools.filter((tool) => kindOfRow(tool.row) === 'read').map((tool) => tool.name);
// The issue names partner_links_list; any page of a list would do.
const list = buildTools(bundledSpecForTests()).find((tool) => tool.name === 'partner_links_list')!;
/** The owner of the spec's example (the sandbox seeds it). */
const owner = String(exampleArguments(list)[list.pathParameters[0]!]);

let root: string;
let bin: string;
let sandbox: Sandbox & { lines: string[] };
let env: Record<string, string>;
const started: Started[] = [];

beforeAll(async () => {
  // Its own build laid out as the package is (package.json beside dist/, the spec bundled into
  // dist/openapi.json), inside the repository so that node_modules resolve.
  mkdirSync('test-results', { recursive: true });
  root = mkdtempSync(join('test-results', 'mcp-build-'));
  await promisify(execFile)(process.execPath, [
    'node_modules/typescript/bin/tsc',
    '-p',
    'tsconfig.build.json',
    '--outDir',
    join(root, 'dist'),
    '--declaration',
    'false',
    '--declarationMap',
    'false',
    '--sourceMap',
    'false',
  ]);
  writeFileSync(join(root, 'dist/openapi.json'), inject('mcpSpec'));
  copyFileSync('package.json', join(root, 'package.json'));
  bin = resolve(root, 'dist/cli.js');
  sandbox = await countingSandbox();
  env = { PATH: process.env['PATH'] ?? '', PARTNERO_API_KEY: API_KEY, PARTNERO_BASE_URL: sandbox.url };
}, 120_000);

afterAll(async () => {
  for (const child of started) if (child.child.exitCode === null) child.child.kill('SIGKILL');
  await Promise.all(started.map((child) => child.exited));
  await sandbox?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The SDK's Client over a transport; closed by the caller. */
async function clientOver(transport: StdioClientTransport | StreamableHTTPClientTransport): Promise<Client> {
  const client = new Client({ name: 'partnero-transport-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

describe('stdio', { timeout: 180_000 }, () => {
  it('the SDK’s Client starts `partnero mcp`, lists the tools, calls one; closing stdin stops it with exit 0', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp'], env, stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const client = await clientOver(transport);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(readNames);
    const result = (await client.callTool({ name: list.name, arguments: { id: owner } })) as CallToolResult;
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(matchesSpec(list.row, result.structuredContent)).toBe(true);
    const pid = transport.pid!;
    await client.close();
    await expect.poll(() => { try { process.kill(pid, 0); return true; } catch { return false; } }, { timeout: 10_000 }).toBe(false);
    expect(stderr).toMatch(new RegExp(`^partnero mcp: serving ${readNames.length} tools \\(read-only\\) over stdio\\n$`));
    expect(stderr + JSON.stringify(result)).not.toContain(API_KEY);
  });
});

describe('Streamable HTTP on 127.0.0.1', { timeout: 180_000 }, () => {
  it('--http --port 0 prints the URL; the SDK’s Client lists and calls; other methods, paths and hosts are refused; Ctrl-C stops it', async () => {
    const server = startNode(bin, ['mcp', '--http', '--port', '0', '--allow-writes'], env);
    started.push(server);
    const [, url] = (await server.waitFor(/at (http:\/\/127\.0\.0\.1:\d+\/mcp)\n/)) as unknown as [string, string];
    const client = await clientOver(new StreamableHTTPClientTransport(new URL(url)));
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(expectedTools.filter((tool) => kindOfRow(tool.row) !== 'delete').map((tool) => tool.name));
    const result = (await client.callTool({ name: list.name, arguments: { id: owner } })) as CallToolResult;
    expect(matchesSpec(list.row, result.structuredContent)).toBe(true);
    await client.close();
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(new URL('/other', url), { method: 'POST' })).status).toBe(404);
    // A page of another site reaching 127.0.0.1 by DNS rebinding comes with its own Host and Origin.
    const rebound = await fetch(url, { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(rebound.status).toBe(403);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(new RegExp(`^partnero mcp: serving ${tools.length} tools \\(reads and writes, no deletes\\) at http://127\\.0\\.0\\.1:\\d+/mcp\\n$`));
  });
});

describe('with a client no one here wrote: @modelcontextprotocol/inspector-cli', { timeout: 240_000 }, () => {
  // The inspector reads its own package.json by a path relative to the working directory
  // (`../package.json`), so it runs from a directory whose parent has one: the build's dist/.
  const inspector = (args: string[]): Promise<{ code: number; output: string }> =>
    new Promise((done) => {
      execFile(process.execPath, [INSPECTOR, ...args], { cwd: join(root, 'dist'), env, timeout: 120_000 }, (error, stdout, stderr) => {
        done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
      });
    });

  it('over stdio: lists the tools and calls partner_links_list against the sandbox', async () => {
    {
      const listed = await inspector([process.execPath, bin, 'mcp', '--method', 'tools/list']);
      expect(listed.code, listed.output).toBe(0);
      const names = (JSON.parse(listed.output.slice(listed.output.indexOf('{'))) as { tools: { name: string; annotations: object }[] }).tools.map((tool) => tool.name);
      expect(names).toEqual(readNames);
      const before = sandbox.lines.length;
      const called = await inspector([process.execPath, bin, 'mcp', '--method', 'tools/call', '--tool-name', list.name, '--tool-arg', `id=${owner}`, 'limit=1']);
      expect(called.code, called.output).toBe(0);
      const result = JSON.parse(called.output.slice(called.output.indexOf('{'))) as CallToolResult;
      expect(matchesSpec(list.row, result.structuredContent)).toBe(true);
      expect((result.structuredContent as { data: unknown[] }).data).toHaveLength(1);
      expect(sandbox.lines.slice(before)).toEqual([`GET ${list.row.path.replace('{id}', owner)}?limit=1 -> 200`]);
      expect(listed.output + called.output).not.toContain(API_KEY);
    }
  });

  it('over Streamable HTTP: the same', async () => {
    const server = startNode(bin, ['mcp', '--http', '--port', '0'], env);
    started.push(server);
    const [, url] = (await server.waitFor(/at (http:\/\/127\.0\.0\.1:\d+\/mcp)\n/)) as unknown as [string, string];
    try {
      const listed = await inspector([url, '--transport', 'http', '--method', 'tools/list']);
      expect(listed.code, listed.output).toBe(0);
      expect((JSON.parse(listed.output.slice(listed.output.indexOf('{'))) as { tools: { name: string }[] }).tools.map((tool) => tool.name)).toEqual(readNames);
      const called = await inspector([url, '--transport', 'http', '--method', 'tools/call', '--tool-name', list.name, '--tool-arg', `id=${owner}`]);
      expect(called.code, called.output).toBe(0);
      expect(matchesSpec(list.row, (JSON.parse(called.output.slice(called.output.indexOf('{'))) as CallToolResult).structuredContent)).toBe(true);
    } finally {
      server.child.kill('SIGINT');
      expect(await server.exited).toBe(0);
    }
  });
});

describe('installed without the SDK', { timeout: 120_000 }, () => {
  it('the plain CLI works, and `partnero mcp` says in one line which package to install', async () => {
    // A project outside the repository: the package's dist/ and package.json, openapi-fetch, no SDK.
    const app = mkdtempSync(join(tmpdir(), 'partnero-no-sdk-'));
    try {
      const pkg = join(app, 'node_modules/partnero-client');
      mkdirSync(pkg, { recursive: true });
      cpSync(join(root, 'dist'), join(pkg, 'dist'), { recursive: true });
      copyFileSync('package.json', join(pkg, 'package.json'));
      symlinkSync(resolve('node_modules/openapi-fetch'), join(app, 'node_modules/openapi-fetch'), 'dir');
      const cli = join(pkg, 'dist/cli.js');
      const plain = await runNode(cli, ['partner-links', 'list', owner, '--json', '--limit', '1'], env);
      expect(plain.code, plain.output).toBe(0);
      const mcp = await runNode(cli, ['mcp'], env);
      expect(mcp).toEqual({
        code: 2,
        output: 'partnero mcp: the MCP server needs the package @modelcontextprotocol/sdk, which is not installed: npm install @modelcontextprotocol/sdk@^1.32.2\n',
      });
      const help = await runNode(cli, ['mcp', '--help'], env);
      expect(help.code).toBe(0);
      for (const flag of ['--http', '--port N', '--allow-writes', '--allow-deletes', '--audit-log FILE', '--base-url URL', 'PARTNERO_API_KEY', 'dry_run', 'confirm', 'max_items']) {
        expect(help.output).toContain(flag);
      }
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});
