// Figure group "ratelimit" (issues 20, 28): creates against a server that enforces a limit,
// unscaled, in the settings, for the adaptive limiter beside fixed concurrency (16 at
// once, the client's plain retries: what users write today) and a fixed limiter (Bottleneck at a
// guessed 20/s, Octokit's way).
//
// Two kinds of line:
// - fake clock (ratelimit-sim.mjs): the built client against a server played by an injected
//   fetch, on @sinonjs/fake-timers' clock. Minutes of traffic run in seconds and the figures are
//   the clock's, so they do not move with the machine's load: every setting, every configuration,
//   and the pictures (docs/images/ratelimit-*.svg).
// - real time: the built CLI from a CSV (`partner-links create --from`, journal on) and the
//   library in child processes, against a server in a worker thread (ratelimit-server.mjs), for
//   what a fake clock cannot show: Redis across processes, kill -9 and the rerun, the CLI itself.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startRedisServer } from '../lib/redis-server.mjs';
import { rateLimitSvg } from './ratelimit-svg.mjs';
import { startRateLimitedServer, writeLinkRows } from './servers.mjs';

const BUCKET_40_RA = { rate: 40, burst: 10, retryAfter: true };
const BUCKET_40 = { rate: 40, burst: 10, retryAfter: false };
const BUCKET_8 = { rate: 8, burst: 10, retryAfter: false };
const WINDOW_120 = { window: true, limit: 120, windowMs: 60_000 };
export const rateOf = (limit) => (limit.window ? (limit.limit * 1000) / limit.windowMs : limit.rate);

/** The settings on the fake clock. The window's count is three windows and one call: at the window's rate the last call opens the fourth. */
export const SIM_SETTINGS = [
  { id: '40ps-retryAfter', name: '40/s, burst 10, 429 with Retry-After: 1', limit: BUCKET_40_RA, rows: 2_000, target: { rate: 0.9, refused: 0.02 } },
  { id: '8ps', name: '8/s, burst 10, 429 without Retry-After', limit: BUCKET_8, rows: 600, target: { rate: 0.85, refused: 0.02 } },
  { id: 'window', name: "Laravel's window, 120/min, X-RateLimit-* headers", limit: WINDOW_120, rows: 361, target: { rate: 0.9, refused: 0.02 } },
  { id: 'creates300', name: '300 concurrent creates at 40/s, burst 10', limit: BUCKET_40, rows: 300, target: { rate: 0.9 } },
];
const SIM_CONFIGS = [
  { name: 'adaptive', label: "rateLimit: 'adaptive'", mode: 'adaptive', adaptive: true },
  { name: 'fixed16', label: 'fixed concurrency 16, plain retries', mode: 'fixed', concurrency: 16 },
  { name: 'limiter20', label: 'fixed limiter (Bottleneck) at a guessed 20/s', mode: 'limiter', guess: 20 },
];

function runChild(script, config, timeoutMs) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [new URL(script, import.meta.url).pathname, JSON.stringify(config)], { timeout: timeoutMs, maxBuffer: 256 << 20 }, (error, stdout, stderr) => {
      if (process.env.BENCH_DEBUG) process.stderr.write(stderr);
      if (error) reject(new Error(`${script} ${config.mode} failed: ${error.message}\n${stderr.slice(-2_000)}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
    });
  });
}

/** One fake-clock line. */
export async function simulate(entry, setting, config, rows) {
  const started = performance.now();
  const r = await runChild('./ratelimit-sim.mjs', { entry, limit: setting.limit, count: rows, ...config }, 600_000);
  return {
    clock: 'fake',
    setting: setting.name,
    config: config.label,
    rows,
    shareOfRate: r.ok / Math.max(r.ms / 1000, 0.001) / rateOf(setting.limit),
    refusedShare: r.requests ? r.refused / r.requests : 0,
    duplicates: r.duplicates,
    missing: rows - r.createdRows,
    failed: r.failed,
    seconds: r.ms / 1000,
    wallS: (performance.now() - started) / 1000,
    times: r.times,
    rates: r.rates,
  };
}

/**
 * One process of the built CLI over `keys`, from a CSV file (journal beside it):
 * `partnero partner-links create --from rows.csv` (adaptive by default; `extra` adds flags).
 * Resolves to { ok, failed, child } when it ends; `onStart(child)` sees it start.
 */
function cliRun({ entry, baseUrl, csv, extra = [] }, timeoutMs, onStart = () => {}) {
  const cli = join(dirname(entry), 'cli.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'partner-links', 'create', '--from', csv, ...extra], { env: { ...process.env, PARTNERO_API_KEY: 'sandbox-key', PARTNERO_BASE_URL: baseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    onStart(child);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (process.env.BENCH_DEBUG) process.stderr.write(stderr);
      const outcomes = stdout.split('\n').slice(1).filter(Boolean).map((line) => line.split(',')[1]);
      // Exit 1 is "some row failed", counted; SIGKILL is the kill -9 line's own doing.
      if (code !== 0 && code !== 1 && signal !== 'SIGKILL') reject(new Error(`the CLI failed (${code ?? signal}): ${stderr.slice(-2_000)}`));
      else resolve({ ok: outcomes.filter((o) => o === 'ok' || o === 'existing').length, skipped: outcomes.filter((o) => o === 'skipped').length, failed: outcomes.filter((o) => o === 'failed').length });
    });
  });
}

/** Stats of the server between two snapshots. */
const since = (before, after) => ({ requests: after.requests - before.requests, refused: after.refused - before.refused });

/** One real-time line: `run(server, dir)` resolves to { rows, processes? }; the figures come from the server. */
async function realTime(setting, label, rows, run) {
  const server = await startRateLimitedServer(setting.limit);
  const dir = await mkdtemp(join(tmpdir(), 'partnero-bench-rate-'));
  try {
    const started = performance.now();
    const extra = await run(server, dir);
    const wallS = (performance.now() - started) / 1000;
    const stats = await server.stats();
    const counts = Object.values(stats.created);
    const window = extra?.window ?? stats;
    const seconds = extra?.seconds ?? stats.seconds;
    return {
      clock: 'real',
      setting: setting.name,
      config: label,
      rows,
      shareOfRate: (extra?.createdInWindow ?? counts.length) / Math.max(seconds, 0.001) / rateOf(setting.limit),
      refusedShare: window.requests ? window.refused / window.requests : 0,
      duplicates: counts.reduce((sum, n) => sum + n - 1, 0),
      missing: rows - counts.length,
      failed: extra?.failed ?? 0,
      seconds,
      wallS,
      times: stats.times,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await server.close();
  }
}

const keysFor = (prefix, from, count) => Array.from({ length: count }, (_, i) => `${prefix}${from + i}`);

/** The real-time lines. */
function realLines(entry, redisUrl, quick) {
  const n = (rows) => (quick ? Math.min(rows, 100) : rows);
  const csvOf = async (dir, name, keys) => {
    const path = join(dir, `${name}.csv`);
    await writeLinkRows(path, 'partner_bench', keys);
    return path;
  };
  const cliLine = (id, setting, label, rows, extra = []) => ({
    id,
    setting,
    label,
    rows: n(rows),
    adaptive: !extra.includes('off'),
    run: async (server, dir) => {
      const r = await cliRun({ entry, baseUrl: server.url, csv: await csvOf(dir, 'rows', keysFor('row-', 0, n(rows))), extra }, 900_000);
      return { failed: r.failed };
    },
  });
  // Two CLI processes on halves of 600 rows against one 40/s limit: sharing the rate through
  // Redis (`redis`), or each adaptive alone.
  const twoProcesses = (id, label, redis) => ({
    id,
    setting: { name: '2 processes at 40/s together, burst 10', limit: BUCKET_40 },
    label,
    rows: n(600),
    adaptive: redis,
    run: async (server, dir) => {
      if (redis) await flushRedis(redisUrl);
      const half = n(600) / 2;
      const extra = redis ? ['--redis', redisUrl] : [];
      const runs = await Promise.all([0, 1].map(async (p) => cliRun({ entry, baseUrl: server.url, csv: await csvOf(dir, `rows-${p}`, keysFor('row-', p * half, half)), extra }, 900_000)));
      return { failed: runs.reduce((sum, r) => sum + r.failed, 0) };
    },
  });
  const library = (id, label, config, rows) => ({
    id,
    setting: { name: '300 concurrent creates at 40/s, burst 10', limit: BUCKET_40 },
    label,
    rows: n(rows),
    adaptive: config.mode === 'adaptive',
    run: async (server) => {
      const r = await runChild('./ratelimit-child.mjs', { entry, baseUrl: server.url, prefix: 'row-', from: 0, count: n(rows), ...config }, 600_000);
      return { failed: r.failed };
    },
  });
  const s40ra = { name: '40/s, burst 10, 429 with Retry-After: 1', limit: BUCKET_40_RA };
  return [
    cliLine('cli.40ps-retryAfter', s40ra, 'CLI --from (adaptive, the default)', 2_000),
    // (Fixed concurrency and a fixed limiter at this setting are fake-clock lines: through the CLI in
    // real time, --rate-limit off --concurrency 16 took minutes of backoff for its 2,000 rows.)
    cliLine('cli.8ps', { name: '8/s, burst 10, 429 without Retry-After', limit: BUCKET_8 }, 'CLI --from (adaptive, the default)', 600),
    twoProcesses('cli.redis2', 'CLI --from, 2 processes, --redis', true),
    twoProcesses('cli.redis2.alone', 'CLI --from, 2 processes, each adaptive alone', false),
    {
      id: 'cli.rerun',
      setting: { name: 'rerun after kill -9 at half of 400 rows, 40/s, burst 10', limit: BUCKET_40 },
      label: 'CLI --from, killed, run again (the rerun alone)',
      rows: n(400),
      adaptive: true,
      run: async (server, dir) => {
        const rows = n(400);
        const csv = await csvOf(dir, 'rows', keysFor('row-', 0, rows));
        const journal = `${csv}.journal`;
        const doneRows = () => {
          try {
            return readFileSync(journal, 'utf8').split('\n').filter((line) => line.includes('"outcome"')).length;
          } catch {
            return 0;
          }
        };
        await cliRun({ entry, baseUrl: server.url, csv }, 900_000, (child) => {
          const poll = setInterval(() => {
            if (doneRows() >= rows / 2) {
              clearInterval(poll);
              child.kill('SIGKILL');
            }
          }, 5);
          child.once('exit', () => clearInterval(poll));
        });
        const before = await server.stats();
        const rerun = await cliRun({ entry, baseUrl: server.url, csv }, 900_000);
        const after = await server.stats();
        // The rerun's own figures: its requests, its 429s, its time, the rows it made.
        const firstOfRerun = after.times[before.requests]?.[0] ?? 0;
        return { failed: rerun.failed, window: since(before, after), seconds: (after.times.at(-1)[0] - firstOfRerun) / 1000, createdInWindow: Object.keys(after.created).length - Object.keys(before.created).length };
      },
    },
    library('library.creates300', "library, rateLimit: 'adaptive'", { mode: 'adaptive' }, 300),
    library('library.creates300.fixed16', 'library, fixed concurrency 16, plain retries', { mode: 'fixed', concurrency: 16 }, 300),
    library('library.creates300.limiter20', 'library, fixed limiter (Bottleneck) at a guessed 20/s', { mode: 'bottleneck', guess: 20 }, 300),
  ];
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

const pct = (value) => `${(value * 100).toFixed(1)} %`;

/** The group's own table: one line per configuration and setting. */
export function rateLimitTable(results) {
  const lines = [
    'Unscaled. "fake clock" lines: the built client on a simulated clock (the figures are the clock\'s); "real time": child processes against a local server. Throughput over the time from the first request to the last; a window\'s run is three windows and one call.',
    '',
    '| clock | setting | rows | client | throughput ÷ allowed rate | requests answered 429 | duplicates | rows missing | rows failed | run time (s) |',
    '| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    if (r.error) {
      lines.push(`| ${r.clock} | ${r.setting} | ${r.rows ?? ''} | ${r.config} | failed: ${r.error.replace(/\s+/g, ' ').slice(0, 120)} | | | | | |`);
      continue;
    }
    lines.push(`| ${r.clock} | ${r.setting} | ${r.rows} | ${r.config} | ${pct(r.shareOfRate)} | ${pct(r.refusedShare)} | ${r.duplicates} | ${r.missing} | ${r.failed} | ${r.seconds.toFixed(1)} |`);
  }
  return lines.join('\n');
}

/** Where the pictures go (the rate-limit guide shows them). */
export const IMAGES = new URL('../../docs/images/', import.meta.url).pathname;

/** Runs the group; returns `{ rows, table, results }` (rows for the bench's main table: the adaptive ones against their targets). */
export async function rateLimit(entry, { quick = false, log = () => {}, images = !quick, lines } = {}) {
  // `lines`: ids to run (e.g. ['cli.redis2']), for work on one line; all by default.
  const wanted = (id) => !lines || lines.some((line) => id.startsWith(line));
  const results = [];
  const record = (id, target, adaptive, result) => results.push({ ...result, id, target, adaptive });
  for (const setting of SIM_SETTINGS) {
    for (const config of SIM_CONFIGS.filter((each) => wanted(`${setting.id}.${each.name}`))) {
      log(`ratelimit (fake clock): ${setting.name}, ${config.label}`);
      const rows = quick ? Math.min(setting.rows, 100) : setting.rows;
      try {
        const result = await simulate(entry, setting, config, rows);
        record(`ratelimit.${setting.id}.${config.name}`, setting.target, config.adaptive === true, result);
        if (images && config.adaptive) {
          mkdirSync(IMAGES, { recursive: true });
          writeFileSync(join(IMAGES, `ratelimit-${setting.id}.svg`), rateLimitSvg({ title: `${setting.name}: rateLimit 'adaptive', ${rows} creates (fake clock)`, times: result.times, limit: rateOf(setting.limit), rates: result.rates }));
        }
      } catch (error) {
        results.push({ clock: 'fake', setting: setting.name, rows, config: config.label, error: String(error?.message ?? error), id: `ratelimit.${setting.id}.${config.name}`, adaptive: config.adaptive === true });
      }
    }
  }
  const redis = await startRedisServer();
  try {
    for (const line of realLines(entry, redis.url, quick).filter((each) => wanted(each.id))) {
      log(`ratelimit (real time): ${line.setting.name}, ${line.label}`);
      const target = line.id === 'cli.rerun' ? { refused: 0.05 } : line.id.startsWith('library') ? { rate: 0.9 } : line.id === 'cli.8ps' ? { rate: 0.85, refused: 0.02 } : { rate: line.id === 'cli.redis2' ? 0.85 : 0.9, refused: 0.02 };
      try {
        const result = await realTime(line.setting, line.label, line.rows, line.run);
        record(`ratelimit.${line.id}`, target, line.adaptive, result);
        if (images && line.id === 'cli.redis2') writeFileSync(join(IMAGES, 'ratelimit-redis2.svg'), rateLimitSvg({ title: `${line.setting.name}: CLI --from, 2 processes, --redis, ${line.rows} creates (real time)`, times: result.times, limit: rateOf(line.setting.limit) }));
      } catch (error) {
        results.push({ clock: 'real', setting: line.setting.name, rows: line.rows, config: line.label, error: String(error?.message ?? error), id: `ratelimit.${line.id}`, adaptive: line.adaptive });
      }
    }
  } finally {
    await redis.close();
  }
  const mainRows = [];
  for (const r of results.filter((each) => each.adaptive)) {
    const label = `${r.config}, ${r.setting} (${r.clock === 'fake' ? 'fake clock' : 'real time'})`;
    if (r.error) {
      mainRows.push({ id: r.id, figure: label, unit: '', median: null, min: null, max: null, target: null, holds: false, error: r.error });
      continue;
    }
    const one = (suffix, what, value, target, holds) => mainRows.push({ id: `${r.id}.${suffix}`, figure: `${label}: ${what}`, unit: '%', median: value, min: value, max: value, target, holds });
    one('rate', 'throughput ÷ allowed rate (%)', r.shareOfRate * 100, r.target.rate ? `≥ ${r.target.rate * 100}` : null, r.target.rate ? r.shareOfRate >= r.target.rate : true);
    one('refused', 'requests answered 429 (%)', r.refusedShare * 100, r.target.refused ? `≤ ${r.target.refused * 100}` : null, r.target.refused ? r.refusedShare <= r.target.refused : true);
    mainRows.push({ id: `${r.id}.lost`, figure: `${label}: duplicates + rows missing`, unit: 'rows', median: r.duplicates + r.missing, min: r.duplicates + r.missing, max: r.duplicates + r.missing, target: '= 0', holds: r.duplicates + r.missing === 0 });
  }
  return { rows: mainRows, table: rateLimitTable(results), results };
}
