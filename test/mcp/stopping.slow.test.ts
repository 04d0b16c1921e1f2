// How `partnero mcp` (the built executable, over stdio) stops while a write is in flight
// (issue 24 §12, §13): on SIGTERM (what MCP hosts send; the SDK client's close() sends it 2 s
// after closing stdin) and when stdin ends, the write finishes, its outcome is on disk, its
// answer is sent, later calls are refused with nothing sent, and the process exits 0.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { buildTools } from '../../src/mcp/tools.js';
import { bundledSpecForTests, countingSandbox, exampleBody, type Sandbox } from './support.js';

const API_KEY = 'mcp-stopping-key-71d0'; // Must reach no output.
const SLOW_MS = 1_500;
const create = buildTools(bundledSpecForTests()).find((tool) => tool.row.create)!;

let sandbox: Sandbox & { lines: string[] };
let tmp: string;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  // Every answer takes 1.5 s: a write is in flight long enough to stop the server under it.
  sandbox = await countingSandbox(API_KEY, `slow=${SLOW_MS}`);
  tmp = mkdtempSync(join(tmpdir(), 'partnero-mcp-stopping-'));
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

afterAll(async () => {
  await sandbox?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** `partnero mcp --allow-writes --audit-log <log>` as an agent's host starts it, spoken to in JSON-RPC lines. */
function startServer(log: string, flags: string[] = []) {
  const child = spawn(process.execPath, [join(inject('dist'), 'cli.js'), 'mcp', '--allow-writes', '--audit-log', log, ...flags], {
    env: { PATH: process.env['PATH'] ?? '', PARTNERO_API_KEY: API_KEY, PARTNERO_BASE_URL: sandbox.url },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const send = (message: Record<string, unknown>): void => void child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  const answers = (): Record<string, unknown>[] =>
    stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const answerTo = (id: number): Record<string, unknown> | undefined => answers().find((message) => message['id'] === id);
  const audit = (): Record<string, unknown>[] =>
    existsSync(log)
      ? readFileSync(log, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>)
      : [];
  send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'partnero-stopping-test', version: '1.0.0' } } });
  send({ method: 'notifications/initialized' });
  const call = (id: number, key: string): void => send({ id, method: 'tools/call', params: { name: create.name, arguments: { ...exampleBody(create), key } } });
  return { child, exited, send, call, answerTo, audit, output: () => stdout + stderr };
}

describe('stopping with a write in flight', { timeout: 60_000 }, () => {
  it('SIGTERM: the write finishes and is recorded, then answered; a later call is refused, nothing sent; exit 0', async () => {
    const server = startServer(join(tmp, 'sigterm.jsonl'));
    server.call(2, 'mcp-sigterm');
    // The intent line is on disk: the request is on its way (and held by the sandbox for 1.5 s).
    await expect.poll(() => server.audit().map((line) => line['outcome']), { timeout: 20_000 }).toEqual(['sending']);
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.call(3, 'mcp-sigterm-late');
    expect(await server.exited).toBe(0);
    expect(server.answerTo(2)).toMatchObject({ result: { structuredContent: { data: { key: 'mcp-sigterm' } } } });
    expect(server.answerTo(2)!['result']).not.toHaveProperty('isError', true);
    expect(server.answerTo(3)).toMatchObject({ result: { isError: true, content: [{ text: `${create.name} was refused: this server is stopping. Nothing was sent.` }] } });
    expect(server.audit().map((line) => [line['arguments'] && (line['arguments'] as { key: string }).key, line['outcome']])).toEqual([
      ['mcp-sigterm', 'sending'],
      ['mcp-sigterm-late', 'refused'],
      ['mcp-sigterm', 'done'],
    ]);
    expect(sandbox.state.links.filter((link) => link.key === 'mcp-sigterm')).toHaveLength(1);
    expect(sandbox.state.links.some((link) => link.key === 'mcp-sigterm-late')).toBe(false);
    expect(server.output()).not.toContain(API_KEY);
  });

  it('stdin ends: the write finishes, is recorded, and its answer is sent before the exit (0)', async () => {
    const server = startServer(join(tmp, 'stdin.jsonl'));
    server.call(2, 'mcp-stdin-end');
    await expect.poll(() => server.audit().map((line) => line['outcome']), { timeout: 20_000 }).toEqual(['sending']);
    server.child.stdin.end();
    expect(await server.exited).toBe(0);
    expect(server.answerTo(2)).toMatchObject({ result: { structuredContent: { data: { key: 'mcp-stdin-end' } } } });
    expect(server.audit().map((line) => line['outcome'])).toEqual(['sending', 'done']);
    expect(sandbox.state.links.filter((link) => link.key === 'mcp-stdin-end')).toHaveLength(1);
  });

  it('over HTTP, SIGTERM: the write in flight finishes, is recorded and answered; exit 0', async () => {
    const server = startServer(join(tmp, 'http.jsonl'), ['--http', '--port', '0']);
    await expect.poll(() => /at (http:\/\/127\.0\.0\.1:\d+\/mcp)\n/.exec(server.output())?.[1], { timeout: 20_000 }).toBeTruthy();
    const url = /at (http:\/\/127\.0\.0\.1:\d+\/mcp)\n/.exec(server.output())![1]!;
    const client = new Client({ name: 'partnero-stopping-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    const answer = client.callTool({ name: create.name, arguments: { ...exampleBody(create), key: 'mcp-http-sigterm' } }) as Promise<CallToolResult>;
    await expect.poll(() => server.audit().map((line) => line['outcome']), { timeout: 20_000 }).toEqual(['sending']);
    server.child.kill('SIGTERM');
    const result = await answer;
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ data: { key: 'mcp-http-sigterm' } });
    expect(await server.exited).toBe(0);
    expect(server.audit().map((line) => line['outcome'])).toEqual(['sending', 'done']);
    expect(sandbox.state.links.filter((link) => link.key === 'mcp-http-sigterm')).toHaveLength(1);
    await client.close();
  });
});
