// The audit log fails closed (issue 24 §11, §14): a write's intent is on disk before its request
// leaves, a write whose line cannot be written is not sent, every field of a line is redacted,
// and a stop lets writes in flight finish (bounded) and records them (§12).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueAt } from '../../src/internal/json.js';
import type { McpTool } from '../../src/mcp/tools.js';
import { bundledSpecForTests, countingSandbox, exampleArguments, exampleBody, Sessions, textOf, type Sandbox } from './support.js';

const API_KEY = 'mcp-audit-key-9b2e'; // Must reach no agent and no audit line.
const sessions = new Sessions(API_KEY, bundledSpecForTests);
let sandbox: Sandbox & { lines: string[] };
let tmp: string;

beforeAll(async () => {
  sandbox = await countingSandbox(API_KEY);
  tmp = mkdtempSync(join(tmpdir(), 'partnero-mcp-audit-'));
});

afterAll(async () => {
  await sessions.closeAll();
  await sandbox?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const linesOf = (path: string): Record<string, unknown>[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Arguments for a call of each write tool (a create, an update, a delete) on the link `key`. */
function writeCalls(tools: readonly McpTool[], key: string): [McpTool, Record<string, unknown>][] {
  const create = tools.find((t) => t.row.create)!;
  const update = tools.find((t) => t.kind === 'write' && t.resource === create.resource && !t.row.create)!;
  const remove = tools.find((t) => t.kind === 'delete' && t.resource === create.resource)!;
  return [
    [create, { ...exampleBody(create), key }],
    [update, { [update.pathParameters.at(-1)!]: key, key: `${key}-2` }],
    [remove, { [remove.confirms!]: `${key}-2`, confirm: `${key}-2` }],
  ];
}

describe('§11: a write the audit log cannot record is not sent', () => {
  it('--audit-log /dev/full: every write tool answers an error naming the log, and nothing reaches the API', async () => {
    const logged: string[] = [];
    const writer = await sessions.open({ baseUrl: sandbox.url, allowWrites: true, allowDeletes: true, auditLog: '/dev/full', log: (line) => logged.push(line) });
    const links = sandbox.state.links.length;
    const before = sandbox.lines.length;
    for (const [tool, args] of writeCalls(writer.mcp.tools, 'mcp-full')) {
      for (const dryRun of [false, true]) {
        const result = await writer.call(tool.name, { ...args, ...(dryRun ? { dry_run: true } : {}) });
        expect(result.isError, `${tool.name}${dryRun ? ' (dry run)' : ''}`).toBe(true);
        expect(textOf(result)).toMatch(/^The call was refused: the audit log \/dev\/full cannot be written \([^)]*ENOSPC[^)]*\), and this server sends no write it cannot record\. Nothing was sent\.$/);
      }
    }
    expect(sandbox.lines.length).toBe(before);
    expect(sandbox.state.links).toHaveLength(links);
    // The operator is told too (on stderr, for `partnero mcp`).
    expect(logged[0]).toMatch(/^the audit log \/dev\/full cannot be written/);
    // Reads are not audited, and still work.
    const read = writer.mcp.listed.find((t) => t.kind === 'read' && !t.walk)!;
    const answer = await writer.call(read.name, exampleArguments(read));
    expect(answer.isError, textOf(answer)).toBeFalsy();
  });

  it('the intent line of a write is on disk when its request reaches the API, and its outcome line follows', async () => {
    const log = join(tmp, 'intent.jsonl');
    const seen: Record<string, unknown>[][] = [];
    // A fetch that reads the log at the moment each request leaves.
    const fetch = (request: Request): Promise<Response> => {
      seen.push(linesOf(log));
      return globalThis.fetch(request);
    };
    const writer = await sessions.open({ baseUrl: sandbox.url, allowWrites: true, allowDeletes: true, auditLog: log, fetch });
    for (const [tool, args] of writeCalls(writer.mcp.tools, 'mcp-intent')) {
      seen.length = 0;
      const result = await writer.call(tool.name, args);
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(seen.length).toBeGreaterThan(0);
      const intent = seen[0]!.at(-1)!;
      expect(intent).toMatchObject({ tool: tool.name, arguments: args, outcome: 'sending' });
      const outcome = linesOf(log).at(-1)!;
      expect(outcome).toMatchObject({ tool: tool.name, call: intent['call'], outcome: 'done' });
      expect(outcome['call']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('§14: every field of an audit line is redacted', () => {
  it('a server that echoes the key as the link id: link_id is [REDACTED], the key is nowhere in the log', async () => {
    const log = join(tmp, 'echo.jsonl');
    // The sandbox's answers, with the id of what a write answers replaced by the key.
    const fetch = async (request: Request): Promise<Response> => {
      const response = await globalThis.fetch(request);
      if (request.method === 'GET' || !response.ok) return response;
      const body = (await response.json()) as Record<string, unknown>;
      const data = body['data'];
      if (data && typeof data === 'object') (data as Record<string, unknown>)['id'] = API_KEY;
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const writer = await sessions.open({ baseUrl: sandbox.url, allowWrites: true, auditLog: log, fetch });
    const [[create, args]] = writeCalls(writer.mcp.tools, 'mcp-echo') as [[McpTool, Record<string, unknown>]];
    const result = await writer.call(create.name, args);
    expect(result.isError, textOf(result)).toBeFalsy();
    expect((valueAt(result.structuredContent, create.row.create!.result) as { id: string }).id).toBe('[REDACTED]');
    const text = readFileSync(log, 'utf8');
    expect(text).not.toContain(API_KEY);
    expect(linesOf(log).at(-1)).toMatchObject({ tool: create.name, outcome: 'done', link_id: '[REDACTED]' });
  });
});

describe('§12: a stop lets the writes in flight finish, bounded, and records them', () => {
  it('stop(): later calls are refused with nothing sent; a write in flight finishes and is recorded before its answer', async () => {
    const log = join(tmp, 'stop.jsonl');
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let requests = 0;
    // Holds the first request until the test lets it go.
    const fetch = async (request: Request): Promise<Response> => {
      requests += 1;
      if (requests === 1) await held;
      return globalThis.fetch(request);
    };
    const writer = await sessions.open({ baseUrl: sandbox.url, allowWrites: true, allowDeletes: true, auditLog: log, fetch });
    const [[create, args], [update, renamed]] = writeCalls(writer.mcp.tools, 'mcp-stop') as [[McpTool, Record<string, unknown>], [McpTool, Record<string, unknown>]];
    const inFlight = writer.mcp.callTool(create.name, args);
    await expect.poll(() => requests).toBe(1);
    const stopped = writer.mcp.stop(60_000);
    const refused = await writer.mcp.callTool(update.name, renamed);
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toBe(`${update.name} was refused: this server is stopping. Nothing was sent.`);
    expect(requests).toBe(1);
    let done = false;
    void stopped.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    release();
    const answer = await inFlight;
    // When the answer exists, its outcome line is already on disk.
    const lines = linesOf(log);
    expect(answer.isError, textOf(answer)).toBeFalsy();
    expect(lines.filter((line) => line['tool'] === create.name).map((line) => line['outcome'])).toEqual(['sending', 'done']);
    expect(lines.find((line) => line['tool'] === update.name)).toMatchObject({ outcome: 'refused' });
    await stopped;
    expect(sandbox.state.links.some((link) => link.key === 'mcp-stop')).toBe(true);
  });

  it('a write still in flight when the grace is over is aborted, and its outcome recorded', async () => {
    const log = join(tmp, 'late.jsonl');
    // Never answers; gives up when aborted.
    const fetch = (request: Request): Promise<Response> =>
      new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }));
    const writer = await sessions.open({ baseUrl: sandbox.url, allowWrites: true, auditLog: log, fetch, maxRetries: 0 });
    const [[create, args]] = writeCalls(writer.mcp.tools, 'mcp-late') as [[McpTool, Record<string, unknown>]];
    const inFlight = writer.mcp.callTool(create.name, args);
    await expect.poll(() => linesOf(log).length).toBe(1);
    const started = performance.now();
    await writer.mcp.stop(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    const answer = await inFlight;
    expect(answer.isError).toBe(true);
    const lines = linesOf(log);
    expect(lines.map((line) => line['outcome'])).toEqual(['sending', 'error']);
    expect(lines[1]!['error']).toBe(textOf(answer));
  });
});
