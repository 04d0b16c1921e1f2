// Types of redis-server.mjs.
export declare function freePort(): Promise<number>;
export declare function startRedisServer(options?: { binary?: string; timeoutMs?: number; port?: number; args?: string[] }): Promise<{
  url: string;
  port: number;
  /** Sends the server a signal: SIGSTOP stalls it, SIGCONT resumes it, SIGKILL kills it. */
  signal(name: NodeJS.Signals): void;
  close(): Promise<void>;
}>;
