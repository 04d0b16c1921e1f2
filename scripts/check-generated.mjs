#!/usr/bin/env node
// Regenerates src/generated/ in place and fails when the result differs from what git has:
// the committed generated code must always be what the committed spec produces.
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/generate.mjs'], { stdio: 'inherit' });
const drift = execFileSync('git', ['status', '--porcelain', '--', 'src/generated'], { encoding: 'utf8' });
if (drift.trim()) {
  console.error(`src/generated/ differs from what openapi/ generates:\n${drift}`);
  console.error(execFileSync('git', ['diff', '--stat', '--', 'src/generated'], { encoding: 'utf8' }));
  console.error('Run `npm run generate` and commit the result.');
  process.exit(1);
}
console.log('src/generated/ matches openapi/.');
