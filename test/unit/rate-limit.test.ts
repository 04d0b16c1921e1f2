// The adaptive limiter (client option `rateLimit`, issue 20), against injected fetch
// implementations that play a rate-limited server, on vitest's fake clock: seconds of traffic
// run in milliseconds, and the figures asserted are the fake clock's, so they cannot drift with
// the machine's load.
import { describe, expect, it, vi } from 'vitest';
import { InvalidOptionError, RateLimitError, RequestAbortedError } from '../../src/index.js';
import { ACCEPTED_MIN_MS, BETA, DOUBLING_MS, INITIAL_RATE, MAX_RETURN_MS, MIN_RETURN_MS, MemoryStore, rateAt, serverLimitOf, STALL_MS } from '../../src/internal/rate-limit.js';
import { json, link, bucketServer, settle, client, gets, useFakeClock, windowServer } from '../support/rate-limited.js';

useFakeClock();

describe('the rate curve', () => {
  it('doubles every 100 ms in slow start, is cut to 0.8 of the peak, and comes back to the peak after the return time', () => {
    const start = { peak: 0, since: 0 };
    expect(rateAt(start, 0)).toBe(INITIAL_RATE);
    expect(rateAt(start, 3 * DOUBLING_MS)).toBeCloseTo(INITIAL_RATE * 8);
    const cut = { peak: 200, since: 0 };
    expect(rateAt(cut, 0)).toBeCloseTo(200 * BETA);
    expect(rateAt(cut, MIN_RETURN_MS)).toBeCloseTo(200);
    // Concave up to the peak (most of the way back in the first half), convex past it.
    expect(rateAt(cut, MIN_RETURN_MS / 2)).toBeGreaterThan(200 * (BETA + (1 - BETA) * 0.8));
    expect(rateAt(cut, MIN_RETURN_MS * 1.5)).toBeLessThan(200 * 1.07);
    expect(rateAt(cut, MIN_RETURN_MS * 3)).toBeGreaterThan(200 * 1.5);
    // At a low rate the return takes longer (up to MAX_RETURN_MS), so that 429s stay rare there too.
    expect(rateAt({ peak: 5, since: 0 }, MIN_RETURN_MS)).toBeLessThan(5);
    expect(rateAt({ peak: 5, since: 0 }, MAX_RETURN_MS)).toBeCloseTo(5);
  });
});

describe('a cut', () => {
  /** A store that sent 100/s for 2 s and was cut at 2 s. */
  function cutOnce(): MemoryStore {
    const store = new MemoryStore(0);
    for (let at = 0; at < 2_000; at += 10) {
      store.sent(at);
      store.accepted(at + 5);
    }
    store.cut(1_990, 100, 2_000);
    return store;
  }

  it('is not made again by a 429 for a request sent before it or in the first interval after it', () => {
    const store = cutOnce();
    const first = store.state();
    expect(first).toEqual({ peak: expect.closeTo(100, 0) as number, since: 2_000 });
    // The rate after the cut is 80/s: one interval is 12.5 ms.
    store.cut(1_999, 100, 2_010);
    store.cut(2_010, 80, 2_015);
    expect(store.state()).toBe(first);
    store.cut(2_013, 80, 2_020);
    expect(store.state().since).toBe(2_020);
  });

  it('is bounded by the rate the server let through since the last cut, once that is known', () => {
    const store = cutOnce();
    // 2 s later, sending at 80/s, of which 59 got through (less than 60 refilled): the limit is at most 30/s.
    for (let at = 2_000; at < 4_000; at += 12.5) store.sent(at);
    for (let i = 0; i < 59; i++) store.accepted(2_000 + i * 33);
    store.cut(3_990, 80, 4_000);
    expect(store.state().peak).toBeCloseTo(30);
  });

  it('does not count idle time in the accepted rate: 40/s after 15 s idle is still about 40/s', () => {
    const store = cutOnce();
    // Nothing for 15 s, then 2 s at 50/s of which 40 a second came through.
    for (let at = 17_000; at < 19_000; at += 20) store.sent(at);
    for (let i = 0; i < 80; i++) store.accepted(17_000 + i * 25);
    store.cut(18_990, 50, 19_000);
    expect(store.state().peak).toBeGreaterThan(38);
  });

  it('is not bounded by the accepted rate while the span is too short', () => {
    const store = cutOnce();
    for (let at = 2_000; at < 2_000 + ACCEPTED_MIN_MS / 2; at += 12.5) store.sent(at);
    store.accepted(2_010);
    store.cut(2_000 + ACCEPTED_MIN_MS / 2 - 5, 80, 2_000 + ACCEPTED_MIN_MS / 2);
    expect(store.state().peak).toBeGreaterThan(60);
  });
});

describe('a server that says its limit', () => {
  it('reads X-RateLimit-Remaining, -Limit and -Reset (epoch seconds, or seconds from now)', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    expect(serverLimitOf(new Headers({ 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '7' }), now)).toEqual({ limit: 120, remaining: 7 });
    expect(serverLimitOf(new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 30) }), now)).toEqual({ remaining: 0, resetAt: now + 30_000 });
    expect(serverLimitOf(new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' }), now)).toEqual({ remaining: 0, resetAt: now + 30_000 });
    expect(serverLimitOf(new Headers({ 'x-ratelimit-limit': '120' }), now)).toBeUndefined();
  });

  it("Laravel's fixed window: paced by what remains, at most one 429 a window, the window's rate", async () => {
    const limit = 20;
    const server = windowServer({ limit, windowMs: 10_000, latency: 20 });
    // Three windows and one call: at the window's rate, the last call starts the fourth window.
    const results = await settle(gets(client(server.fetch, 'adaptive'), 3 * limit + 1));
    expect(results).toHaveLength(3 * limit + 1);
    const refused = server.log.filter((entry) => entry.status === 429).length;
    expect(refused).toBeLessThanOrEqual(3);
    const seconds = (server.log.at(-1)!.at - server.log[0]!.at) / 1000;
    expect((3 * limit + 1) / seconds / (limit / 10)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('Retry-After', () => {
  it('of a second from a token bucket is a hint: the other calls are not held for it, and the rate stays near the limit', async () => {
    const server = bucketServer({ rate: 40, burst: 10, latency: () => 20, retryAfter: '1' });
    const results = await settle(gets(client(server.fetch, 'adaptive'), 400));
    expect(results).toHaveLength(400);
    const seconds = (server.log.at(-1)!.at - server.log[0]!.at) / 1000;
    expect(400 / seconds / 40).toBeGreaterThanOrEqual(0.85);
    // No second-long silence after a 429.
    const gaps = server.log.slice(1).map((entry, i) => entry.at - server.log[i]!.at);
    expect(Math.max(...gaps)).toBeLessThan(500);
  });
});

describe('stalls', () => {
  it('a server that answers 429 forever: the calls stop after a run of 429s with no success, saying why, and later calls fail unsent', async () => {
    const server = bucketServer({ rate: 1e-9, burst: 1 }); // One request through, then never again.
    const partnero = client(server.fetch, 'adaptive');
    const start = Date.now();
    const outcomes = await settle(Promise.all(Array.from({ length: 50 }, (_, i) => partnero.partnerLinks.get(`x${i}`).catch((e: unknown) => e))), 120_000);
    const failed = outcomes.filter((outcome) => outcome instanceof RateLimitError);
    expect(failed.length).toBe(49);
    expect(String((failed.at(-1) as Error).message)).toMatch(/answered 429 to each of the last \d+ requests over \d+ s and let none through, so the rate limiter stopped/);
    expect(Date.now() - start).toBeLessThan(STALL_MS + 15_000);
    const sent = server.log.length;
    const late = await settle(partnero.partnerLinks.get('late').catch((e: unknown) => e));
    expect(late).toBeInstanceOf(RateLimitError);
    expect(server.log).toHaveLength(sent);
  });

  it('a Retry-After beyond 60 s fails the calls queued behind it at once, unsent, saying when to retry', async () => {
    const log: string[] = [];
    const fetch = async (request: Request): Promise<Response> => {
      log.push(request.url);
      return json(429, {}, { 'retry-after': '120' });
    };
    const partnero = client(fetch, { maxConcurrency: 1 });
    const start = Date.now();
    const outcomes = await settle(Promise.all(['a', 'b', 'c'].map((id) => partnero.partnerLinks.get(id).catch((e: unknown) => e))));
    expect(Date.now() - start).toBeLessThan(1_000);
    expect(log).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ name: 'RateLimitError', retryAfterMs: 120_000 });
    for (const outcome of outcomes.slice(1)) {
      expect(outcome).toBeInstanceOf(RateLimitError);
      expect((outcome as RateLimitError).message).toMatch(/longer than the 60 s the client waits: not sent; retry after 2026-12-01T00:02:00/);
      expect((outcome as RateLimitError).retryAfterMs).toBeGreaterThan(119_000);
    }
  });

  it('calls aborted during a pause leave no timer armed', async () => {
    let first = true;
    const fetch = async (): Promise<Response> => {
      if (!first) return json(200, { status: 1, data: link('x') });
      first = false;
      return json(429, {}, { 'retry-after': '30' });
    };
    const partnero = client(fetch, { maxConcurrency: 1 });
    const controller = new AbortController();
    const calls = ['a', 'b', 'c'].map((id) => partnero.partnerLinks.get(id, { signal: controller.signal }).catch((e: unknown) => e));
    await vi.advanceTimersByTimeAsync(100);
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const outcomes = await settle(Promise.all(calls), 1_000);
    for (const outcome of outcomes) expect(outcome).toBeInstanceOf(RequestAbortedError);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('rateLimit', () => {
  it('without it, the same calls meet 429s that fail them', async () => {
    const server = bucketServer({ rate: 50, burst: 5 });
    const partnero = client(server.fetch);
    const outcomes = await settle(Promise.allSettled(Array.from({ length: 100 }, (_, i) => partnero.partnerLinks.get(`link-${i}`))));
    expect(outcomes.filter((outcome) => outcome.status === 'rejected').length).toBeGreaterThan(50);
  });

  it('a Retry-After pauses every call of the client, not only the one that got it', async () => {
    let first = true;
    const log: number[] = [];
    const fetch = async (): Promise<Response> => {
      log.push(Date.now());
      if (first) {
        first = false;
        return json(429, {}, { 'retry-after': '3' });
      }
      return json(200, { status: 1, data: link('x') });
    };
    const start = Date.now();
    const partnero = client(fetch, 'adaptive');
    const one = partnero.partnerLinks.get('first');
    await vi.advanceTimersByTimeAsync(5);
    await settle(Promise.all([one, gets(partnero, 5)]));
    expect(log).toHaveLength(7);
    // The 429 came at once; after it, nothing went out before the 3 s were over.
    expect(log[0]).toBe(start);
    for (const at of log.slice(1)) expect(at - start).toBeGreaterThanOrEqual(3_000);
  });

  it('a Retry-After beyond 60 s is the call\'s RateLimitError at once, with the delay on it', async () => {
    const fetch = async (): Promise<Response> => json(429, {}, { 'retry-after': '120' });
    const error = await settle(client(fetch, 'adaptive').partnerLinks.get('a').catch((e: unknown) => e));
    expect(error).toMatchObject({ name: 'RateLimitError', status: 429, retryAfterMs: 120_000 });
  });

  it('honours maxConcurrency and maxRequestsPerSecond', async () => {
    const server = bucketServer({ rate: 1e9, burst: 1e9, latency: () => 30 });
    const start = Date.now();
    await settle(gets(client(server.fetch, { maxConcurrency: 2, maxRequestsPerSecond: 10 }), 31));
    expect(server.maxInFlight).toBe(2);
    // 31 requests at 10 per second (one of slack): at least 2.9 s, and never 12 in one second.
    expect(Date.now() - start).toBeGreaterThanOrEqual(2_900);
    for (const { at } of server.log) {
      expect(server.log.filter((entry) => entry.at >= at && entry.at < at + 1_000).length).toBeLessThanOrEqual(11);
    }
  });

  it('paces page walks and the lookups of a create that may have happened', async () => {
    const pages = 5;
    const answer = (request: Request): Response => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/referral_links') && request.method === 'GET') {
        const page = Number(url.searchParams.get('page') ?? 1);
        return json(200, { status: 1, data: [link(`p${page}`)], links: { next: page < pages ? `${url.origin}${url.pathname}?page=${page + 1}` : null } });
      }
      if (request.method === 'POST') return json(503, {});
      if (url.pathname.endsWith(':search')) return json(200, { status: 1, data: [{ ...link('summer') }] });
      return json(200, { status: 1, data: link('x') });
    };
    const server = bucketServer({ rate: 1e9, burst: 1e9, answer });
    const partnero = client(server.fetch, { maxRequestsPerSecond: 4 }, { maxRetries: 2 });
    const walked: unknown[] = [];
    await settle(
      (async () => {
        for await (const item of partnero.partnerLinks.listAll('partner_1')) walked.push(item);
      })(),
    );
    expect(walked).toHaveLength(pages);
    await settle(partnero.partnerLinks.create({ partner: { id: 'partner_1' }, key: 'summer' }).catch(() => {}));
    const kinds = server.log.map(({ url }) => new URL(url).pathname);
    expect(kinds.some((path) => path.endsWith(':search'))).toBe(true);
    // 4 per second with one request of slack: never 3 within 250 ms.
    for (const { at } of server.log) {
      expect(server.log.filter((entry) => entry.at >= at && entry.at < at + 250).length).toBeLessThanOrEqual(2);
    }
    expect(server.log.length).toBeGreaterThan(pages + 2);
  });

  it('an abort while queued is RequestAbortedError, and the call never reaches the server', async () => {
    const server = bucketServer({ rate: 1e9, burst: 1e9 });
    const partnero = client(server.fetch, { maxRequestsPerSecond: 1 });
    const controller = new AbortController();
    await settle(Promise.all([partnero.partnerLinks.get('first'), partnero.partnerLinks.get('second')]));
    const queued = partnero.partnerLinks.get('third', { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await settle(queued)).toBeInstanceOf(RequestAbortedError);
    expect(server.log).toHaveLength(2);
  });

  it('refuses a bad option on the first call, naming the field, before anything is sent', async () => {
    const server = bucketServer({ rate: 1e9, burst: 1e9 });
    for (const [option, field] of [
      [{ maxConcurrency: 0 }, 'rateLimit.maxConcurrency'],
      [{ maxRequestsPerSecond: -1 }, 'rateLimit.maxRequestsPerSecond'],
      [{ redis: 'http://127.0.0.1' }, 'rateLimit.redis'],
      [{ key: 'has space' }, 'rateLimit.key'],
      [{ maxConcurency: 4 }, 'rateLimit.maxConcurency'],
      ['fast', 'rateLimit'],
    ] as const) {
      const error = await settle(client(server.fetch, option).partnerLinks.get('a').catch((e: unknown) => e));
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect(error).toMatchObject({ option: field });
    }
    expect(server.log).toHaveLength(0);
  });
});
