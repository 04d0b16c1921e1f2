// The `partnero` command: in-process through run() against a fake Partnero on 127.0.0.1, and
// once as the built executable in a child process.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, USAGE, type CliStream } from '../../src/cli/run.js';
import { startFakePartnero, type FakePartnero } from './support/fake-partnero.js';
import { runNode } from './support/processes.js';
import { json, link, startServer } from '../support/http-server.js';

const API_KEY = 'cli-test-key-71d3a9'; // Must never be printed.

let partnero: FakePartnero;
beforeAll(async () => {
  partnero = await startFakePartnero(API_KEY, 5);
});
afterAll(async () => {
  await partnero.close();
});

class Capture implements CliStream {
  text = '';
  constructor(readonly isTTY: boolean) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

async function partneroCli(
  argv: string[],
  { tty = false, stderrTty = false, env = {} as NodeJS.ProcessEnv } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture(tty);
  const stderr = new Capture(stderrTty);
  const code = await run(argv, { PARTNERO_API_KEY: API_KEY, PARTNERO_BASE_URL: partnero.baseUrl, ...env }, { stdout, stderr });
  const output = stdout.text + stderr.text;
  expect(output).not.toContain(API_KEY);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const requestsDuring = async <T>(action: () => Promise<T>): Promise<{ result: T; requests: string[] }> => {
  const before = partnero.requests.length;
  const result = await action();
  return { result, requests: partnero.requests.slice(before).map((req) => req.url ?? '') };
};

describe('partnero list', () => {
  it('prints a table with a header on a terminal', async () => {
    const { code, stdout, stderr } = await partneroCli(['list', 'partner_123', '--limit', '2'], { tty: true, stderrTty: true });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+KEY\s+DEFAULT\s+ADDITIONAL\s+DIRECT TRACKING\s+URL$/);
    expect(lines[1]).toMatch(/^ref_1\s+ref_1\s+yes\s+no\s+no\s+https:\/\/partnero\.com\?aff=ref_1$/);
    expect(lines[2]).toMatch(/^ref_2\s+ref_2\s+no\s+no\s+yes → https:\/\/example\.org\/landing\s+https:\/\/partnero\.com\?aff=ref_2$/);
    expect(lines.at(-1)).toBe('2 links');
    expect(stderr).toBe('More links on page 2: use --page or --all.\n');
  });

  it('prints tab-separated lines without a header when stdout is not a terminal', async () => {
    const { code, stdout } = await partneroCli(['list', 'partner_123', '--limit', '2', '--page', '2']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'ref_3\tref_3\tfalse\tfalse\tfalse\thttps://partnero.com?aff=ref_3\n' +
        'ref_4\tref_4\tfalse\tfalse\tfalse\thttps://partnero.com?aff=ref_4\n',
    );
  });

  it('prints one JSON object per line with --json, even on a terminal', async () => {
    const { code, stdout } = await partneroCli(['list', 'partner_123', '--json'], { tty: true });
    expect(code).toBe(0);
    const links = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(links.map((link) => link['id'])).toEqual(['ref_1', 'ref_2', 'ref_3', 'ref_4', 'ref_5']);
    expect(Object.keys(links[0] ?? {})).toEqual([
      'id',
      'key',
      'url',
      'default',
      'is_additional',
      'direct_tracking',
      'direct_tracking_redirect',
      'direct_tracking_redirect_url',
    ]);
  });

  it('walks every page with --all, with progress on stderr only when stderr is a terminal', async () => {
    const { result, requests } = await requestsDuring(() =>
      partneroCli(['list', 'partner_123', '--all', '--limit', '2', '--json'], { stderrTty: true }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(5);
    expect(requests.map((url) => new URL(url, 'http://x').searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(result.stderr).toContain('Fetched 3 pages, 5 links');

    const quiet = await partneroCli(['list', 'partner_123', '--all', '--limit', '2']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout.trimEnd().split('\n')).toHaveLength(5);
    expect(quiet.stderr).toBe('');
  });

  it('takes --base-url over PARTNERO_BASE_URL', async () => {
    const { code, stdout } = await partneroCli(['list', 'partner_123', '--json', '--base-url', partnero.baseUrl], {
      env: { PARTNERO_BASE_URL: 'http://127.0.0.1:9' },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('"ref_1"');
  });
});

describe('partnero exit codes', () => {
  it('exits 1 with one line for an API error, without the key even when the server echoes it', async () => {
    const refused = await partneroCli(['list', 'partner_123'], { env: { PARTNERO_API_KEY: `${API_KEY}-wrong` } });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^partnero: listReferralLinks: 401[^\n]*\n$/);
    expect(refused.stderr).not.toContain(`${API_KEY}-wrong`);

    const missing = await partneroCli(['list', 'partner_999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^partnero: listReferralLinks: 404[^\n]*Partner not found\.\n$/);
  });

  it('exits 1 with one line when the network fails', async () => {
    // A port that was free a moment ago: nothing answers there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const { code, stderr } = await partneroCli(['list', 'partner_123', '--base-url', `http://127.0.0.1:${port}`]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^partnero: listReferralLinks: [^\n]+\n$/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [[], 'a command is required'],
    [['show', 'partner_123'], 'unknown command "show"'],
    [['list'], 'list needs the partner ID'],
    [['list', 'partner_123', '--limit', '300'], 'limit must be an integer from 1 to 250, got 300'],
    [['list', 'partner_123', '--page', 'two'], 'page must be an integer'],
    [['list', 'partner_123', '--all', '--page', '2'], '--page and --all cannot be used together'],
    [['list', 'partner_123', '--colour'], "Unknown option '--colour'"],
  ])('exits 2 with the usage text for %j, sending nothing', async (argv, message) => {
    const { result, requests } = await requestsDuring(() => partneroCli(argv));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(USAGE);
    expect(requests).toEqual([]);
  });

  it('exits 2 when PARTNERO_API_KEY is not set', async () => {
    const { code, stderr } = await partneroCli(['list', 'partner_123'], { env: { PARTNERO_API_KEY: '' } });
    expect(code).toBe(2);
    expect(stderr).toContain('PARTNERO_API_KEY is not set');
  });

  it('prints the usage on stdout and exits 0 for --help', async () => {
    const { code, stdout, stderr } = await partneroCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toBe(USAGE);
    expect(stderr).toBe('');
  });
});

describe('the built executable', () => {
  let outDir: string | undefined;
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('runs as `partnero` from the compiled bin, with exit code and output of the process', async () => {
    // Its own build, inside the repository so that openapi-fetch resolves, and not dist/,
    // which npm pack and npm start rebuild meanwhile.
    outDir = await mkdtemp(join('test-results', 'cli-build-'));
    await promisify(execFile)(process.execPath, [
      'node_modules/typescript/bin/tsc',
      '-p',
      'tsconfig.build.json',
      '--outDir',
      outDir,
      '--declaration',
      'false',
      '--declarationMap',
      'false',
      '--sourceMap',
      'false',
    ]);
    const env = { ...process.env, PARTNERO_API_KEY: API_KEY, PARTNERO_BASE_URL: partnero.baseUrl };
    const ok = await runNode(join(outDir, 'cli.js'), ['list', 'partner_123', '--json', '--limit', '2'], env);
    expect(ok.code, ok.output).toBe(0);
    expect(ok.output.trimEnd().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(['ref_1', 'ref_2']);
    const usage = await runNode(join(outDir, 'cli.js'), ['list'], env);
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('Usage: partnero list <partnerId>');
    expect(`${ok.output}${usage.output}`).not.toContain(API_KEY);
  }, 60_000);
});

describe('partnero output safety', () => {
  it('an empty --base-url is a usage error, not a silent fall back to the production server', async () => {
    const { result, requests } = await requestsDuring(() => partneroCli(['list', 'partner_123', '--base-url=']));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--base-url needs a URL');
    expect(requests).toEqual([]);
  });

  it('control characters from the server are escaped: no forged rows, no terminal escapes', async () => {
    const hostile = { ...link(1), id: 'a\tb\nINJECTED', key: 'k\u001b[31mred' };
    const server = await startServer((_req, res) => json(res, 200, { data: [hostile], status: 1 }));
    try {
      for (const tty of [false, true]) {
        const { code, stdout } = await partneroCli(['list', 'p', '--base-url', server.url], { tty });
        expect(code).toBe(0);
        expect(stdout).not.toContain('\u001b');
        expect(stdout).toContain('a\\tb\\nINJECTED');
        expect(stdout).toContain('k\\u001b[31mred');
        if (!tty) expect(stdout.trimEnd().split('\n')).toHaveLength(1);
      }
    } finally {
      await server.close();
    }
  });
});
