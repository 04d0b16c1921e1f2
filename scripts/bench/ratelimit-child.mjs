// One client process of the rate-limit bench (ratelimit.mjs) and of the Redis test: runs
// `count` creates (keys `<prefix><from + i>`) against `baseUrl` the way `mode` says, then prints
// one JSON line { ok, failed, errors, ms }. Config: a JSON argument.
//   mode 'fixed':      `concurrency` workers, each create after the last, the client's plain retries
//   mode 'bottleneck': every create through a Bottleneck limiter at `guess` per second (Octokit's way)
//   mode 'adaptive':   every create at once, through the client's `rateLimit` (with `redis`, `key`)
import { pathToFileURL } from 'node:url';

const config = JSON.parse(process.argv[2]);
const { createPartneroClient } = await import(pathToFileURL(config.entry).href);
const rateLimit = config.mode === 'adaptive' ? (config.redis ? { redis: config.redis, key: config.key } : 'adaptive') : undefined;
const client = createPartneroClient({ apiKey: 'bench-key', baseUrl: config.baseUrl, ...(rateLimit ? { rateLimit } : {}) });

let ok = 0;
let failed = 0;
const errors = {};
const create = async (i) => {
  try {
    await client.partnerLinks.create({ partner: { id: 'partner_bench' }, key: `${config.prefix}${config.from + i}` });
    ok++;
  } catch (error) {
    failed++;
    errors[error.name] = (errors[error.name] ?? 0) + 1;
  }
};

/** Runs `create` for 0..count-1 with at most `width` at once. */
async function pool(width, run) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, config.count) }, async () => {
    while (next < config.count) await run(next++);
  }));
}

const start = performance.now();
if (config.mode === 'fixed') {
  await pool(config.concurrency, create);
} else if (config.mode === 'bottleneck') {
  const { default: Bottleneck } = await import('bottleneck');
  const limiter = new Bottleneck({ minTime: 1000 / config.guess, maxConcurrent: null });
  await pool(config.count, (i) => limiter.schedule(() => create(i)));
} else {
  // The limiter queues: a pool only keeps the promises of 100,000 rows from being made at once.
  await pool(256, create);
}
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ok, failed, errors, ms })}\n`);
// With Redis the limiter lets its connections go after a second idle; a bench need not wait.
process.exit(0);
