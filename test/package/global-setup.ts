// Builds dist/ once (`npm run build`) and packs it once (`npm pack --ignore-scripts`, the
// build being done) for the whole vitest run, however many projects list this file: the tests
// read the tarball and its file list from `inject('packed')` instead of packing again. The
// tarball goes to a temporary folder, removed after the run.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
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
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

interface Shared {
  packed?: Promise<{ dir: string; packed: Packed }>;
  users: number;
}
// Global setups run in vitest's main process, one module instance per project that lists this
// file: what is shared lives on globalThis.
const shared: Shared = ((globalThis as { __partneroBuildAndPack?: Shared }).__partneroBuildAndPack ??= { users: 0 });

async function buildAndPack(): Promise<{ dir: string; packed: Packed }> {
  const env = { ...process.env, npm_config_update_notifier: 'false' };
  try {
    await run('npm', ['run', '-s', 'build'], { cwd: root, env });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout}${stderr}`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'partnero-pack-'));
  try {
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, env });
    const [result] = JSON.parse(stdout) as { filename: string; size: number; files: { path: string }[] }[];
    if (!result) throw new Error('npm pack reported nothing');
    return { dir, packed: { tarball: join(dir, result.filename), files: result.files.map((file) => file.path), size: result.size } };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.users++;
  shared.packed ??= buildAndPack();
  let dir: string | undefined;
  try {
    const done = await shared.packed;
    dir = done.dir;
    project.provide('packed', done.packed);
  } catch (error) {
    shared.users--;
    throw error;
  }
  return async () => {
    if (--shared.users === 0 && dir) await rm(dir, { recursive: true, force: true });
  };
}
