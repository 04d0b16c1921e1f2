#!/usr/bin/env node
// Runs the pinned vitest:
//   node scripts/vitest.mjs run [--all | --slow] [vitest's own arguments]
// Without a flag, the tests of `npm test`: every *.test.ts but *.slow.test.ts, and no `types`
// project (its files are type-checked by tsc, a step of `npm test`). --all runs every test
// there is (as does naming a test file, so that `node scripts/vitest.mjs run
// test/x/y.slow.test.ts` runs it); --slow runs only what --all adds, writing its report to
// test-results/vitest-slow.json (what .ci/run adds after `npm test`). vitest.config.ts reads the
// choice from PARTNERO_TESTS.
//
// Colour only on a terminal: vitest's colour library turns colour on whenever TERM is set,
// piped or not, so logs and CI output would fill with escape codes; here NO_COLOR is set when
// stdout is not a terminal (unless FORCE_COLOR asks for colour). Vitest's two-line warning that
// type testing is experimental (printed whenever a project type-checks, with no option to turn
// it off) is dropped from its stderr; everything else passes through.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const env = { ...process.env };
if (!process.stdout.isTTY && env.FORCE_COLOR === undefined) env.NO_COLOR = '1';

const args = [];
let tests = env.PARTNERO_TESTS ?? 'fast';
for (const arg of process.argv.slice(2)) {
  if (arg === '--all') tests = 'all';
  else if (arg === '--slow') tests = 'slow';
  else args.push(arg);
}
// A test file named on the command line runs whatever its name.
if (tests === 'fast' && args.some((arg) => !arg.startsWith('-') && /\.test(-d)?\.ts$/.test(arg))) tests = 'all';
env.PARTNERO_TESTS = tests;

// Loaded into vitest's own process (not its workers): drops the one write of that warning.
const dropWarning = `
const write = process.stderr.write.bind(process.stderr);
const warning = /^(\\x1b\\[[0-9;]*m)*Testing types with tsc and vue-tsc is an experimental feature\\.\\nBreaking changes might not follow SemVer, please pin Vitest's version when using it\\.(\\x1b\\[[0-9;]*m)*\\n$/;
process.stderr.write = (chunk, ...rest) => (typeof chunk === 'string' && warning.test(chunk) ? true : write(chunk, ...rest));
`;
const child = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(dropWarning)}`, vitest, ...args], {
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
