// For test files that start many local servers: each test's servers are closed after it, and
// the file fails if it leaves a timer, a socket or a listening server behind.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startServer, type Handler, type TestServer } from './http-server.js';

function countResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** Registers the hooks; returns `serve`, which starts a server that is closed after the test. */
export function serversClosedAfterEach(): (handler: Handler) => Promise<TestServer> {
  let servers: TestServer[] = [];
  let before: Record<string, number>;
  beforeAll(() => {
    before = countResources();
  });
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });
  afterAll(async () => {
    // Give closed sockets a turn of the event loop to go away.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = countResources();
    for (const kind of ['Timeout', 'TCPSocketWrap', 'TCPServerWrap']) {
      expect(after[kind] ?? 0, `${kind} left behind`).toBeLessThanOrEqual(before[kind] ?? 0);
    }
  });
  return async (handler) => {
    const server = await startServer(handler);
    servers.push(server);
    return server;
  };
}
