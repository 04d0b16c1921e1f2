// The bulk figures (issue 20): (1) `partnero partner-links create --from links.csv` (the built
// CLI, a child process) against the sandbox, every answer `slowMs` late so that requests are in
// flight, killed with SIGKILL half way by its journal, then run again: duplicates and missing
// links counted in the sandbox. (2) partnero-client/bulk over 100,000 rows of an async iterable:
// heap (after GC) and RSS sampled along the way (bulk-memory-child.mjs, in its own process).
// (3) The built CLI over a CSV of 100,000 rows, its RSS read from /proc as it goes.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startSandbox } from '../lib/sandbox.mjs';
import { startRateLimitedServer, writeLinkRows } from './servers.mjs';
import { row, summary } from './stats.mjs';

const MB = 1024 * 1024;
const exact = (value) => ({ median: value, min: value, max: value });

/** Runs the CLI to its end; resolves to { code, signal, stdout, stderr, seconds }. */
function runCli(cli, args, env, { killWhen } = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let poll;
  if (killWhen) {
    poll = setInterval(() => {
      void killWhen().then((yes) => {
        if (yes && child.exitCode === null) child.kill('SIGKILL');
      });
    }, 5);
  }
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

async function journalOutcomes(path) {
  try {
    return (await readFile(path, 'utf8')).split('\n').filter((line) => line.includes('"outcome"')).length;
  } catch {
    return 0;
  }
}

export async function bulkResume(entry, { rows, slowMs, concurrency }) {
  const cli = join(dirname(entry), 'cli.js');
  const dir = await mkdtemp(join(tmpdir(), 'partnero-bench-bulk-'));
  const sandbox = await startSandbox({ port: 0, apiKey: 'bench_key', faults: `slow=${slowMs}` });
  try {
    const keys = Array.from({ length: rows }, (_, i) => `bench-${i}`);
    const csv = join(dir, 'links.csv');
    const journal = `${csv}.journal`;
    await writeLinkRows(csv, 'partner_789', keys);
    const env = { ...process.env, PARTNERO_API_KEY: 'bench_key', PARTNERO_BASE_URL: sandbox.url };
    const args = ['partner-links', 'create', '--from', csv, '--concurrency', String(concurrency)];
    const first = await runCli(cli, args, env, { killWhen: async () => (await journalOutcomes(journal)) >= rows / 2 });
    if (first.signal !== 'SIGKILL') throw new Error(`the first run was not killed half way (exit ${first.code}): ${first.stderr}`);
    const records = (await readFile(journal, 'utf8')).split('\n').flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
    const done = new Set(records.filter((r) => r.outcome).map((r) => r.line));
    const inFlight = new Set(records.filter((r) => r.state === 'started' && !done.has(r.line)).map((r) => r.line)).size;
    // Let the sandbox finish what the killed process had sent.
    await new Promise((resolve) => setTimeout(resolve, slowMs * 4));
    const second = await runCli(cli, args, env);
    if (second.code !== 0) throw new Error(`the rerun exited ${second.code}: ${second.stderr}`);
    const outcomes = second.stdout.split('\n').slice(1).filter(Boolean).map((line) => line.split(',')[1]);
    const counts = new Map();
    for (const link of sandbox.state.links) counts.set(link.key, (counts.get(link.key) ?? 0) + 1);
    const missing = keys.filter((key) => !counts.has(key)).length;
    const duplicates = keys.reduce((sum, key) => sum + Math.max(0, (counts.get(key) ?? 0) - 1), 0);
    const label = `${rows} creates from a CSV (CLI, --concurrency ${concurrency}, answers ${slowMs} ms late), kill -9 half way, rerun`;
    return [
      row('bulk.kill.duplicates', `${label}: duplicate links`, 'links', exact(duplicates), { max: 0 }),
      row('bulk.kill.missing', `${label}: rows without their link`, 'rows', exact(missing), { max: 0 }),
      row('bulk.kill.inFlight', `${label}: rows in flight at the kill`, 'rows', exact(inFlight), undefined, {
        existingOnRerun: outcomes.filter((o) => o === 'existing').length,
      }),
      row('bulk.kill.skipped', `${label}: rows the rerun skipped (done before the kill)`, 'rows', exact(outcomes.filter((o) => o === 'skipped').length)),
      row('bulk.cli.rate', `${label}: rows a second, the rerun's rows sent`, 'rows/s', exact((rows - done.size) / second.seconds)),
    ];
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function bulkMemory(entry, { total, every, concurrency, timeoutMs }) {
  const child = fileURLToPath(new URL('./bulk-memory-child.mjs', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', child, entry, String(total), String(every), String(concurrency)], {
    timeout: timeoutMs,
    maxBuffer: 16 * MB,
  });
  const result = JSON.parse(stdout.trim().split('\n').at(-1));
  const heap = result.samples.map((s) => (s.heapUsed - result.baseline.heapUsed) / MB);
  const rss = result.samples.map((s) => (s.rss - result.baseline.rss) / MB);
  // RSS rises once as V8 and the allocator grow their spaces for the run's working set, and is
  // flat after that if nothing is held: the figure is the change after the first sample.
  const rssAfterFirst = result.samples.map((s) => (s.rss - result.samples[0].rss) / MB);
  const label = `partnero-client/bulk, ${total} creates from an async iterable (concurrency ${concurrency}, answered in-process)`;
  return [
    row('bulk.memory.heapGrowth.mb', `${label}: heap growth (MB, sampled after GC every ${every} rows)`, 'MB', summary(heap), { max: 20, judge: 'max' }, {
      samples: result.samples.map((s, i) => ({ rows: s.rows, heapMB: heap[i], rssMB: rss[i] })),
    }),
    row('bulk.memory.rssGrowth.mb', `${label}: RSS change after the first ${every} rows (MB)`, 'MB', summary(rssAfterFirst), { max: 20, judge: 'max' }, {
      firstSampleGrowthMB: rss[0],
    }),
    row('bulk.memory.rate', `${label}: rows a second`, 'rows/s', exact(total / result.seconds)),
  ];
}

/** A process's resident set (bytes) from /proc (Linux), or undefined once it is gone. */
async function rssOf(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) * 1024;
  } catch {
    return undefined;
  }
}

/**
 * (3) The built CLI over `total` rows of a CSV file (`partner-links create --from`, journal on,
 * results as CSV on stdout) against the rate-limit bench's server with no limit (every create a
 * Map entry: the sandbox would search its whole store for each key), the CLI's RSS read from
 * /proc every 100 ms with the rows done so far (its stdout lines).
 */
export async function bulkCliMemory(entry, { total, every, concurrency, timeoutMs }) {
  const cli = join(dirname(entry), 'cli.js');
  const dir = await mkdtemp(join(tmpdir(), 'partnero-bench-bulk-rss-'));
  const server = await startRateLimitedServer({ rate: 1e9, burst: 1e9, retryAfter: false });
  try {
    const csv = join(dir, 'links.csv');
    await writeLinkRows(csv, 'partner_bench', Array.from({ length: total }, (_, i) => `rss-${i}`));
    const env = { ...process.env, PARTNERO_API_KEY: 'bench_key', PARTNERO_BASE_URL: server.url };
    const started = performance.now();
    const child = spawn(process.execPath, [cli, 'partner-links', 'create', '--from', csv, '--concurrency', String(concurrency)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let done = -1; // the header line
    let partial = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      const text = partial + chunk;
      const cut = text.lastIndexOf('\n');
      partial = text.slice(cut + 1);
      for (let i = 0; i <= cut; i++) if (text.charCodeAt(i) === 10) done += 1;
    });
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4_000)));
    const samples = [];
    const poll = setInterval(() => {
      const rows = done;
      void rssOf(child.pid).then((rss) => rss !== undefined && samples.push({ rows, rss }));
    }, 100);
    const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const [code] = await once(child, 'exit');
    clearInterval(poll);
    clearTimeout(killer);
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0 || done !== total) throw new Error(`the CLI exited ${code} after ${done} of ${total} rows: ${stderr}`);
    // From the first `every` rows on (V8 and the allocator have grown their spaces by then), as for the library figure.
    const base = samples.find((s) => s.rows >= every);
    if (!base) throw new Error(`no RSS sample after ${every} rows`);
    const later = samples.filter((s) => s.rows >= every);
    const growth = later.map((s) => (s.rss - base.rss) / MB);
    const label = `partnero partner-links create --from a CSV of ${total} rows (built CLI, --concurrency ${concurrency}, journal on)`;
    return [
      row('bulk.cliMemory.rssGrowth.mb', `${label}: RSS change after the first ${every} rows (MB, read every 100 ms)`, 'MB', summary(growth), { max: 20, judge: 'max' }, {
        rssAtFirstMB: base.rss / MB,
        peakRssMB: Math.max(...samples.map((s) => s.rss)) / MB,
        samples: samples.filter((_, i) => i % 20 === 0).map((s) => ({ rows: s.rows, rssMB: s.rss / MB })),
      }),
      row('bulk.cliMemory.rate', `${label}: rows a second`, 'rows/s', exact(total / seconds)),
    ];
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
