// A call aborted while the limiter pauses for a Retry-After leaves no timer armed: the process
// that made it exits as soon as its own work is done, not when the pause would have ended
// (issue 28: up to 60 s more; the CLI after Ctrl-C, 49 s). A real child process, since only
// its exit shows what keeps the event loop alive.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(root, 'node_modules', '.cache-rate-limit-exit-'));
  await build({ entryPoints: [join(root, 'src/index.ts')], bundle: true, splitting: true, format: 'esm', platform: 'node', outdir: dir, external: ['ioredis'], logLevel: 'silent' });
  // The child: a server that answers the first request 429 with Retry-After: 30 and holds
  // nothing open; three calls queued behind the pause, aborted after 300 ms.
  await writeFile(
    join(dir, 'child.mjs'),
    `import { createServer } from 'node:http';
import { createPartneroClient } from './index.js';
let first = true;
const server = createServer((req, res) => {
  res.setHeader('connection', 'close');
  if (first) { first = false; res.writeHead(429, { 'retry-after': '30', 'content-type': 'application/json' }); return res.end('{"message":"Too Many Attempts."}'); }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"status":1,"data":{"id":"x","key":"x","url":"https://example.test/x","default":false}}');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const client = createPartneroClient({ apiKey: 'sandbox-key', baseUrl: 'http://127.0.0.1:' + server.address().port, rateLimit: { maxConcurrency: 1 } });
const signal = AbortSignal.timeout(300);
const outcomes = await Promise.all(['a', 'b', 'c'].map((id) => client.partnerLinks.get(id, { signal }).then(() => 'ok', (error) => error.name)));
server.close();
console.log(JSON.stringify(outcomes));
`,
  );
}, 60_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('rateLimit, a pause and an abort', () => {
  it('the process exits right after its calls were aborted during a 30 s pause', async () => {
    const child = spawn(process.execPath, [join(dir, 'child.mjs')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = Date.now();
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    try {
      const code = await new Promise((resolve) => child.once('exit', (exitCode, signal) => resolve(exitCode ?? signal)));
      expect(code, output).toBe(0);
      expect(JSON.parse(output.trim())).toEqual(['RequestAbortedError', 'RequestAbortedError', 'RequestAbortedError']);
      // Start-up, 300 ms, exit: nothing like the 30 s pause.
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      clearTimeout(timer);
      child.kill('SIGKILL');
    }
  }, 30_000);
});
