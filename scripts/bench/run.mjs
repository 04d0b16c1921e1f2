#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --out <file>] [-- --only overhead,size]`: what the client costs, measured side by side
// against local node:http servers on 127.0.0.1 (see README "Performance", issues 5 and 8).
// Prints a markdown table and writes the same figures as JSON (default .bench/results.json).
// --quick uses small counts: it proves the script works, its figures mean nothing.
// The exit code says whether the bench ran, not whether the targets hold.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildPackage } from './build.mjs';
import { bulkCliMemory, bulkMemory, bulkResume } from './bulk.mjs';
import { generatedDiffRows } from './generated-diff.mjs';
import { memory } from './memory.mjs';
import { overhead } from './overhead.mjs';
import { readAhead } from './pagination.mjs';
import { pipeline } from './pipeline.mjs';
import { rateLimit } from './ratelimit.mjs';
import { size } from './size.mjs';
import { startup } from './startup.mjs';
import { failedRow, markdownTable } from './stats.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, '.bench', 'results.json') },
    // Figures to run, by name, comma-separated (e.g. `--only overhead,size`); all by default.
    only: { type: 'string' },
  },
});
const quick = args.quick;

const counts = quick
  ? {
      overhead: { rounds: 3, callsPerRound: 30, warmupCalls: 50, budgetMs: 5_000 },
      readAhead: { pages: 6, rounds: 1, delayMs: 10, budgetMs: 5_000 },
      memory: { total: 2_500, limit: 250, every: 2, timeoutMs: 30_000 },
      startup: { runs: 2 },
      pipeline: { runs: 1 },
      bulkResume: { rows: 40, slowMs: 20, concurrency: 8 },
      bulkMemory: { total: 400, every: 200, concurrency: 16, timeoutMs: 60_000 },
      bulkCliMemory: { total: 400, every: 100, concurrency: 16, timeoutMs: 60_000 },
    }
  : {
      overhead: { rounds: 40, callsPerRound: 250, warmupCalls: 1_000, budgetMs: 120_000 },
      readAhead: { pages: 40, rounds: 7, delayMs: 10, budgetMs: 60_000 },
      memory: { total: 100_000, limit: 250, every: 10, timeoutMs: 180_000 },
      startup: { runs: 20 },
      pipeline: { runs: 3 },
      bulkResume: { rows: 2_000, slowMs: 20, concurrency: 16 },
      bulkMemory: { total: 100_000, every: 10_000, concurrency: 16, timeoutMs: 300_000 },
      bulkCliMemory: { total: 100_000, every: 10_000, concurrency: 16, timeoutMs: 600_000 },
    };

const log = (message) => process.stderr.write(`bench: ${message}\n`);
const rows = [];
/** Tables of their own that figure groups print after the main one (e.g. ratelimit's). */
const tables = [];

/** Runs one figure; a failure becomes a row saying so rather than ending the bench. */
const only = args.only?.split(',').map((name) => name.trim());

async function figure(name, fallback, measure) {
  if (only && !only.some((wanted) => name.includes(wanted))) return;
  const start = performance.now();
  log(`${name}...`);
  try {
    rows.push(...(await measure()));
  } catch (error) {
    log(`${name} failed: ${error?.stack ?? error}`);
    for (const [id, label, unit] of fallback) rows.push(failedRow(id, label, unit, error));
    process.exitCode = 1;
  }
  log(`${name} done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

// Everything this run writes, removed at the end (inside the repository, so that the built
// package resolves openapi-fetch from node_modules as an installed one would).
const work = join(root, '.bench', `run-${process.pid}`);
rmSync(work, { recursive: true, force: true });
try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function main() {
  const entry = buildPackage(root, join(work, 'build'));
  log(`built ${entry}`);
  const pkg = await import(pathToFileURL(entry).href);

  await figure('size', [['size.main.kib', 'bundle, main chunk (KiB gzip)', 'KiB']], () => size(root, entry));
  await figure('per-call overhead', [['overhead.list.ratio', 'list ÷ raw fetch', 'ratio']], () =>
    overhead(pkg, { ...counts.overhead, deadline: performance.now() + counts.overhead.budgetMs }),
  );
  await figure('pagination read-ahead', [['readAhead.ratio', 'listAll ÷ sequential loop (wall time)', 'ratio']], () =>
    readAhead(pkg, { ...counts.readAhead, deadline: performance.now() + counts.readAhead.budgetMs }),
  );
  await figure('memory', [['memory.heapGrowth.mb', 'heap growth, listAll (MB)', 'MB']], () => memory(entry, counts.memory));
  await figure('start-up', [['startup.package.ms', 'cold import of the package (ms)', 'ms']], () => startup(entry, counts.startup));
  await figure('generated diff', [['generated.addedField.last.lines', 'src/generated/ lines changed by one optional field', 'lines']], () => generatedDiffRows(root));
  await figure('bulk: kill -9 and resume', [['bulk.kill.duplicates', 'bulk: duplicate links after kill -9 and a rerun', 'links']], () => bulkResume(entry, counts.bulkResume));
  await figure('bulk: memory', [['bulk.memory.heapGrowth.mb', 'bulk: heap growth over 100000 rows (MB)', 'MB']], () => bulkMemory(entry, counts.bulkMemory));
  await figure('bulk: CLI memory', [['bulk.cliMemory.rssGrowth.mb', 'bulk: CLI RSS change over 100000 rows (MB)', 'MB']], () => bulkCliMemory(entry, counts.bulkCliMemory));
  await figure('ratelimit', [['ratelimit.adaptive', 'rate limit: adaptive limiter', '%']], async () => {
    const group = await rateLimit(entry, { quick, log });
    tables.push(`Rate limit (\`npm run bench -- --only ratelimit\`):\n\n${group.table}`);
    return group.rows;
  });
  await figure('spec pipeline', [['pipeline.generate.s', 'npm run generate (s)', 's']], () => pipeline(root, { ...counts.pipeline, quick, sandbox: join(work, 'pipeline') }));

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}/${process.arch}`;
  const table = markdownTable(rows);
  console.log(`${quick ? 'Quick run (small counts; the figures mean nothing). ' : ''}${machine}, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log(table);
  for (const extra of tables) console.log(`\n${extra}`);

  const out = resolve(args.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), quick, machine, counts, rows, tables }, null, 2)}\n`);
  log(`wrote ${out}`);
}
