// Types of servers.mjs, for the tests that start the rate-limit bench's server.

export interface RateLimitedServer {
  readonly url: string;
  stats(): Promise<{ requests: number; refused: number; created: Record<string, number>; seconds: number }>;
  close(): Promise<void>;
}

export declare function startRateLimitedServer(rateLimit: { rate: number; burst: number; retryAfter: boolean }): Promise<RateLimitedServer>;
export declare function startServer(options: { kind: 'seed' | 'pages'; delayMs?: number; total?: number }): Promise<{ url: string; close(): Promise<void> }>;
export declare function closeWorker(worker: unknown): Promise<void>;
export declare function writeLinkRows(path: string, partnerId: string, keys: Iterable<string>): Promise<void>;
