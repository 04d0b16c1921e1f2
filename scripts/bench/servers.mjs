// Starts a bench server (server-worker.mjs) in a worker thread and stops it again.
import { once } from 'node:events';
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
