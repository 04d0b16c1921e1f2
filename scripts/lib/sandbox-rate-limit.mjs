// The sandbox's rate limit (`npm run sandbox -- --rate-limit 40/s`, startSandbox({ rateLimit })):
// a token bucket, or a fixed window as Laravel's throttle middleware keeps it, so that a user can
// watch the client's limiter work before pointing it at the real API, and the bench has a server
// that enforces a limit the client is not told (the bucket) or tells (the window).
//
//   40/s                 40 requests per second, a burst of 10, 429 with Retry-After when over
//   40/s,burst=5         a burst of 5 (the bucket holds 5 tokens, refilled 40 per second)
//   600/min              the same in requests per minute
//   40/s,no-retry-after  429 without Retry-After, as Partnero documents none
//   120/min,window       Laravel's `throttle:120,1`: 120 requests in a window of a minute that
//                        starts at the first request; X-RateLimit-Limit and X-RateLimit-Remaining
//                        on every answer, and on a 429 Retry-After (seconds to the window's end)
//                        and X-RateLimit-Reset (its end, epoch seconds)

const UNITS = { s: 1, sec: 1, second: 1, m: 60, min: 60, minute: 60 };
export const DEFAULT_BURST = 10;

/**
 * Parses `--rate-limit` text into `{ rate, burst, retryAfter }` (rate in requests per second);
 * throws an Error saying what is allowed.
 * @param {string} text
 */
export function parseRateLimit(text) {
  const [head, ...rest] = String(text).split(',').map((part) => part.trim());
  const match = /^(\d+(?:\.\d+)?)\/(\w+)$/.exec(head ?? '');
  const per = match ? UNITS[match[2]] : undefined;
  if (!match || per === undefined || !(Number(match[1]) > 0)) {
    throw new Error(`--rate-limit takes RATE/s or RATE/min, then optionally ,burst=N and ,no-retry-after, or ,window (e.g. 40/s,burst=10 or 120/min,window), got ${JSON.stringify(text)}`);
  }
  if (rest.includes('window')) {
    if (rest.length > 1 || !Number.isInteger(Number(match[1]))) throw new Error(`--rate-limit: a window takes a whole number of requests and nothing else (e.g. 120/min,window), got ${JSON.stringify(text)}`);
    return { rate: Number(match[1]) / per, window: true, limit: Number(match[1]), windowMs: per * 1000 };
  }
  const rule = { rate: Number(match[1]) / per, burst: DEFAULT_BURST, retryAfter: true };
  for (const part of rest) {
    const burst = /^burst=(\d+)$/.exec(part);
    if (burst && Number(burst[1]) >= 1) rule.burst = Number(burst[1]);
    else if (part === 'no-retry-after') rule.retryAfter = false;
    else throw new Error(`--rate-limit: ${JSON.stringify(part)} is not burst=N (N at least 1), no-retry-after or window`);
  }
  return rule;
}

/**
 * A token bucket for `rule` (text or `{ rate, burst?, retryAfter? }`). `take()` spends a token
 * and returns undefined, or, with none left, the headers of the 429 (Retry-After in whole
 * seconds until a token is back, as HTTP allows, unless the rule says to send none).
 * @param {string | { rate: number, burst?: number, retryAfter?: boolean }} rule
 * @param {() => number} [now] milliseconds
 */
export function tokenBucket(rule, now = () => performance.now()) {
  const { rate, burst = DEFAULT_BURST, retryAfter = true } = typeof rule === 'string' ? parseRateLimit(rule) : rule;
  if (!(rate > 0) || !(burst >= 1)) throw new Error(`rateLimit needs a rate above 0 and a burst of at least 1, got ${JSON.stringify(rule)}`);
  let tokens = burst;
  let last = now();
  return {
    rate,
    burst,
    take() {
      const at = now();
      tokens = Math.min(burst, tokens + ((at - last) / 1000) * rate);
      last = at;
      if (tokens >= 1) {
        tokens -= 1;
        return undefined;
      }
      if (!retryAfter) return {};
      return { 'retry-after': String(Math.max(1, Math.ceil((1 - tokens) / rate))) };
    },
  };
}

/**
 * A fixed window as Laravel's throttle middleware (ThrottleRequests with the cache's RateLimiter)
 * keeps it: `limit` requests in `windowMs`, the window starting at the first request after the
 * last one ended. `take()` is the token bucket's: undefined (allowed) or the 429's headers;
 * `headers()` gives an allowed answer's headers. Retry-After and the reset are whole seconds, as
 * Laravel computes them.
 * @param {{ limit: number, windowMs: number }} rule
 * @param {() => number} [now] epoch milliseconds (X-RateLimit-Reset is a time of day)
 */
export function fixedWindow({ limit, windowMs }, now = () => Date.now()) {
  if (!(limit >= 1) || !(windowMs > 0)) throw new Error(`a window needs a limit of at least 1 and a length above 0, got ${JSON.stringify({ limit, windowMs })}`);
  let end = -Infinity;
  let hits = 0;
  return {
    rate: (limit * 1000) / windowMs,
    limit,
    windowMs,
    take() {
      const at = now();
      if (at >= end) {
        // Laravel's timer: whole seconds from the first hit.
        end = Math.floor(at / 1000) * 1000 + windowMs;
        hits = 0;
      }
      if (hits >= limit) {
        const retryAfter = Math.max(0, Math.ceil((end - at) / 1000));
        return { 'retry-after': String(retryAfter), 'x-ratelimit-reset': String(Math.floor(at / 1000) + retryAfter), 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': '0' };
      }
      hits += 1;
      return undefined;
    },
    headers() {
      return { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(Math.max(0, limit - hits)) };
    },
  };
}

/**
 * The limiter a rule asks for: a fixed window (`120/min,window`, or `{ window: true, limit, windowMs }`)
 * or a token bucket. Either has `take()`; a window also `headers()` for allowed answers.
 * @param {string | { rate?: number, burst?: number, retryAfter?: boolean, window?: boolean, limit?: number, windowMs?: number }} rule
 */
export function rateLimiter(rule) {
  const parsed = typeof rule === 'string' ? parseRateLimit(rule) : rule;
  return parsed.window ? fixedWindow(parsed) : tokenBucket(parsed);
}

/** The 429 body the sandbox sends when over the limit (Laravel's throttle middleware wording). */
export const TOO_MANY = { message: 'Too Many Attempts.', status: 0 };
