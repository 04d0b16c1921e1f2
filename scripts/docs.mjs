#!/usr/bin/env node
// `npm run docs`: builds the publishable API docs into docs/ (git-ignored build output):
//   docs/index.html    Redoc with its scripts and the spec inlined, so the page works offline;
//   docs/openapi.yaml  the spec bundled into one file;
//   docs/openapi.json  the same, as JSON.
// The page shows a copy of the bundled spec prepared for readers (scripts/lib/docs-spec.mjs):
// example requests (curl, TypeScript) generated from the spec, every operation on the page
// without a click, no paragraph twice. openapi/ itself is not changed.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDocsSpec } from './lib/docs-spec.mjs';
import { redocly, repoRoot } from './lib/redocly.mjs';

const spec = 'openapi/openapi.yaml';
const outDir = join(repoRoot, 'docs');

const started = performance.now();
// Only what this script writes: docs/ also holds files kept in git (docs/images/, the guides' pictures).
await Promise.all(['index.html', 'openapi.yaml', 'openapi.json'].map((name) => rm(join(outDir, name), { force: true })));
await mkdir(outDir, { recursive: true });
const work = await mkdtemp(join(tmpdir(), 'partnero-docs-'));

try {
  await run(['bundle', spec, '-o', 'docs/openapi.yaml']);
  await run(['bundle', spec, '--ext', 'json', '-o', 'docs/openapi.json']);

  const bundled = JSON.parse(await readFile(join(outDir, 'openapi.json'), 'utf8'));
  const forReaders = join(work, 'openapi.json');
  await writeFile(forReaders, JSON.stringify(prepareDocsSpec(bundled)));
  // Redoc's options. The code-sample languages are a list, which --openapi.* cannot express.
  const config = join(work, 'redocly.yaml');
  await writeFile(
    config,
    JSON.stringify({
      openapi: {
        jsonSamplesExpandLevel: 'all',
        disableTelemetry: true,
        codeSamples: { languages: [{ lang: 'curl', label: 'curl' }, { lang: 'TypeScript', label: 'TypeScript' }] },
      },
    }),
  );
  await run(['build-docs', forReaders, '--config', config, '--inlineBundle', '--template', 'scripts/docs-template.hbs', '--title', 'Partnero API', '-o', 'docs/index.html']);
} catch (error) {
  console.error(`docs: ${error.message}`);
  process.exitCode = 1;
} finally {
  await rm(work, { recursive: true, force: true });
}

if (process.exitCode) process.exit();
for (const file of ['index.html', 'openapi.yaml', 'openapi.json']) {
  const { size } = await stat(join(outDir, file));
  console.log(`docs/${file}  ${(size / 1024).toFixed(0)} KiB`);
}
console.log(`docs built in ${((performance.now() - started) / 1000).toFixed(1)} s`);

async function run(args) {
  const { code, output } = await redocly(args);
  if (code !== 0) throw new Error(`redocly ${args[0]} failed with exit code ${code}:\n${output}`);
}
