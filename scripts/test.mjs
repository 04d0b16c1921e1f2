#!/usr/bin/env node
// `npm test` (and `npm run test:all` with --all): every check of the repository, in two rounds
// that keep both cores busy, one line per step when it passes and all a step printed when not.
//   1. at once: lint:spec (redocly lint), check:breaking (redocly diff against the baseline) and
//      generate:check (regenerates src/generated/, so nothing that reads it starts before);
//   2. at once: lint:ts (tsc -p tsconfig.json: src/ and test/, the type tests of test/types/
//      included) and vitest (scripts/vitest.mjs: without --all it skips *.slow.test.ts).
// A failed first round stops there. The exit code is 1 when any step failed.
// With --lint (`npm run lint`): lint:spec, check:breaking and lint:ts at once, and nothing else.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const all = process.argv.includes('--all');
const lintOnly = process.argv.includes('--lint');
const started = performance.now();
const children = new Set();

/** Runs `node <args>` with its output held back; resolves to its exit code and output. */
function step(name, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    children.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', (error) => (output += `${error.message}\n`));
    child.once('close', (code, signal) => {
      children.delete(child);
      resolve({ name, code: code ?? (signal ? 1 : 0), output });
    });
  });
}

/** Prints what a finished step printed (a passed step says so in one line); true if it passed. */
function report({ name, code, output }, passLine) {
  const text = output.trimEnd();
  if (code === 0) {
    console.log(text || passLine);
    return true;
  }
  if (text) console.log(text);
  console.log(`${name}: failed (exit code ${code})`);
  return false;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(130);
  });
}

const tscStep = () => step('lint:ts', [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json']);
const tscPassed = 'lint:ts: no type error in src/ or test/ (tsc -p tsconfig.json)';

if (lintOnly) {
  const results = await Promise.all([
    step('lint:spec', ['scripts/lib/redocly.mjs', 'lint', '--format=stylish']),
    step('check:breaking', ['scripts/check-breaking.mjs']),
    tscStep(),
  ]);
  const passed = results.map((result) => report(result, result.name === 'lint:ts' ? tscPassed : `${result.name}: passed`)).every(Boolean);
  process.exit(passed ? 0 : 1);
}

const first = await Promise.all([
  step('lint:spec', ['scripts/lib/redocly.mjs', 'lint', '--format=stylish']),
  step('check:breaking', ['scripts/check-breaking.mjs']),
  step('generate:check', ['scripts/check-generated.mjs']),
]);
let ok = first.map((result) => report(result, `${result.name}: passed`)).every(Boolean);

if (ok) {
  const tsc = tscStep();
  const vitest = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/vitest.mjs', 'run', ...(all ? ['--all'] : [])], { cwd: root, stdio: 'inherit' });
    children.add(child);
    child.once('close', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
  ok = report(await tsc, tscPassed) && vitest === 0 && ok;
  if (vitest !== 0) console.log(`vitest: failed (exit code ${vitest})`);
}

const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(ok ? `${all ? 'test:all' : 'npm test'}: passed in ${seconds} s` : `${all ? 'test:all' : 'npm test'}: FAILED after ${seconds} s`);
process.exitCode = ok ? 0 : 1;
