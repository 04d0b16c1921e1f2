#!/usr/bin/env node
// `npm start`, the main job on the embedded default: lint the spec, generate, build, start the
// Prism mock, list partner_123's referral links with the `partnero` command (dist/cli.js), stop
// the mock. A dummy key, and nothing beyond 127.0.0.1. Each step prints one line; a step's own
// output is shown only when it fails (or, for lint, warns).
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { startPrism } from './lib/prism.mjs';
import { redocly } from './lib/redocly.mjs';

const run = promisify(execFile);

async function step(label, action) {
  const started = performance.now();
  try {
    const shown = await action();
    console.log(`✓ ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    if (shown) process.stdout.write(shown);
  } catch (error) {
    console.error(`✗ ${label}\n${[error.stdout, error.stderr, error.output].filter(Boolean).join('') || error.message}`);
    process.exit(1);
  }
}

await step('lint openapi/', async () => {
  const { code, output } = await redocly(['lint', '--format=stylish']);
  if (code !== 0) throw Object.assign(new Error('lint failed'), { output });
  return /warning/i.test(output) ? output : undefined;
});
await step('generate src/generated/', () => run(process.execPath, ['scripts/generate.mjs']).then(() => undefined));
await step('build dist/', () => run('npm', ['run', '-s', 'build']).then(() => undefined));

const prism = await startPrism(['mock', 'openapi/openapi.yaml']);
// Ctrl-C while the mock runs still stops it.
const interrupt = (signal) => void prism.stop().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);

let code;
try {
  const args = ['partner-links', 'list', 'partner_123', '--base-url', prism.baseUrl];
  // Exactly what runs next, as a line to paste (from a clone, `partnero` is `node dist/cli.js`).
  console.log(`\n$ PARTNERO_API_KEY=mock-key node dist/cli.js ${args.join(' ')}   # against the Prism mock of openapi/openapi.yaml`);
  const cli = spawn(process.execPath, ['dist/cli.js', ...args], {
    stdio: 'inherit',
    env: { ...process.env, PARTNERO_API_KEY: 'mock-key' },
  });
  code = await new Promise((resolve) => cli.once('exit', (exitCode) => resolve(exitCode ?? 1)));
} finally {
  await prism.stop();
}
process.exit(code);
