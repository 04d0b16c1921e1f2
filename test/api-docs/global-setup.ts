// Builds docs/ with `npm run docs`'s script before the docs tests, so they work on a fresh clone.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export async function setup(): Promise<void> {
  await promisify(execFile)(process.execPath, ['scripts/docs.mjs']);
}
