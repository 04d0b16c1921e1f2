#!/usr/bin/env node
// `npm run docs`: builds the publishable API docs into docs/ (git-ignored build output):
//   docs/index.html    Redoc with its scripts inlined, so the page works offline;
//   docs/openapi.yaml  the spec bundled into one file;
//   docs/openapi.json  the same, as JSON.
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { redocly, repoRoot } from './lib/redocly.mjs';

const spec = 'openapi/openapi.yaml';
const outDir = join(repoRoot, 'docs');

const started = performance.now();
await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });

const steps = [
  ['build-docs', spec, '--inlineBundle', '--template', 'scripts/docs-template.hbs', '--title', 'Partnero API', '--openapi.jsonSamplesExpandLevel=all', '-o', 'docs/index.html'],
  ['bundle', spec, '-o', 'docs/openapi.yaml'],
  ['bundle', spec, '--ext', 'json', '-o', 'docs/openapi.json'],
];
for (const args of steps) {
  const { code, output } = await redocly(args);
  if (code !== 0) {
    process.stderr.write(output);
    console.error(`docs: redocly ${args[0]} failed with exit code ${code}`);
    process.exit(1);
  }
}
for (const file of ['index.html', 'openapi.yaml', 'openapi.json']) {
  const { size } = await stat(join(outDir, file));
  console.log(`docs/${file}  ${(size / 1024).toFixed(0)} KiB`);
}
console.log(`docs built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
