// Figure 6: wall time of the spec pipeline's commands, `npm run lint` and `npm run generate`,
// each run in the repository as a user would. `generate` rewrites src/generated/ with what the
// committed spec produces (the same bytes, unless the spec was changed and not regenerated).
// In --quick mode lint is skipped and generate runs once in a copy under `sandbox`, so that the
// quick run (which CI does beside the tests) never rewrites files the tests are reading.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { failedRow, row, summary } from './stats.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function timed(command, args, cwd, timeoutMs) {
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1' },
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`;
    const errors = output.split('\n').filter((line) => /error|✘|failed/i.test(line)).slice(0, 3).join(' / ');
    throw new Error(`${[command, ...args].join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}): ${(errors || output.trim()).slice(-300)}`);
  }
  return seconds;
}

export function pipeline(root, { runs, quick, sandbox }) {
  if (quick) {
    rmSync(sandbox, { recursive: true, force: true });
    mkdirSync(join(sandbox, 'scripts'), { recursive: true });
    cpSync(join(root, 'openapi'), join(sandbox, 'openapi'), { recursive: true });
    cpSync(join(root, 'redocly.yaml'), join(sandbox, 'redocly.yaml'));
    cpSync(join(root, 'scripts', 'generate.mjs'), join(sandbox, 'scripts', 'generate.mjs'));
    // What generate.mjs imports and reads: its name rules and the lint plugin (scripts/lib/), and
    // src/ (the names src/index.ts exports must not collide with generated ones).
    cpSync(join(root, 'scripts', 'lib'), join(sandbox, 'scripts', 'lib'), { recursive: true });
    cpSync(join(root, 'src'), join(sandbox, 'src'), { recursive: true });
    try {
      const seconds = timed(process.execPath, ['scripts/generate.mjs'], sandbox, 120_000);
      return [
        row('pipeline.lint.s', 'npm run lint (s)', 's', { median: null, min: null, max: null }, undefined, { skipped: '--quick' }),
        row('pipeline.generate.s', 'npm run generate (s)', 's', summary([seconds]), undefined, { runs: 1, command: 'node scripts/generate.mjs (copy under .bench/)' }),
      ];
    } finally {
      rmSync(sandbox, { recursive: true, force: true });
    }
  }
  // Each command is its own figure: one that fails (a lint error in work in progress) is
  // reported as failed without losing the other.
  const times = { lint: [], generate: [] };
  const failures = {};
  for (let i = 0; i < runs; i++) {
    for (const script of ['lint', 'generate']) {
      if (failures[script]) continue;
      try {
        times[script].push(timed(npm, ['run', script], root, 300_000));
      } catch (error) {
        failures[script] = error;
      }
    }
  }
  const result = (script, label) =>
    failures[script]
      ? failedRow(`pipeline.${script}.s`, label, 's', failures[script])
      : row(`pipeline.${script}.s`, label, 's', summary(times[script]), undefined, { runs, command: `npm run ${script}` });
  return [result('lint', 'npm run lint (s)'), result('generate', 'npm run generate (s)')];
}
