// The journal after kill -9: the built `partnero` in a child process creates links from a CSV
// against the sandbox (every answer 40 ms late, so that it is mid-run), is killed with SIGKILL
// half way, and run again. Every row's link must then exist exactly once, and the rerun must
// say which rows were done before and which were in flight.
import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../scripts/lib/sandbox.mjs';
import { startNode } from './support/processes.js';

const API_KEY = 'sandbox-key'; // The sandbox's key (it checks keys once it has one); must never be printed.
const ROWS = 240;

let root: string;
let bin: string;
let sandbox: Sandbox;
beforeAll(async () => {
  // Its own build (package.json beside dist/, as the package is laid out), inside the
  // repository so that openapi-fetch resolves.
  root = await mkdtemp(join('test-results', 'bulk-kill-'));
  await promisify(execFile)(process.execPath, [
    'node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', join(root, 'dist'),
    '--declaration', 'false', '--declarationMap', 'false', '--sourceMap', 'false',
  ]);
  copyFileSync('package.json', join(root, 'package.json'));
  bin = join(root, 'dist', 'cli.js');
  sandbox = await startSandbox({ port: 0, apiKey: API_KEY, faults: 'slow=40' });
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const journalRecords = (path: string): Record<string, unknown>[] => {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  // The last line may be cut off mid-write: a reader skips it, as the CLI does.
  return text.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
};

describe('partnero --from after kill -9', () => {
  it('a rerun skips the rows done, finishes the ones in flight through the safe create: no duplicate, none missing', async () => {
    const keys = Array.from({ length: ROWS }, (_, i) => `kill-${i}`);
    const csvPath = join(root, 'links.csv');
    const journalPath = `${csvPath}.journal`;
    await writeFile(csvPath, `partner_id,key\n${keys.map((key) => `partner_789,${key}`).join('\n')}\n`);
    const env = { ...process.env, PARTNERO_API_KEY: API_KEY, PARTNERO_BASE_URL: sandbox.url };
    const args = ['partner-links', 'create', '--from', csvPath, '--concurrency', '8'];

    const first = startNode(bin, args, env);
    first.child.stdin.end();
    // Half way by the journal: then SIGKILL, no chance to clean up.
    const deadline = Date.now() + 30_000;
    while (journalRecords(journalPath).filter((record) => record['outcome']).length < ROWS / 2) {
      if (Date.now() > deadline) throw new Error(`no progress:\n${first.output()}`);
      if (first.child.exitCode !== null) throw new Error(`exited before half way:\n${first.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const atKill = journalRecords(journalPath);
    const done = new Set(atKill.filter((record) => record['outcome'] === 'ok').map((record) => record['line']));
    const started = new Set(atKill.filter((record) => record['state'] === 'started').map((record) => record['line']));
    const inFlight = [...started].filter((line) => !done.has(line));
    expect(done.size).toBeGreaterThanOrEqual(ROWS / 2);
    expect(done.size).toBeLessThan(ROWS);
    expect(inFlight.length).toBeGreaterThan(0);
    // The requests in flight reach the sandbox, which stores their links after the 40 ms: created, never answered.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const rerun = startNode(bin, args, env);
    rerun.child.stdin.end();
    expect(await rerun.exited, rerun.output()).toBe(0);
    const output = rerun.output();
    expect(output).not.toContain(API_KEY);
    const rows = parse(output.slice(0, output.indexOf('partnero: ')), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(ROWS);
    expect(rows.map((row) => Number(row['line']))).toEqual(keys.map((_, i) => i + 2));
    for (const row of rows) {
      const line = Number(row['line']);
      if (done.has(line)) expect(row).toMatchObject({ outcome: 'skipped', earlier: 'ok' });
      else if (inFlight.includes(line)) {
        expect(row['earlier']).toBe('in-flight');
        expect(['ok', 'existing']).toContain(row['outcome']);
      } else expect(row).toMatchObject({ outcome: 'ok', earlier: '' });
    }
    // The in-flight creates had happened: the rerun found them, ours, instead of failing or making a second.
    expect(rows.filter((row) => row['earlier'] === 'in-flight' && row['outcome'] === 'existing').length).toBeGreaterThan(0);
    expect(output).toMatch(new RegExp(`partnero: partner-links create: ${ROWS} of ${ROWS} rows .* 0 failed, ${done.size} skipped \\(done in an earlier run\\)`));

    const counts = new Map<string, number>();
    for (const link of sandbox.state.links) counts.set(link.key, (counts.get(link.key) ?? 0) + 1);
    const missing = keys.filter((key) => !counts.has(key));
    const duplicated = keys.filter((key) => (counts.get(key) ?? 0) > 1);
    expect({ missing, duplicated }).toEqual({ missing: [], duplicated: [] });
    expect(sandbox.state.links.filter((link) => link.key.startsWith('kill-')).every((link) => link.owner === 'partner_789')).toBe(true);
  });
});
