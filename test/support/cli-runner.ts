// The CLI run in-process through run(), its output captured, with the one check every such run
// makes: the API key never shows in what it printed.
import { expect } from 'vitest';
import { run } from '../../src/cli/run.js';
import { Capture } from './capture.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `partnero <argv>` with PARTNERO_API_KEY and PARTNERO_BASE_URL set; `tty`: stderr is a terminal (the progress bar). */
export async function runCli(
  argv: string[],
  { apiKey, baseUrl, signal, stdout = new Capture(false), tty = false }: { apiKey: string; baseUrl: string; signal?: AbortSignal; stdout?: Capture; tty?: boolean },
): Promise<CliRun> {
  const stderr = new Capture(tty);
  const code = await run(argv, { PARTNERO_API_KEY: apiKey, PARTNERO_BASE_URL: baseUrl }, { stdout, stderr, ...(signal ? { signal } : {}) });
  expect(stdout.text + stderr.text).not.toContain(apiKey);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
