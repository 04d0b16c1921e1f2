// Types of servers.mjs, for the tests that start the rate-limit bench's server.

export interface RateLimitedServer {
  readonly url: string;
  /** `times`: each request's ms since the first, and 1 if it was refused (429). */
  stats(): Promise<{ requests: number; refused: number; created: Record<string, number>; seconds: number; times: [number, 0 | 1][] }>;
  close(): Promise<void>;
}

/** A token bucket (`{ rate, burst, retryAfter }`) or Laravel's fixed window (`{ window: true, limit, windowMs }`). */
export declare function startRateLimitedServer(rateLimit: { rate: number; burst: number; retryAfter: boolean } | { window: true; limit: number; windowMs: number }): Promise<RateLimitedServer>;
export declare function startServer(options: { kind: 'seed' | 'pages'; delayMs?: number; total?: number }): Promise<{ url: string; close(): Promise<void> }>;
export declare function closeWorker(worker: unknown): Promise<void>;
export declare function writeLinkRows(path: string, partnerId: string, keys: Iterable<string>): Promise<void>;
