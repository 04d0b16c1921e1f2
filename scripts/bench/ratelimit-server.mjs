// The server of the rate-limit bench (ratelimit.mjs), in a worker thread: a token bucket or
// Laravel's fixed window (the sandbox's, sandbox-rate-limit.mjs) in front of a create that counts every key it stores,
// so that a create done twice shows as a duplicate rather than as a 422. Also the search and
// the owner's list, which a create that may have happened looks in. Posts `{ port }` when
// listening; answers 'stats' with what it saw; 'close' stops it.
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { TOO_MANY, rateLimiter } from '../lib/sandbox-rate-limit.mjs';

const bucket = rateLimiter(workerData.rateLimit);
const created = new Map(); // key -> times created
let requests = 0;
let refused = 0;
let first = 0;
let last = 0;
/** Every request: ms since the first, and whether it was refused (for the bench's pictures). */
const times = [];

const link = (key) => ({ id: key, key, url: `https://bench.test/${key}`, default: false, is_additional: true, direct_tracking_redirect_url: null });

function send(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  // A window says where its count stands on every answer, as Laravel does.
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...(status === 429 ? {} : bucket.headers?.()), ...headers });
  res.end(text);
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    requests++;
    const now = performance.now();
    first ||= now;
    last = now;
    const headers = bucket.take();
    times.push([Math.round(now - first), headers ? 1 : 0]);
    if (headers) {
      refused++;
      return send(res, 429, TOO_MANY, headers);
    }
    const url = new URL(req.url ?? '/', 'http://bench.invalid');
    if (req.method === 'POST') {
      const { key } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      created.set(key, (created.get(key) ?? 0) + 1);
      return send(res, 201, { data: link(key), status: 1 });
    }
    if (url.pathname.endsWith(':search')) {
      const key = url.searchParams.get('key');
      return send(res, 200, { data: created.has(key) ? [link(key)] : [], status: 1 });
    }
    // The owner's list, one page holding every link (a create's check that the link is its own).
    return send(res, 200, { data: [...created.keys()].map(link), links: { next: null }, status: 1 });
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));

parentPort.on('message', (message) => {
  if (message === 'stats') {
    parentPort.postMessage({ stats: { requests, refused, created: Object.fromEntries(created), seconds: (last - first) / 1000, times } });
  } else if (message === 'close') {
    server.close(() => parentPort.close());
    server.closeAllConnections();
  }
});
