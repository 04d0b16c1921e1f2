// Fault injection against real node:http servers on 127.0.0.1: each misbehaviour gets its
// documented outcome, with the number of requests it cost, and nothing is left running.
import type { ServerResponse } from 'node:http';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import {
  ConnectionError,
  ConnectionTimeoutError,
  InternalServerError,
  InvalidOptionError,
  NotFoundError,
  RateLimitError,
  RequestAbortedError,
  UnexpectedResponseError,
  createPartneroClient,
  type PartneroClientOptions,
} from '../../src/index.js';
import { ResponseBodyError, apiErrorFromResponse } from '../../src/errors.js';
import { mayHaveActed, send, type CallSettings, type FetchResult } from '../../src/internal/transport.js';
import { json, linkPage, startServer, type Handler, type TestServer } from '../support/http-server.js';
import { operations } from '../../src/generated/spec.js';
import { serversClosedAfterEach } from '../support/servers.js';

/** The operation behind client.partnerLinks.list, as messages name it (from the generated table). */
const OP = Object.entries(operations as Readonly<Record<string, { readonly resource: string; readonly name: string }>>).find(
  ([, row]) => row.resource === 'partnerLinks' && row.name === 'list',
)?.[0];

const serve = serversClosedAfterEach();

function clientFor(server: TestServer | string, options: Partial<PartneroClientOptions> = {}) {
  const baseUrl = typeof server === 'string' ? server : server.url;
  return createPartneroClient({ apiKey: KEY, baseUrl, ...options }).partnerLinks;
}

async function outcome(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const start = performance.now();
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - start };
}

const ok = linkPage(1, 2);
// Long enough that redacting it from server text cannot touch ordinary words.
const KEY = 'pk_test_0123456789abcdef';

describe('no answer', () => {
  it('connection refused: ConnectionError naming ECONNREFUSED, after 1 + maxRetries attempts', async () => {
    const closed = await startServer(() => {});
    await closed.close();
    let attempts = 0;
    const list = createPartneroClient({
      apiKey: KEY,
      baseUrl: closed.url,
      maxRetries: 1,
      fetch: (request) => {
        attempts++;
        return fetch(request);
      },
    }).partnerLinks.list;
    const { error } = await outcome(list('p'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(new RegExp(`^${OP}: no answer \\(.*ECONNREFUSED`));
    expect(attempts).toBe(2);
  });

  it('connection reset mid-body: retried, and a later success is returned', async () => {
    const server = await serve((_req, res, index) => {
      if (index === 0) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"data":[');
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      json(res, 200, ok);
    });
    await expect(clientFor(server, { maxRetries: 1 }).list('p')).resolves.toEqual(ok);
    expect(server.requests).toHaveLength(2);
  });

  it('connection reset mid-body every time: ConnectionError after 1 + maxRetries requests', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"data":[');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const { error } = await outcome(clientFor(server, { maxRetries: 1 }).list('p'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(ConnectionTimeoutError);
    expect(server.requests).toHaveLength(2);
  });

  it('a server that never answers: ConnectionTimeoutError after each attempt times out', async () => {
    const server = await serve(() => {});
    const { error, ms } = await outcome(clientFor(server, { timeoutMs: 200, maxRetries: 1 }).list('p'));
    expect(error).toBeInstanceOf(ConnectionTimeoutError);
    expect((error as ConnectionTimeoutError).timeoutMs).toBe(200);
    expect((error as Error).message).toBe(`${OP}: no complete answer within 200 ms`);
    expect(server.requests).toHaveLength(2);
    // Two 200 ms attempts and one backoff of 375-500 ms between them.
    expect(ms).toBeGreaterThanOrEqual(2 * 200 + 375 - 5);
  });

  it('slow headers: a timeout when slower than timeoutMs, an answer when not', async () => {
    const server = await serve((_req, res) => {
      setTimeout(() => json(res, 200, ok), 300);
    });
    const { error } = await outcome(clientFor(server, { timeoutMs: 100, maxRetries: 0 }).list('p'));
    expect(error).toBeInstanceOf(ConnectionTimeoutError);
    await expect(clientFor(server, { timeoutMs: 2000, maxRetries: 0 }).list('p')).resolves.toEqual(ok);
  });

  it('a body that trickles past timeoutMs times out too: the limit covers the body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":[');
      const timer = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(timer));
    });
    const { error } = await outcome(clientFor(server, { timeoutMs: 150, maxRetries: 0 }).list('p'));
    expect(error).toBeInstanceOf(ConnectionTimeoutError);
  });
});

describe('rate limits', () => {
  it('429 with Retry-After: 1 waits about a second, then succeeds', async () => {
    const server = await serve((_req, res, index) =>
      index === 0 ? json(res, 429, { message: 'Too Many Attempts.' }, { 'retry-after': '1' }) : json(res, 200, ok),
    );
    await expect(clientFor(server).list('p')).resolves.toEqual(ok);
    expect(server.requests).toHaveLength(2);
    const gap = (server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0);
    expect(gap).toBeGreaterThanOrEqual(990);
  });

  it('429 without Retry-After backs off about 0.5 s, then succeeds', async () => {
    const server = await serve((_req, res, index) =>
      index === 0 ? json(res, 429, { message: 'Too Many Attempts.' }) : json(res, 200, ok),
    );
    await expect(clientFor(server).list('p')).resolves.toEqual(ok);
    const gap = (server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0);
    expect(gap).toBeGreaterThanOrEqual(370);
    expect(gap).toBeLessThan(2000);
  });

  it('429 asking for more than 60 s: RateLimitError at once, with the delay on it', async () => {
    const server = await serve((_req, res) => json(res, 429, { message: 'Too Many Attempts.' }, { 'retry-after': '120' }));
    const { error, ms } = await outcome(clientFor(server).list('p'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(120_000);
    expect(server.requests).toHaveLength(1);
    expect(ms).toBeLessThan(1000);
  });

  it('429 every time: RateLimitError after 1 + maxRetries requests', async () => {
    const server = await serve((_req, res) => json(res, 429, { message: 'Too Many Attempts.' }, { 'retry-after': '0' }));
    const { error } = await outcome(clientFor(server, { maxRetries: 2 }).list('p'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(3);
  });
});

describe('server errors', () => {
  it.each([500, 502, 503])('%s with an HTML body: InternalServerError with the text, after 1 + maxRetries requests', async (status) => {
    const server = await serve((_req, res) => {
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end(`<html><body><h1>${status}</h1> upstream trouble</body></html>`);
    });
    const { error } = await outcome(clientFor(server, { maxRetries: 1 }).list('p'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(status);
    expect((error as InternalServerError).body).toContain('upstream trouble');
    expect(server.requests).toHaveLength(2);
  });

  it('an empty 503 body still gives the status', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    const { error } = await outcome(clientFor(server, { maxRetries: 0 }).list('p'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(503);
    expect((error as Error).message).toBe(`${OP}: 503 Service Unavailable`);
  });

  it('a 503 asking for more than 60 s: InternalServerError at once, with the delay on it', async () => {
    const server = await serve((_req, res) => json(res, 503, { message: 'Maintenance.' }, { 'retry-after': '120' }));
    const { error } = await outcome(clientFor(server).list('p'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).retryAfterMs).toBe(120_000);
    expect((error as Error).message).toBe(`${OP}: 503 Service Unavailable: Maintenance. (Retry-After 120 s)`);
    expect(server.requests).toHaveLength(1);
  });

  it('404 is never retried', async () => {
    const server = await serve((_req, res) => json(res, 404, { message: 'Partner not found.' }));
    const { error } = await outcome(clientFor(server, { maxRetries: 2 }).list('p'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('2xx answers that break the spec', () => {
  const body = (contentType: string, text: string): Handler => (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(text);
  };

  it.each([
    ['an empty body', body('application/json', ''), /empty body/],
    ['malformed JSON', body('application/json', '{"data": [}'), /not JSON \(application\/json\)/],
    ['an HTML page', body('text/html; charset=utf-8', '<!doctype html><title>Login</title>'), /not JSON \(text\/html; charset=utf-8\): "<!doctype html>/],
    ['"status": 0', body('application/json', '{"data":[],"status":0,"message":"Program paused."}'), /status is 0; the spec expects 1 on success \(Program paused\.\)/],
  ])('%s: UnexpectedResponseError after one request', async (_, handler, message) => {
    const server = await serve(handler);
    const { error } = await outcome(clientFor(server).list('p'));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(1);
  });

  it('JSON sent with a wrong content type (text/plain) is still read: the body decides', async () => {
    const server = await serve(body('text/plain', JSON.stringify(ok)));
    await expect(clientFor(server).list('p')).resolves.toEqual(ok);
  });

  it('a very large body (50,000 links, about 10 MB) is read whole, and validates', async () => {
    const large = JSON.stringify(linkPage(1, 50_000));
    const server = await serve(body('application/json', large));
    const page = await clientFor(server, { validateResponses: true }).list('p');
    expect(page.data).toHaveLength(50_000);
    expect(page.data[49_999]?.id).toBe('ref_50000');
    expect(large.length).toBeGreaterThan(10_000_000);
  });
});

describe('cancellation', () => {
  it("the caller's signal ends a backoff wait at once, with no further request", async () => {
    const server = await serve((_req, res) => json(res, 503, { message: 'Down.' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { error, ms } = await outcome(clientFor(server, { maxRetries: 5 }).list('p', {}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(RequestAbortedError);
    // The first backoff alone would be 375-500 ms, and five retries several seconds; a loaded
    // machine gets some slack.
    expect(ms).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });

  it("the caller's signal ends a request in flight: RequestAbortedError, not a timeout", async () => {
    const server = await serve(() => {});
    const { error, ms } = await outcome(
      clientFor(server, { timeoutMs: 5000 }).list('p', {}, { signal: AbortSignal.timeout(100) }),
    );
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(ms).toBeLessThan(1000);
  });

  it('an already aborted signal sends nothing', async () => {
    const server = await serve((_req, res) => json(res, 200, ok));
    const { error } = await outcome(clientFor(server).list('p', {}, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('send: the transport contract every operation uses', () => {
  // An untyped openapi-fetch client: send is the same for every path and method.
  const rawFor = (server: TestServer) => createClient<Record<string, never>>({ baseUrl: server.url, redirect: 'manual' });
  type Raw = ReturnType<typeof rawFor>;
  const post = (raw: Raw) => (signal: AbortSignal) =>
    raw.request('post', '/v1/things' as never, { body: { name: 'x' }, parseAs: 'stream', signal } as never) as Promise<FetchResult>;
  const get = (raw: Raw) => (signal: AbortSignal) =>
    raw.request('get', '/v1/things' as never, { parseAs: 'stream', signal } as never) as Promise<FetchResult>;
  const settings = (overrides: Partial<CallSettings> = {}): CallSettings => ({ maxRetries: 2, timeoutMs: 2000, secret: 'k', ...overrides });
  const create = (overrides: Partial<CallSettings> = {}) => settings({ idempotent: false, ...overrides });
  const immediateRetryAfter = { 'retry-after': '0' };

  it('a 2xx resolves to the response and its body text, read by send', async () => {
    const server = await serve((_req, res) => json(res, 201, { data: { id: 1 }, status: 1 }));
    const { response, text } = await send('createThing', 'POST', settings(), post(rawFor(server)));
    expect(response.status).toBe(201);
    expect(response.bodyUsed).toBe(true);
    expect(JSON.parse(text)).toEqual({ data: { id: 1 }, status: 1 });
  });

  it.each([
    ['204', (res: ServerResponse) => { res.writeHead(204); res.end(); }],
    ['an empty 200', (res: ServerResponse) => { res.writeHead(200, { 'content-length': '0' }); res.end(); }],
    ['an empty chunked 200', (res: ServerResponse) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(); }],
  ])('%s: text is ""', async (_, answer) => {
    const server = await serve((_req, res) => answer(res));
    const { text } = await send('deleteThing', 'DELETE', settings(), get(rawFor(server)));
    expect(text).toBe('');
  });

  it('a 2xx body cut off: ResponseBodyError with the status, retried like a reset when idempotent', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"data":[');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const { error } = await outcome(send('listThings', 'GET', settings({ maxRetries: 1 }), get(rawFor(server))));
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect((error as ResponseBodyError).status).toBe(200);
    expect((error as Error).message).toMatch(/^listThings: a 200 answer came, but its body could not be read \(/);
    expect(server.requests).toHaveLength(2);
    expect(mayHaveActed(error)).toBe(true);
  });

  describe('idempotent: false (a create) is not sent again once the server may have acted', () => {
    it.each([500, 502, 503, 504])('%s: thrown after one request', async (status) => {
      const server = await serve((_req, res) => json(res, status, { message: 'oops' }, immediateRetryAfter));
      const { error } = await outcome(send('createThing', 'POST', create(), post(rawFor(server))));
      expect(error).toBeInstanceOf(InternalServerError);
      expect(server.requests).toHaveLength(1);
      expect(mayHaveActed(error)).toBe(true);
    });

    it('a timeout: thrown after one request', async () => {
      const server = await serve(() => {});
      const { error } = await outcome(send('createThing', 'POST', create({ timeoutMs: 100 }), post(rawFor(server))));
      expect(error).toBeInstanceOf(ConnectionTimeoutError);
      expect(server.requests).toHaveLength(1);
      expect(mayHaveActed(error)).toBe(true);
    });

    it('a connection broken after the request was sent: thrown after one request', async () => {
      const server = await serve((req) => {
        req.socket.destroy();
      });
      const { error } = await outcome(send('createThing', 'POST', create(), post(rawFor(server))));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(server.requests).toHaveLength(1);
      expect(mayHaveActed(error)).toBe(true);
    });

    it('a 2xx whose body was cut off: thrown after one request (the server did act)', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(201, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"data":');
        setTimeout(() => res.socket?.destroy(), 20);
      });
      const { error } = await outcome(send('createThing', 'POST', create(), post(rawFor(server))));
      expect(error).toBeInstanceOf(ResponseBodyError);
      expect(server.requests).toHaveLength(1);
    });

    it.each([408, 429])('%s: retried (the server did nothing), then the answer', async (status) => {
      const server = await serve((_req, res, index) =>
        index === 0 ? json(res, status, { message: 'later' }, immediateRetryAfter) : json(res, 201, { status: 1 }),
      );
      const { response } = await send('createThing', 'POST', create(), post(rawFor(server)));
      expect(response.status).toBe(201);
      expect(server.requests).toHaveLength(2);
    });

    it('connection refused (nothing sent): retried, and mayHaveActed says so', async () => {
      const closed = await startServer(() => {});
      await closed.close();
      let attempts = 0;
      const raw = rawFor(closed);
      const { error } = await outcome(
        send('createThing', 'POST', create({ maxRetries: 1 }), (signal) => {
          attempts++;
          return post(raw)(signal);
        }),
      );
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toMatch(/ECONNREFUSED/);
      expect(attempts).toBe(2);
      expect(mayHaveActed(error)).toBe(false);
    });
  });

  it('mayHaveActed: only what surely did nothing is false', () => {
    const api = (status: number) =>
      apiErrorFromResponse({ operation: 'op', method: 'POST', url: 'u', status, headers: new Headers(), body: '' }, undefined);
    const refused = new ConnectionError('op: no answer', {
      cause: new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) }),
    });
    const reset = new ConnectionError('op: no answer', {
      cause: new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }),
    });
    expect([400, 401, 404, 408, 409, 422, 429, 304].map((s) => mayHaveActed(api(s)))).toEqual(Array(8).fill(false));
    expect([500, 502, 503, 504].map((s) => mayHaveActed(api(s)))).toEqual(Array(4).fill(true));
    expect(mayHaveActed(refused)).toBe(false);
    expect(mayHaveActed(reset)).toBe(true);
    expect(mayHaveActed(new ConnectionTimeoutError('op', 100))).toBe(true);
    expect(mayHaveActed(new InvalidOptionError('signal', 'must be an AbortSignal', 'x'))).toBe(false);
    expect(mayHaveActed(new Error('anything else'))).toBe(true);
  });
});
