// The package as a user gets it: the tarball of the run's one `npm pack` (global-setup.ts)
// installed into a fresh project, imported there (and required), a consumer file type-checked
// against the installed types, the bundled spec it exports read, and @arethetypeswrong/cli run
// on the tarball. What needs no install (the file list, publint) is in files.test.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let dir: string;
const { tarball, files } = inject('packed');

const run = (cmd: string, args: string[], cwd: string): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'partnero-pack-'));
  const app = join(dir, 'app');
  run('mkdir', ['-p', app], dir);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], app);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('exports partnero-client/bulk, which the main entry never imports', () => {
    const script = `
      import { createPartneroClient, PartneroError } from 'partnero-client';
      import { bulk, BulkStoppedError } from 'partnero-client/bulk';
      const client = createPartneroClient({
        apiKey: 'k',
        fetch: async (request) => new Response(JSON.stringify({ data: { key: (await request.json()).key }, status: 1 }), { status: 201 }),
      });
      const results = [];
      const rows = [{ partner: { id: 'p' }, key: 'a' }, { partner: { id: 'p' }, key: '' }, { partner: { id: 'p' }, key: 'b' }];
      for await (const r of bulk(rows, (row, call) => client.partnerLinks.create(row, call))) results.push([r.index, r.outcome, r.result?.data.key ?? r.error.name]);
      console.log(JSON.stringify({ results, base: new BulkStoppedError(0, new Error('x')) instanceof PartneroError }));
    `;
    const out = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], join(dir, 'app')));
    expect(out).toEqual({ results: [[0, 'ok', 'a'], [1, 'failed', 'InvalidParameterError'], [2, 'ok', 'b']], base: true });
    expect(files).toEqual(expect.arrayContaining(['dist/bulk/index.js', 'dist/bulk/index.d.ts']));
    // No module of the main entry's graph (everything but bulk/ and the CLI) imports bulk/.
    const installed = join(dir, 'app/node_modules/partnero-client');
    const main = files.filter((f) => f.endsWith('.js') && !f.startsWith('dist/bulk/') && !f.startsWith('dist/cli'));
    expect(main.length).toBeGreaterThan(0);
    for (const file of main) expect(readFileSync(join(installed, file), 'utf8'), file).not.toMatch(/from ['"][./]*bulk\//);
  });

  it('imports and works in a fresh project', () => {
    const script = `
      import { createPartneroClient, PartneroError, NotFoundError } from 'partnero-client';
      const client = createPartneroClient({
        apiKey: 'k',
        validateResponses: true,
        fetch: async () => new Response(JSON.stringify({ data: [], status: 1 })),
      });
      const page = await client.partnerLinks.list('partner_123');
      console.log(JSON.stringify({ page, base: new NotFoundError({ operation: 'x', method: 'GET', url: '', status: 404, headers: new Headers(), body: '' }) instanceof PartneroError }));
    `;
    const out = run(process.execPath, ['--input-type=module', '-e', script], join(dir, 'app'));
    expect(JSON.parse(out)).toEqual({ page: { data: [], status: 1 }, base: true });
  });

  it('type-checks a consumer file against the installed types', () => {
    const app = join(dir, 'app');
    writeFileSync(
      join(app, 'consumer.ts'),
      `import { createPartneroClient, RateLimitError, type components } from 'partnero-client';
type ReferralLink = components['schemas']['ReferralLink'];
const client = createPartneroClient({ apiKey: 'k' });
export async function urls(partnerId: string): Promise<string[]> {
  const page = await client.partnerLinks.list(partnerId, { limit: 10, page: 1 });
  const all: ReferralLink[] = [];
  for await (const link of client.partnerLinks.listAll(partnerId)) all.push(link);
  // @ts-expect-error: limit is a number.
  await client.partnerLinks.list(partnerId, { limit: 'ten' });
  return [...page.data, ...all].map((l) => l.url);
}
export const delay = (e: unknown): number | undefined => (e instanceof RateLimitError ? e.retryAfterMs : undefined);
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], noEmit: true, skipLibCheck: false, types: [] },
        files: ['consumer.ts'],
      }),
    );
    const typeCheck = () => spawnSync(process.execPath, [tsc, '-p', app], { cwd: app, encoding: 'utf8' });
    const good = typeCheck();
    expect(good.stdout + good.stderr).toBe('');
    expect(good.status).toBe(0);
    // And a file with a real mistake does not compile.
    writeFileSync(join(app, 'consumer.ts'), `import { createPartneroClient } from 'partnero-client';\ncreatePartneroClient({ apiKey: 1 });\n`);
    const bad = typeCheck();
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/consumer\.ts\(2,24\): error TS2322: Type .number. is not assignable to type .string./);
  });

  it('exports the bundled spec as partnero-client/openapi.json and /openapi.yaml, and nothing else of it', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      const require = createRequire(import.meta.url);
      const json = require('partnero-client/openapi.json');
      const yaml = readFileSync(require.resolve('partnero-client/openapi.yaml'), 'utf8');
      let split = 'exported';
      try { require.resolve('partnero-client/openapi/openapi.yaml'); } catch (error) { split = error.code; }
      console.log(JSON.stringify({ openapi: json.openapi, paths: Object.keys(json.paths).length, refs: JSON.stringify(json).includes('.yaml'), yaml: /^openapi: 3\\.1\\.0$/m.test(yaml), split }));
    `;
    const out = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], join(dir, 'app')));
    expect(out).toEqual({ openapi: '3.1.0', paths: out.paths, refs: false, yaml: true, split: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
    expect(out.paths).toBeGreaterThan(0);
  });

  it('can be require()d where engines says it runs (Node ^20.19 or >=22.12: require of ESM)', async () => {
    const { engines } = JSON.parse(run('cat', [join(dir, 'app/node_modules/partnero-client/package.json')], dir)) as { engines: { node: string } };
    expect(engines.node).toBe('^20.19.0 || >=22.12.0');
    const out = run(process.execPath, ['-e', "console.log(typeof require('partnero-client').createPartneroClient)"], join(dir, 'app'));
    expect(out.trim()).toBe('function');
  });

  it('passes @arethetypeswrong/cli with the esm-only profile', () => {
    // openapi.yaml is data, not a module TypeScript could resolve; openapi.json is checked.
    const attw = spawnSync(
      process.execPath,
      [join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--profile', 'esm-only', '--no-color', '--no-emoji', '--exclude-entrypoints', './openapi.yaml', '--format', 'ascii'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(attw.stderr).toBe('');
    expect(attw.status).toBe(0);
    // The only problem it may mention is one the ESM-only profile ignores (require from CJS).
    const problems = attw.stdout.split('\n').filter((line) => /https:\/\/github\.com\/arethetypeswrong/.test(line));
    expect(problems.filter((line) => !line.startsWith('(ignored per resolution)'))).toEqual([]);
    expect(attw.stdout).toContain('"partnero-client/openapi.json"');
  });
});
