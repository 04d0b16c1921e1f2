#!/usr/bin/env node
// `npm run release`: the next release, from the spec. A dry run unless --publish.
//
//   npm run release                                        # dry run: prints the version and the CHANGELOG.md entry, changes nothing
//   npm run release -- --publish --registry URL [--skip-tests]
//
// The version: the spec's diff against spec-baseline/openapi.yaml (the spec as last released),
// rated as `npm run check:breaking` rates it, bumps the baseline's version (semver; under 0.x a
// break bumps the minor number, anything else the patch number). A breaking change that
// spec-baseline/breaking-changes.yaml does not acknowledge stops the release, as it fails
// check:breaking. The entry: scripts/lib/changelog.mjs, from the same diff.
//
// --publish, from a clean git work tree: writes the version (package.json, package-lock.json,
// openapi/openapi.yaml's info.version) and the entry (CHANGELOG.md), runs `npm test` (unless
// --skip-tests: for a caller that has just run them, such as the registry test), packs, checks
// the tarball with publint and @arethetypeswrong/cli, publishes it to --registry, then moves the
// baseline on (`npm run release:baseline`) and empties the acknowledgments, whose reasons the
// entry now keeps. A failure before the publish puts every file back as it was. It does not
// commit: it prints the command that does.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { changelogEntry } from './lib/changelog.mjs';
import { repoRoot } from './lib/redocly.mjs';
import {
  ACKNOWLEDGMENTS,
  acknowledgmentLines,
  diffSpecs,
  formatChanges,
  matchAcknowledgments,
  nextVersion,
  ratingOf,
  readAcknowledgments,
} from './lib/spec-diff.mjs';

const run = promisify(execFile);
process.chdir(repoRoot);

let values;
try {
  ({ values } = parseArgs({
    options: {
      publish: { type: 'boolean', default: false },
      registry: { type: 'string' },
      'skip-tests': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }));
  if (values.help) {
    console.log('Usage: npm run release [-- --publish --registry URL [--skip-tests]]\nWithout --publish: a dry run that prints the next version and its CHANGELOG.md entry.');
    process.exit(0);
  }
  if (values.publish && !values.registry) throw new Error('--publish needs --registry URL: the registry to publish to (e.g. https://registry.npmjs.org/)');
  if (values.registry !== undefined && !/^https?:\/\/[^\s/]+/.test(values.registry)) throw new Error(`--registry must be an http(s) URL, got ${JSON.stringify(values.registry)}`);
  if (values.registry !== undefined && !values.publish) throw new Error('--registry is for --publish; without it the release is a dry run');
} catch (error) {
  console.error(`release: ${error.message}`);
  process.exit(2);
}

const fail = (message) => {
  console.error(`release: ${message}`);
  process.exit(1);
};

if (values.publish && existsSync('.git')) {
  const { stdout } = await run('git', ['status', '--porcelain']);
  if (stdout.trim()) fail(`the git work tree has uncommitted changes; commit or stash them first, so that the release is what was committed:\n${stdout}`);
}

// What changed since the release, and what it makes the next version.
const diff = await diffSpecs({ base: 'spec-baseline/openapi.yaml', revision: 'openapi/openapi.yaml' });
const { entries, problems } = readAcknowledgments();
if (problems.length) fail(problems.join('\n'));
const { acknowledged, unacknowledged } = matchAcknowledgments(diff, entries);
if (unacknowledged.length) {
  process.stdout.write(formatChanges(unacknowledged));
  fail(`${unacknowledged.length} breaking changes are not acknowledged (npm run check:breaking says the same). Undo them, or add to ${ACKNOWLEDGMENTS}, with the reason:\n\n${acknowledgmentLines(unacknowledged)}\n`);
}
const released = diff.infoVersions.base;
const rating = ratingOf(diff);
const version = nextVersion(released, rating);
if (!version) {
  console.log(`release: the spec has not changed since ${released} (spec-baseline/openapi.yaml): nothing to release.`);
  process.exit(0);
}
const date = new Date().toISOString().slice(0, 10);
const entry = changelogEntry({ version, date, diff, acknowledged });
const pkg = JSON.parse(await readFile('package.json', 'utf8'));

console.log(`release${values.publish ? '' : ' (dry run)'}: ${pkg.name} ${released} → ${version} (${rating}: ${diff.summary.major} breaking, ${diff.summary.minor} minor, ${diff.summary.patch} patch changes of the spec)\n`);
console.log(`CHANGELOG.md entry:\n\n${entry}`);
if (!values.publish) {
  console.log(
    'Dry run: nothing was changed. `npm run release -- --publish --registry URL` writes the version and this entry, runs the tests, packs, checks the tarball (publint, attw), publishes it and moves spec-baseline/ on.',
  );
  process.exit(0);
}

// --publish: the files the release writes, kept to put back if a step fails before the publish.
const written = new Map();
const write = async (file, change) => {
  const before = existsSync(file) ? await readFile(file, 'utf8') : undefined;
  if (!written.has(file)) written.set(file, before);
  await writeFile(file, change(before));
};
const restore = async () => {
  for (const [file, before] of written) {
    if (before === undefined) await rm(file, { force: true });
    else await writeFile(file, before);
  }
};

async function step(label, action) {
  const started = performance.now();
  try {
    await action();
    console.log(`✓ ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    console.error(`✗ ${label}\n${[error.stdout, error.stderr].filter(Boolean).join('') || error.message}`);
    return false;
  }
  return true;
}

/** Runs a command with its output shown, rejecting on a non-zero exit. */
function shown(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code ?? signal}`))));
  });
}

const env = { ...process.env, npm_config_update_notifier: 'false' };
const dir = await mkdtemp(join(tmpdir(), 'partnero-release-'));
let tarball;
const ok =
  (await step(`version ${version} in package.json, package-lock.json and openapi/openapi.yaml; the entry in CHANGELOG.md`, async () => {
    await write('package.json', (text) => text.replace(/^(\s*"version":\s*)"[^"]*"/m, `$1"${version}"`));
    await write('package-lock.json', (text) => {
      const lock = JSON.parse(text);
      lock.version = version;
      if (lock.packages?.['']) lock.packages[''].version = version;
      return `${JSON.stringify(lock, null, 2)}\n`;
    });
    await write('openapi/openapi.yaml', (text) => {
      const updated = text.replace(/^(info:\n(?:[ \t]+.*\n|\n)*?[ \t]+version:[ \t]*)\S+/m, `$1${version}`);
      if (updated === text && !text.includes(`version: ${version}`)) throw new Error('openapi/openapi.yaml: found no info.version line to set');
      return updated;
    });
    const header = '# Changelog\n\nWhat changed in the spec, release by release: written by `npm run release` from the diff against the spec as last released (spec-baseline/).\n';
    await write('CHANGELOG.md', (text) => {
      const current = text ?? header;
      const at = current.search(/^## /m);
      return at < 0 ? `${current.trimEnd()}\n\n${entry}` : `${current.slice(0, at)}${entry}\n${current.slice(at)}`;
    });
  })) &&
  (values['skip-tests'] || (await step('npm test', () => shown('npm', ['test'], env)))) &&
  (await step('npm pack (builds dist/)', async () => {
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { env, maxBuffer: 64 * 1024 * 1024 });
    tarball = join(dir, JSON.parse(stdout.slice(stdout.indexOf('[')))[0].filename);
  })) &&
  (await step('publint', () => run(process.execPath, ['node_modules/publint/src/cli.js', 'run', tarball, '--level', 'suggestion', '--strict']))) &&
  (await step('@arethetypeswrong/cli', () =>
    run(process.execPath, ['node_modules/@arethetypeswrong/cli/dist/index.js', tarball, '--profile', 'esm-only', '--exclude-entrypoints', './openapi.yaml', '--format', 'ascii', '--no-color'], { env }),
  ));
if (!ok) {
  await restore();
  await rm(dir, { recursive: true, force: true });
  fail('stopped before publishing; every file it wrote is back as it was.');
}
const published = await step(`npm publish to ${values.registry}`, () => shown('npm', ['publish', tarball, '--registry', values.registry], env));
await rm(dir, { recursive: true, force: true });
if (!published) {
  await restore();
  fail('the publish failed; every file it wrote is back as it was.');
}

// Published: the baseline records this spec, and the acknowledgments it needed are in the entry.
await step('spec-baseline/ records the released spec', async () => {
  await run(process.execPath, ['scripts/release-baseline.mjs']);
  const text = await readFile(ACKNOWLEDGMENTS, 'utf8');
  await writeFile(ACKNOWLEDGMENTS, `${text.slice(0, text.search(/^acknowledged:/m))}acknowledged: []\n`);
});
console.log(
  `\nReleased ${pkg.name}@${version} to ${values.registry}. Commit it:\n  git add -A && git commit -m "Release ${version}" && git tag v${version}`,
);
