// What the adaptive limiter's tests share (test/unit/rate-limit*.test.ts): a rate-limited
// server played by an injected fetch, the client on it, and vitest's fake clock, on which
// seconds of traffic run in milliseconds and every figure is the fake clock's.
import { afterEach, beforeEach, vi } from 'vitest';
import { fixedWindow } from '../../scripts/lib/sandbox-rate-limit.mjs';
import { createPartneroClient } from '../../src/index.js';

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const link = (key: string) => ({ id: key, key, url: `https://example.test/${key}`, default: false });

export interface Server {
  readonly fetch: (request: Request) => Promise<Response>;
  /** Fake-clock time of every request, and its answer's status. */
  readonly log: { at: number; status: number; url: string; inFlight: number }[];
  maxInFlight: number;
}

/**
 * A server in front of a limit: `take()` decides each request (undefined lets it through, else
 * the 429's headers), `headers()` adds an allowed answer's; it answers after `latency(inFlight)` ms.
 */
function limitedServer(
  take: () => Record<string, string> | undefined,
  options: { headers?: () => Record<string, string>; latency?: (inFlight: number) => number; answer?: (request: Request) => Response },
): Server {
  let inFlight = 0;
  const server: Server = {
    log: [],
    maxInFlight: 0,
    fetch: async (request) => {
      inFlight++;
      server.maxInFlight = Math.max(server.maxInFlight, inFlight);
      const now = Date.now();
      const seen = inFlight;
      const refused = take();
      const headers = refused ?? options.headers?.() ?? {};
      const delay = options.latency?.(inFlight) ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      inFlight--;
      server.log.push({ at: now, status: refused ? 429 : 200, url: request.url, inFlight: seen });
      if (refused) return json(429, { message: 'Too Many Attempts.' }, headers);
      return options.answer?.(request) ?? json(200, { status: 1, data: link(request.url.split('/').pop()!) }, headers);
    },
  };
  return server;
}

/**
 * A server that allows `rate` requests per second with a bucket of `burst` (refilled
 * continuously), answering 429 (with `Retry-After` when `retryAfter`) when over, after
 * `latency(inFlight)` ms.
 */
export function bucketServer(options: { rate: number; burst: number; retryAfter?: string; latency?: (inFlight: number) => number; answer?: (request: Request) => Response }): Server {
  let tokens = options.burst;
  let last = Date.now();
  const take = (): Record<string, string> | undefined => {
    const now = Date.now();
    tokens = Math.min(options.burst, tokens + ((now - last) / 1000) * options.rate);
    last = now;
    if (tokens < 1) return options.retryAfter ? { 'retry-after': options.retryAfter } : {};
    tokens -= 1;
    return undefined;
  };
  return limitedServer(take, options);
}

/**
 * A server behind Laravel's fixed window (the sandbox's `RATE/min,window`: `limit` requests per
 * `windowMs`, X-RateLimit-* on every answer, Retry-After and X-RateLimit-Reset on a 429), on the
 * fake clock, answering after `latency` ms.
 */
export function windowServer(options: { limit: number; windowMs: number; latency?: number }): Server {
  const window = fixedWindow(options, () => Date.now());
  return limitedServer(() => window.take(), { headers: () => window.headers(), latency: () => options.latency ?? 0 });
}

/** Settles `promise` by running the fake clock forward. */
export async function settle<T>(promise: Promise<T>, maxMs = 600_000): Promise<T> {
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

export const client = (fetch: Server['fetch'], rateLimit?: unknown, extra: Record<string, unknown> = {}) =>
  createPartneroClient({ apiKey: 'test-key', baseUrl: 'http://127.0.0.1:9', fetch, maxRetries: 0, ...(rateLimit === undefined ? {} : { rateLimit: rateLimit as 'adaptive' }), ...extra });

export const gets = (partnero: ReturnType<typeof client>, count: number, offset = 0) =>
  Promise.all(Array.from({ length: count }, (_, i) => partnero.partnerLinks.get(`link-${i + offset}`)));

/** Runs every test of the calling file on the fake clock (setTimeout, clearTimeout, Date). */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T00:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
