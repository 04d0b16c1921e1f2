// The sandbox's rate limit (`npm run sandbox -- --rate-limit 40/s`, startSandbox({ rateLimit })):
// a token bucket, so that a user can watch the client's limiter work before pointing it at the
// real API, and the bench has a server that enforces a limit the client is not told.
//
//   40/s                 40 requests per second, a burst of 10, 429 with Retry-After when over
//   40/s,burst=5         a burst of 5 (the bucket holds 5 tokens, refilled 40 per second)
//   600/min              the same in requests per minute
//   40/s,no-retry-after  429 without Retry-After, as Partnero documents none

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
    throw new Error(`--rate-limit takes RATE/s or RATE/min, then optionally ,burst=N and ,no-retry-after (e.g. 40/s,burst=10), got ${JSON.stringify(text)}`);
  }
  const rule = { rate: Number(match[1]) / per, burst: DEFAULT_BURST, retryAfter: true };
  for (const part of rest) {
    const burst = /^burst=(\d+)$/.exec(part);
    if (burst && Number(burst[1]) >= 1) rule.burst = Number(burst[1]);
    else if (part === 'no-retry-after') rule.retryAfter = false;
    else throw new Error(`--rate-limit: ${JSON.stringify(part)} is not burst=N (N at least 1) or no-retry-after`);
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

/** The 429 body the sandbox sends when over the limit (Laravel's throttle middleware wording). */
export const TOO_MANY = { message: 'Too Many Attempts.', status: 0 };
