#!/usr/bin/env node
// `npm run release:baseline`: records the spec as released, in spec-baseline/openapi.yaml (one
// bundled file), for `npm run check:breaking` to compare later changes with. `npm run release --
// --publish` runs it once the package is published; by hand, it is for a baseline that must be
// re-recorded without a release (then empty spec-baseline/breaking-changes.yaml too).
import { readFile, writeFile } from 'node:fs/promises';
import { bundleSpec, repoRoot } from './lib/redocly.mjs';
import { join } from 'node:path';

const out = join(repoRoot, 'spec-baseline/openapi.yaml');
await bundleSpec('openapi/openapi.yaml', out);
const bundled = await readFile(out, 'utf8');
const version = /^\s+version:\s*(\S+)/m.exec(bundled)?.[1] ?? 'unknown';
await writeFile(
  out,
  `# The spec as last released (info.version ${version}), bundled from openapi/ by\n` +
    '# `npm run release:baseline`: do not edit. `npm run check:breaking` compares openapi/ with it.\n' +
    bundled,
);
console.log(`spec-baseline/openapi.yaml now records version ${version}`);
