// A node:http server on 127.0.0.1 in a worker thread, so that serving does not run on the
// event loop (or count in the heap) of the client being measured. Started by servers.mjs.
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { numberedPage, seedPage } from '../lib/fixtures.mjs';

const { kind, delayMs = 0, total = 0 } = workerData;
const seedText = JSON.stringify(seedPage);
const timers = new Set();

function send(res, text) {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = createServer((req, res) => {
  let text;
  if (kind === 'seed') {
    text = seedText;
  } else {
    // kind 'pages': `total` numbered links, `?limit=&page=` as the API reads them.
    const query = new URL(req.url ?? '/', 'http://bench.invalid').searchParams;
    text = JSON.stringify(numberedPage(Number(query.get('page') ?? 1), Number(query.get('limit') ?? 15), total));
  }
  if (delayMs <= 0) return send(res, text);
  const timer = setTimeout(() => {
    timers.delete(timer);
    send(res, text);
  }, delayMs);
  timers.add(timer);
});
server.keepAliveTimeout = 30_000;

server.listen(0, '127.0.0.1', () => {
  parentPort.postMessage({ port: server.address().port });
});

parentPort.on('message', (message) => {
  if (message !== 'close') return;
  for (const timer of timers) clearTimeout(timer);
  server.close(() => parentPort.close());
  server.closeAllConnections();
});
