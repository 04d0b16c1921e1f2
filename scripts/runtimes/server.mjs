// The harness's side of a run: one node:http server on 127.0.0.1 (port 0) per runtime. Under
// /<scenario>/ it answers as the API: /sandbox/ forwards to a fresh stateful sandbox
// (scripts/lib/sandbox.mjs), the other scenarios are scripted faults. /__config gives the suite
// its base URLs, /__log what reached the server, and /__report takes the results. Every answer
// carries CORS headers and preflights are answered, so a page on another origin can call it.
import { createServer, request as httpRequest } from 'node:http';
import { startSandbox } from '../lib/sandbox.mjs';

export const SCENARIOS = ['sandbox', 's503', 'hang', 'abortWalk', 'count', 'broken', 'echo', 'rateLimit', 'redirect'];

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE',
  'access-control-allow-headers': 'authorization, content-type, accept',
  // What the client reads from an error answer; a browser hides anything else cross-origin.
  'access-control-expose-headers': 'retry-after, x-request-id, location',
  'access-control-max-age': '600',
};

/** A link as the spec describes it. */
const link = (key, extra = {}) => ({
  id: key,
  key,
  url: `https://partnero.com?aff=${key}`,
  default: false,
  is_additional: false,
  direct_tracking: false,
  direct_tracking_redirect: false,
  direct_tracking_redirect_url: null,
  ...extra,
});

/**
 * Starts the server (and its sandbox). `apiKey` is what the suite's clients send; `sweep`, the
 * calls of every operation that the suite makes (passed on to it in its configuration).
 * @returns {Promise<{ url: string, log: object[], preflights: number, report: Promise<object>, close(): Promise<void> }>}
 */
export async function startHarnessServer({ apiKey, sweep = [] }) {
  const sandbox = await startSandbox({ apiKey });
  const log = [];
  const hanging = new Set();
  const counters = new Map();
  let resolveReport;
  const report = new Promise((resolve) => (resolveReport = resolve));
  let url = '';
  const state = { preflights: 0 };

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks));
      } catch (error) {
        json(res, 500, { message: `harness: ${error.message}`, status: 0 });
      }
    });
  });

  function json(res, status, body, headers = {}) {
    if (res.destroyed || res.headersSent) return;
    res.writeHead(status, { ...CORS, 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  function handle(req, res, body) {
    const target = new URL(req.url ?? '/', url);
    if (req.method === 'OPTIONS') {
      state.preflights += 1;
      res.writeHead(204, CORS);
      return res.end();
    }
    if (target.pathname === '/__config') {
      const api = Object.fromEntries(SCENARIOS.map((name) => [name, `${url}/${name}`]));
      return json(res, 200, { harness: url, api, apiKey, sweep });
    }
    if (target.pathname === '/__log') return json(res, 200, log);
    if (target.pathname === '/__report' && req.method === 'POST') {
      json(res, 200, { ok: true });
      try {
        resolveReport(JSON.parse(body.toString('utf8')));
      } catch (error) {
        resolveReport({ fatal: `the report is not JSON: ${error.message}` });
      }
      return;
    }
    const match = /^\/([A-Za-z0-9]+)(\/.*)$/.exec(target.pathname);
    const scenario = match?.[1];
    if (!match || !SCENARIOS.includes(scenario)) return json(res, 404, { message: 'Not found.', status: 0 });
    const apiPath = match[2] + target.search;
    log.push({ scenario, method: req.method, url: apiPath });
    const count = (counters.get(scenario) ?? 0) + 1;
    counters.set(scenario, count);
    switch (scenario) {
      case 'sandbox':
        return forward(req, res, apiPath, body);
      case 's503':
        // The first request gets a 503, every later one an answer that says which attempt it was.
        if (count === 1 || target.pathname.endsWith('/x')) return json(res, 503, { message: 'Service Unavailable', status: 0 });
        return json(res, 200, { data: [link(`attempt_${count}`)], status: 1 });
      case 'hang':
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return undefined;
      case 'abortWalk': {
        // Page 1 at once, then nothing: the walk's read-ahead of page 2 never gets an answer.
        const page = Number(target.searchParams.get('page') ?? '1');
        if (page !== 1) {
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return undefined;
        }
        return json(res, 200, {
          data: [link('w1'), link('w2')],
          links: { first: null, last: null, prev: null, next: `${url}${match[2]}?page=2` },
          meta: { current_page: 1, per_page: 2 },
          status: 1,
        });
      }
      case 'count':
        return json(res, 500, { message: 'this scenario must never be reached', status: 0 });
      case 'broken':
        return json(res, 200, { data: [link('b1', { url: 12345 })], status: 1 });
      case 'echo': {
        // A careless server that repeats the credentials it got, in the body and a header.
        const authorization = String(req.headers.authorization ?? '');
        return json(res, 401, { message: `Unauthenticated: ${authorization} (${encodeURIComponent(authorization)})`, status: 0 }, { 'x-request-id': authorization });
      }
      case 'rateLimit':
        // Longer than the client waits: it throws at once, with the delay read from the header.
        return json(res, 429, { message: 'Too Many Attempts.', status: 0 }, { 'retry-after': '120', 'x-request-id': 'req_rate_1' });
      case 'redirect':
        // Somewhere the key must not follow: a request that arrives there is logged as `count`.
        res.writeHead(302, { ...CORS, location: `${url}/count${match[2]}`, 'content-type': 'text/plain' });
        return res.end('Found');
      default:
        return json(res, 404, { message: 'Not found.', status: 0 });
    }
  }

  /** Passes the request to the sandbox and its answer back, with CORS headers added. */
  function forward(req, res, path, body) {
    const headers = { ...req.headers, host: new URL(sandbox.url).host };
    delete headers['content-length'];
    const upstream = httpRequest(`${sandbox.url}${path}`, { method: req.method, headers: { ...headers, 'content-length': body.length } }, (answer) => {
      const out = { ...answer.headers, ...CORS };
      res.writeHead(answer.statusCode ?? 502, out);
      answer.pipe(res);
    });
    upstream.on('error', (error) => json(res, 502, { message: `harness: sandbox unreachable: ${error.message}`, status: 0 }));
    res.on('close', () => upstream.destroy());
    upstream.end(body);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${server.address().port}`;

  let closed;
  return {
    url,
    log,
    get preflights() {
      return state.preflights;
    },
    report,
    close() {
      closed ??= (async () => {
        for (const res of hanging) res.destroy();
        await new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await sandbox.close();
      })();
      return closed;
    },
  };
}

/**
 * A second origin for the browser: serves the page and its one script, with a
 * Content-Security-Policy that lets the page load nothing but these and talk only to `apiOrigin`.
 */
export async function startPageServer({ script, apiOrigin }) {
  const served = [];
  const server = createServer((req, res) => {
    served.push(req.url);
    const csp = `default-src 'none'; script-src 'self'; connect-src ${apiOrigin}`;
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
      res.end('<!doctype html><meta charset="utf-8"><title>partnero-client runtimes</title><script type="module" src="/suite.js"></script>\n');
    } else if (req.url === '/suite.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(script);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
