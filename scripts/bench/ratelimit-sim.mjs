// One fake-clock line of the rate-limit bench (ratelimit.mjs), in a child process of its own:
// the built client against a server played by an injected fetch (the sandbox's token bucket or
// Laravel's window, sandbox-rate-limit.mjs, answering after 20 ms), on @sinonjs/fake-timers'
// clock, so that minutes of traffic at 8/s or 120/min run in seconds and the figures are the
// clock's, not the machine's. Config (a JSON argument):
//   { entry, limit: { rate, burst, retryAfter } | { window: true, limit, windowMs }, count, mode }
//   mode 'adaptive' (rateLimit: 'adaptive'), 'fixed' (`concurrency` workers, plain retries) or
//   'limiter' (Bottleneck at `guess` per second, Octokit's way)
// Prints one JSON line: { ok, failed, requests, refused, duplicates, ms, times, rates }.
import FakeTimers from '@sinonjs/fake-timers';
import { pathToFileURL } from 'node:url';
import { fixedWindow, tokenBucket, TOO_MANY } from '../lib/sandbox-rate-limit.mjs';

const config = JSON.parse(process.argv[2]);
// setImmediate stays real: the loop below gives real I/O (the limiter's lazy import) its turn.
const clock = FakeTimers.install({ now: Date.parse('2026-12-01T00:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
const { createPartneroClient } = await import(pathToFileURL(config.entry).href);

const LATENCY_MS = 20;
const limiter = config.limit.window ? fixedWindow(config.limit, () => Date.now()) : tokenBucket(config.limit, () => Date.now());
const created = new Map();
const times = [];
let start = 0;
const link = (key) => ({ id: key, key, url: `https://bench.test/${key}`, default: false, is_additional: true, direct_tracking_redirect_url: null });
const answer = (status, body, headers = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

async function fetch(request) {
  const now = Date.now();
  start ||= now;
  const refused = limiter.take();
  times.push([now - start, refused ? 1 : 0]);
  const headers = refused ?? limiter.headers?.() ?? {};
  const body = request.method === 'POST' ? await request.json() : undefined;
  await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
  if (refused) return answer(429, TOO_MANY, headers);
  const url = new URL(request.url);
  if (body) {
    created.set(body.key, (created.get(body.key) ?? 0) + 1);
    return answer(201, { data: link(body.key), status: 1 }, headers);
  }
  if (url.pathname.endsWith(':search')) {
    const key = url.searchParams.get('key');
    return answer(200, { data: created.has(key) ? [link(key)] : [], status: 1 }, headers);
  }
  return answer(200, { data: [...created.keys()].map(link), links: { next: null }, status: 1 }, headers);
}

const rates = [];
const rateLimit = config.mode === 'adaptive' ? { onRate: (rate) => rates.push([Date.now() - start, rate]) } : undefined;
const client = createPartneroClient({ apiKey: 'sandbox-key', baseUrl: 'http://127.0.0.1:9', fetch, ...(rateLimit ? { rateLimit } : {}) });
let ok = 0;
let failed = 0;
const create = (i) =>
  client.partnerLinks.create({ partner: { id: 'partner_bench' }, key: `row-${i}` }).then(
    () => void ok++,
    () => void failed++,
  );

async function pool(width, run) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, config.count) }, async () => {
    while (next < config.count) await run(next++);
  }));
}

let work;
if (config.mode === 'fixed') work = pool(config.concurrency, create);
else if (config.mode === 'limiter') {
  const { default: Bottleneck } = await import('bottleneck');
  const bottleneck = new Bottleneck({ minTime: 1000 / config.guess, maxConcurrent: null });
  work = pool(config.count, (i) => bottleneck.schedule(() => create(i)));
} else work = pool(config.count, create);
let done = false;
work.finally(() => {
  done = true;
});
const deadline = Date.now() + 4 * 3_600_000;
while (!done && Date.now() < deadline) {
  await clock.tickAsync(5);
  await new Promise((resolve) => setImmediate(resolve));
}
const counts = [...created.values()];
const result = {
  ok,
  failed,
  requests: times.length,
  refused: times.filter(([, refused]) => refused).length,
  createdRows: counts.length,
  duplicates: counts.reduce((sum, n) => sum + n - 1, 0),
  ms: times.length ? times.at(-1)[0] : 0,
  times,
  rates,
};
clock.uninstall();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
