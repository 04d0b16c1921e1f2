// Types of sandbox-rate-limit.mjs.

/** A token bucket's rule: requests per second, the bucket's size, and whether a 429 carries Retry-After. */
export interface RateLimitRule {
  rate: number;
  burst: number;
  retryAfter: boolean;
}

/** A fixed window's rule (Laravel's throttle): `limit` requests per `windowMs`. */
export interface WindowRule {
  rate: number;
  window: true;
  limit: number;
  windowMs: number;
}

export declare const DEFAULT_BURST: number;
/** Parses `40/s`, `600/min`, `40/s,burst=5`, `40/s,no-retry-after`, `120/min,window`; throws naming --rate-limit. */
export declare function parseRateLimit(text: string): RateLimitRule | WindowRule;
/** A token bucket: `take()` is undefined when a token was spent, else the 429's headers. */
export declare function tokenBucket(
  rule: string | { rate: number; burst?: number; retryAfter?: boolean },
  now?: () => number,
): { readonly rate: number; readonly burst: number; take(): Record<string, string> | undefined };
/** A fixed window as Laravel keeps it: `take()` as the bucket's; `headers()` for an allowed answer (X-RateLimit-Limit, X-RateLimit-Remaining). */
export declare function fixedWindow(
  rule: { limit: number; windowMs: number },
  now?: () => number,
): { readonly rate: number; readonly limit: number; readonly windowMs: number; take(): Record<string, string> | undefined; headers(): Record<string, string> };
/** The window or the bucket a rule asks for. */
export declare function rateLimiter(
  rule: string | { rate?: number; burst?: number; retryAfter?: boolean; window?: boolean; limit?: number; windowMs?: number },
): { readonly rate: number; take(): Record<string, string> | undefined; headers?(): Record<string, string> };
export declare const TOO_MANY: { message: string; status: number };
