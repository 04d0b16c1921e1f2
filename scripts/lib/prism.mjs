// Starts Prism (the mock and validating proxy of @stoplight/prism-cli) on 127.0.0.1 and a free
// port, and stops it with everything it started. Prism runs as `node <its CLI file>`, never
// through npx: killing npx would leave Prism itself running.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const prismCli = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
/** Preloaded into Prism: it stops (with its process group) once its stdin, a pipe from us, closes. */
const exitWithParent = fileURLToPath(new URL('exit-with-parent.cjs', import.meta.url));

/**
 * Runs `prism <args> -h 127.0.0.1 -p <port>` and resolves once it listens.
 * @param {readonly string[]} args e.g. `['mock', 'openapi/openapi.yaml']`
 * @param {{ port?: number, timeoutMs?: number, onOutput?: (text: string) => void }} [options] port 0
 *   (the default) picks a free one; onOutput receives everything Prism prints, as it comes
 * @returns {Promise<import('./prism.d.mts').Prism>}
 */
export async function startPrism(args, { port = 0, timeoutMs = 30_000, onOutput } = {}) {
  const child = spawn(process.execPath, ['--require', exitWithParent, prismCli, ...args, '-h', '127.0.0.1', '-p', String(port)], {
    // Its own process group, so that stop() reaches anything it forks.
    detached: true,
    // stdin: a pipe that only this process holds. When this process ends, however it ends
    // (SIGKILL included), the pipe closes and Prism stops too (exit-with-parent.cjs).
    stdio: ['pipe', 'pipe', 'pipe'],
    // Prism misbehaves with NODE_ENV=production; colours would garble the output we parse.
    env: { ...process.env, NODE_ENV: 'development', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (onOutput) {
    child.stdout.on('data', (chunk) => onOutput(chunk.toString()));
    child.stderr.on('data', (chunk) => onOutput(chunk.toString()));
  }
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const listening = await new Promise((resolve, reject) => {
    const fail = (error) => {
      clearTimeout(timer);
      void stop().then(() => reject(error));
    };
    const timer = setTimeout(() => fail(new Error(`Prism did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      output = (output + chunk.toString()).slice(-65_536); // Bounded: a mock may run for hours.
      const match = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.off('exit', onEarlyExit);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const onEarlyExit = (code) => fail(new Error(`Prism exited with code ${code} before listening:\n${output}`));
    child.once('exit', onEarlyExit);
  });
  return { baseUrl: listening, output: () => output, stop };
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
