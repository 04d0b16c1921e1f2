#!/usr/bin/env node
// `npm run check:breaking`: fails when openapi/ holds a change that can break a client of the
// spec as last released (spec-baseline/openapi.yaml), as `redocly diff --fail-on major` rates
// it with the rules of spec-baseline/redocly.yaml. Refresh the baseline on release with
// `npm run release:baseline`.
//
//   node scripts/check-breaking.mjs [--base FILE] [--revision FILE] [--verbose]
//
// When nothing breaks it says so in one line (with the count of compatible changes); the list
// of changes is printed when something breaks, or with --verbose. A break that the spec's
// info.version announces (a breaking bump over the baseline's: the major number, or under 0.x
// the minor) passes in one line too: the version already tells clients, and the baseline moves
// to it when it is released (`npm run release:baseline`).
//
// Both sides are compared bundled, so that moving a component between files is no change.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseYaml } from '@redocly/openapi-core';
import { bundleSpec, redocly } from './lib/redocly.mjs';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'spec-baseline/openapi.yaml' },
    revision: { type: 'string', default: 'openapi/openapi.yaml' },
    verbose: { type: 'boolean', default: false },
  },
});

const dir = await mkdtemp(join(tmpdir(), 'partnero-breaking-'));
let code;
try {
  const revision = join(dir, `revision${extname(values.revision) || '.yaml'}`);
  await bundleSpec(resolve(values.revision), revision);
  let output;
  ({ code, output } = await redocly(['diff', resolve(values.base), revision, '--config', 'spec-baseline/redocly.yaml', '--fail-on', 'major']));
  // redocly diff points into the bundled copy, a temporary file deleted below: point instead to
  // the file under openapi/ that holds each change.
  const located = locateChanges(output, revision, values.revision);
  const plain = located.replace(/\u001b\[[0-9;]*m/g, '');
  const count = (rating) => (plain.match(new RegExp(`^\\s+\\S+\\s+${rating}\\s`, 'gm')) ?? []).length;
  const versions = { base: versionOf(values.base), revision: versionOf(revision) };
  const announced = code !== 0 && isBreakingBump(versions.base, versions.revision);
  if (values.verbose || (code !== 0 && !announced)) process.stdout.write(located);
  if (announced) {
    code = 0;
    console.log(
      `check:breaking: ${count('major')} changes break clients of ${values.base} (${versions.base}), announced by info.version ${versions.revision} (--verbose lists them; \`npm run release:baseline\` records ${versions.revision} when it is released).`,
    );
  } else if (code === 0 && !values.verbose) {
    console.log(
      `check:breaking: no change breaks clients of ${values.base} (${count('minor')} minor, ${count('patch')} patch; --verbose lists them).`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
if (code !== 0) {
  console.error(
    `check:breaking: ${values.revision} breaks clients of ${values.base}.\n` +
      'Undo the change, or if it is meant to break, bump info.version (the major number; under 0.x the minor) to announce it, and run `npm run release:baseline` when releasing.',
  );
}
process.exit(code);

/** The info.version of a spec file (YAML or JSON). */
function versionOf(file) {
  return String(parseYaml(readFileSync(file, 'utf8'))?.info?.version ?? '');
}

/** Whether `next` is a breaking bump of `released` by semver: a greater major, or under 0.x a greater minor (0.0.x: patch). */
export function isBreakingBump(released, next) {
  const parse = (version) => /^(\d+)\.(\d+)\.(\d+)/.exec(version)?.slice(1, 4).map(Number);
  const [a, b] = [parse(released), parse(next)];
  if (!a || !b) return false;
  const position = a[0] > 0 ? 0 : a[1] > 0 ? 1 : 2; // The first number that is not 0 is the one that breaks.
  for (let i = 0; i < position; i += 1) if (b[i] !== a[i]) return b[i] > a[i];
  return b[position] > a[position];
}

/** Replaces each `at <temporary bundle>:line:col` by the source file (and line) of that change. */
function locateChanges(output, bundled, source) {
  const temporary = new RegExp(`\\S*${escapeRegExp(bundled.split('/').slice(-2).join('/'))}(:\\d+:\\d+)?`, 'g');
  let operation;
  let pointer;
  return output
    .split('\n')
    .map((line) => {
      const header = /^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) (\/\S*)\s*$/.exec(line.replace(/\u001b\[[0-9;]*m/g, ''));
      if (header) operation = { method: header[1].toLowerCase(), path: header[2] };
      const change = /^\s+\S+\s+(?:major|minor|patch)\s+\S+\s+(\S+)(?: · (\S+))?/.exec(line.replace(/\u001b\[[0-9;]*m/g, ''));
      if (change) pointer = [...change[1].split('/'), ...(change[2] ? [change[2]] : [])];
      if (!temporary.test(line)) return line;
      temporary.lastIndex = 0;
      const where = /^\s+at /.test(line) && operation && pointer ? sourceOf(source, operation, pointer) : undefined;
      return line.replace(temporary, where ?? source);
    })
    .join('\n');
}

/** The file under openapi/ (with the line, when found) that holds `pointer` of an operation, following $refs. */
function sourceOf(rootFile, { method, path }, pointer) {
  try {
    let file = resolve(rootFile);
    let document = parseYaml(readFileSync(file, 'utf8'));
    let node = document;
    let keys = [];
    const follow = () => {
      for (let hops = 0; node && typeof node.$ref === 'string' && hops < 20; hops += 1) {
        const [target, fragment = ''] = node.$ref.split('#');
        if (target) {
          file = resolve(dirname(file), target);
          document = parseYaml(readFileSync(file, 'utf8'));
        }
        keys = fragment.split('/').filter(Boolean).map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
        node = keys.reduce((value, token) => value?.[token], document);
      }
    };
    const segments = ['paths', path, method, ...pointer];
    for (let i = 0; i < segments.length; i += 1) {
      follow();
      if (!node || typeof node !== 'object') break;
      // diff's pointers do not escape "/": `application/json` comes as two segments.
      let segment = segments[i];
      while (!(segment in node) && i + 1 < segments.length) segment = `${segment}/${segments[(i += 1)]}`;
      if (!(segment in node)) break;
      node = node[segment];
      keys.push(segment);
    }
    follow();
    const line = lineOf(readFileSync(file, 'utf8'), keys);
    return `${relative(process.cwd(), file)}${line ? `:${line}` : ''}`;
  } catch {
    return undefined;
  }
}

/** The line of the last of `keys` in a YAML text, each looked for after the one before (array indices skipped). */
function lineOf(text, keys) {
  const lines = text.split('\n');
  let at = -1;
  for (const key of keys) {
    if (/^\d+$/.test(key)) continue;
    const pattern = new RegExp(`^\\s*(?:- )?(?:${escapeRegExp(key)}|'${escapeRegExp(key)}'|"${escapeRegExp(key)}"):`);
    const found = lines.findIndex((candidate, index) => index > at && pattern.test(candidate));
    if (found < 0) break;
    at = found;
  }
  return at >= 0 ? at + 1 : undefined;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
