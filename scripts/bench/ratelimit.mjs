// Figure group "ratelimit" (issue 20): creates against a local server enforcing a limit the
// client is not told (a token bucket, 429 without Retry-After as Partnero documents none), at
// two settings, side by side for: fixed concurrency 4, 16 and 64 with the client's plain
// retries (what users write today), a Bottleneck limiter at a guessed rate (Octokit's way), the
// adaptive limiter (`rateLimit: 'adaptive'`), 4 processes sharing it through Redis, and the same
// two through the built CLI from a CSV file (`partner-links create --from`, journal on).
//
// The settings are 40/s and 8/s with a burst of 10 and 2,000 creates. Run as such, the
// 8/s line alone would take over 4 minutes per configuration, so the rates AND the bursts are
// scaled by SCALE (3): time runs three times faster for the server. A larger scale was tried:
// the bench machine (2 shared cores) could not send much over 100 creates per second at all, so
// at 400/s the figure measured the machine, not the limiter. What does not scale is the client's
// own clock: its backoff (0.5 s, 1 s), the whole seconds of a Retry-After, and the limiter's
// curve (1 to 10 s from a cut back to the peak). A third setting is the "8/s" one with a
// Retry-After on every 429 (the sandbox's default), for the configurations it changes most.
// Each configuration runs in its own child process (ratelimit-child.mjs) against a fresh server
// in a worker thread (ratelimit-server.mjs), one after the other.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startRedisServer } from '../lib/redis-server.mjs';
import { startRateLimitedServer, writeLinkRows } from './servers.mjs';

export const SCALE = 3;
const SETTINGS = [
  { name: '40/s', rate: 40 * SCALE, burst: 10 * SCALE, rows: 2_000, retryAfter: false },
  { name: '8/s', rate: 8 * SCALE, burst: 10 * SCALE, rows: 2_000, retryAfter: false },
  // Only the lines a Retry-After changes most; 1,000 creates, to keep the group near 15 minutes.
  { name: '8/s + Retry-After', rate: 8 * SCALE, burst: 10 * SCALE, rows: 1_000, retryAfter: true, only: ['fixed16', 'adaptive', 'redis4'] },
];
/** The Bottleneck baseline's guess, the same for both settings (nobody knows the limit): 20/s, scaled. */
const GUESS = 20 * SCALE;

function child(config, timeoutMs) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [new URL('./ratelimit-child.mjs', import.meta.url).pathname, JSON.stringify(config)], { timeout: timeoutMs, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (process.env.BENCH_DEBUG) process.stderr.write(stderr);
      if (error) reject(new Error(`${config.mode} child failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
    });
  });
}

/**
 * One process of the built CLI over its share of the rows, from a CSV file (journal on, beside
 * it): `partnero partner-links create --from rows.csv --rate-limit adaptive` (or `--redis URL`).
 * Resolves to { ok, failed } from the outcomes it printed.
 */
async function cliChild({ entry, baseUrl, prefix, from, count, redis }, dir, timeoutMs) {
  const csv = join(dir, `rows-${from}.csv`);
  await writeLinkRows(csv, 'partner_bench', Array.from({ length: count }, (_, i) => `${prefix}${from + i}`));
  const cli = join(dirname(entry), 'cli.js');
  const args = [cli, 'partner-links', 'create', '--from', csv, ...(redis ? ['--redis', redis] : ['--rate-limit', 'adaptive'])];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { timeout: timeoutMs, maxBuffer: 64 << 20, env: { ...process.env, PARTNERO_API_KEY: 'bench-key', PARTNERO_BASE_URL: baseUrl } }, (error, stdout, stderr) => {
      if (process.env.BENCH_DEBUG) process.stderr.write(stderr);
      const outcomes = stdout.split('\n').slice(1).filter(Boolean).map((line) => line.split(',')[1]);
      const ok = outcomes.filter((o) => o === 'ok' || o === 'existing').length;
      // Exit 1 is "some row failed", counted below; anything else is the bench's failure.
      if (error && error.code !== 1) reject(new Error(`the CLI failed: ${error.message}\n${stderr.slice(-2_000)}`));
      else resolve({ ok, failed: count - ok });
    });
  });
}

/** Empties the bench's Redis: the CLI shares under the default key, which must not carry a learned rate from one line to the next. */
async function flushRedis(url) {
  const { Redis } = await import('ioredis');
  const client = new Redis(url);
  try {
    await client.flushall();
  } finally {
    client.disconnect();
  }
}

/** One configuration at one setting: `processes` children share the rows. */
export async function measure(entry, setting, config, rows, redis) {
  const server = await startRateLimitedServer({ rate: setting.rate, burst: setting.burst, retryAfter: setting.retryAfter });
  try {
    const processes = config.processes ?? 1;
    const share = Math.ceil(rows / processes);
    const key = `bench-${process.pid}-${setting.name}-${config.label}`.replace(/[^\w.:-]/g, '_');
    if (config.cli && config.redis) await flushRedis(redis);
    const dir = config.cli ? await mkdtemp(join(tmpdir(), 'partnero-bench-rate-')) : undefined;
    const start = performance.now();
    const results = await Promise.all(
      Array.from({ length: processes }, (_, p) => {
        const part = { entry, baseUrl: server.url, prefix: 'row-', from: p * share, count: Math.min(share, rows - p * share), ...config, ...(config.redis ? { redis, key } : {}) };
        return config.cli ? cliChild(part, dir, 600_000) : child(part, 600_000);
      }),
    ).finally(() => dir && rm(dir, { recursive: true, force: true }));
    const wallS = (performance.now() - start) / 1000;
    const stats = await server.stats();
    const counts = Object.values(stats.created);
    const createdRows = counts.length;
    const duplicates = counts.reduce((sum, n) => sum + n - 1, 0);
    const failed = results.reduce((sum, r) => sum + r.failed, 0);
    // The rows' own time: from the first request to the last answer of the processes (for the
    // CLI, whose start-up is not the limiter's, from the server's first request to its last).
    const busyS = config.cli ? stats.seconds : Math.max(...results.map((r) => r.ms)) / 1000;
    return {
      setting: setting.name,
      config: config.label,
      shareOfRate: createdRows / busyS / setting.rate,
      refusedShare: stats.requests === 0 ? 0 : stats.refused / stats.requests,
      requests: stats.requests,
      duplicates,
      missing: rows - createdRows,
      failed,
      wallS,
      busyS,
    };
  } finally {
    await server.close();
  }
}

const pct = (value) => `${(value * 100).toFixed(1)} %`;

/** The group's own table: one line per configuration and setting. */
export function rateLimitTable(results) {
  const lines = [
    `Server limits scaled ×${SCALE}: "40/s" is ${40 * SCALE}/s with a burst of ${10 * SCALE}, "8/s" is ${8 * SCALE}/s with a burst of ${10 * SCALE}; 429 without Retry-After, but in the "+ Retry-After" lines (whole seconds, unscaled, as HTTP has it). Bottleneck guesses ${GUESS / SCALE}/s (×${SCALE}) for all.`,
    '',
    `| limit (÷${SCALE}) | creates | client | throughput ÷ allowed rate | requests answered 429 | duplicates | rows missing | wall time (s) |`,
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    if (r.error) {
      lines.push(`| ${r.setting} | ${r.rows ?? ''} | ${r.config} | failed: ${r.error.replace(/\s+/g, ' ').slice(0, 120)} | | | | |`);
      continue;
    }
    lines.push(`| ${r.setting} | ${r.rows} | ${r.config} | ${pct(r.shareOfRate)} | ${pct(r.refusedShare)} | ${r.duplicates} | ${r.missing} | ${r.wallS.toFixed(1)} |`);
  }
  return lines.join('\n');
}

/** Runs the group; returns `{ rows, table }` (rows for the bench's main table: the adaptive ones against their targets). */
export async function rateLimit(entry, { quick = false, log = () => {} } = {}) {
  const configs = [
    { name: 'fixed4', label: 'fixed concurrency 4, plain retries', mode: 'fixed', concurrency: 4 },
    { name: 'fixed16', label: 'fixed concurrency 16, plain retries', mode: 'fixed', concurrency: 16 },
    { name: 'fixed64', label: 'fixed concurrency 64, plain retries', mode: 'fixed', concurrency: 64 },
    { name: 'bottleneck', label: `Bottleneck at a guessed ${GUESS / SCALE}/s`, mode: 'bottleneck', guess: GUESS },
    { name: 'adaptive', label: "rateLimit: 'adaptive'", mode: 'adaptive', adaptive: true },
    { name: 'redis4', label: 'adaptive, 4 processes sharing Redis', mode: 'adaptive', processes: 4, redis: true, adaptive: true },
    { name: 'cli', label: 'CLI --from a CSV, --rate-limit adaptive', cli: true, adaptive: true },
    { name: 'cli-redis4', label: 'CLI --from a CSV, 4 processes, --redis', cli: true, processes: 4, redis: true, adaptive: true },
  ];
  // --quick proves the group runs: one setting, 100 creates, five of the lines.
  if (quick) configs.splice(0, configs.length, ...configs.filter((each) => ['fixed4', 'adaptive', 'redis4', 'cli', 'cli-redis4'].includes(each.name)));
  const redis = await startRedisServer();
  const results = [];
  try {
    for (const setting of quick ? SETTINGS.slice(0, 1) : SETTINGS) {
      for (const config of configs.filter((each) => !setting.only || setting.only.includes(each.name))) {
        log(`ratelimit: ${setting.name} ${config.label}`);
        try {
          results.push({ ...(await measure(entry, setting, config, quick ? 100 : setting.rows, redis.url)), rows: quick ? 100 : setting.rows, adaptive: config.adaptive === true, name: config.name });
        } catch (error) {
          results.push({ setting: setting.name, rows: setting.rows, config: config.label, error: String(error?.message ?? error), adaptive: config.adaptive === true, name: config.name });
        }
      }
    }
  } finally {
    await redis.close();
  }
  const mainRows = [];
  for (const r of results.filter((each) => each.adaptive)) {
    const id = `ratelimit.${r.setting.replace('/s', 'ps').replace(' + Retry-After', '.retryAfter')}.${r.name}`;
    const label = `${r.config} at ${r.setting} (÷${SCALE})`;
    if (r.error) {
      mainRows.push({ id, figure: label, unit: '', median: null, min: null, max: null, target: null, holds: false, error: r.error });
      continue;
    }
    const one = (suffix, what, value, target, holds) => mainRows.push({ id: `${id}.${suffix}`, figure: `${label}: ${what}`, unit: '%', median: value, min: value, max: value, target, holds });
    one('rate', 'throughput ÷ allowed rate (%)', r.shareOfRate * 100, '≥ 90', r.shareOfRate >= 0.9);
    one('refused', 'requests answered 429 (%)', r.refusedShare * 100, '≤ 2', r.refusedShare <= 0.02);
    mainRows.push({ id: `${id}.lost`, figure: `${label}: duplicates + rows missing`, unit: 'rows', median: r.duplicates + r.missing, min: r.duplicates + r.missing, max: r.duplicates + r.missing, target: '= 0', holds: r.duplicates + r.missing === 0 });
  }
  return { rows: mainRows, table: rateLimitTable(results), results };
}
