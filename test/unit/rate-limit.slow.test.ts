// The adaptive limiter's slower cases (hundreds of calls each; rate-limit.test.ts has the rest), against injected fetch
// implementations that play a rate-limited server, on vitest's fake clock: seconds of traffic
// run in milliseconds, and the figures asserted are the fake clock's, so they cannot drift with
// the machine's load.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPartneroClient } from '../../src/index.js';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const link = (key: string) => ({ id: key, key, url: `https://example.test/${key}`, default: false });

interface Server {
  readonly fetch: (request: Request) => Promise<Response>;
  /** Fake-clock time of every request, and its answer's status. */
  readonly log: { at: number; status: number; url: string; inFlight: number }[];
  maxInFlight: number;
}

/**
 * A server that allows `rate` requests per second with a bucket of `burst` (refilled
 * continuously), answering 429 (with `Retry-After` when `retryAfter`) when over, after
 * `latency(inFlight)` ms.
 */
function bucketServer(options: { rate: number; burst: number; retryAfter?: string; latency?: (inFlight: number) => number; answer?: (request: Request) => Response }): Server {
  let tokens = options.burst;
  let last = Date.now();
  let inFlight = 0;
  const server: Server = {
    log: [],
    maxInFlight: 0,
    fetch: async (request) => {
      inFlight++;
      server.maxInFlight = Math.max(server.maxInFlight, inFlight);
      const now = Date.now();
      const seen = inFlight;
      tokens = Math.min(options.burst, tokens + ((now - last) / 1000) * options.rate);
      last = now;
      const allowed = tokens >= 1;
      if (allowed) tokens -= 1;
      const delay = options.latency?.(inFlight) ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      inFlight--;
      const status = allowed ? 200 : 429;
      server.log.push({ at: now, status, url: request.url, inFlight: seen });
      if (!allowed) return json(429, { message: 'Too Many Attempts.' }, options.retryAfter ? { 'retry-after': options.retryAfter } : {});
      return options.answer?.(request) ?? json(200, { status: 1, data: link(request.url.split('/').pop()!) });
    },
  };
  return server;
}

/** Settles `promise` by running the fake clock forward. */
async function settle<T>(promise: Promise<T>, maxMs = 600_000): Promise<T> {
  let done = false;
  const result = promise.finally(() => {
    done = true;
  });
  result.catch(() => {});
  const until = Date.now() + maxMs;
  while (!done && Date.now() < until) {
    await vi.advanceTimersByTimeAsync(5);
    // Real I/O (the limiter's lazy import) gets its turn too.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return result;
}

const client = (fetch: Server['fetch'], rateLimit?: unknown, extra: Record<string, unknown> = {}) =>
  createPartneroClient({ apiKey: 'test-key', baseUrl: 'http://127.0.0.1:9', fetch, maxRetries: 0, ...(rateLimit === undefined ? {} : { rateLimit: rateLimit as 'adaptive' }), ...extra });

const gets = (partnero: ReturnType<typeof client>, count: number, offset = 0) =>
  Promise.all(Array.from({ length: count }, (_, i) => partnero.partnerLinks.get(`link-${i + offset}`)));

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-12-01T00:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('rateLimit, over hundreds of calls', () => {
  it('learns a limit it is not told, answered by 429 without Retry-After: every call succeeds, few 429s, near the allowed rate', async () => {
    const server = bucketServer({ rate: 50, burst: 5, latency: () => 20 });
    const partnero = client(server.fetch, 'adaptive');
    const results = await settle(gets(partnero, 600));
    // From the first request: the lazy import before it runs in real time, while the fake clock runs on.
    const seconds = (Date.now() - server.log[0]!.at) / 1000;
    expect(results).toHaveLength(600);
    const refused = server.log.filter((entry) => entry.status === 429).length;
    // maxRetries is 0: every 429 was sent again by the limiter, not by the retries.
    expect(refused / server.log.length).toBeLessThan(0.05);
    expect(600 / seconds / 50).toBeGreaterThan(0.85);
  });


  it('cuts the concurrency when latency climbs with it, and lets it grow while latency stays flat', async () => {
    // Latency doubles for every 4 calls in flight beyond 4: a server at its capacity.
    const climbing = bucketServer({ rate: 1e9, burst: 1e9, latency: (inFlight) => 50 * Math.max(1, inFlight / 4) });
    await settle(gets(client(climbing.fetch, 'adaptive'), 400));
    const flat = bucketServer({ rate: 1e9, burst: 1e9, latency: () => 50 });
    await settle(gets(client(flat.fetch, 'adaptive'), 400));
    // In the second half of the run, the calls in flight as each one arrived.
    const settled = (server: Server) => server.log.slice(200).reduce((sum, entry) => sum + entry.inFlight, 0) / 200;
    expect(settled(climbing)).toBeLessThanOrEqual(12);
    expect(climbing.maxInFlight).toBeLessThanOrEqual(24);
    expect(settled(flat)).toBeGreaterThan(25);
  });

});
