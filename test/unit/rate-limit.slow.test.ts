// The adaptive limiter's slower cases (hundreds of calls each; rate-limit.test.ts has the rest), against injected fetch
// implementations that play a rate-limited server, on vitest's fake clock: seconds of traffic
// run in milliseconds, and the figures asserted are the fake clock's, so they cannot drift with
// the machine's load.
import { describe, expect, it } from 'vitest';
import { bucketServer, settle, client, gets, type Server, useFakeClock } from '../support/rate-limited.js';

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
