// Figure 3, run in its own process with --expose-gc: walks `total` links with listAll and
// samples heapUsed after a full GC every `every` pages. The server runs in a worker thread,
// whose heap is its own and not counted. Prints one JSON line: baseline and samples in bytes.
import { pathToFileURL } from 'node:url';
import { startServer } from './servers.mjs';

const [entry, totalText, limitText, everyText] = process.argv.slice(2);
const total = Number(totalText);
const limit = Number(limitText);
const every = Number(everyText);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');

const heapAfterGc = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage();
};

const { createPartneroClient } = await import(pathToFileURL(entry).href);
const server = await startServer({ kind: 'pages', total });
try {
  const client = createPartneroClient({ apiKey: 'bench_key', baseUrl: server.url });
  // One short call first, so that code loaded and compiled on first use is in the baseline.
  await client.partnerLinks.list('partner_123', { limit: 1 });
  const baseline = heapAfterGc();
  const samples = [];
  let links = 0;
  let urlChars = 0;
  for await (const link of client.partnerLinks.listAll('partner_123', { limit }, { maxPages: Math.ceil(total / limit) + 10 })) {
    links++;
    urlChars += link.url.length; // touch every link, as a consumer would
    if (links % (limit * every) === 0) {
      const now = heapAfterGc();
      samples.push({ pages: links / limit, heapUsed: now.heapUsed, arrayBuffers: now.arrayBuffers });
    }
  }
  if (links !== total) throw new Error(`listAll gave ${links} links, expected ${total}`);
  const end = heapAfterGc();
  console.log(JSON.stringify({ baseline: { heapUsed: baseline.heapUsed, arrayBuffers: baseline.arrayBuffers }, samples, end: { heapUsed: end.heapUsed }, links, urlChars }));
} finally {
  await server.close();
}
