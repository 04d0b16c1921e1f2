// When and how long to wait before trying a request again.

/** Statuses worth another attempt: the server or something in between may answer next time. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** First backoff delay, doubled each attempt up to MAX_BACKOFF_MS. */
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/** `Sun, 06 Nov 1994 08:49:37 GMT`, the HTTP date form servers send (RFC 9110, section 5.6.7). */
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** The longest `Retry-After` the client waits for; a longer one raises the error with the delay on it. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Whether an answer with this status may be retried. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * The wait before retry number `retry` (0 for the first retry): about 0.5 s, doubling, capped at
 * 8 s, less up to a quarter at random so that many clients do not retry in step.
 */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const base = Math.min(INITIAL_BACKOFF_MS * 2 ** retry, MAX_BACKOFF_MS);
  return Math.round(base * (1 - 0.25 * random()));
}

/**
 * `Retry-After` in milliseconds: either delay-seconds or an HTTP date. Undefined when the
 * header is absent or unreadable; 0 for a date in the past.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only the IMF-fixdate form: Date.parse alone would read "x 2099" as a date.
  if (!IMF_FIXDATE.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
