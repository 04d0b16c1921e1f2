#!/usr/bin/env node
// `node scripts/lib/bundle-cli.mjs <spec> <output>`: bundles a spec into one file (YAML or JSON by
// the output's extension), with the same Redocly settings as every other script.
import { resolve } from 'node:path';
import { bundleSpec } from './redocly.mjs';

const [ref, output] = process.argv.slice(2);
if (!ref || !output) {
  console.error('usage: node scripts/lib/bundle-cli.mjs <spec> <output>');
  process.exit(2);
}
await bundleSpec(resolve(ref), resolve(output));
