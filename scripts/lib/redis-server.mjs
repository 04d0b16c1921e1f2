// Debian's redis-server on a free loopback port, for the tests and the bench of `rateLimit.redis`
// (`.ci/run` installs it with apt-get). Nothing is kept on disk; close() stops it, and so does the
// end of the process that started it, however it ends short of SIGKILL.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (bound, then released). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts redis-server; resolves to `{ url, port, signal(), close() }` once it accepts connections.
 * `port` restarts one on the port another had (the faults tests); `args` adds its own options
 * (`['--requirepass', 'pw']`); `signal('SIGSTOP')` stalls it, `signal('SIGCONT')` lets it go on.
 * @returns {Promise<{ url: string, port: number, signal: (name: NodeJS.Signals) => void, close: () => Promise<void> }>}
 */
export async function startRedisServer({ binary = process.env.REDIS_SERVER ?? 'redis-server', timeoutMs = 10_000, port: wanted, args = [] } = {}) {
  const port = wanted ?? (await freePort());
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => child.kill('SIGKILL');
  process.once('exit', stop);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const onData = (chunk) => {
        output += chunk;
        if (/Ready to accept connections/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error.code === 'ENOENT' ? new Error(`${binary} not found: install it (apt-get install -y redis-server) or set REDIS_SERVER`) : error);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
      });
    });
  } catch (error) {
    stop();
    process.removeListener('exit', stop);
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    signal(name) {
      child.kill(name);
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT'); // A stalled one would not hear SIGTERM.
        child.kill('SIGTERM');
        const timer = setTimeout(stop, 3_000);
        await exited;
        clearTimeout(timer);
      }
      process.removeListener('exit', stop);
    },
  };
}
