// Builds dist/ once (`npm run build`, without its type check) and packs it once (`npm pack --ignore-scripts`, the
// build being done) for the whole vitest run, however many projects list this file: the tests
// read the tarball and its file list from `inject('packed')`, and the build from
// `inject('dist')` (dist/ of that tarball, unpacked), instead of building or packing again.
// Both are removed after the run.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface Packed {
  /** The tarball's absolute path. */
  tarball: string;
  /** The files it holds, as `npm pack --json` lists them (package.json, dist/..., README.md). */
  files: string[];
  /** Its size in bytes. */
  size: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    packed: Packed;
    /** dist/ of the packed package, unpacked under test-results/ (its package.json beside it). */
    dist: string;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

interface Shared {
  packed?: Promise<{ dir: string; unpacked: string; packed: Packed }> | undefined;
  users: number;
}
// Global setups run in vitest's main process, one module instance per project that lists this
// file: what is shared lives on globalThis.
const shared: Shared = ((globalThis as { __partneroBuildAndPack?: Shared }).__partneroBuildAndPack ??= { users: 0 });

async function buildAndPack(): Promise<{ dir: string; unpacked: string; packed: Packed }> {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: 'false' };
  // `npm run build`, with tsc told not to type-check (--noCheck: the same output, in half the
  // time): type errors are the business of `tsc -p tsconfig.json` (lint:ts), which npm test
  // runs beside vitest. Should the build script change shape, it is run as it is.
  const script = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build;
  const tsc = 'tsc -p tsconfig.build.json';
  try {
    if (script.split(tsc).length === 2) {
      await run('sh', ['-c', script.replace(tsc, `${tsc} --noCheck`)], { cwd: root, env: { ...env, PATH: `${join(root, 'node_modules', '.bin')}:${env.PATH ?? ''}` } });
    } else {
      await run('npm', ['run', '-s', 'build'], { cwd: root, env });
    }
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout}${stderr}`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'partnero-pack-'));
  let unpacked: string | undefined;
  try {
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, env });
    const [result] = JSON.parse(stdout) as { filename: string; size: number; files: { path: string }[] }[];
    if (!result) throw new Error('npm pack reported nothing');
    const tarball = join(dir, result.filename);
    // The package unpacked inside the repository (so that its dependencies resolve from
    // node_modules/), for the tests that run the build: a copy of the run's own, which an `npm
    // run build` or `npm start` meanwhile cannot change under them.
    unpacked = await mkdtemp(join(root, 'test-results', 'package-'));
    await run('tar', ['-xzf', tarball, '-C', unpacked]);
    return { dir, unpacked, packed: { tarball, files: result.files.map((file) => file.path), size: result.size } };
  } catch (error) {
    for (const made of [dir, unpacked]) if (made) await rm(made, { recursive: true, force: true });
    throw error;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.users++;
  shared.packed ??= buildAndPack();
  let dirs: string[] = [];
  try {
    const done = await shared.packed;
    dirs = [done.dir, done.unpacked];
    project.provide('packed', done.packed);
    project.provide('dist', join(done.unpacked, 'package', 'dist'));
  } catch (error) {
    shared.users--;
    throw error;
  }
  return async () => {
    if (--shared.users > 0) return;
    shared.packed = undefined; // A later run (watch mode) builds afresh.
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  };
}
