// The adaptive limiter's slower cases (hundreds of calls each; rate-limit.test.ts has the rest), against injected fetch
// implementations that play a rate-limited server, on vitest's fake clock: seconds of traffic
// run in milliseconds, and the figures asserted are the fake clock's, so they cannot drift with
// the machine's load.
import { describe, expect, it } from 'vitest';
import { bucketServer, settle, client, gets, type Server, useFakeClock, windowServer } from '../support/rate-limited.js';

useFakeClock();

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


  // The targets at its low setting, unscaled: 8/s with a burst of 10, 2,000 calls.
  it.each([
    ['without Retry-After', undefined],
    ['with Retry-After: 1 on every 429', '1'],
  ])('at 8/s with a burst of 10, %s: at most 2 % of requests answered 429, at least 90 % of the rate', async (_, retryAfter) => {
    const server = bucketServer({ rate: 8, burst: 10, latency: () => 20, ...(retryAfter ? { retryAfter } : {}) });
    const results = await settle(gets(client(server.fetch, 'adaptive'), 2_000), 3_600_000);
    const seconds = (Date.now() - server.log[0]!.at) / 1000;
    expect(results).toHaveLength(2_000);
    const refused = server.log.filter((entry) => entry.status === 429).length;
    expect(refused / server.log.length).toBeLessThanOrEqual(0.02);
    expect(2_000 / seconds / 8).toBeGreaterThanOrEqual(0.9);
  });

  // The table (issue 28), unscaled, on the fake clock: the rate over the time from the
  // first request to the last, the share of requests answered 429.
  const figures = (server: Server, calls: number) => ({
    rate: calls / ((server.log.at(-1)!.at - server.log[0]!.at) / 1000),
    refused: server.log.filter((entry) => entry.status === 429).length / server.log.length,
  });

  it('at 40/s with a burst of 10 and Retry-After: 1 on every 429, 2,000 calls: at least 90 % of the rate, at most 2 % answered 429', async () => {
    const server = bucketServer({ rate: 40, burst: 10, latency: () => 20, retryAfter: '1' });
    await settle(gets(client(server.fetch, 'adaptive'), 2_000), 3_600_000);
    const { rate, refused } = figures(server, 2_000);
    expect(rate / 40).toBeGreaterThanOrEqual(0.9);
    expect(refused).toBeLessThanOrEqual(0.02);
  });

  it('at 8/s with a burst of 10, no Retry-After, 600 calls (the slow-start descent weighs most here): at least 85 %, at most 2 % answered 429', async () => {
    const server = bucketServer({ rate: 8, burst: 10, latency: () => 20 });
    await settle(gets(client(server.fetch, 'adaptive'), 600), 3_600_000);
    const { rate, refused } = figures(server, 600);
    expect(rate / 8).toBeGreaterThanOrEqual(0.85);
    expect(refused).toBeLessThanOrEqual(0.02);
  });

  it("Laravel's window of 120 a minute, 361 calls (three windows and one): at least 90 % of the window's rate, at most 2 % answered 429", async () => {
    const server = windowServer({ limit: 120, windowMs: 60_000, latency: 20 });
    await settle(gets(client(server.fetch, 'adaptive'), 361), 3_600_000);
    const { rate, refused } = figures(server, 361);
    expect(rate / 2).toBeGreaterThanOrEqual(0.9);
    expect(refused).toBeLessThanOrEqual(0.02);
  });

  it('300 concurrent creates at 40/s: at least 90 % of the rate', async () => {
    const server = bucketServer({ rate: 40, burst: 10, latency: () => 20 });
    const partnero = client(server.fetch, 'adaptive');
    await settle(Promise.all(Array.from({ length: 300 }, (_, i) => partnero.partnerLinks.create({ partner: { id: 'p' }, key: `k${i}` }))), 3_600_000);
    expect(figures(server, 300).rate / 40).toBeGreaterThanOrEqual(0.9);
  });

  it('a rerun from the rate an earlier run reported (onRate → initialRate) meets far fewer 429s than one from slow start: at most 5 % over 200 calls at 40/s', async () => {
    const rates: number[] = [];
    const first = bucketServer({ rate: 40, burst: 10, latency: () => 20 });
    await settle(gets(client(first.fetch, { onRate: (rate: number) => rates.push(rate) }), 400), 3_600_000);
    expect(rates.length).toBeGreaterThan(0);
    const learnt = rates.at(-1)!;
    expect(learnt).toBeGreaterThan(30);
    expect(learnt).toBeLessThan(60);
    const resumed = bucketServer({ rate: 40, burst: 10, latency: () => 20 });
    await settle(gets(client(resumed.fetch, { initialRate: learnt }), 200, 400), 3_600_000);
    const fresh = bucketServer({ rate: 40, burst: 10, latency: () => 20 });
    await settle(gets(client(fresh.fetch, 'adaptive'), 200, 400), 3_600_000);
    expect(figures(resumed, 200).refused).toBeLessThanOrEqual(0.05);
    expect(figures(resumed, 200).refused).toBeLessThan(figures(fresh, 200).refused / 2);
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
