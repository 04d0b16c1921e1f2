// Memory stays flat on a hostile --from file (issue 24 §9): the built CLI, in a child process,
// given 80 MB after a quote left open (CSV) or 80 MB on one line (JSON lines), refuses the file
// with the line number, sends nothing, and its peak RSS stays near that of `partnero --version`
// (the reader used to build the field a character at a time: 80 MB took 2.8 GB).
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MB = 1024 * 1024;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partnero-memory-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function writeHostile(path: string, head: string, megabytes: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(head);
  const block = 'x'.repeat(MB);
  for (let i = 0; i < megabytes; i++) if (!out.write(block)) await new Promise<void>((done) => out.once('drain', () => done()));
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
}

/** Runs the built CLI in a child that reports its peak RSS (MB) on its last stderr line. */
async function peak(argv: string[]): Promise<{ code: number; stderr: string; rssMb: number }> {
  const run = resolve('dist/cli/run.js');
  const script = `
    const { run } = await import(${JSON.stringify(run)});
    const code = await run(${JSON.stringify(argv)}, { PARTNERO_API_KEY: 'memory-key', PARTNERO_BASE_URL: 'http://127.0.0.1:9' }, { stdout: process.stdout, stderr: process.stderr });
    process.stderr.write('maxrss ' + Math.round(process.resourceUsage().maxRSS / 1024) + '\\n');
    process.exitCode = code;`;
  try {
    const { stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { maxBuffer: 4 * MB });
    return { code: 0, stderr, rssMb: Number(/maxrss (\d+)\n$/.exec(stderr)?.[1]) };
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr, rssMb: Number(/maxrss (\d+)\n$/.exec(stderr)?.[1]) };
  }
}

describe('an 80 MB hostile --from file', () => {
  it('is refused with its line number, and memory stays flat (CSV: a quote left open; JSON lines: one long line)', async () => {
    const csv = join(dir, 'open-quote.csv');
    await writeHostile(csv, 'partner_id,key\npartner_789,ok-1\npartner_789,"open\n', 80);
    const jsonl = join(dir, 'long-line.jsonl');
    await writeHostile(jsonl, '{"partner_id":"partner_789","key":"ok-1"}\n{"partner_id":"partner_789","key":"', 80);

    const baseline = await peak(['--version']);
    expect(baseline.rssMb).toBeGreaterThan(0);
    const fromCsv = await peak(['partner-links', 'create', '--from', csv, '--no-journal']);
    expect(fromCsv.code, fromCsv.stderr).toBe(2);
    expect(fromCsv.stderr).toContain(`${csv}:3: a field longer than 1 MiB (1,048,576 characters): is a quote (") left open?; nothing was sent`);
    const fromJsonl = await peak(['partner-links', 'create', '--from', jsonl, '--no-journal']);
    expect(fromJsonl.code, fromJsonl.stderr).toBe(2);
    expect(fromJsonl.stderr).toContain(`${jsonl}:2: a line longer than 4 MiB (4,194,304 characters); nothing was sent`);
    // Flat: a few times the bound above what the CLI needs to start, far below the 80 MB given.
    expect(fromCsv.rssMb - baseline.rssMb).toBeLessThan(48);
    expect(fromJsonl.rssMb - baseline.rssMb).toBeLessThan(48);
    console.log(`peak RSS: --version ${baseline.rssMb} MB, 80 MB open quote ${fromCsv.rssMb} MB, 80 MB line ${fromJsonl.rssMb} MB`);
  }, 60_000);
});
