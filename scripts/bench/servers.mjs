// Starts a bench server (server-worker.mjs, or ratelimit-server.mjs) in a worker thread and
// stops it again; writes the CSV files of rows the CLI figures read.
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

/**
 * `kind` 'seed': every request gets the spec's two-link example page.
 * `kind` 'pages': `total` numbered links, paged by `?limit=&page=`.
 * `delayMs`: how long the server waits before it answers.
 */
export async function startServer({ kind, delayMs = 0, total = 0 }) {
  const worker = new Worker(new URL('./server-worker.mjs', import.meta.url), { workerData: { kind, delayMs, total } });
  const [message] = await Promise.race([
    once(worker, 'message'),
    once(worker, 'error').then(([error]) => Promise.reject(error)),
  ]);
  return {
    url: `http://127.0.0.1:${message.port}`,
    close: () => closeWorker(worker),
  };
}

/** Asks a server's worker to close, and ends it after 5 s if it has not exited by then. */
export async function closeWorker(worker) {
  const exited = once(worker, 'exit');
  worker.postMessage('close');
  const timer = setTimeout(() => void worker.terminate(), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Runs `fn(server)` with a fresh server, closing it whatever happens. */
export async function withServer(options, fn) {
  const server = await startServer(options);
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

/**
 * The rate-limit bench's server (ratelimit-server.mjs: a token bucket in front of creates that
 * are counted per key) in a worker thread. `stats()` says what it saw.
 */
export async function startRateLimitedServer(rateLimit) {
  const worker = new Worker(new URL('./ratelimit-server.mjs', import.meta.url), { workerData: { rateLimit } });
  const [message] = await Promise.race([once(worker, 'message'), once(worker, 'error').then(([error]) => Promise.reject(error))]);
  return {
    url: `http://127.0.0.1:${message.port}`,
    async stats() {
      worker.postMessage('stats');
      const [answer] = await once(worker, 'message');
      return answer.stats;
    },
    close: () => closeWorker(worker),
  };
}

/** A CSV file for `partner-links create --from`: one row per key, all for `partnerId`. */
export async function writeLinkRows(path, partnerId, keys) {
  const lines = ['partner_id,key'];
  for (const key of keys) lines.push(`${partnerId},${key}`);
  await writeFile(path, `${lines.join('\n')}\n`);
}
