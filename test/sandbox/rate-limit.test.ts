// The sandbox's rate limit (`--rate-limit`, startSandbox({ rateLimit })): a token bucket
// answering 429 with or without Retry-After, and the client's limiter against it.
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, startSandbox } from '../../scripts/lib/sandbox.mjs';
import { fixedWindow, parseRateLimit, tokenBucket } from '../../scripts/lib/sandbox-rate-limit.mjs';
import { createPartneroClient } from '../../src/index.js';
import { startNode } from '../tools/support/processes.js';

const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((sandbox) => sandbox.close()));
});

const list = (base: string) =>
  fetch(`${base}/v1/partners/partner_123/referral_links`, { headers: { authorization: `Bearer ${SANDBOX_API_KEY}` } }).then(async (response) => {
    await response.arrayBuffer();
    return response;
  });

describe('sandbox --rate-limit', () => {
  it('reads RATE/s and RATE/min with burst and no-retry-after, and refuses anything else naming the option', () => {
    expect(parseRateLimit('40/s')).toEqual({ rate: 40, burst: 10, retryAfter: true });
    expect(parseRateLimit('600/min,burst=5,no-retry-after')).toEqual({ rate: 10, burst: 5, retryAfter: false });
    for (const bad of ['40', '40/h', '0/s', '40/s,burst=0', '40/s,fast', '120/min,window,burst=5', '2.5/s,window']) expect(() => parseRateLimit(bad)).toThrow(/--rate-limit/);
  });

  it("reads RATE/min,window as Laravel's throttle:RATE,1", () => {
    expect(parseRateLimit('120/min,window')).toEqual({ rate: 2, window: true, limit: 120, windowMs: 60_000 });
    expect(parseRateLimit('40/s,window')).toEqual({ rate: 40, window: true, limit: 40, windowMs: 1_000 });
  });

  it("a fixed window as Laravel keeps it: the limit at once, then 429 until the window's end, X-RateLimit-* on every answer", () => {
    let now = Date.parse('2026-12-01T00:00:10.400Z');
    const window = fixedWindow({ limit: 3, windowMs: 60_000 }, () => now);
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      expect(window.take()).toBeUndefined();
      expect(window.headers()['x-ratelimit-limit']).toBe('3');
      remaining.push(window.headers()['x-ratelimit-remaining']!);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    now += 20_000;
    // The window began at the first request's whole second (00:00:10): it ends at 00:01:10.
    expect(window.take()).toEqual({ 'retry-after': '40', 'x-ratelimit-reset': String(Date.parse('2026-12-01T00:01:10Z') / 1000), 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '0' });
    now = Date.parse('2026-12-01T00:01:10Z');
    expect(window.take()).toBeUndefined();
    expect(window.headers()['x-ratelimit-remaining']).toBe('2');
  });

  it('a window answers like Laravel over HTTP: X-RateLimit-* on successes, Retry-After and X-RateLimit-Reset on the 429', async () => {
    const sandbox = await startSandbox({ port: 0, rateLimit: '2/min,window' });
    started.push(sandbox);
    const answers = [await list(sandbox.url), await list(sandbox.url), await list(sandbox.url)];
    expect(answers.map((response) => response.status)).toEqual([200, 200, 429]);
    expect(answers.map((response) => response.headers.get('x-ratelimit-remaining'))).toEqual(['1', '0', '0']);
    expect(answers[0]!.headers.get('x-ratelimit-limit')).toBe('2');
    expect(Number(answers[2]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(58);
    expect(Number(answers[2]!.headers.get('x-ratelimit-reset')) * 1000).toBeGreaterThan(Date.now() + 55_000);
  });

  it('a token bucket: the burst, then the rate; Retry-After in whole seconds until a token is back', () => {
    let now = 0;
    const bucket = tokenBucket({ rate: 2, burst: 3 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([undefined, undefined, undefined]);
    expect(bucket.take()).toEqual({ 'retry-after': '1' });
    now = 500; // One token back after half a second at 2 per second.
    expect(bucket.take()).toBeUndefined();
    expect(bucket.take()).toEqual({ 'retry-after': '1' });
    expect(tokenBucket('1/min,burst=1,no-retry-after', () => 0).take()).toBeUndefined();
  });

  it('answers 429 past the burst, with Retry-After or, asked so, without', async () => {
    const sandbox = await startSandbox({ port: 0, rateLimit: '2/s,burst=3' });
    started.push(sandbox);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await list(sandbox.url));
    expect(statuses.map((response) => response.status)).toEqual([200, 200, 200, 429]);
    expect(statuses[3]!.headers.get('retry-after')).toBe('1');
    const bare = await startSandbox({ port: 0, rateLimit: { rate: 1, burst: 1, retryAfter: false } });
    started.push(bare);
    await list(bare.url);
    const refused = await list(bare.url);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeNull();
  });

  it('the client with rateLimit makes every create of a burst past the limit, none twice', async () => {
    const sandbox = await startSandbox({ port: 0, rateLimit: '40/s,burst=5,no-retry-after' });
    started.push(sandbox);
    const partnero = createPartneroClient({ apiKey: SANDBOX_API_KEY, baseUrl: sandbox.url, maxRetries: 0, rateLimit: 'adaptive' });
    const keys = Array.from({ length: 25 }, (_, i) => `limited-${i}`);
    await Promise.all(keys.map((key) => partnero.partnerLinks.create({ partner: { id: 'partner_123' }, key })));
    const stored = sandbox.state.links.filter((link) => link.key.startsWith('limited-')).map((link) => link.key);
    expect(stored.sort()).toEqual([...keys].sort());
  });

  it("the client with rateLimit against a window: paced by its X-RateLimit-* headers, at most one 429 a window", async () => {
    const sandbox = await startSandbox({ port: 0, rateLimit: '10/s,window' });
    started.push(sandbox);
    let refused = 0;
    const partnero = createPartneroClient({
      apiKey: 'sandbox-key',
      baseUrl: sandbox.url,
      maxRetries: 0,
      rateLimit: 'adaptive',
      fetch: async (request: Request) => {
        const response = await fetch(request);
        if (response.status === 429) refused++;
        return response;
      },
    });
    const begun = Date.now();
    await Promise.all(Array.from({ length: 25 }, () => partnero.partnerLinks.list('partner_123')));
    // The sandbox's windows, like Laravel's, run on whole seconds. Only a 429 tells a window's
    // reset (allowed answers say what remains, not when it comes back), so the client may spend
    // one 429 on each window the run spans, and one more on a call that was already on its way
    // when the server's count ran out (learning, without the headers, met 8 or more).
    const windows = Math.floor(Date.now() / 1000) - Math.floor(begun / 1000) + 1;
    expect(windows).toBeLessThanOrEqual(5); // 25 calls at 10 a window: three windows, and the first and last partial
    expect(refused).toBeLessThanOrEqual(windows + 1);
  });

  it('npm run sandbox -- --rate-limit refuses a bad value with exit code 2', async () => {
    const bad = startNode('scripts/sandbox.mjs', ['--rate-limit', 'lots']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('--rate-limit takes RATE/s or RATE/min');
  });
});
