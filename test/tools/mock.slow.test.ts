// `npm run mock` (scripts/mock.mjs): Prism serving the spec, stopped cleanly by Ctrl-C. Started
// with `--port 0`, so the test never needs the documented port (4010) free: a user may be
// running the mock there.
import { afterAll, describe, expect, it } from 'vitest';
import { descendantsOf, isAlive, portIsFree, startNode, type Started } from './support/processes.js';

let mock: Started | undefined;
let prismPids: number[] = [];

afterAll(() => {
  // Only if a test failed half-way: stop what this file started, by id.
  if (mock && mock.child.exitCode === null) mock.child.kill('SIGKILL');
  for (const pid of prismPids) if (isAlive(pid)) process.kill(-pid, 'SIGKILL');
});

describe('npm run mock', () => {
  it('serves the spec on 127.0.0.1 (here on a free port), says how to call it, and leaves nothing behind on Ctrl-C', async () => {
    mock = startNode('scripts/mock.mjs', ['--port', '0']);
    const [, curl] = await mock.waitFor(/(curl .*)\n[\s\S]*Ctrl-C stops it/);
    const url = /(http:\/\/127\.0\.0\.1:(\d+)\/v1\/\S+?)['"\s]/.exec(curl ?? '');
    expect(url, `no loopback URL in ${curl}`).not.toBeNull();
    const [, listUrl, port] = url!;
    expect(Number(port)).toBeGreaterThan(0);
    prismPids = descendantsOf(mock.child.pid!);
    expect(prismPids.length).toBeGreaterThan(0); // Prism, started by the mock.

    const response = await fetch(listUrl!, { headers: { authorization: 'Bearer any-key' } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { id: string }[] };
    expect(body.data.length).toBeGreaterThan(0);

    mock.child.kill('SIGINT');
    expect(await mock.exited).toBe(0);
    expect(mock.output()).toContain('stopped (SIGINT)');
    expect(prismPids.filter(isAlive)).toEqual([]);
    expect(await portIsFree(Number(port))).toBe(true);
  });
});
