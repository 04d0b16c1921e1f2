#!/usr/bin/env node
// `npm run docs`: builds the docs site into site/ (git-ignored, ready to publish as it is):
//   site/index.html, site/guide/…   the guides of docs/, built by VitePress (with its local search);
//   site/api/                       the operations at a glance, generated from the spec (searchable);
//   site/reference/index.html       the API reference with a console (Scalar), set up for
//                                   `npm run sandbox` (server http://127.0.0.1:4011, key sandbox-key);
//   site/openapi.yaml, openapi.json the spec bundled into one file.
// `npm run docs -- --serve [--port N]` then serves site/ on 127.0.0.1 (default port 4173).
// `--reference-only` skips the guides (VitePress): what the fast docs tests read, in a few seconds.
//
// The reference shows a copy of the bundled spec prepared for readers (scripts/lib/docs-spec.mjs):
// code samples (curl, TypeScript, CLI), source tags turned into one note per description,
// patterns in words. openapi/ itself is not changed. Nothing on the site is fetched from another
// origin: VitePress bundles its fonts, Scalar's script is copied in and its default fonts are off.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareDocsSpec } from './lib/docs-spec.mjs';
import { operationsPage, referenceConfig, referencePage } from './lib/docs-site.mjs';
import { redocly, repoRoot } from './lib/redocly.mjs';

const { values: options } = parseArgs({ options: { serve: { type: 'boolean' }, port: { type: 'string' }, 'reference-only': { type: 'boolean' } } });

const spec = 'openapi/openapi.yaml';
const siteDir = join(repoRoot, 'site');
const docsDir = join(repoRoot, 'docs');
const require = createRequire(import.meta.url);

if (options.serve) {
  const { serveSite } = await import('./lib/docs-site.mjs');
  await serveSite(siteDir, options.port === undefined ? 4173 : Number(options.port));
} else {
  await build();
}

async function build() {
  const started = performance.now();
  const work = join(repoRoot, 'node_modules', '.cache', 'partnero-docs');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  try {
    await run(['bundle', spec, '-o', join(work, 'openapi.yaml')]);
    await run(['bundle', spec, '--ext', 'json', '-o', join(work, 'openapi.json')]);
    const bundled = JSON.parse(await readFile(join(work, 'openapi.json'), 'utf8'));
    const forReaders = prepareDocsSpec(bundled);

    // The operations page is generated into docs/api/ (git-ignored) so that VitePress indexes it.
    await mkdir(join(docsDir, 'api'), { recursive: true });
    await writeFile(join(docsDir, 'api', 'index.md'), operationsPage(forReaders));

    if (options['reference-only']) {
      await rm(siteDir, { recursive: true, force: true });
      await mkdir(siteDir, { recursive: true });
    } else {
      await vitepress(['build', 'docs']);
    }

    await copyFile(join(work, 'openapi.yaml'), join(siteDir, 'openapi.yaml'));
    await copyFile(join(work, 'openapi.json'), join(siteDir, 'openapi.json'));
    const reference = join(siteDir, 'reference');
    await mkdir(reference, { recursive: true });
    await writeFile(join(reference, 'spec.json'), JSON.stringify(forReaders));
    await writeFile(join(reference, 'config.js'), referenceConfig());
    await writeFile(join(reference, 'index.html'), referencePage(forReaders.info.title));
    const scalar = join(dirname(require.resolve('@scalar/api-reference')), 'browser', 'standalone.js');
    await copyFile(scalar, join(reference, 'scalar.js'));
  } catch (error) {
    console.error(`docs: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  if (process.exitCode) process.exit();
  if (options['reference-only']) {
    console.log(`reference built in ${((performance.now() - started) / 1000).toFixed(1)} s (without the guides)`);
    return;
  }
  const { files, bytes } = await sizeOf(siteDir);
  console.log(`site/  ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB (reference/scalar.js ${((await stat(join(siteDir, 'reference', 'scalar.js'))).size / 1024 / 1024).toFixed(1)} MiB)`);
  console.log(`docs built in ${((performance.now() - started) / 1000).toFixed(1)} s; npm run docs -- --serve shows them on http://127.0.0.1:4173`);
}

async function run(args) {
  const { code, output } = await redocly(args);
  if (code !== 0) throw new Error(`redocly ${args[0]} failed with exit code ${code}:\n${output}`);
}

function vitepress(args) {
  const bin = join(require.resolve('vitepress/package.json'), '..', 'bin', 'vitepress.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`vitepress ${args[0]} failed with exit code ${code}:\n${output}`))));
  });
}

async function sizeOf(dir) {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(join(entry.parentPath ?? entry.path, entry.name))).size;
  }
  return { files, bytes };
}
