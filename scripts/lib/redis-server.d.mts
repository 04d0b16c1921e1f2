// Types of redis-server.mjs.
export declare function freePort(): Promise<number>;
export declare function startRedisServer(options?: { binary?: string; timeoutMs?: number }): Promise<{ url: string; port: number; close(): Promise<void> }>;
