// Runs the pinned Redocly CLI as `node <its bin file>` (never npx), with telemetry and update
// notices off for every invocation, wherever it is started from.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const redoclyCli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

/** The repository root: every path given to Redocly is relative to it. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The environment Redocly runs with: no telemetry, no update notice. */
export const redoclyEnv = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
};

/**
 * Runs `redocly <args>` in the repository root and resolves to its exit code and output.
 * With `inherit`, its output goes straight to this process's stdout and stderr.
 */
export function redocly(args, { inherit = false, cwd = repoRoot } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [redoclyCli, ...args], {
      cwd,
      env: redoclyEnv,
      stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Bundles the spec at `ref` into one file at `output` (YAML or JSON by its extension). */
export async function bundleSpec(ref, output) {
  const { code, output: log } = await redocly(['bundle', ref, '-o', output]);
  if (code !== 0) throw new Error(`redocly bundle ${ref} failed with exit code ${code}:\n${log}`);
}
