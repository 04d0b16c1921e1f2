// Install by name, proven: a real npm registry on 127.0.0.1 (Verdaccio, local-registry.ts), the
// package published to it by `npm run release -- --publish` (run in a copy of the repository,
// whose files it writes), then `npm install partnero-client` in a fresh project: both entries
// import and /mcp loads, `npx partnero --version`, and `partnero mcp` without the optional SDK
// (one line naming it, exit 2) and, once the SDK is installed from the same registry, serving
// tools/list over stdio. The registry, and every process started here, stop however it ends.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepository } from '../support/repo-copy.js';
import { startLocalRegistry, type LocalRegistry } from './local-registry.js';

interface Run {
  code: number | null;
  output: string;
}
/** Runs a command to its end (no shell), with its output. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env, timeoutMs = 180_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr }),
    );
  });
}

let dir: string;
let copy: string | undefined;
let registry: LocalRegistry | undefined;
let app: string;
let version: string;
let released: Run;
let refused: Run;
let refusedStatus: Run;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'partnero-registry-'));
  registry = await startLocalRegistry(join(dir, 'registry'));
  // What a fresh project installs besides the package: openapi-fetch, and the SDK for later.
  expect(await registry.publishFromLock(['openapi-fetch', '@modelcontextprotocol/sdk'])).toBeGreaterThan(2);

  copy = copyRepository({ git: true });
  const dry = await run(process.execPath, ['scripts/release.mjs'], copy);
  expect(dry.code, dry.output).toBe(0);
  version = /→ (\d+\.\d+\.\d+) /.exec(dry.output)![1]!;
  // A publish the registry refuses (no token: npm's own ENEEDAUTH) leaves every file as it was.
  const userconfig = join(dir, 'no-token-npmrc');
  writeFileSync(userconfig, `registry=${registry.url}\n`);
  refused = await run(process.execPath, ['scripts/release.mjs', '--publish', '--registry', registry.url, '--skip-tests'], copy, { ...registry.npmEnv, npm_config_userconfig: userconfig }, 240_000);
  refusedStatus = await run('git', ['status', '--porcelain'], copy);
  // The tests run as this suite: --skip-tests is for exactly that.
  released = await run(process.execPath, ['scripts/release.mjs', '--publish', '--registry', registry.url, '--skip-tests'], copy, registry.npmEnv, 240_000);
  expect(released.code, released.output).toBe(0);

  app = join(dir, 'app');
  await run('mkdir', ['-p', app], dir);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  const installed = await run('npm', ['install', 'partnero-client'], app, registry.npmEnv);
  expect(installed.code, installed.output).toBe(0);
}, 720_000);

afterAll(async () => {
  await registry?.stop();
  if (copy) rmSync(copy, { recursive: true, force: true });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run release -- --publish, to a local registry', () => {
  it('puts back every file it wrote when the registry refuses the publish', () => {
    expect(refused.code, refused.output).toBe(1);
    expect(refused.output).toContain(`✗ npm publish to ${registry!.url}`);
    expect(refused.output).toContain('release: the publish failed; every file it wrote is back as it was.');
    expect(refusedStatus.output).toBe('');
  });

  it("publishes the spec's next version, writes its changelog entry, and moves the baseline on", async () => {
    expect(released.output).toContain(`Released partnero-client@${version} to ${registry!.url}`);
    for (const step of ['npm pack', 'publint', '@arethetypeswrong/cli', `npm publish to ${registry!.url}`, 'spec-baseline/ records the released spec']) {
      expect(released.output).toMatch(new RegExp(`✓ ${step.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
    const view = await run('npm', ['view', 'partnero-client', 'version'], dir, registry!.npmEnv);
    expect(view.output.trim()).toBe(version);

    const read = (file: string): string => readFileSync(join(copy!, file), 'utf8');
    expect(JSON.parse(read('package.json')).version).toBe(version);
    expect((parseYaml(read('openapi/openapi.yaml')) as { info: { version: string } }).info.version).toBe(version);
    expect((parseYaml(read('spec-baseline/openapi.yaml')) as { info: { version: string } }).info.version).toBe(version);
    expect(read('CHANGELOG.md')).toContain(`\n## ${version} (${new Date().toISOString().slice(0, 10)})\n`);
    expect((parseYaml(read('spec-baseline/breaking-changes.yaml')) as { acknowledged: unknown[] }).acknowledged).toEqual([]);
    // Nothing left to release, nothing breaking against the new baseline.
    const check = await run(process.execPath, ['scripts/check-breaking.mjs'], copy!);
    expect(check.code, check.output).toBe(0);
    expect(check.output).toMatch(/^check:breaking: no change breaks clients of spec-baseline\/openapi\.yaml \(0 minor, 0 patch;/);
    const again = await run(process.execPath, ['scripts/release.mjs'], copy!);
    expect(again.output.trim()).toBe(`release: the spec has not changed since ${version} (spec-baseline/openapi.yaml): nothing to release.`);
  });
});

describe('npm install partnero-client, by name from the registry', () => {
  it('installs the published version with openapi-fetch and without the optional peers', () => {
    const installed = JSON.parse(readFileSync(join(app, 'node_modules/partnero-client/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(version);
    expect(existsSync(join(app, 'node_modules/openapi-fetch/package.json'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/@modelcontextprotocol/sdk'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/ioredis'))).toBe(false);
  });

  it('imports partnero-client and partnero-client/bulk, and loads partnero-client/mcp', async () => {
    const script = `
      const client = await import('partnero-client');
      const bulk = await import('partnero-client/bulk');
      const mcp = await import('partnero-client/mcp');
      console.log(JSON.stringify({ client: typeof client.createPartneroClient, bulk: typeof bulk.bulk, mcp: Object.keys(mcp).length > 0 }));
    `;
    const result = await run(process.execPath, ['--input-type=module', '-e', script], app);
    expect(result.code, result.output).toBe(0);
    expect(JSON.parse(result.output)).toEqual({ client: 'function', bulk: 'function', mcp: true });
  });

  it('npx partnero --version prints the installed version', async () => {
    const result = await run('npx', ['partnero', '--version'], app, registry!.npmEnv);
    expect(result.code, result.output).toBe(0);
    expect(result.output.trim()).toMatch(new RegExp(`(^|\\s)${version.replace(/\./g, '\\.')}$`));
  });

  it('partnero mcp without the optional SDK: one line naming the package to install, exit 2', async () => {
    const result = await run('npx', ['partnero', 'mcp'], app, { ...registry!.npmEnv, PARTNERO_API_KEY: 'sandbox-key' });
    expect(result.code).toBe(2);
    const lines = result.output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/needs the package @modelcontextprotocol\/sdk.*npm install @modelcontextprotocol\/sdk@/);
    expect(result.output).not.toContain('sandbox-key');
  });

  it('with the SDK installed from the registry too, partnero mcp answers tools/list over stdio and stops when stdin closes', { timeout: 240_000 }, async () => {
    const installed = await run('npm', ['install', '@modelcontextprotocol/sdk'], app, registry!.npmEnv);
    expect(installed.code, installed.output).toBe(0);
    const child = spawn(process.execPath, [join(app, 'node_modules/partnero-client/dist/cli.js'), 'mcp'], {
      cwd: app,
      // Nothing is called: the base URL is a closed port on loopback.
      env: { ...process.env, PARTNERO_API_KEY: 'sandbox-key', PARTNERO_BASE_URL: 'http://127.0.0.1:9' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const answers: { id?: number; result?: { tools?: { name: string; inputSchema: unknown }[] } }[] = [];
      const answered = (id: number): Promise<void> =>
        new Promise((resolve, reject) => {
          const check = (): void => {
            if (answers.some((a) => a.id === id)) resolve();
          };
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const lines = out.split('\n');
            out = lines.pop()!;
            for (const line of lines) if (line.trim()) answers.push(JSON.parse(line));
            check();
          });
          child.once('exit', (code) => reject(new Error(`partnero mcp exited ${code} before answering ${id}`)));
        });
      const send = (message: object): boolean => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
      const initialized = answered(1);
      send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'registry-test', version: '0' } } });
      await initialized;
      send({ method: 'notifications/initialized' });
      const listed = answered(2);
      send({ id: 2, method: 'tools/list', params: {} });
      await listed;
      const tools = answers.find((a) => a.id === 2)!.result!.tools!;
      // Read-only by default: one tool per GET operation of the spec the package ships, at least.
      const spec = JSON.parse(readFileSync(join(app, 'node_modules/partnero-client/dist/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
      const reads = Object.values(spec.paths).filter((item) => item['get']).length;
      expect(tools.length).toBeGreaterThanOrEqual(reads);
      expect(tools.every((tool) => typeof tool.name === 'string' && typeof tool.inputSchema === 'object')).toBe(true);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.stdin.end();
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
