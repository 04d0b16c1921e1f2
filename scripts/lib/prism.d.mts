/** A running Prism process. */
export interface Prism {
  /** Where it listens, e.g. `http://127.0.0.1:41234`. */
  readonly baseUrl: string;
  /** Everything Prism has printed so far. */
  readonly output: () => string;
  /** Stops Prism and its process group; resolves once it has exited. */
  readonly stop: () => Promise<void>;
}

/** Runs `prism <args> -h 127.0.0.1 -p <port>` and resolves once it listens (port 0 picks a free one). */
export function startPrism(
  args: readonly string[],
  options?: { port?: number; timeoutMs?: number; onOutput?: (text: string) => void },
): Promise<Prism>;
