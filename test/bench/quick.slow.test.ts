// `npm run bench -- --quick` still works: it exits 0, prints a table with a row for every
// figure, and writes the same rows as JSON. Benchmarks are not tests: no timing is asserted.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Every figure of issues 5, 8 and 20 (bulk), by the id its row has in the JSON. */
const FIGURES = [
  'overhead.fetch.us',
  'overhead.openapiFetch.us',
  'overhead.list.us',
  'overhead.listValidated.us',
  'overhead.octokit.us',
  'overhead.openai.us',
  'overhead.openapiFetch.ratio',
  'overhead.list.ratio',
  'overhead.listValidated.ratio',
  'overhead.octokit.ratio',
  'overhead.openai.ratio',
  'overhead.list.vsOpenapiFetch',
  'readAhead.sequential.ms',
  'readAhead.listAll.ms',
  'readAhead.ratio',
  'memory.heapGrowth.mb',
  'size.main.kib',
  'size.validators.kib',
  'size.openapiFetch.kib',
  'startup.package.ms',
  'startup.openapiFetch.ms',
  'generated.addedField.last.lines',
  'generated.addedField.first.lines',
  'bulk.kill.duplicates',
  'bulk.kill.missing',
  'bulk.kill.inFlight',
  'bulk.kill.skipped',
  'bulk.cli.rate',
  'bulk.memory.heapGrowth.mb',
  'bulk.memory.rssGrowth.mb',
  'bulk.memory.rate',
  'bulk.cliMemory.rssGrowth.mb',
  'bulk.cliMemory.rate',
  'ratelimit.40ps-retryAfter.adaptive.rate',
  'ratelimit.40ps-retryAfter.adaptive.refused',
  'ratelimit.40ps-retryAfter.adaptive.lost',
  'ratelimit.8ps.adaptive.rate',
  'ratelimit.8ps.adaptive.refused',
  'ratelimit.8ps.adaptive.lost',
  'ratelimit.window.adaptive.rate',
  'ratelimit.window.adaptive.refused',
  'ratelimit.window.adaptive.lost',
  'ratelimit.creates300.adaptive.rate',
  'ratelimit.creates300.adaptive.refused',
  'ratelimit.creates300.adaptive.lost',
  'ratelimit.cli.40ps-retryAfter.rate',
  'ratelimit.cli.40ps-retryAfter.refused',
  'ratelimit.cli.40ps-retryAfter.lost',
  'ratelimit.cli.8ps.rate',
  'ratelimit.cli.8ps.refused',
  'ratelimit.cli.8ps.lost',
  'ratelimit.cli.redis2.rate',
  'ratelimit.cli.redis2.refused',
  'ratelimit.cli.redis2.lost',
  'ratelimit.cli.rerun.rate',
  'ratelimit.cli.rerun.refused',
  'ratelimit.cli.rerun.lost',
  'ratelimit.library.creates300.rate',
  'ratelimit.library.creates300.refused',
  'ratelimit.library.creates300.lost',
  'pipeline.lint.s',
  'pipeline.generate.s',
];

interface Row {
  id: string;
  figure: string;
  median: number | null;
  error?: string;
}

it('npm run bench -- --quick exits 0 by itself, prints a row for every figure and writes them as JSON', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'partnero-bench-'));
  try {
    const out = join(dir, 'results.json');
    const result = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
      (done, fail) => {
        const child = spawn('npm', ['run', '--silent', 'bench', '--', '--quick', '--out', out], {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, npm_config_update_notifier: 'false' },
          timeout: 150_000,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', fail);
        child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
      },
    );
    // Exiting on its own, without a signal, means every server was closed and no timer was left.
    expect({ code: result.code, signal: result.signal, failed: result.stderr.match(/^bench: .* failed: .*$/gm) }).toEqual({
      code: 0,
      signal: null,
      failed: null,
    });

    const json = JSON.parse(readFileSync(out, 'utf8')) as { quick: boolean; rows: Row[] };
    expect(json.quick).toBe(true);
    expect(json.rows.map((row) => row.id).sort()).toEqual([...FIGURES].sort());
    // Every figure measured (lint alone is skipped in quick mode), none replaced by an error.
    const unmeasured = json.rows.filter((row) => row.error !== undefined || (row.median === null && row.id !== 'pipeline.lint.s'));
    expect(unmeasured).toEqual([]);

    expect(result.stdout).toContain('| figure | median | min | max | target | holds |');
    const lines = result.stdout.split('\n');
    for (const row of json.rows) {
      expect(lines.filter((line) => line.startsWith(`| ${row.figure} |`)), row.id).toHaveLength(1);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
