// The package as a user gets it: `npm pack`, install the tarball into a fresh project, import
// it there and type-check a consumer file against the installed types.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let dir: string;
let files: string[];
let tarballBytes: number;

const run = (cmd: string, args: string[], cwd: string): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'partnero-pack-'));
  // `prepack` builds dist/ first.
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], root)) as {
    filename: string;
    size: number;
    files: { path: string }[];
  }[];
  if (!packed) throw new Error('npm pack reported nothing');
  files = packed.files.map((f) => f.path);
  tarballBytes = packed.size;
  const app = join(dir, 'app');
  run('mkdir', ['-p', app], dir);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, packed.filename)], app);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships the build, the spec, README and LICENSE, and no sources or tests', () => {
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/generated/validators.js', 'openapi/openapi.yaml', 'README.md', 'LICENSE', 'package.json']));
    expect(files.filter((f) => /^(src|test|scripts)\//.test(f) || f.endsWith('.map'))).toEqual([]);
    expect(tarballBytes).toBeLessThan(100_000);
  });

  it('imports and works in a fresh project', () => {
    const script = `
      import { createPartneroClient, PartneroError, NotFoundError } from 'partnero-client';
      const client = createPartneroClient({
        apiKey: 'k',
        validateResponses: true,
        fetch: async () => new Response(JSON.stringify({ data: [], status: 1 })),
      });
      const page = await client.referralLinks.list('partner_123');
      console.log(JSON.stringify({ page, base: new NotFoundError({ operation: 'x', method: 'GET', url: '', status: 404, headers: new Headers(), body: '' }) instanceof PartneroError }));
    `;
    const out = run(process.execPath, ['--input-type=module', '-e', script], join(dir, 'app'));
    expect(JSON.parse(out)).toEqual({ page: { data: [], status: 1 }, base: true });
  });

  it('type-checks a consumer file against the installed types', () => {
    const app = join(dir, 'app');
    writeFileSync(
      join(app, 'consumer.ts'),
      `import { createPartneroClient, RateLimitError, type ReferralLink, type ReferralLinkList } from 'partnero-client';
const client = createPartneroClient({ apiKey: 'k' });
export async function urls(partnerId: string): Promise<string[]> {
  const page: ReferralLinkList = await client.referralLinks.list(partnerId, { limit: 10, page: 1 });
  const all: ReferralLink[] = [];
  for await (const link of client.referralLinks.listAll(partnerId)) all.push(link);
  // @ts-expect-error: limit is a number.
  await client.referralLinks.list(partnerId, { limit: 'ten' });
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
});
