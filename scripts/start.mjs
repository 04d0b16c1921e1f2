#!/usr/bin/env node
// `npm start`, the main job on the embedded default: lint the spec, generate, build, start the
// Prism mock, list partner_123's referral links with the `partnero` command (dist/cli.js), stop
// the mock. A dummy key, and nothing beyond 127.0.0.1.
import { execFileSync, spawn } from 'node:child_process';
import { startPrism } from './lib/prism.mjs';

const npm = (script) => execFileSync('npm', ['run', '-s', script], { stdio: 'inherit' });

npm('lint:spec');
npm('generate');
npm('build');

const prism = await startPrism(['mock', 'openapi/openapi.yaml']);
// Ctrl-C while the mock runs still stops it.
const interrupt = (signal) => void prism.stop().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);

let code;
try {
  const args = ['list', 'partner_123', '--base-url', prism.baseUrl];
  console.log(`\n$ partnero ${args.join(' ')}   (PARTNERO_API_KEY=mock-key, Prism mock of openapi/openapi.yaml)`);
  const cli = spawn(process.execPath, ['dist/cli.js', ...args], {
    stdio: 'inherit',
    env: { ...process.env, PARTNERO_API_KEY: 'mock-key' },
  });
  code = await new Promise((resolve) => cli.once('exit', (exitCode) => resolve(exitCode ?? 1)));
} finally {
  await prism.stop();
}
process.exit(code);
