// The example requests of the API reference are real: every TypeScript sample is type-checked
// against the package (built from src/ into a private node_modules, as a user installs it) and
// run against the Prism mock; every curl sample is sent to the mock and gets an answer the spec
// documents; every CLI sample runs, as the shell reads it, through the built `partnero` command
// against the mock. Samples are read from the spec the reference shows (site/reference/spec.json),
// never listed here; that there is one of each for every operation is checked in page.test.ts.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPrism, type Prism } from '../support/prism.js';
import { parseCurl } from './curl-line.js';
import { pageSpec } from './page-spec.js';
import { writeConsumerTsconfig } from '../support/consumer.js';

const root = resolve(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const preload = join(root, 'test/api-docs/support/redirect-to-mock.mjs');
const { spec, operations } = pageSpec();
const server: string = spec.servers[0].url;
const sampled = (label: string) =>
  operations.flatMap((op) => op.samples.filter((s) => s.label === label).map((sample) => ({ op, source: sample.source })));
const typescript = sampled('TypeScript');
const curl = sampled('curl');
const cli = sampled('CLI');
/** curl itself when this machine has it; the parsed line is always also sent from Node. */
const curlBinary = spawnSync('sh', ['-c', 'command -v curl'], { encoding: 'utf8' }).stdout.trim();

let dir: string;
let prism: Prism;
let typeCheck: { status: number | null; output: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'partnero-samples-'));
  // The package as installed: its package.json and the run's build of src/ (dist/, from
  // test/package/global-setup.ts), in node_modules/partnero-client.
  const pkg = join(dir, 'node_modules', 'partnero-client');
  mkdirSync(pkg, { recursive: true });
  cpSync(join(root, 'package.json'), join(pkg, 'package.json'));
  cpSync(inject('dist'), join(pkg, 'dist'), { recursive: true });
  for (const dep of Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies ?? {})) {
    mkdirSync(join(dir, 'node_modules', dep, '..'), { recursive: true });
    symlinkSync(join(root, 'node_modules', dep), join(dir, 'node_modules', dep));
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'samples', private: true, type: 'module' }));
  mkdirSync(join(dir, 'samples'));
  for (const { op, source } of typescript) writeFileSync(join(dir, 'samples', `${op.operationId}.ts`), source);
  writeConsumerTsconfig(dir, { outDir: 'out', skipLibCheck: false }, ['samples']);
  const result = spawnSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8' });
  typeCheck = { status: result.status, output: result.stdout + result.stderr };
  prism = await startPrism(['mock', 'openapi/openapi.yaml']);
}, 120_000);

afterAll(async () => {
  await prism?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the TypeScript samples of the API reference', () => {
  it('type-check against the package, strictly', () => {
    expect(typeCheck.output).toBe('');
    expect(typeCheck.status).toBe(0);
  });

  it.each(typescript.map(({ op, source }) => [op.operationId, source]))('%s runs against the mock', (operationId) => {
    const run = spawnSync(process.execPath, ['--import', preload, join(dir, 'out', `${operationId}.js`)], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PARTNERO_API_KEY: 'mock-key', PARTNERO_API_URL: server, PARTNERO_MOCK_URL: prism.baseUrl, NO_COLOR: '1' },
      timeout: 30_000,
    });
    expect(run.stderr).toMatch(/^mock requests: [1-9]\d*\n$/);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).not.toBe('');
  });
});

describe('the curl samples of the API reference', () => {
  it.each(curl.map(({ op, source }) => [op.operationId, op, source] as const))('%s gets a documented success from the mock', async (_, op, source) => {
    const request = parseCurl(source, { PARTNERO_API_KEY: 'mock-key' });
    expect(request.method).toBe(op.method);
    expect(request.url.startsWith(server)).toBe(true);
    expect(request.headers.authorization).toBe('Bearer mock-key');
    const response = await fetch(prism.baseUrl + request.url.slice(server.length), {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    await response.arrayBuffer();
    expect(op.statuses).toContain(String(response.status));
    expect(response.ok).toBe(true);

    if (curlBinary) {
      // The line itself, by the shell and curl, to the mock instead of the API.
      const line = `${source.replace(server, prism.baseUrl)} -sS -o /dev/null -w '%{http_code}'`;
      const real = spawnSync('sh', ['-c', line], { encoding: 'utf8', env: { ...process.env, PARTNERO_API_KEY: 'mock-key' }, timeout: 30_000 });
      expect(real.stderr).toBe('');
      expect(real.stdout).toBe(String(response.status));
    }
  });
});

describe('the CLI samples of the API reference', () => {
  it.each(cli.map(({ op, source }) => [op.operationId, source] as const))('%s runs through the built CLI against the mock', (_, source) => {
    // `partnero` is the installed package's command; the line itself is read by the shell.
    const cliFile = join(dir, 'node_modules', 'partnero-client', 'dist', 'cli.js');
    const run = spawnSync('sh', ['-c', `partnero() { "${process.execPath}" "${cliFile}" "$@"; }\n${source}`], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PARTNERO_API_KEY: 'mock-key', PARTNERO_BASE_URL: prism.baseUrl, NO_COLOR: '1' },
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).not.toBe('');
  });
});
