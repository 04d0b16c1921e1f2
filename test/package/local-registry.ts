// A real npm registry on 127.0.0.1 for the install-by-name test: Verdaccio in a child process
// (registry-server.mjs), its storage in a folder of the test's, one user whose token publishes.
// Nothing is fetched from beyond 127.0.0.1: the packages the installs need besides ours are
// published into it from this machine's npm cache, by the exact versions and integrity that
// package-lock.json records (`npm ci` put them there), or packed from node_modules/ if absent.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** A registry that runs until `stop()`. */
export interface LocalRegistry {
  /** Its URL, ending in `/`. */
  readonly url: string;
  /** An npm user config (registry and token) for npm commands run against it. */
  readonly npmrc: string;
  /** The environment for npm run against it: its user config, a cache of its own, no notices. */
  readonly npmEnv: NodeJS.ProcessEnv;
  /** Publishes the packages `roots` (and everything they need) as package-lock.json records them; resolves to how many versions were published. */
  publishFromLock(roots: readonly string[]): Promise<number>;
  /** Stops it (and anything it started); resolves once it has exited. */
  stop(): Promise<void>;
}

interface LockEntry {
  version: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** Starts Verdaccio with its files under `dir` and a user to publish with. */
export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  await mkdir(dir, { recursive: true });
  // stdin a pipe: it stops when this process goes, however (exit-with-parent.cjs). Not detached:
  // Verdaccio starts no process of its own, and started detached here it printed its address
  // but never accepted a connection.
  const child: ChildProcess = spawn(process.execPath, ['--require', join(root, 'scripts/lib/exit-with-parent.cjs'), join(import.meta.dirname, 'registry-server.mjs'), dir], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`Verdaccio did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /registry: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) (clearTimeout(timer), done(match[1]!));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => (clearTimeout(timer), fail(new Error(`Verdaccio exited (${code}) before it listened:\n${output}`))));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  async function stop(): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  }

  try {
    const user = await fetch(`${url}-/user/org.couchdb.user:tester`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'tester', password: 'tester-password', email: 'tester@example.invalid', type: 'user', roles: [], date: new Date().toISOString() }),
    });
    const { token } = (await user.json()) as { token?: string };
    if (!user.ok || !token) throw new Error(`could not add a user to Verdaccio: ${user.status}`);
    const npmrc = join(dir, 'npmrc');
    writeFileSync(npmrc, `registry=${url}\n//${url.replace(/^http:\/\//, '')}:_authToken=${token}\n`);
    const npmEnv: NodeJS.ProcessEnv = {
      ...process.env,
      npm_config_userconfig: npmrc,
      npm_config_registry: url,
      npm_config_cache: join(dir, 'npm-cache'),
      npm_config_update_notifier: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
    return { url, npmrc, npmEnv, publishFromLock: (roots) => publishFromLock(url, token, roots, dir), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The lock's path of package `name` as seen from the package at `from` (npm's node_modules lookup, upwards). */
function resolveInLock(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const path = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[path]) return path;
    if (!base) return undefined;
    const at = base.lastIndexOf('/node_modules/');
    base = at < 0 ? '' : base.slice(0, at);
  }
}

async function publishFromLock(url: string, token: string, roots: readonly string[], dir: string): Promise<number> {
  const { packages } = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const paths = new Set<string>();
  const queue = roots.map((name) => resolveInLock(packages, '', name));
  while (queue.length) {
    const path = queue.pop();
    if (!path || paths.has(path)) continue;
    paths.add(path);
    const entry = packages[path]!;
    const optional = entry.peerDependenciesMeta ?? {};
    const needs = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((name) => !optional[name]?.optional),
    ];
    for (const name of needs) queue.push(resolveInLock(packages, path, name));
  }
  // One version of a name once, oldest first (each publish makes itself `latest`).
  const versions = new Map<string, string>();
  for (const path of paths) versions.set(`${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${packages[path]!.version}`, path);
  const cache = join(process.env['npm_config_cache'] ?? join(homedir(), '.npm'), '_cacache', 'content-v2');
  const byName = new Map<string, string[]>();
  for (const [id, path] of versions) {
    const name = id.slice(0, id.lastIndexOf('@'));
    byName.set(name, [...(byName.get(name) ?? []), path]);
  }
  await Promise.all(
    [...byName.values()].map(async (list) => {
      list.sort((a, b) => compareVersions(packages[a]!.version, packages[b]!.version));
      for (const path of list) await publishOne(url, token, path, packages[path]!, cache, dir);
    }),
  );
  return versions.size;
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split(/[.+-]/).slice(0, 3).map(Number));
  for (let i = 0; i < 3; i += 1) if (x![i] !== y![i]) return x![i]! - y![i]!;
  return 0;
}

/** The tarball of an installed package: from the npm cache by its integrity, else packed from node_modules/. */
async function tarballOf(path: string, entry: LockEntry, cache: string, dir: string): Promise<Buffer> {
  const [algorithm, digest] = (entry.integrity ?? '').split(/-(.*)/s);
  if (algorithm && digest) {
    const hex = Buffer.from(digest, 'base64').toString('hex');
    const file = join(cache, algorithm, hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
    if (existsSync(file)) return readFile(file);
  }
  const { stdout } = await run('npm', ['pack', join(root, path), '--ignore-scripts', '--json', '--pack-destination', dir], { env: { ...process.env, npm_config_update_notifier: 'false' } });
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  return readFile(join(dir, packed!.filename));
}

async function publishOne(url: string, token: string, path: string, entry: LockEntry, cache: string, dir: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(root, path, 'package.json'), 'utf8')) as Record<string, unknown> & { name: string; version: string };
  const tarball = await tarballOf(path, entry, cache, dir);
  const file = `${manifest.name.replace(/^@[^/]+\//, '')}-${manifest.version}.tgz`;
  const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
  const body = {
    _id: manifest.name,
    name: manifest.name,
    'dist-tags': { latest: manifest.version },
    versions: {
      [manifest.version]: {
        ...manifest,
        _id: `${manifest.name}@${manifest.version}`,
        dist: { integrity, shasum: createHash('sha1').update(tarball).digest('hex'), tarball: `${url}${manifest.name}/-/${file}` },
      },
    },
    _attachments: { [file]: { content_type: 'application/octet-stream', data: tarball.toString('base64'), length: tarball.length } },
  };
  const response = await fetch(`${url}${manifest.name.replace('/', '%2f')}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`publishing ${manifest.name}@${manifest.version} to the local registry: ${response.status} ${await response.text()}`);
}
