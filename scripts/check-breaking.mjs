#!/usr/bin/env node
// `npm run check:breaking`: fails when openapi/ holds a change that can break a client of the
// spec as last released (spec-baseline/openapi.yaml), as `redocly diff --fail-on major` rates
// it with the rules of spec-baseline/redocly.yaml. Refresh the baseline on release with
// `npm run release:baseline`.
//
//   node scripts/check-breaking.mjs [--base FILE] [--revision FILE]
//
// Both sides are compared bundled, so that moving a component between files is no change.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleSpec, redocly } from './lib/redocly.mjs';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'spec-baseline/openapi.yaml' },
    revision: { type: 'string', default: 'openapi/openapi.yaml' },
  },
});

const dir = await mkdtemp(join(tmpdir(), 'partnero-breaking-'));
let code;
try {
  const revision = join(dir, `revision${extname(values.revision) || '.yaml'}`);
  await bundleSpec(resolve(values.revision), revision);
  ({ code } = await redocly(
    ['diff', resolve(values.base), revision, '--config', 'spec-baseline/redocly.yaml', '--fail-on', 'major'],
    { inherit: true },
  ));
} finally {
  await rm(dir, { recursive: true, force: true });
}
if (code !== 0) {
  console.error(
    `check:breaking: ${values.revision} breaks clients of ${values.base}.\n` +
      'Undo the change, or if it is meant for a major release, bump info.version and run `npm run release:baseline` when releasing.',
  );
}
process.exit(code);
