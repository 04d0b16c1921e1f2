// Types of sandbox-rate-limit.mjs.

/** A rate limit: requests per second, the bucket's size, and whether a 429 carries Retry-After. */
export interface RateLimitRule {
  rate: number;
  burst: number;
  retryAfter: boolean;
}

export declare const DEFAULT_BURST: number;
/** Parses `40/s`, `600/min`, `40/s,burst=5`, `40/s,no-retry-after`; throws naming --rate-limit. */
export declare function parseRateLimit(text: string): RateLimitRule;
/** A token bucket: `take()` is undefined when a token was spent, else the 429's headers. */
export declare function tokenBucket(
  rule: string | { rate: number; burst?: number; retryAfter?: boolean },
  now?: () => number,
): { readonly rate: number; readonly burst: number; take(): Record<string, string> | undefined };
export declare const TOO_MANY: { message: string; status: number };
