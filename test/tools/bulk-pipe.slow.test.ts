// `partnero ... --from rows.csv | head -3` (issue 24 §4), for real: the built CLI with its
// stdout into head through a shell pipe, against the sandbox (every answer 20 ms late, so that
// head has gone before the end). The run stops, says "interrupted" and how many rows are left
// on stderr, exits 130; the rerun sends exactly those rows and every link is there once.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../scripts/lib/sandbox.mjs';

const API_KEY = 'sandbox-key'; // The sandbox's key (it checks keys once it has one); must never be printed.
const ROWS = 300;

let dir: string;
let sandbox: Sandbox;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partnero-pipe-'));
  sandbox = await startSandbox({ port: 0, faults: 'slow=20' });
});
afterAll(async () => {
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs `script` in bash; resolves to what it printed (it reports the CLI's exit code itself). */
function bash(script: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    execFile('bash', ['-c', script], { env: { ...process.env, PARTNERO_API_KEY: API_KEY, PARTNERO_BASE_URL: sandbox.url }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && error.killed) fail(error);
      else done({ stdout, stderr });
    });
  });
}

/** A CSV of ROWS creates for partner_789, keys `<prefix>-<i>`; the built CLI's command line on it. */
async function rows(prefix: string): Promise<{ keys: string[]; csv: string; cli: string }> {
  const keys = Array.from({ length: ROWS }, (_, i) => `${prefix}-${i}`);
  const csv = join(dir, `${prefix}.csv`);
  await writeFile(csv, `partner_id,key\n${keys.map((key) => `partner_789,${key}`).join('\n')}\n`);
  return { keys, csv, cli: `${JSON.stringify(process.execPath)} ${JSON.stringify(resolve('dist/cli.js'))} partner-links create --from ${JSON.stringify(csv)}` };
}

/** The "(N rows left)" a stopped run printed, checked to be some but not all of the rows. */
function rowsLeft(stderr: string): number {
  const left = Number(/\((\d+) rows left\)/.exec(stderr)?.[1]);
  expect(left).toBeGreaterThan(0);
  expect(left).toBeLessThan(ROWS);
  return left;
}

/** Runs `cli` again: it sends exactly the `left` rows, skips the rest, and every key is stored once. */
async function expectRerunSends(cli: string, keys: string[], left: number): Promise<void> {
  await new Promise((done) => setTimeout(done, 200)); // the sandbox finishes what was sent
  const rerun = await bash(`${cli} --json; echo "exit $?" >&2`);
  expect(rerun.stderr).toMatch(/exit 0\n$/);
  const outcomes = rerun.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { outcome: string }).outcome);
  expect(outcomes).toHaveLength(ROWS);
  expect(outcomes.filter((outcome) => outcome !== 'skipped')).toHaveLength(left);
  for (const key of keys) expect(sandbox.state.links.filter((link) => link.key === key)).toHaveLength(1);
}

describe('partnero ... --from rows.csv | head -3', () => {
  it('stops with "interrupted" and the rows left on stderr, exit 130; the rerun sends those rows', async () => {
    const { keys, cli } = await rows('pipe');
    const first = await bash(`${cli} --concurrency 4 | head -3; echo "exit \${PIPESTATUS[0]}" >&2`);
    expect(first.stdout.split('\n').filter(Boolean)).toHaveLength(3);
    expect(first.stderr).toMatch(/partnero: interrupted \(the output was closed: EPIPE\): run the same command again to resume \(\d+ rows left\)\nexit 130\n$/);
    expect(first.stderr + first.stdout).not.toContain(API_KEY);
    await expectRerunSends(cli, keys, rowsLeft(first.stderr));
  }, 90_000);
});

describe('partnero ... --from rows.csv stopped by SIGTERM', () => {
  it('stops as on Ctrl-C: "interrupted" and the rows left on stderr, its journal freed, exit 143; the rerun sends those rows', async () => {
    const { keys, csv, cli } = await rows('term');
    const env = { ...process.env, PARTNERO_API_KEY: API_KEY, PARTNERO_BASE_URL: sandbox.url };
    const child = spawn('bash', ['-c', `exec ${cli} --concurrency 4`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      // Once (a second SIGTERM kills, as a second Ctrl-C does): some rows done, most still to come.
      if (!child.killed && stdout.split('\n').length > 10) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((done) => child.once('close', done));
    expect(code).toBe(143);
    expect(stderr).toMatch(/partnero: interrupted: run the same command again to resume \((\d+) rows left\)/);
    expect(stderr + stdout).not.toContain(API_KEY);
    expect(existsSync(`${csv}.journal.lock`)).toBe(false);
    await expectRerunSends(cli, keys, rowsLeft(stderr));
  }, 90_000);
});
