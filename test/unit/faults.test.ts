// Fault injection against real node:http servers on 127.0.0.1: each misbehaviour gets its
// documented outcome, with the number of requests it cost, and nothing is left running.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ConnectionError,
  ConnectionTimeoutError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  RequestAbortedError,
  UnexpectedResponseError,
  createPartneroClient,
  type PartneroClientOptions,
} from '../../src/index.js';
import { json, linkPage, startServer, type Handler, type TestServer } from '../support/http-server.js';

let servers: TestServer[] = [];
let resourcesBefore: Record<string, number>;

beforeAll(() => {
  resourcesBefore = countResources();
});
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
afterAll(async () => {
  // Give closed sockets a turn of the event loop to go away.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const after = countResources();
  for (const kind of ['Timeout', 'TCPSocketWrap', 'TCPServerWrap']) {
    expect(after[kind] ?? 0, `${kind} left behind`).toBeLessThanOrEqual(resourcesBefore[kind] ?? 0);
  }
});

function countResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

async function serve(handler: Handler): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

function clientFor(server: TestServer | string, options: Partial<PartneroClientOptions> = {}) {
  const baseUrl = typeof server === 'string' ? server : server.url;
  return createPartneroClient({ apiKey: 'k', baseUrl, ...options }).referralLinks;
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

describe('no answer', () => {
  it('connection refused: ConnectionError naming ECONNREFUSED, after 1 + maxRetries attempts', async () => {
    const closed = await startServer(() => {});
    await closed.close();
    let attempts = 0;
    const list = createPartneroClient({
      apiKey: 'k',
      baseUrl: closed.url,
      maxRetries: 1,
      fetch: (request) => {
        attempts++;
        return fetch(request);
      },
    }).referralLinks.list;
    const { error } = await outcome(list('p'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^listReferralLinks: no answer \(.*ECONNREFUSED/);
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
    expect((error as Error).message).toBe('listReferralLinks: no complete answer within 200 ms');
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
    expect((error as Error).message).toBe('listReferralLinks: 503 Service Unavailable');
  });

  it('a 503 asking for more than 60 s: InternalServerError at once, with the delay on it', async () => {
    const server = await serve((_req, res) => json(res, 503, { message: 'Maintenance.' }, { 'retry-after': '120' }));
    const { error } = await outcome(clientFor(server).list('p'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).retryAfterMs).toBe(120_000);
    expect((error as Error).message).toBe('listReferralLinks: 503 Service Unavailable: Maintenance. (Retry-After 120 s)');
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
    ['"status": 0', body('application/json', '{"data":[],"status":0,"message":"Program paused."}'), /status is 0, not 1 \(Program paused\.\)/],
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
