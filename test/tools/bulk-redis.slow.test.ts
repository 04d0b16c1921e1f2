// `--from ... --redis URL`: two runs of the command at once, each on its own CSV, share the
// learned rate through Debian's redis-server (on a free port) against one sandbox that limits
// the rate: both finish, every row's link exists exactly once.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { SANDBOX_API_KEY, startSandbox, type Sandbox } from '../../scripts/lib/sandbox.mjs';
import { startRedisServer } from '../../scripts/lib/redis-server.mjs';
import { Capture } from '../support/capture.js';


let sandbox: Sandbox;
let redis: Awaited<ReturnType<typeof startRedisServer>>;
let dir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: SANDBOX_API_KEY, rateLimit: { rate: 40, burst: 5 } });
  redis = await startRedisServer();
  dir = await mkdtemp(join(tmpdir(), 'partnero-bulk-redis-'));
});
afterAll(async () => {
  await sandbox?.close();
  await redis?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('partnero --from --redis', () => {
  it('two processes on one key share the limiter through Redis and each finishes its rows exactly once', async () => {
    const runOne = async (name: string) => {
      const keys = Array.from({ length: 20 }, (_, i) => `${name}-${i}`);
      const path = join(dir, `${name}.csv`);
      await writeFile(path, `partner_id,key\n${keys.map((key) => `partner_789,${key}`).join('\n')}\n`);
      const stdout = new Capture();
      const stderr = new Capture();
      const code = await run(['partner-links', 'create', '--from', path, '--redis', redis.url], { PARTNERO_API_KEY: SANDBOX_API_KEY, PARTNERO_BASE_URL: sandbox.url }, { stdout, stderr });
      return { keys, code, stderr: stderr.text };
    };
    const results = await Promise.all([runOne('redis-a'), runOne('redis-b')]);
    for (const result of results) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/: 20 ok, 0 already there, 0 failed; /);
      for (const key of result.keys) expect(sandbox.state.links.filter((link) => link.key === key)).toHaveLength(1);
    }
  });
});
