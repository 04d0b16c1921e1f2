// The journal of `partnero ... --from` when things go wrong (issue 24 §3-§7): a journal that
// cannot be written mid-run (writeSync made to fail with ENOSPC, as on a full disk), a closed
// stdout, a last line cut by a crash, two runs on one journal, a journal folder that cannot be
// written. In-process through run() against the sandbox on a free port.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'csv-parse/sync';
import { startSandbox, type Sandbox } from '../../scripts/lib/sandbox.mjs';
import { Capture } from '../support/capture.js';
import { runCli } from '../support/cli-runner.js';

/** Decides, for each record written to a journal, whether that write fails with ENOSPC. */
const disk = vi.hoisted(() => ({ full: undefined as ((record: string) => boolean) | undefined, journals: new Set<number>() }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = ((path: import('node:fs').PathLike, ...rest: unknown[]) => {
    const fd = (fs.openSync as (...args: unknown[]) => number)(path, ...rest);
    if (String(path).endsWith('.journal')) disk.journals.add(fd);
    return fd;
  }) as typeof fs.openSync;
  const writeSync = ((fd: number, data: unknown, ...rest: unknown[]) => {
    if (disk.journals.has(fd) && typeof data === 'string' && disk.full?.(data)) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    return (fs.writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
  }) as typeof fs.writeSync;
  const closeSync = ((fd: number) => {
    disk.journals.delete(fd);
    fs.closeSync(fd);
  }) as typeof fs.closeSync;
  return { ...fs, default: { ...fs, openSync, writeSync, closeSync }, openSync, writeSync, closeSync };
});

const API_KEY = 'sandbox-key'; // The sandbox's key (it checks keys once it has one); must never be printed.

let sandbox: Sandbox;
let slow: Sandbox;
let dir: string;
let sent = 0;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, log: () => void sent++ });
  slow = await startSandbox({ port: 0, faults: 'slow=30' });
});
afterAll(async () => {
  await sandbox?.close();
  await slow?.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partnero-journal-'));
  disk.full = undefined;
});
afterEach(async () => {
  disk.full = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[], options: { baseUrl?: string; signal?: AbortSignal; stdout?: Capture } = {}) {
  const before = sent;
  const result = await runCli(argv, { ...options, apiKey: API_KEY, baseUrl: options.baseUrl ?? sandbox.url });
  return { ...result, requests: sent - before };
}

/** A CSV of creates, one key per row: `partner_789,<prefix>-<i>`. */
async function creates(prefix: string, count: number): Promise<{ path: string; keys: string[] }> {
  const keys = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  const path = join(dir, `${prefix}.csv`);
  await writeFile(path, `partner_id,key\n${keys.map((key) => `partner_789,${key}`).join('\n')}\n`);
  return { path, keys };
}

const csv = (text: string): Record<string, string>[] => parse(text, { columns: true }) as Record<string, string>[];
const exists = (server: Sandbox, key: string): number => server.state.links.filter((link) => link.key === key).length;
const rowsLeft = (stderr: string): number => Number(/\((\d+) rows? left\)/.exec(stderr)?.[1] ?? Number.NaN);

/** Counts records of one kind as they are written, and fails from the nth of them on. */
function failFrom(kind: 'started' | 'outcome', nth: number): (record: string) => boolean {
  let seen = 0;
  return (record) => {
    if (!record.includes(kind === 'started' ? '"state":"started"' : '"outcome"')) return false;
    seen += 1;
    return seen >= nth;
  };
}

describe('a journal that cannot be written mid-run (issue 24 §3)', () => {
  for (const kind of ['started', 'outcome'] as const) {
    it(`stops the run, says so, exits 1, and reports each row as it was (fails from the 5th "${kind}" record)`, async () => {
      const { path, keys } = await creates(`full-${kind}`, 30);
      disk.full = failFrom(kind, 5);
      const result = await cli(['partner-links', 'create', '--from', path, '--concurrency', '2']);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/partnero: stopped: the journal .*\.journal could not be written: ENOSPC: no space left on device, write; nothing more was sent/);
      const out = csv(result.stdout);
      // Every row shown says what became of it: made (ok) or never sent (not-sent); none failed.
      for (const row of out) {
        const key = keys[Number(row['line']) - 2]!;
        expect(row['outcome'], `line ${row['line']}`).toMatch(/^(ok|not-sent)$/);
        expect(exists(sandbox, key), `line ${row['line']} (${row['outcome']})`).toBe(row['outcome'] === 'ok' ? 1 : 0);
      }
      // Rows never shown were never sent; the run stopped well before the end.
      const shown = new Set(out.map((row) => Number(row['line'])));
      keys.forEach((key, i) => {
        if (!shown.has(i + 2)) expect(exists(sandbox, key), key).toBe(0);
      });
      const made = keys.filter((key) => exists(sandbox, key)).length;
      expect(made).toBeLessThan(keys.length);
      const summary = /(\d+) ok, 0 already there, 0 failed/.exec(result.stderr);
      expect(Number(summary?.[1])).toBe(made);
      if (kind === 'started') expect(result.stderr).toMatch(/, [12] not sent/);
      else expect(result.stderr).toMatch(/, [12] not recorded in the journal/);

      // The disk has room again: the rerun sends what it said was left, and every link is there once.
      disk.full = undefined;
      const left = rowsLeft(result.stderr);
      const rerun = await cli(['partner-links', 'create', '--from', path, '--json']);
      expect(rerun.code, rerun.stderr).toBe(0);
      const again = rerun.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { outcome: string });
      expect(again.filter((row) => row.outcome !== 'skipped')).toHaveLength(left);
      for (const key of keys) expect(exists(sandbox, key), key).toBe(1);
    });
  }

  it('a journal whose first line cannot be written is refused before anything is sent (exit 2, naming --journal)', async () => {
    const { path } = await creates('full-header', 3);
    disk.full = () => true;
    const result = await cli(['partner-links', 'create', '--from', path]);
    expect(result.code).toBe(2);
    expect(result.requests).toBe(0);
    expect(result.stderr).toMatch(/^partnero: --journal .*full-header\.csv\.journal cannot be written \(ENOSPC\)/);
  });
});

describe('stdout closed before the end (issue 24 §4)', () => {
  it('says "interrupted" on stderr, exits 130, and the rerun sends the rows it said were left', async () => {
    const { path, keys } = await creates('epipe', 40);
    // A reader that takes three lines (`| head -3`), then goes away.
    const stdout = new Capture(false);
    let lines = 0;
    stdout.write = function (chunk: string): boolean {
      lines += chunk.split('\n').length - 1;
      if (lines > 3) throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      this.text += chunk;
      return true;
    };
    const result = await cli(['partner-links', 'create', '--from', path, '--concurrency', '2'], { baseUrl: slow.url, stdout });
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toMatch(/partnero: interrupted \(the output was closed: EPIPE\): run the same command again to resume \(\d+ rows left\)\n$/);
    const left = rowsLeft(result.stderr);
    expect(left).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the sandbox finishes what was sent
    const rerun = await cli(['partner-links', 'create', '--from', path, '--json'], { baseUrl: slow.url });
    expect(rerun.code, rerun.stderr).toBe(0);
    const again = rerun.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { outcome: string });
    expect(again.filter((row) => row.outcome !== 'skipped')).toHaveLength(left);
    for (const key of keys) expect(exists(slow, key), key).toBe(1);
  });
});

describe('a journal whose last line was cut by a crash (issue 24 §5)', () => {
  it('drops the cut line before appending, checks its row as in flight, and the run after that reads the journal', async () => {
    const { path, keys } = await creates('cut', 4);
    expect((await cli(['partner-links', 'create', '--from', path])).code).toBe(0);
    const journal = `${path}.journal`;
    const lines = (await readFile(journal, 'utf8')).trimEnd().split('\n');
    // The crash: the last row's outcome line written half, without its newline.
    const last = lines.at(-1)!;
    expect(last).toMatch(/^\{"line":\d+,"row":"[0-9a-f]+","outcome":"ok"\}$/);
    const cutLine = Number(JSON.parse(last).line);
    await writeFile(journal, `${lines.slice(0, -1).join('\n')}\n${last.slice(0, last.indexOf('"outcome"') + 5)}`);

    const rerun = await cli(['partner-links', 'create', '--from', path, '--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    const again = rerun.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { line: number; outcome: string; earlier?: string });
    expect(again.find((row) => row.line === cutLine)).toMatchObject({ earlier: 'in-flight', outcome: 'existing' });
    expect(again.filter((row) => row.line !== cutLine).every((row) => row.outcome === 'skipped')).toBe(true);
    // Every line of the journal is whole JSON again, and a third run reads it.
    for (const line of (await readFile(journal, 'utf8')).trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    const third = await cli(['partner-links', 'create', '--from', path]);
    expect(third.code, third.stderr).toBe(0);
    expect(third.requests).toBe(0);
    for (const key of keys) expect(exists(sandbox, key)).toBe(1);
  });
});

describe('two runs on one journal (issue 24 §6)', () => {
  it('the second is refused while the first runs, naming it (pid, since when); none is left locked after', async () => {
    const { path, keys } = await creates('twice', 12);
    const controller = new AbortController();
    const first = cli(['partner-links', 'create', '--from', path, '--concurrency', '2'], { baseUrl: slow.url, signal: controller.signal });
    while (!(await readFile(`${path}.journal`, 'utf8').catch(() => '')).includes('"started"')) await new Promise((resolve) => setTimeout(resolve, 5));
    const lock = JSON.parse(await readFile(`${path}.journal.lock`, 'utf8')) as { pid: number; since: string };
    expect(lock.pid).toBe(process.pid);
    const second = await cli(['partner-links', 'create', '--from', path], { baseUrl: slow.url });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`another run holds the journal ${path}.journal (pid ${process.pid}, since ${lock.since})`);
    expect((await first).code).toBe(0);
    for (const key of keys) expect(exists(slow, key)).toBe(1);
    await expect(stat(`${path}.journal.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a lock left by a run that is gone (its pid not running) is taken over', async () => {
    const { path, keys } = await creates('stale', 2);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(gone.stdout);
    expect(pid).toBeGreaterThan(0);
    await writeFile(`${path}.journal.lock`, JSON.stringify({ pid, since: '2026-01-01T00:00:00.000Z' }));
    const result = await cli(['partner-links', 'create', '--from', path]);
    expect(result.code, result.stderr).toBe(0);
    for (const key of keys) expect(exists(sandbox, key)).toBe(1);
    await expect(stat(`${path}.journal.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('a journal folder that cannot be written (issue 24 §7)', () => {
  it('is refused before anything is sent, exit 2, naming --journal', async () => {
    const { path } = await creates('folder', 2);
    const notAFolder = join(dir, 'plain-file');
    await writeFile(notAFolder, '');
    await mkdir(join(dir, 'exists'));
    for (const journal of [join(dir, 'no-such-folder', 'rows.journal'), join(notAFolder, 'rows.journal')]) {
      const result = await cli(['partner-links', 'create', '--from', path, '--journal', journal]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.requests).toBe(0);
      expect(result.stderr).toMatch(new RegExp(`^partnero: --journal ${journal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be written.*\\((ENOENT|ENOTDIR)\\)`));
      expect(result.stderr).not.toMatch(/unexpected error/);
    }
  });
});
