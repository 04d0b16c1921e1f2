// The MCP server with the SDK's own Client (in memory) against the sandbox: every read tool's
// structuredContent against the spec's schema, bounded walks, argument errors, and the safety
// rules enforced by the server (tools not allowed, dry_run, confirm, the audit log, exactly-once
// creates, the key in nothing the agent sees), for every tool of each kind. Expectations come
// from the generated table and the bundled spec, so an added operation is tested without
// editing this file. (server.test.ts is the fast sample of the same.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueAt } from '../../src/internal/json.js';
import { DEFAULT_MAX_ITEMS, MAX_ITEMS, type McpTool } from '../../src/mcp/tools.js';
import { json, startServer } from '../support/http-server.js';
import {
  bundledSpecForTests,
  countingSandbox,
  exampleArguments,
  exampleBody,
  matchesSpec,
  Sessions,
  textOf,
  type Sandbox,
  type Session,
} from './support.js';

const API_KEY = 'mcp-test-key-5f1c9e0b'; // Must reach no agent.
const sessions = new Sessions(API_KEY, bundledSpecForTests);
let sandbox: Sandbox & { lines: string[] };
let tmp: string;

beforeAll(async () => {
  sandbox = await countingSandbox(API_KEY);
  tmp = mkdtempSync(join(tmpdir(), 'partnero-mcp-test-'));
});

afterAll(async () => {
  await sessions.closeAll();
  await sandbox?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function session(flags: { allowWrites?: boolean; allowDeletes?: boolean; auditLog?: string } = {}, baseUrl = sandbox.url, extra: { maxRetries?: number } = {}): Promise<Session> {
  return sessions.open({ baseUrl, ...flags, ...extra });
}

describe('read tools against the sandbox', () => {
  let writer: Session;
  beforeAll(async () => {
    // Links with the spec's example keys, so that every example id finds one (a key the sandbox seeded answers 422: there already).
    writer = await session({ allowWrites: true });
    for (const tool of writer.mcp.tools.filter((t) => t.row.create)) await writer.call(tool.name, exampleBody(tool));
  });

  it('each answers structuredContent that the spec’s schema accepts', async () => {
    for (const tool of writer.mcp.listed.filter((t) => t.kind === 'read')) {
      const result = await writer.call(tool.name, exampleArguments(tool));
      expect(result.isError, `${tool.name}: ${textOf(result)}`).toBeFalsy();
      if (!tool.walk) {
        expect(matchesSpec(tool.row, result.structuredContent), tool.name).toBe(true);
        expect(JSON.parse(textOf(result))).toEqual(result.structuredContent);
        continue;
      }
      // A walk: its items, put in a page of the operation, are what the spec's page schema accepts.
      const pageTool = writer.mcp.tools.find((t) => t.operationId === tool.operationId && !t.walk)!;
      const page = (await writer.call(pageTool.name, exampleArguments(pageTool))).structuredContent as Record<string, unknown>;
      const { items, count, truncated } = result.structuredContent as { items: unknown[]; count: number; truncated: boolean };
      expect(count).toBe(items.length);
      expect(truncated).toBe(false);
      const tokens = tool.row.pagination!.items;
      const parent = valueAt(page, tokens.slice(0, -1)) as Record<string, unknown>;
      parent[tokens.at(-1)!] = items;
      expect(matchesSpec(tool.row, page), tool.name).toBe(true);
    }
  });

  it('walks are bounded by max_items (default 250, at most 1000) and say when more were left', async () => {
    for (const tool of writer.mcp.listed.filter((t) => t.walk)) {
      const args = exampleArguments(tool);
      const all = (await writer.call(tool.name, { ...args, max_items: MAX_ITEMS })).structuredContent as { items: unknown[]; truncated: boolean };
      expect(all.truncated).toBe(false);
      const byDefault = (await writer.call(tool.name, args)).structuredContent as { items: unknown[] };
      expect(byDefault.items).toEqual(all.items.slice(0, DEFAULT_MAX_ITEMS));
      if (all.items.length > 1) {
        const bounded = (await writer.call(tool.name, { ...args, max_items: all.items.length - 1 })).structuredContent as { items: unknown[]; truncated: boolean };
        expect(bounded).toMatchObject({ truncated: true, count: all.items.length - 1 });
        expect(bounded.items).toEqual(all.items.slice(0, -1));
      }
      const before = sandbox.lines.length;
      const tooMany = await writer.call(tool.name, { ...args, max_items: MAX_ITEMS + 1 });
      expect(tooMany.isError).toBe(true);
      expect(textOf(tooMany)).toContain(`max_items must be an integer from 1 to ${MAX_ITEMS}, got ${MAX_ITEMS + 1}`);
      expect(sandbox.lines.length).toBe(before);
    }
  });

  it('a bad argument is a tool error naming the field, with nothing sent', async () => {
    const list = writer.mcp.listed.find((t) => t.row.pagination && !t.walk)!;
    const limit = list.row.pagination!.limit;
    const maximum = list.row.parameters[limit]!.maximum!;
    const before = sandbox.lines.length;
    const tooLarge = await writer.call(list.name, { ...exampleArguments(list), [limit]: maximum + 1 });
    expect(tooLarge.isError).toBe(true);
    expect(textOf(tooLarge)).toContain(`Invalid argument ${limit}: ${list.operationId}: ${limit} must be an integer from`);
    const unknown = await writer.call(list.name, { ...exampleArguments(list), limt: 5 });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain('unknown argument "limt"');
    const create = writer.mcp.listed.find((t) => t.row.create)!;
    const owner = create.row.create!.owner.id[0]![0]!; // the owner's field: `partner`
    const body = await writer.call(create.name, { ...exampleBody(create), [owner]: {} });
    expect(body.isError).toBe(true);
    expect(textOf(body)).toMatch(new RegExp(`^Invalid argument ${owner}: ${create.operationId}: ${owner} must be`));
    expect(sandbox.lines.length).toBe(before);
  });
});

describe('safety, enforced by the server', () => {
  it('a tool that is not allowed is refused if called anyway, with nothing sent', async () => {
    const readOnly = await session();
    const before = sandbox.lines.length;
    for (const tool of readOnly.mcp.tools.filter((t) => t.kind !== 'read')) {
      const result = await readOnly.call(tool.name, exampleBody(tool));
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(new RegExp(`^${tool.name} is not allowed on this server: it was started without --allow-writes`));
    }
    const writer = await session({ allowWrites: true });
    const remove = writer.mcp.tools.find((t) => t.kind === 'delete')!;
    const result = await writer.call(remove.name, { [remove.confirms!]: 'x', confirm: 'x' });
    expect(textOf(result)).toContain('started without --allow-deletes');
    expect(sandbox.lines.length).toBe(before);
  });

  it('dry_run answers the exact request after the client’s checks and sends nothing', async () => {
    const writer = await session({ allowWrites: true, allowDeletes: true });
    for (const tool of writer.mcp.listed.filter((t) => t.kind !== 'read')) {
      const args = { ...exampleBody(tool), ...Object.fromEntries(tool.pathParameters.map((p) => [p, `dry-${p}`])) };
      if (tool.confirms) args['confirm'] = args[tool.confirms];
      const before = sandbox.lines.length;
      const result = await writer.call(tool.name, { ...args, dry_run: true });
      expect(sandbox.lines.length, tool.name).toBe(before);
      expect(result.isError, textOf(result)).toBeFalsy();
      const { request } = result.structuredContent as { request: { method: string; url: string; headers: Record<string, string>; body?: unknown } };
      expect(request.method).toBe(tool.row.method);
      expect(request.url).toBe(sandbox.url + tool.row.path.replace(/\{(\w+)\}/g, (_, name: string) => String(args[name])));
      expect(request.headers['authorization']).toBe('Bearer [REDACTED]');
      if (tool.row.body) {
        const { confirm: _c, ...rest } = args;
        const body = Object.fromEntries(Object.entries(rest).filter(([name]) => !tool.pathParameters.includes(name)));
        expect(request.body).toEqual(body);
      }
      // The client's checks come first: a bad body is refused as ever.
      if (tool.row.create) {
        const owner = tool.row.create.owner.id[0]![0]!;
        const bad = await writer.call(tool.name, { ...args, [owner]: {}, dry_run: true });
        expect(textOf(bad)).toMatch(new RegExp(`^Invalid argument ${owner}:`));
      }
      expect(sandbox.lines.length).toBe(before);
    }
  });

  it('a delete needs confirm equal to the id: otherwise nothing is sent; with it, the link is gone', async () => {
    const writer = await session({ allowWrites: true, allowDeletes: true });
    for (const remove of writer.mcp.listed.filter((t) => t.kind === 'delete')) {
      const create = writer.mcp.listed.find((t) => t.row.create && t.resource === remove.resource)!;
      const key = `mcp-delete-${remove.resource}`;
      const created = await writer.call(create.name, { ...exampleBody(create), key });
      expect(created.isError, textOf(created)).toBeFalsy();
      const id = (valueAt(created.structuredContent, create.row.create!.result) as { id: string }).id;
      const before = sandbox.lines.length;
      for (const confirm of [undefined, `${id}x`, id.toUpperCase() === id ? 'other' : id.toUpperCase()]) {
        const refused = await writer.call(remove.name, { [remove.confirms!]: id, ...(confirm === undefined ? {} : { confirm }) });
        expect(refused.isError).toBe(true);
        expect(textOf(refused)).toMatch(/^confirm must equal id \("[^"]+"\), got .*: the delete was refused and nothing was sent$/);
      }
      expect(sandbox.lines.length).toBe(before);
      expect(sandbox.state.links.some((link) => link.id === id)).toBe(true);
      const done = await writer.call(remove.name, { [remove.confirms!]: id, confirm: id });
      expect(done.isError, textOf(done)).toBeFalsy();
      expect(sandbox.state.links.some((link) => link.id === id)).toBe(false);
    }
  });

  it('a create that the server stored and then cut the connection on gives one link (through MCP)', async () => {
    const dropping = await countingSandbox(API_KEY, 'drop-after-create');
    try {
      const log = join(tmp, 'drop.jsonl');
      const writer = await session({ allowWrites: true, auditLog: log }, dropping.url);
      for (const create of writer.mcp.listed.filter((t) => t.row.create)) {
        const key = `mcp-once-${create.resource}`;
        const result = await writer.call(create.name, { ...exampleBody(create), key });
        expect(result.isError, textOf(result)).toBeFalsy();
        expect((valueAt(result.structuredContent, create.row.create!.result) as { key: string }).key).toBe(key);
        expect(dropping.state.links.filter((link) => link.key === key)).toHaveLength(1);
        expect(dropping.lines.filter((line) => line.startsWith('POST ') && line.includes('stored, connection dropped'))).toHaveLength(1);
        expect(dropping.lines.filter((line) => line.startsWith('POST '))).toHaveLength(1);
        dropping.lines.length = 0;
        const audit = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
        // The client's outcome (interface C): the attempt failed ambiguously and the link was found.
        expect(audit.at(-1)).toMatchObject({ tool: create.name, outcome: 'recovered', link_id: key });
      }
    } finally {
      await dropping.close();
    }
  });

  it('the audit log holds every write, on disk before the answer comes', async () => {
    const log = join(tmp, 'audit.jsonl');
    const writer = await session({ allowWrites: true, allowDeletes: true, auditLog: log });
    const lines = (): Record<string, unknown>[] =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    const create = writer.mcp.listed.find((t) => t.row.create)!;
    const update = writer.mcp.listed.find((t) => t.kind === 'write' && t.resource === create.resource && !t.row.create)!;
    const remove = writer.mcp.listed.find((t) => t.kind === 'delete' && t.resource === create.resource)!;
    const read = writer.mcp.listed.find((t) => t.kind === 'read' && !t.walk)!;
    const key = 'mcp-audited';
    const renamed = 'mcp-audited-2';
    const id = update.pathParameters.at(-1)!;
    const calls: [McpTool, Record<string, unknown>, string, string | null][] = [
      [create, { ...exampleBody(create), key }, 'done', key],
      [create, { ...exampleBody(create), key, dry_run: true }, 'dry_run', null],
      [read, exampleArguments(read), '', null],
      [update, { [id]: key, key: renamed }, 'done', renamed],
      [remove, { [remove.confirms!]: renamed, confirm: key }, 'refused', renamed],
      [remove, { [remove.confirms!]: renamed, confirm: renamed }, 'done', renamed],
      [remove, { [remove.confirms!]: renamed, confirm: renamed }, 'error', renamed],
    ];
    let count = 0;
    for (const [tool, args, outcome, linkId] of calls) {
      await writer.call(tool.name, args);
      if (tool.kind === 'read') {
        expect(lines()).toHaveLength(count);
        continue;
      }
      // A call that sends its request has two lines, its intent (written before sending) and its outcome; one that sends nothing has one.
      const sent = outcome !== 'refused' && outcome !== 'dry_run';
      count += sent ? 2 : 1;
      const written = lines();
      expect(written).toHaveLength(count);
      expect(written.at(-1)).toMatchObject({ tool: tool.name, arguments: args, outcome, link_id: linkId });
      if (sent) expect(written.at(-2)).toMatchObject({ tool: tool.name, arguments: args, outcome: 'sending', call: written.at(-1)!['call'] });
      expect(Date.parse(written.at(-1)!['time'] as string)).not.toBeNaN();
    }
    expect(lines().at(-1)!['error']).toMatch(/NotFoundError \(HTTP 404\)/);
  });

  it('a create retried after a lost answer: a key taken is an error, unless if_exists is "return" (then that link, outcome existing)', async () => {
    const log = join(tmp, 'existing.jsonl');
    const writer = await session({ allowWrites: true, auditLog: log });
    for (const create of writer.mcp.listed.filter((t) => t.row.create)) {
      const args = { ...exampleBody(create), key: `mcp-twice-${create.resource}` };
      const first = await writer.call(create.name, args);
      expect(first.isError, textOf(first)).toBeFalsy();
      const again = await writer.call(create.name, args);
      expect(again.isError).toBe(true);
      expect(textOf(again)).toMatch(/^UnprocessableEntityError \(HTTP 422\): [^\n]*\nfield errors: \{"key":/);
      const returned = await writer.call(create.name, { ...args, if_exists: 'return' });
      expect(returned.isError, textOf(returned)).toBeFalsy();
      expect(returned.structuredContent).toEqual(first.structuredContent);
      expect(sandbox.state.links.filter((link) => link.key === args.key)).toHaveLength(1);
      const bad = await writer.call(create.name, { ...args, if_exists: 'yes' });
      expect(textOf(bad)).toContain('if_exists must be "error" or "return", got "yes"');
      const outcomes = readFileSync(log, 'utf8').trim().split('\n').slice(-7).map((line) => (JSON.parse(line) as { outcome: string }).outcome);
      expect(outcomes).toEqual(['sending', 'done', 'sending', 'error', 'sending', 'existing', 'refused']);
    }
  });

  it('timeouts and retries are the client’s, as configured', async () => {
    const failing = await countingSandbox(API_KEY, '503');
    const slow = await countingSandbox(API_KEY, 'slow=1500');
    try {
      const read = (await session({}, failing.url)).mcp.listed.find((t) => t.kind === 'read' && !t.walk)!;
      for (const maxRetries of [0, 1]) {
        failing.lines.length = 0;
        const result = await (await session({}, failing.url, { maxRetries })).call(read.name, exampleArguments(read));
        expect(result.isError).toBe(true);
        expect(textOf(result)).toMatch(/^InternalServerError \(HTTP 503\): /);
        expect(failing.lines).toHaveLength(maxRetries + 1);
      }
      const timedOut = await (await sessions.open({ baseUrl: slow.url, maxRetries: 0, timeoutMs: 200 })).call(read.name, exampleArguments(read));
      expect(timedOut.isError).toBe(true);
      expect(textOf(timedOut)).toMatch(/^ConnectionTimeoutError: .*200 ms/);
    } finally {
      await failing.close();
      await slow.close();
    }
  });

  it('the key is in no result or error, even from a server that echoes it', async () => {
    const echo = await startServer((req, res) => json(res, 422, { message: `bad token ${req.headers.authorization}`, errors: { key: [JSON.stringify(req.headers.authorization)] }, status: 0 }));
    try {
      const writer = await session({ allowWrites: true }, echo.url, { maxRetries: 0 });
      for (const tool of writer.mcp.listed.filter((t) => !t.walk)) {
        const result = await writer.call(tool.name, tool.kind === 'read' ? exampleArguments(tool) : { ...exampleBody(tool), ...Object.fromEntries(tool.pathParameters.map((p) => [p, 'x'])) });
        expect(result.isError, tool.name).toBe(true);
        expect(textOf(result)).toContain('[REDACTED]');
        expect(JSON.stringify(result)).not.toContain(API_KEY);
      }
      expect(echo.requests.length).toBeGreaterThan(0);
    } finally {
      await echo.close();
    }
  });
});

describe('packaging', () => {
  it('neither the main entry nor the plain CLI path holds any of the MCP server or the SDK', async () => {
    const { build } = await import('esbuild');
    for (const entry of ['src/index.ts', 'src/cli.ts']) {
      const result = await build({ entryPoints: [entry], bundle: true, write: false, splitting: true, format: 'esm', platform: 'node', outdir: join(tmp, 'bundle'), metafile: true, logLevel: 'silent' });
      const outputs = result.metafile.outputs;
      const main = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === entry)!;
      // The entry chunk and every chunk it imports statically: what loads before `partnero mcp` asks for more.
      const eager = new Set<string>();
      const visit = (name: string): void => {
        if (eager.has(name)) return;
        eager.add(name);
        for (const imported of outputs[name]!.imports) if (imported.kind === 'import-statement' && outputs[imported.path]) visit(imported.path);
      };
      visit(main);
      const inputs = [...eager].flatMap((name) => Object.keys(outputs[name]!.inputs));
      expect(inputs.length, entry).toBeGreaterThan(0);
      expect(inputs.filter((input) => input.includes('src/mcp/') || input.includes('@modelcontextprotocol')), entry).toEqual([]);
      const all = Object.values(outputs).flatMap((output) => Object.keys(output.inputs));
      expect(all.some((input) => input.includes('@modelcontextprotocol/sdk')), entry).toBe(entry === 'src/cli.ts');
    }
  });
});
