// Creates are never done twice (issue 8, section 3). Partnero has no idempotency keys, so after a
// failure that may have created the link the client looks its key up instead of sending again.
// Each scenario runs against a real node:http server on 127.0.0.1 that stores links, and ends
// with exactly one link or a clear error; the requests each one cost are asserted.
// The operations, their paths and the fields used come from the generated table.
import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CreateConflictError,
  InternalServerError,
  UncertainCreateError,
  UnprocessableEntityError,
  createPartneroClient,
} from '../../src/index.js';
import { operationTable, type OperationRow } from '../../src/resources.js';
import { json, link, startServer, type TestServer } from '../support/http-server.js';

// Every operation that creates with a lookup, with the operations it relies on.
const creates = Object.entries(operationTable).flatMap(([id, row]) => {
  if (!row.create) return [];
  const lookup = operationTable[row.create.lookup.operation]!;
  const owner = operationTable[row.create.owner.operation]!;
  return [{ id, row, lookup, owner }];
});

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

type Fault = 'none' | 'reset-after-store' | 'hang-after-store' | '503-before-store' | '429-once';

/** A store of links by key, each with its owner, behind the three operations of one create. */
async function linkServer(
  { row, lookup, owner }: (typeof creates)[number],
  faults: Fault[],
  seed: Record<string, string> = {},
): Promise<{ server: TestServer; links: Map<string, string>; requestLines: string[] }> {
  const links = new Map(Object.entries(seed)); // key -> owner id
  const requestLines: string[] = [];
  const ownerPath = new RegExp(`^${owner.path.replace(/\{[^}]+\}/, '([^/?]+)')}$`);
  const server = await startServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requestLines.push(`${req.method} ${url.pathname}`);
    if (req.method === row.method && url.pathname === row.path) {
      const body = JSON.parse(await text(req)) as Record<string, unknown>;
      const key = body[row.create!.match] as string;
      const ownerId = row.create!.owner.id.map((p) => valueAt(body, p)).find((v) => typeof v === 'string') ?? '?';
      const fault = faults.shift() ?? 'none';
      if (fault === '503-before-store') return json(res, 503, { message: 'Service Unavailable', status: 0 });
      if (fault === '429-once') return json(res, 429, { message: 'Too Many Attempts.', status: 0 }, { 'retry-after': '0' });
      if (links.has(key)) {
        return json(res, 422, { message: 'The key has already been taken.', errors: { key: ['The key has already been taken.'] }, status: 0 });
      }
      links.set(key, ownerId);
      if (fault === 'reset-after-store') return void req.socket.destroy();
      if (fault === 'hang-after-store') return; // Never answers.
      return json(res, 201, { data: { ...link(1), id: key, key }, status: 1 });
    }
    if (req.method === lookup.method && url.pathname === lookup.path) {
      const key = url.searchParams.get(row.create!.match);
      return json(res, 200, { data: key && links.has(key) ? [{ ...link(1), id: key, key }] : [], status: 1 });
    }
    const match = ownerPath.exec(url.pathname);
    if (req.method === owner.method && match) {
      const mine = [...links].filter(([, o]) => o === decodeURIComponent(match[1]!)).map(([key]) => ({ ...link(1), id: key, key }));
      return json(res, 200, { data: mine, status: 1 });
    }
    json(res, 404, { message: 'Not found.', status: 0 });
  });
  servers.push(server);
  return { server, links, requestLines };
}

function text(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
  });
}

function valueAt(value: unknown, tokens: readonly string[]): unknown {
  return tokens.reduce<unknown>((v, t) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[t] : undefined), value);
}

/** A body for `row` whose owner is given by the first of its owner pointers (`/partner/id`). */
function bodyFor(row: OperationRow, key: string, ownerId: string, by = row.create!.owner.id[0]!): Record<string, unknown> {
  const body: Record<string, unknown> = { [row.create!.match]: key };
  let target = body;
  by.forEach((token, i) => {
    if (i === by.length - 1) target[token] = ownerId;
    else target = (target[token] ??= {}) as Record<string, unknown>;
  });
  return body;
}

function call(server: TestServer, row: OperationRow, body: unknown, timeoutMs = 30_000) {
  const client = createPartneroClient({ apiKey: 'sk_test_0123456789', baseUrl: server.url, maxRetries: 2, timeoutMs }) as unknown as Record<
    string,
    Record<string, (body: unknown) => Promise<{ data: { key: string } }>>
  >;
  return client[row.resource]![row.name]!(body);
}

describe.each(creates)('$id', (create) => {
  const { row, lookup, owner } = create;
  const create_ = `${row.method} ${row.path}`;
  const search = `${lookup.method} ${lookup.path}`;
  const list = (id: string) => `${owner.method} ${owner.path.replace(/\{[^}]+\}/, id)}`;

  it('reset after the server stored the link: the lookup finds it under its owner, and it is returned (one link)', async () => {
    const { server, links, requestLines } = await linkServer(create, ['reset-after-store']);
    const result = await call(server, row, bodyFor(row, 'summer', 'owner_1'));
    expect(result.data.key).toBe('summer');
    expect([...links]).toEqual([['summer', 'owner_1']]);
    expect(requestLines).toEqual([create_, search, list('owner_1')]);
  });

  it('timeout after the server stored the link: the lookup finds it, and it is returned (one link)', async () => {
    const { server, links, requestLines } = await linkServer(create, ['hang-after-store']);
    const result = await call(server, row, bodyFor(row, 'summer', 'owner_1'), 300);
    expect(result.data.key).toBe('summer');
    expect([...links]).toEqual([['summer', 'owner_1']]);
    expect(requestLines).toEqual([create_, search, list('owner_1')]);
  });

  it('503 before the server stored the link: the lookup finds nothing, the create is sent again (one link)', async () => {
    const { server, links, requestLines } = await linkServer(create, ['503-before-store']);
    const result = await call(server, row, bodyFor(row, 'summer', 'owner_1'));
    expect(result.data.key).toBe('summer');
    expect([...links]).toEqual([['summer', 'owner_1']]);
    expect(requestLines).toEqual([create_, search, create_]);
  });

  it('422 "key taken" for a key another owner holds: UnprocessableEntityError after one request, nothing created', async () => {
    const { server, links, requestLines } = await linkServer(create, [], { summer: 'owner_2' });
    const error = await call(server, row, bodyFor(row, 'summer', 'owner_1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).fieldErrors).toEqual({ key: ['The key has already been taken.'] });
    expect([...links]).toEqual([['summer', 'owner_2']]);
    expect(requestLines).toEqual([create_]);
  });

  it("503, and the key turns out to be another owner's: CreateConflictError, nothing created", async () => {
    const { server, links, requestLines } = await linkServer(create, ['503-before-store'], { summer: 'owner_2' });
    const error = await call(server, row, bodyFor(row, 'summer', 'owner_1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CreateConflictError);
    expect((error as Error).message).toMatch(/"summer" belongs to another owner; this call created nothing/);
    expect((error as Error).cause).toBeInstanceOf(InternalServerError);
    expect([...links]).toEqual([['summer', 'owner_2']]);
    expect(requestLines).toEqual([create_, search, list('owner_1')]);
  });

  it('reset after storing, owner given by a field its list cannot be looked up by: UncertainCreateError with what was found', async () => {
    // The owner by email: no owner pointer of the table names it.
    const pointer = [...row.create!.owner.id[0]!.slice(0, -1), 'email'];
    expect(row.create!.owner.id.map((p) => p.join('/'))).not.toContain(pointer.join('/'));
    const { server, links, requestLines } = await linkServer(create, ['reset-after-store']);
    const error = await call(server, row, bodyFor(row, 'summer', 'someone@example.com', pointer)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UncertainCreateError);
    expect(error).not.toBeInstanceOf(CreateConflictError);
    expect((error as UncertainCreateError).existing).toMatchObject({ key: 'summer' });
    expect(links.size).toBe(1);
    expect(requestLines).toEqual([create_, search]);
  });

  it('429 (nothing was done) is retried as usual, with no lookup', async () => {
    const { server, links, requestLines } = await linkServer(create, ['429-once']);
    const result = await call(server, row, bodyFor(row, 'summer', 'owner_1'));
    expect(result.data.key).toBe('summer');
    expect(links.size).toBe(1);
    expect(requestLines).toEqual([create_, create_]);
  });

  it('connection refused (nothing sent) is retried as usual, with no lookup', async () => {
    const closed = await startServer(() => {});
    await closed.close();
    let attempts = 0;
    const client = createPartneroClient({
      apiKey: 'k',
      baseUrl: closed.url,
      maxRetries: 1,
      fetch: (request) => {
        attempts++;
        return fetch(request);
      },
    }) as unknown as Record<string, Record<string, (body: unknown) => Promise<unknown>>>;
    const error = await client[row.resource]![row.name]!(bodyFor(row, 'summer', 'owner_1')).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(attempts).toBe(2); // Two creates, no lookup in between.
  });
});

it('the table has at least one create with a lookup (so the tests above ran)', () => {
  expect(creates.length).toBeGreaterThan(0);
});
