// Builds site/ with `npm run docs`'s script before the docs tests, so they work on a fresh clone.
// A run of the fast tests only (`npm test`) builds the API reference alone, in a few seconds;
// any run with the slow files (which open the whole site in Chromium) builds everything.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export async function setup(): Promise<void> {
  const fast = (process.env.PARTNERO_TESTS ?? 'fast') === 'fast';
  await promisify(execFile)(process.execPath, ['scripts/docs.mjs', ...(fast ? ['--reference-only'] : [])]);
}
