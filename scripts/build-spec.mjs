#!/usr/bin/env node
// Part of `npm run build` (and so of `npm pack`): the spec as one bundled file, YAML and JSON,
// in dist/, where the package exports it as `partnero-client/openapi.yaml` and
// `partnero-client/openapi.json` for other generators. The split openapi/ folder is not shipped.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleSpec, repoRoot } from './lib/redocly.mjs';

await mkdir(join(repoRoot, 'dist'), { recursive: true });
await bundleSpec('openapi/openapi.yaml', 'dist/openapi.yaml');
await bundleSpec('openapi/openapi.yaml', 'dist/openapi.json');
