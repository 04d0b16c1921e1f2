#!/usr/bin/env node
// `npm run check:breaking`: fails when openapi/ holds a change that can break a client of the
// spec as last released (spec-baseline/openapi.yaml), as `redocly diff` rates it (major) with
// the rules of spec-baseline/redocly.yaml, unless that change is acknowledged by name, with a
// reason, in spec-baseline/breaking-changes.yaml (as oasdiff's ignore file works). info.version
// acknowledges nothing: `npm run release` sets the version from the changes.
//
//   node scripts/check-breaking.mjs [--base FILE] [--revision FILE] [--acknowledged FILE] [--verbose]
//
// One line when every break is acknowledged (or there is none); the breaking changes that are
// not, each with the exact lines that would acknowledge it, when some are. An acknowledgment
// that names no breaking change is reported as stale (remove it) but does not fail the check.
// --verbose lists every change.
import { parseArgs } from 'node:util';
import {
  ACKNOWLEDGMENTS,
  acknowledgmentLines,
  diffSpecs,
  formatChanges,
  matchAcknowledgments,
  readAcknowledgments,
} from './lib/spec-diff.mjs';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'spec-baseline/openapi.yaml' },
    revision: { type: 'string', default: 'openapi/openapi.yaml' },
    acknowledged: { type: 'string', default: ACKNOWLEDGMENTS },
    verbose: { type: 'boolean', default: false },
  },
});

const diff = await diffSpecs({ base: values.base, revision: values.revision });
const { entries, problems } = readAcknowledgments(values.acknowledged);
if (problems.length) {
  for (const problem of problems) console.error(`check:breaking: ${problem}`);
  process.exit(1);
}
const { acknowledged, unacknowledged, stale } = matchAcknowledgments(diff, entries);
const { major, minor, patch } = diff.summary;
const released = `${values.base} (${diff.infoVersions.base})`;

if (values.verbose) process.stdout.write(`${formatChanges(diff.changes)}\n${major} major, ${minor} minor, ${patch} patch.\n`);
for (const entry of stale) {
  console.log(`check:breaking: stale acknowledgment in ${values.acknowledged} (no breaking change has this name; remove it): ${JSON.stringify(entry.change)}`);
}
if (unacknowledged.length) {
  if (!values.verbose) process.stdout.write(formatChanges(unacknowledged));
  console.error(
    `\ncheck:breaking: ${unacknowledged.length} of ${major} breaking changes in ${values.revision} are not acknowledged: they break clients of ${released}.\n` +
      `Undo ${unacknowledged.length === 1 ? 'it' : 'them'}, or if the break is meant, acknowledge ${unacknowledged.length === 1 ? 'it' : 'each'} in ${values.acknowledged} under \`acknowledged:\` with the reason:\n\n` +
      `${acknowledgmentLines(unacknowledged)}\n`,
  );
  process.exit(1);
}
if (major > 0) {
  console.log(`check:breaking: ${major} changes break clients of ${released}, each acknowledged in ${values.acknowledged} (${minor} minor, ${patch} patch; --verbose lists them).`);
} else {
  console.log(`check:breaking: no change breaks clients of ${values.base} (${minor} minor, ${patch} patch; --verbose lists them).`);
}
