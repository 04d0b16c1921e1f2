// The bulk figure's memory part, run in its own process with --expose-gc: partnero-client/bulk
// creates `total` links from an async iterable of rows (never held: bounded read-ahead) through
// the real client, whose `fetch` answers each create in-process (a 201 with the link of the key
// sent: what is measured is what bulk and the client hold, not a server's sockets, and 100,000
// rows take seconds rather than minutes on a loaded machine), sampling heapUsed after a full GC
// and RSS every `every` results. Prints one JSON line: baseline and samples in bytes.
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { link } from '../lib/fixtures.mjs';

const [entry, totalText, everyText, concurrencyText] = process.argv.slice(2);
const total = Number(totalText);
const every = Number(everyText);
const concurrency = Number(concurrencyText);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');

// GC with turns of the event loop between: Node's Request registers a finalizer per signal,
// which runs only after a GC and in a later task; back-to-back gc() calls would count the
// Requests still waiting for it as held.
const sample = async () => {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
};

const { createPartneroClient } = await import(pathToFileURL(entry).href);
const { bulk } = await import(pathToFileURL(join(dirname(entry), 'bulk', 'index.js')).href);
const answer = async (request) => {
  const { key } = await request.json();
  const body = JSON.stringify({ data: { ...link(1), id: key, key, url: `https://partnero.com?aff=${key}`, default: false }, status: 1 });
  return new Response(body, { status: 201, headers: { 'content-type': 'application/json' } });
};
{
  const client = createPartneroClient({ apiKey: 'bench_key', baseUrl: 'http://127.0.0.1:9', fetch: answer });
  async function* rows(from, count) {
    for (let i = from; i < from + count; i++) yield { partner: { id: 'partner_123' }, key: `bulk-${i}` };
  }
  const create = (row, call) => client.partnerLinks.create(row, { ...call, ifExists: 'return' });
  // A first short run, so that code loaded and compiled on first use (the validators) is in the baseline.
  for await (const _ of bulk(rows(0, concurrency * 4), create, { concurrency }));
  const baseline = await sample();
  const samples = [];
  let done = 0;
  let ok = 0;
  const started = performance.now();
  for await (const result of bulk(rows(concurrency * 4, total), create, { concurrency })) {
    done += 1;
    if (result.outcome === 'ok') ok += 1;
    if (done % every === 0) samples.push({ rows: done, ...(await sample()) });
  }
  const seconds = (performance.now() - started) / 1000;
  if (ok !== total) throw new Error(`bulk created ${ok} of ${total}`);
  console.log(JSON.stringify({ baseline, samples, seconds, ok }));
}
