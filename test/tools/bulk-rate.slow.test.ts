// `partnero ... --from` and the adaptive limiter (issue 28): on by default, and a rerun starts
// from the rate the journal recorded, not from slow start. In-process CLI against the sandbox.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../scripts/lib/sandbox.mjs';
import { run } from '../../src/cli/run.js';
import { Capture } from '../support/capture.js';

const API_KEY = 'sandbox-key';
let dir: string;
const stops: (() => Promise<void>)[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partnero-bulk-rate-'));
});
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
  await rm(dir, { recursive: true, force: true });
});

async function sandboxWith(options: Parameters<typeof startSandbox>[0]) {
  const sandbox = await startSandbox({ port: 0, ...options });
  stops.push(() => sandbox.close());
  return sandbox;
}

async function cli(argv: string[], baseUrl: string) {
  const stdout = new Capture(false);
  const stderr = new Capture(false);
  const code = await run(argv, { PARTNERO_API_KEY: API_KEY, PARTNERO_BASE_URL: baseUrl }, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

async function rows(name: string, keys: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `partner_id,key\n${keys.map((key) => `partner_789,${key}`).join('\n')}\n`);
  return path;
}

describe('partnero --from and the rate limit', () => {
  it('paces adaptively by default: every row made against a limit it is not told, and the rate learnt goes into the journal', async () => {
    const limited = await sandboxWith({ rateLimit: { rate: 20, burst: 3, retryAfter: false } });
    const keys = Array.from({ length: 60 }, (_, i) => `default-${i}`);
    const path = await rows('default.csv', keys);
    const result = await cli(['partner-links', 'create', '--from', path, '--json'], limited.url);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/: 60 ok, 0 already there, 0 failed; \d+ answers? 429/);
    for (const key of keys) expect(limited.state.links.filter((link) => link.key === key)).toHaveLength(1);
    const rates = (await readFile(`${path}.journal`, 'utf8')).split('\n').filter((line) => line.startsWith('{"rate":')).map((line) => (JSON.parse(line) as { rate: number }).rate);
    expect(rates.length).toBeGreaterThan(0);
    expect(rates.at(-1)).toBeLessThan(60);
  }, 30_000);

  it('--rate-limit off does not pace: a run into the limit meets 429s', async () => {
    const limited = await sandboxWith({ rateLimit: { rate: 5, burst: 3, retryAfter: false } });
    const path = await rows('off.csv', Array.from({ length: 20 }, (_, i) => `off-${i}`));
    const result = await cli(['partner-links', 'create', '--from', path, '--rate-limit', 'off', '--json'], limited.url);
    expect(Number(/; (\d+) answers? 429/.exec(result.stderr)?.[1])).toBeGreaterThan(0);
    expect(await readFile(`${path}.journal`, 'utf8')).not.toContain('{"rate":');
  }, 30_000);

  it('a rerun starts from the rate the journal recorded, not from slow start', async () => {
    const open = await sandboxWith({});
    const keys = Array.from({ length: 8 }, (_, i) => `resume-${i}`);
    const path = await rows('resume.csv', keys);
    // A journal as a run cut short leaves it: its header, and the rate it had learnt (4/s).
    await writeFile(`${path}.journal`, `${JSON.stringify({ journal: 'partnero', version: 1, command: 'partner-links create', from: path })}\n{"rate":4}\n`);
    const started = Date.now();
    const result = await cli(['partner-links', 'create', '--from', path, '--json'], open.url);
    expect(result.code, result.stderr).toBe(0);
    // From 0.8 × 4/s, climbing back to 4/s: 8 rows take well over a second (from slow start, at
    // 20/s and doubling, they take a few hundred ms).
    expect(Date.now() - started).toBeGreaterThan(1_200);
    const fresh = await rows('fresh.csv', keys.map((key) => `${key}-fresh`));
    const freshStart = Date.now();
    expect((await cli(['partner-links', 'create', '--from', fresh, '--json'], open.url)).code).toBe(0);
    expect(Date.now() - freshStart).toBeLessThan(1_000);
  }, 30_000);
});
