// Every request the contract tool sends goes through here: paced (`--rate`), counted against the
// budget (`--max-requests`), bounded in time (`--timeout` each, `--deadline` for the run), 429s
// obeyed (Retry-After up to 60 s), and recorded as an exchange for the checks and the report. A
// server that lets three requests in a row time out is taken as gone: the run stops sending.

/** Thrown when the budget is spent: the checks not finished are said so in the report. */
export class BudgetExhausted extends Error {}
/** Thrown when the run's deadline has passed, the server stopped answering, or the run was interrupted. */
export class RunStopped extends Error {}

const sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * @param {{ baseUrl: string, apiKey: string, rate: number, maxRequests: number, timeoutMs: number, signal: AbortSignal, onRequest?: (x: object) => void }} options
 */
export function createTransport({ baseUrl, apiKey, rate, maxRequests, timeoutMs, signal, onRequest }) {
  const interval = 1000 / rate;
  let nextSlot = 0;
  let timeoutsInARow = 0;
  let stopped;
  const exchanges = [];
  const budget = { used: 0, max: maxRequests, reserve: 100, inCleanup: false, exhausted: false };

  async function slot() {
    const now = performance.now();
    const wait = Math.max(0, nextSlot - now);
    nextSlot = Math.max(now, nextSlot) + interval;
    if (wait) await sleep(wait, budget.inCleanup ? undefined : signal);
  }

  /**
   * Sends one request. `auth`: 'key' (the API key), 'none' or a wrong key's text.
   * @returns {Promise<object>} the exchange: request, status, headers, text, json (or error)
   */
  async function send({ method, path, query, body, auth = 'key', check, rawBody }) {
    const search = query && Object.keys(query).length ? `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}` : '';
    const exchange = { id: exchanges.length + 1, check, method, path: `${path}${search}`, auth: auth === 'key' ? 'the API key' : auth === 'none' ? 'no key' : 'a wrong key', body };
    for (let attempt = 0; ; attempt += 1) {
      if (stopped && !budget.inCleanup) throw new RunStopped(stopped);
      if (!budget.inCleanup && signal.aborted) throw new RunStopped(String(signal.reason?.message ?? signal.reason ?? 'stopped'));
      const limit = budget.max + (budget.inCleanup ? budget.reserve : 0);
      if (budget.used >= limit) {
        budget.exhausted = true;
        throw new BudgetExhausted(`the budget of ${budget.max} requests${budget.inCleanup ? ` (and ${budget.reserve} for the clean-up)` : ''} is spent`);
      }
      await slot();
      budget.used += 1;
      const headers = { accept: 'application/json' };
      if (auth === 'key') headers.authorization = `Bearer ${apiKey}`;
      else if (auth !== 'none') headers.authorization = `Bearer ${auth}`;
      if (body !== undefined || rawBody !== undefined) headers['content-type'] = 'application/json';
      const started = performance.now();
      onRequest?.(exchange);
      try {
        const timeout = AbortSignal.timeout(timeoutMs);
        // fetch resolves "." and ".." segments away (WHATWG URL): such a path goes out as written.
        const send = /\/\.{1,2}(?=[/?]|$)/.test(exchange.path) ? unresolvedFetch : fetch;
        const response = await send(baseUrl + exchange.path, {
          method,
          headers,
          body: rawBody ?? (body !== undefined ? JSON.stringify(body) : undefined),
          redirect: 'manual',
          signal: budget.inCleanup ? timeout : AbortSignal.any([timeout, signal]),
        });
        const text = await response.text();
        timeoutsInARow = 0;
        Object.assign(exchange, {
          status: response.status,
          contentType: response.headers.get('content-type') ?? '',
          headers: Object.fromEntries(response.headers),
          text,
          json: parseJson(text),
          ms: Math.round(performance.now() - started),
        });
      } catch (error) {
        const timedOut = error?.name === 'TimeoutError' || error?.cause?.name === 'TimeoutError';
        if (!budget.inCleanup && signal.aborted) throw new RunStopped(String(signal.reason?.message ?? signal.reason ?? 'stopped'));
        Object.assign(exchange, { status: undefined, error: timedOut ? `no answer within ${timeoutMs / 1000} s` : (error?.cause?.code ?? error?.message ?? String(error)), ms: Math.round(performance.now() - started) });
        if (timedOut) {
          timeoutsInARow += 1;
          if (timeoutsInARow >= 3 && !budget.inCleanup) stopped = `the server did not answer ${timeoutsInARow} requests in a row within ${timeoutMs / 1000} s each: stopped sending`;
        }
        exchanges.push(exchange);
        return exchange;
      }
      if (exchange.status === 429 && attempt < 3) {
        const retryAfter = retryAfterMs(exchange.headers['retry-after']);
        if (retryAfter !== undefined && retryAfter > 60_000) {
          stopped = `the server asked to wait ${Math.round(retryAfter / 1000)} s (429 Retry-After): stopped sending`;
          exchanges.push(exchange);
          return exchange;
        }
        await sleep(retryAfter ?? 1000 * 2 ** attempt, budget.inCleanup ? undefined : signal);
        continue;
      }
      exchanges.push(exchange);
      return exchange;
    }
  }

  return { send, exchanges, budget, stoppedReason: () => stopped };
}

/** A fetch-like request through node:http(s) that sends the path as written (dot segments kept). */
async function unresolvedFetch(url, { method, headers, body, signal }) {
  const { request } = await import(url.startsWith('https:') ? 'node:https' : 'node:http');
  const { protocol, hostname, port } = new URL(url);
  const path = url.slice(url.indexOf('/', protocol.length + 2));
  return new Promise((resolve, reject) => {
    const req = request({ method, hostname: hostname.replace(/^\[|\]$/g, ''), port, path, headers, signal }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const map = new Map(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
        resolve({ status: res.statusCode, headers: { get: (name) => map.get(name.toLowerCase()) ?? null, [Symbol.iterator]: () => map[Symbol.iterator]() }, text: async () => text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function retryAfterMs(value) {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
