#!/usr/bin/env node
// `npm start`, the main job on the embedded default: lint the spec, generate, build, start the
// Prism mock, list partner_123's referral links with the `partnero` command (dist/cli.js), stop
// the mock. A dummy key, and nothing beyond 127.0.0.1. Each step prints one line; a step's own
// output is shown only when it fails (or, for lint, warns).
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { MOCK_PORT } from './lib/local-server.mjs';
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
const args = ['partner-links', 'list', 'partner_123'];
try {
  // What runs here, against a mock on a free port that stops when `npm start` ends: not a line to
  // paste (that port is gone by then); the one to paste comes last.
  console.log(`\n→ partnero ${args.join(' ')}   (node dist/cli.js, against the Prism mock at ${prism.baseUrl}, stopped at the end)`);
  const cli = spawn(process.execPath, ['dist/cli.js', ...args, '--base-url', prism.baseUrl], {
    stdio: 'inherit',
    env: { ...process.env, PARTNERO_API_KEY: 'mock-key' },
  });
  code = await new Promise((resolve) => cli.once('exit', (exitCode) => resolve(exitCode ?? 1)));
} finally {
  await prism.stop();
}
if (code === 0) {
  // The mock is stopped now: the lines to paste start one of their own, on its documented port
  // (`npm run mock`: http://127.0.0.1:${MOCK_PORT}), and run the command from a clone.
  console.log(
    `\nTry it yourself: start the mock in one terminal (it runs until Ctrl-C),\n` +
      `  npm run mock\n` +
      `and paste this in another:\n` +
      `  PARTNERO_API_KEY=mock-key node dist/cli.js ${args.join(' ')} --base-url http://127.0.0.1:${MOCK_PORT}`,
  );
}
process.exit(code);
