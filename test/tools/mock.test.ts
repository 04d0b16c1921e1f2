// `npm run mock` (scripts/mock.mjs): Prism on the documented port, stopped cleanly by Ctrl-C.
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive, portIsFree, processesWith, startNode, type Started } from './support/processes.js';

const PORT = 4010;
let mock: Started | undefined;
let prismPids: number[] = [];

afterAll(() => {
  // Only if a test failed half-way: stop what this file started, by id.
  if (mock && mock.child.exitCode === null) mock.child.kill('SIGKILL');
  for (const pid of prismPids) if (isAlive(pid)) process.kill(-pid, 'SIGKILL');
});

describe('npm run mock', () => {
  it('serves the spec on 127.0.0.1:4010, says how to call it, and leaves nothing behind on Ctrl-C', async () => {
    expect(await portIsFree(PORT), `port ${PORT} is already in use`).toBe(true);
    mock = startNode('scripts/mock.mjs');
    const [, curl] = await mock.waitFor(/(curl .*)\n[\s\S]*Ctrl-C stops it/);
    expect(curl).toContain(`http://127.0.0.1:${PORT}/v1/partners/partner_123/referral_links`);
    prismPids = processesWith('mock', 'openapi/openapi.yaml', String(PORT));
    expect(prismPids).toHaveLength(1);

    const response = await fetch(`http://127.0.0.1:${PORT}/v1/partners/partner_123/referral_links`, {
      headers: { authorization: 'Bearer any-key' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { id: string }[] };
    expect(body.data.map((link) => link.id)).toContain('ref_123');

    mock.child.kill('SIGINT');
    expect(await mock.exited).toBe(0);
    expect(mock.output()).toContain('stopped (SIGINT)');
    expect(prismPids.filter(isAlive)).toEqual([]);
    expect(processesWith('mock', 'openapi/openapi.yaml', String(PORT))).toEqual([]);
    expect(await portIsFree(PORT)).toBe(true);
  });
});
