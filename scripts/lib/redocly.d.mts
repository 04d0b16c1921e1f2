/** The repository root: every path given to Redocly is relative to it. */
export const repoRoot: string;
/** The environment Redocly runs with: no telemetry, no update notice. */
export const redoclyEnv: NodeJS.ProcessEnv;
/** Runs `redocly <args>` in the repository root; resolves to its exit code and output (the Node.js 20 box removed). */
export function redocly(args: readonly string[], options?: { inherit?: boolean; cwd?: string }): Promise<{ code: number; output: string }>;
/** Bundles the spec at `ref` into one file at `output` (YAML or JSON by its extension). */
export function bundleSpec(ref: string, output: string): Promise<void>;
/** A line filter that drops Redocly's boxed notices and passes every other line to `emit`. */
export function noticeFilter(emit: (text: string) => void): { write(chunk: string): void; end(): void };
/** The one line standing for the output of a `redocly lint` that found nothing, or undefined when it must be shown whole. */
export function lintSummary(code: number, output: string): string | undefined;
