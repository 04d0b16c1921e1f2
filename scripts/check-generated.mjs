#!/usr/bin/env node
// `npm run generate:check` (part of `npm test`): regenerates src/generated/ from openapi/ and
// fails when that changed any file, comparing with the working tree, not with git: right after
// `npm run generate` it passes, committed or not. On failure src/generated/ has been brought up
// to date, and the message names the files and what to do.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/redocly.mjs';

const dir = join(repoRoot, 'src', 'generated');
const snapshot = () =>
  new Map(
    (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }) : [])
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = join(entry.parentPath ?? entry.path, entry.name);
        return [file.slice(dir.length + 1), readFileSync(file, 'utf8')];
      }),
  );

const before = snapshot();
try {
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'generate.mjs')], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
} catch (error) {
  console.error('generate:check: `npm run generate` failed (above); fix openapi/ first.');
  process.exit(error.status || 1);
}
const after = snapshot();

const changed = [...new Set([...before.keys(), ...after.keys()])]
  .filter((file) => before.get(file) !== after.get(file))
  .sort();
if (changed.length) {
  console.error(
    `generate:check: src/generated/ did not match openapi/: ${changed.map((f) => `src/generated/${f}`).join(', ')}.\n` +
      'It has been regenerated now. Review the change (git diff src/generated), run `npm test` again, ' +
      'and commit src/generated/ together with the spec change. Never edit src/generated/ by hand.',
  );
  process.exit(1);
}
console.log('src/generated/ matches openapi/');
