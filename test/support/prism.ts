// Starts Prism (the mock server of @stoplight/prism-cli) on 127.0.0.1 and a free port, and
// stops it with everything it started. Prism runs as `node <its CLI file>`, never through
// npx: killing npx would leave Prism itself running.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const prismCli = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');

/** A running Prism process. */
export interface Prism {
  /** Where it listens, e.g. `http://127.0.0.1:41234`. */
  readonly baseUrl: string;
  /** Everything Prism has printed so far. */
  readonly output: () => string;
  /** Stops Prism and its process group; resolves once it has exited. */
  readonly stop: () => Promise<void>;
}

/** Prism's command line after `prism`: `['mock', spec]` or `['proxy', spec, upstream, '--errors']`. */
export async function startPrism(args: readonly string[], { timeoutMs = 30_000 } = {}): Promise<Prism> {
  const child = spawn(process.execPath, [prismCli, ...args, '-h', '127.0.0.1', '-p', '0'], {
    // Its own process group, so that stop() reaches anything it forks.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Prism did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Prism is listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    const fail = (error: Error): void => {
      clearTimeout(timer);
      void stop().then(() => reject(error));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`Prism exited with code ${code} before listening:\n${output}`)));
  });
  return { baseUrl: `http://127.0.0.1:${port}`, output: () => output, stop };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
