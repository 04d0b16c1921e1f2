// rateLimit.redis when Redis fails (issue 28): a Redis that dies mid-run, one that stalls, and
// connect failures, each against a real redis-server started here (scripts/lib/redis-server.mjs)
// and stopped however the test ends.
import { afterEach, describe, expect, it } from 'vitest';
import { startRateLimitedServer } from '../../scripts/bench/servers.mjs';
import { freePort, startRedisServer } from '../../scripts/lib/redis-server.mjs';
import { createPartneroClient, InvalidOptionError, RequestAbortedError } from '../../src/index.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function redisServer(options: Parameters<typeof startRedisServer>[0] = {}) {
  const redis = await startRedisServer(options);
  stops.push(() => redis.close());
  return redis;
}

async function limitedServer(rateLimit: { rate: number; burst: number; retryAfter: boolean }) {
  const server = await startRateLimitedServer(rateLimit);
  stops.push(() => server.close());
  return server;
}

const creates = (client: ReturnType<typeof createPartneroClient>, prefix: string, count: number) =>
  Promise.all(Array.from({ length: count }, (_, i) => client.partnerLinks.create({ partner: { id: 'p' }, key: `${prefix}${i}` })));

describe('rateLimit.redis, faults', () => {
  it('Redis dies mid-run: the calls go on, cut locally on a 429 (no 429 storm), and the store reconnects when Redis is back', async () => {
    const redis = await redisServer();
    const server = await limitedServer({ rate: 40, burst: 5, retryAfter: false });
    const rates: number[] = [];
    const client = createPartneroClient({ apiKey: 'sandbox-key', baseUrl: server.url, maxRetries: 0, rateLimit: { redis: redis.url, key: `faults-${process.pid}-dies`, onRate: (rate) => rates.push(rate) } });
    await creates(client, 'before-', 3); // Connected, still in slow start: the limit is not learnt yet.
    redis.signal('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const cutsBefore = rates.length;
    const before = await server.stats();
    await creates(client, 'down-', 200);
    const during = await server.stats();
    // Every create made once; the 429s of the run while Redis was down stayed few, because the
    // process cut its own rate (a cut only through the script, as before, left 88 % 429s).
    expect(Object.keys(during.created)).toHaveLength(203);
    expect(Object.values(during.created).every((n) => n === 1)).toBe(true);
    expect((during.refused - before.refused) / (during.requests - before.requests)).toBeLessThan(0.15);
    expect(rates.length).toBeGreaterThan(cutsBefore);
    // Back on the same port: the pacing uses Redis again (its slot key reappears).
    const back = await redisServer({ port: redis.port });
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await creates(client, 'back-', 20);
    const { Redis } = await import('ioredis');
    const reader = new Redis(back.url);
    try {
      expect(await reader.exists(`partnero-rate:faults-${process.pid}-dies:tat`)).toBe(1);
    } finally {
      reader.disconnect();
    }
  }, 60_000);

  it('Redis stalls: commands time out, the calls go on alone, and a call aborted while waiting on Redis ends at once', async () => {
    const redis = await redisServer();
    const server = await limitedServer({ rate: 1_000, burst: 1_000, retryAfter: false });
    const client = createPartneroClient({ apiKey: 'sandbox-key', baseUrl: server.url, rateLimit: { redis: redis.url, key: `faults-${process.pid}-stall` } });
    await creates(client, 'before-', 5);
    redis.signal('SIGSTOP');
    // The head call waits on Redis for its slot; an abort ends that wait.
    const controller = new AbortController();
    const aborted = client.partnerLinks.create({ partner: { id: 'p' }, key: 'aborted' }, { signal: controller.signal }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const abortedAt = Date.now();
    controller.abort();
    expect(await aborted).toBeInstanceOf(RequestAbortedError);
    expect(Date.now() - abortedAt).toBeLessThan(200);
    // The rest go on without Redis: one command timeout, not one per call.
    const started = Date.now();
    await creates(client, 'stalled-', 30);
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(Object.keys((await server.stats()).created)).toHaveLength(35);
    redis.signal('SIGCONT');
  }, 60_000);

  it.each([
    ['NOAUTH', (port: number) => `redis://127.0.0.1:${port}`, /NOAUTH/],
    ['WRONGPASS', (port: number) => `redis://:wrong-secret@127.0.0.1:${port}`, /WRONGPASS/],
  ])('a connect failure says why: %s', async (_, url, reason) => {
    const redis = await redisServer({ args: ['--requirepass', 'right-secret'] });
    const error = await createPartneroClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', fetch: async () => new Response('{}'), rateLimit: { redis: url(redis.port) } })
      .partnerLinks.get('a')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toMatch(/redis:\/\/:PASSWORD@host:port/);
    expect((error as Error).message).not.toMatch(/Connection is closed|wrong-secret|right-secret/);
  }, 30_000);

  it('a connect failure says why: ECONNREFUSED', async () => {
    const port = await freePort();
    const error = await createPartneroClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', fetch: async () => new Response('{}'), rateLimit: { redis: `redis://127.0.0.1:${port}` } })
      .partnerLinks.get('a')
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(new RegExp(`ECONNREFUSED 127.0.0.1:${port}`));
  }, 30_000);
});
