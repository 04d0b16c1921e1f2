// The `partnero` command: in-process through run() against local servers on 127.0.0.1, and as
// the built executable in a child process. The commands are read from the generated operation
// table, so an operation added to the spec is tested here without editing this file.
import { spawn } from 'node:child_process';
import { closeSync, createWriteStream, openSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { run, type CliStream } from '../../src/cli/run.js';
import { parseCommandLine } from '../../src/cli/args.js';
import { operations, summaries } from '../../src/generated/spec.js';
import { bodyRules } from '../../src/generated/validators.js';
import { startFakePartnero, type FakePartnero } from './support/fake-partnero.js';
import { runNode } from './support/processes.js';
import { json, link, linkPage } from '../support/http-server.js';
import { operationTable, type OperationRow } from '../../src/resources.js';
import { Capture } from '../support/capture.js';

const API_KEY = 'cli-test-key-71d3a9'; // Must never be printed.
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

let partnero: FakePartnero;
beforeAll(async () => {
  partnero = await startFakePartnero(API_KEY, 5);
});
afterAll(async () => {
  await partnero.close();
});


interface CliOptions {
  tty?: boolean;
  stderrTty?: boolean;
  env?: NodeJS.ProcessEnv;
  stdin?: string;
  stdout?: CliStream;
  stderr?: Capture;
  signal?: AbortSignal;
  secret?: string;
}

async function partneroCli(argv: string[], options: CliOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = options.stdout ?? new Capture(options.tty ?? false);
  const stderr = options.stderr ?? new Capture(options.stderrTty ?? false);
  const env = { PARTNERO_API_KEY: API_KEY, PARTNERO_BASE_URL: partnero.baseUrl, ...options.env };
  const code = await run(argv, env, {
    stdout,
    stderr,
    ...(options.stdin !== undefined ? { stdin: Readable.from([options.stdin]) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const out = stdout instanceof Capture ? stdout.text : '';
  for (const secret of [API_KEY, options.secret ?? API_KEY]) expect(out + stderr.text).not.toContain(secret);
  return { code, stdout: out, stderr: stderr.text };
}

/** The rules of partner-links create's body fields, in words, from the spec. */
const createRules = Object.values(operationTable).flatMap((row) => (row.resource === 'partnerLinks' && row.name === 'create' && row.body ? [bodyRules[row.body.validator] ?? {}] : []))[0] ?? {};

/** A usage error: one line naming the problem, one pointing to the help, nothing else. */
const USAGE_ERROR = /^partnero: [^\n]+\nRun 'partnero [^'\n]*--help' for usage\.\n$/;

const requestsDuring = async <T>(action: () => Promise<T>): Promise<{ result: T; requests: string[] }> => {
  const before = partnero.requests.length;
  const result = await action();
  return { result, requests: partnero.requests.slice(before).map((req) => req.url ?? '') };
};

/** A server on 127.0.0.1 that records every request with its body and answers with `handler`. */
async function recordingServer(handler: (req: IncomingMessage, res: ServerResponse, body: string, index: number) => void) {
  const seen: { method: string; url: URL; body: string }[] = [];
  const server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: new URL(req.url ?? '/', 'http://x'), body });
      handler(req, res, body, seen.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---- The commands, as the generated table has them --------------------------------------------

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();

type Row = OperationRow;

/** Every command: [resource, method, the operation's row, whether it walks pages]. */
/** An operation's summary (the generated `summaries`, apart from the table). */
const summaryOf = (row: Row): string => summaries[Object.keys(operationTable).find((id) => operationTable[id] === row)!] ?? '';

const tableCommands = Object.values(operationTable).flatMap((row) => {
  const call = [kebab(row.resource), kebab(row.name), row, false] as const;
  return row.pagination ? [call, [kebab(row.resource), kebab(row.pagination.method), row, true] as const] : [call];
});

/** The body fields that get a flag: leaves of the body's pointers. */
function bodyLeaves(row: Row): [pointer: string[], rule: string][] {
  const rules = row.body ? (bodyRules[row.body.validator] ?? {}) : {};
  const pointers = Object.keys(rules).filter((p) => p !== '' && !p.includes('*'));
  return pointers.filter((p) => !pointers.some((other) => other.startsWith(`${p}/`))).map((p) => [p.split('/').slice(1), rules[p]!]);
}

/** A value that the rule (in words, from bodyRules) allows. */
function valueFor(rule: string): unknown {
  if (rule.startsWith('one of ')) return JSON.parse(rule.slice('one of '.length).split(', ')[0]!) as unknown;
  if (rule === 'true or false') return true;
  if (rule === 'null') return null; // a customer link's domain_id: given as --domain-id null
  const least = /(?:from|at least) (-?\d+)/.exec(rule);
  if (/^(an integer|a number)\b/.test(rule)) return least ? Number(least[1]) : 1;
  return 'v'.repeat(Math.max(1, least ? Number(least[1]) : 1));
}

describe('every operation of the spec is a command', () => {
  it('the table has operations, and partnero --help lists each command with its summary', async () => {
    expect(tableCommands.length).toBeGreaterThanOrEqual(Object.keys(operations).length);
    const { code, stdout } = await partneroCli(['--help']);
    expect(code).toBe(0);
    for (const [resource, method, row] of tableCommands) {
      expect(stdout).toMatch(new RegExp(`^  ${resource} ${method}\\b.*${summaryOf(row).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    }
  });

  it.each(tableCommands.map(([resource, method, row, walk]) => [`${resource} ${method}`, resource, method, row, walk] as const))(
    '%s has help naming its arguments and flags',
    async (_name, resource, method, row, walk) => {
      const { code, stdout, stderr } = await partneroCli([resource, method, '--help']);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: partnero ${resource} ${method}( <[a-z-]+>){${row.pathParameters.length}}( |$)`));
      expect(stdout).toContain(summaryOf(row));
      expect(stdout).toContain(`${row.method} ${row.path}`);
      for (const [name, rule] of Object.entries(row.parameters)) {
        if (rule.in === 'query' && !(walk && name === row.pagination?.page)) expect(stdout).toContain(`--${kebab(name)} `);
      }
      if (walk) expect(stdout).not.toContain(`--${kebab(row.pagination!.page)} `);
      for (const [pointer, rule] of bodyLeaves(row)) {
        expect(stdout).toMatch(new RegExp(`^  --${pointer.map(kebab).join('-')}\\b.*${rule.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
      }
    },
  );

  it.each(tableCommands.map(([resource, method, row, walk]) => [`${resource} ${method}`, resource, method, row, walk] as const))(
    '%s is callable: positionals, query flags and body flags become the request the spec describes',
    async (_name, resource, method, row, walk) => {
      const server = await recordingServer((_req, res) => json(res, 200, { data: [], status: 1 }));
      try {
        const argv = [resource, method, ...row.pathParameters.map((_, i) => `id_${i}`)];
        const query: Record<string, string> = {};
        for (const [name, rule] of Object.entries(row.parameters)) {
          if (rule.in !== 'query' || row.body || (walk && name === row.pagination?.page)) continue;
          // Of the parameters a call gives exactly one of (x-partnero-exactly-one), only the first.
          if (row.exactlyOne?.includes(name) && name !== row.exactlyOne[0]) continue;
          const value = rule.type === 'integer' || rule.type === 'number' ? String(rule.minimum ?? 1) : 'v';
          argv.push(`--${kebab(name)}`, value);
          query[name] = value;
        }
        const body: Record<string, unknown> = {};
        for (const [pointer, rule] of bodyLeaves(row)) {
          const flag = `--${pointer.map(kebab).join('-')}`;
          const value = valueFor(rule);
          if (value === true) argv.push(flag);
          else argv.push(flag, String(value));
          let parent = body;
          for (const token of pointer.slice(0, -1)) parent = (parent[token] ??= {}) as Record<string, unknown>;
          parent[pointer.at(-1)!] = value;
        }
        const { code, stderr } = await partneroCli([...argv, '--base-url', server.url, '--json']);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const first = server.seen[0]!;
        expect(first.method).toBe(row.method);
        let path = row.path;
        row.pathParameters.forEach((name, i) => (path = path.replace(`{${name}}`, `id_${i}`)));
        expect(first.url.pathname).toBe(path);
        for (const [name, value] of Object.entries(query)) expect(first.url.searchParams.get(name)).toBe(value);
        if (walk) expect(first.url.searchParams.get(row.pagination!.page)).toBe('1');
        if (row.body) expect(JSON.parse(first.body)).toEqual(body);
      } finally {
        await server.close();
      }
    },
  );
});

// ---- Output ------------------------------------------------------------------------------------

describe('partnero partner-links list', () => {
  it('prints a table with a header on a terminal, and points to the next page on stderr', async () => {
    const { code, stdout, stderr } = await partneroCli(['partner-links', 'list', 'partner_123', '--limit', '2'], { tty: true, stderrTty: true });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+KEY\s+URL\s+DEFAULT\s+IS ADDITIONAL\s+DIRECT TRACKING\s+DIRECT TRACKING REDIRECT\s+DIRECT TRACKING REDIRECT URL$/);
    expect(lines[1]).toMatch(/^ref_1\s+ref_1\s+https:\/\/partnero\.com\?aff=ref_1\s+true\s+false\s+false\s+false$/); // no trailing blanks
    expect(lines[2]).toMatch(/^ref_2\s+ref_2\s+\S+\s+false\s+false\s+true\s+true\s+https:\/\/example\.org\/landing$/);
    expect(lines.at(-1)).toBe('2 links');
    expect(stderr).toBe('More links on the next page: use --page 2, or partnero partner-links list-all for every page.\n');
  });

  it('shows the same values in the table and in the piped lines (one line per row, same columns, no header)', async () => {
    const argv = ['partner-links', 'list', 'partner_123', '--limit', '3'];
    const table = (await partneroCli(argv, { tty: true })).stdout.trimEnd().split('\n');
    const piped = (await partneroCli(argv)).stdout;
    expect(piped.endsWith('\n')).toBe(true);
    const tsvRows = piped.slice(0, -1).split('\n').map((line) => line.split('\t'));
    expect(tsvRows).toHaveLength(3);
    // Cut each table row at the columns' starts, as the header shows them.
    const header = table[0]!;
    const starts = [...header.matchAll(/(?:^|\s{2})(\S)/g)].map((match) => match.index + match[0].length - 1);
    expect(starts).toHaveLength(tsvRows[0]!.length);
    tsvRows.forEach((cells, i) => {
      const row = table[i + 1]!;
      const tableCells = starts.map((start, c) => row.slice(start, starts[c + 1]).trim());
      expect(tableCells).toEqual(cells);
    });
    expect(tsvRows[1]).toEqual(['ref_2', 'ref_2', 'https://partnero.com?aff=ref_2', 'false', 'false', 'true', 'true', 'https://example.org/landing']);
  });

  it('prints one JSON object per line with --json, even on a terminal', async () => {
    const { code, stdout } = await partneroCli(['partner-links', 'list', 'partner_123', '--json'], { tty: true });
    expect(code).toBe(0);
    const links = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(links.map((item) => item['id'])).toEqual(['ref_1', 'ref_2', 'ref_3', 'ref_4', 'ref_5']);
    expect(links[1]).toMatchObject({ direct_tracking: true, direct_tracking_redirect_url: 'https://example.org/landing' });
  });

  it('list-all walks every page, with progress on stderr only when stderr is a terminal, cleared at the end', async () => {
    const { result, requests } = await requestsDuring(() =>
      partneroCli(['partner-links', 'list-all', 'partner_123', '--limit', '2', '--json'], { stderrTty: true }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(5);
    expect(requests.map((url) => new URL(url, 'http://x').searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(result.stderr).toContain('Fetched 3 pages, 5 links');
    expect(result.stderr.endsWith('\r\u001b[K')).toBe(true);

    const quiet = await partneroCli(['partner-links', 'list-all', 'partner_123', '--limit', '2']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout.trimEnd().split('\n')).toHaveLength(5);
    expect(quiet.stderr).toBe('');
  });

  it('takes what follows -- as arguments, even -h', async () => {
    const { result, requests } = await requestsDuring(() => partneroCli(['partner-links', 'list', '--json', '--', '-h']));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('partnero: partner-links list: 404 Not Found: Partner not found.\n');
    expect(requests).toEqual(['/v1/partners/-h/referral_links']);
  });

  it('takes --base-url over PARTNERO_BASE_URL, and flags before the command words', async () => {
    const { code, stdout } = await partneroCli(['--json', '--base-url', partnero.baseUrl, 'partner-links', 'list', 'partner_123'], {
      env: { PARTNERO_BASE_URL: 'http://127.0.0.1:9' },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('"ref_1"');
  });
});

describe('request bodies', () => {
  const created = (body: unknown) => ({ data: { ...link(9), ...(body as object) }, status: 1 });

  it('from flags: nested fields by pointer, digits as a number where an integer is allowed, null, booleans', async () => {
    const server = await recordingServer((_req, res, body) => json(res, 201, created(JSON.parse(body))));
    try {
      const cases: [string[], Record<string, unknown>][] = [
        [['--domain-id', '8', '--is-additional'], { domain_id: 8, is_additional: true }],
        [['--domain-id', 'null', '--no-is-additional'], { domain_id: null, is_additional: false }],
        [['--domain-id', 'dom_x', '--is-additional'], { domain_id: 'dom_x', is_additional: true }],
      ];
      for (const [extra, expected] of cases) {
        const argv = ['partner-links', 'create', '--partner-id', 'partner_123', '--key', 'summer', ...extra, '--base-url', server.url];
        const { code, stdout } = await partneroCli(argv);
        expect(code).toBe(0);
        expect(JSON.parse(server.seen.at(-1)!.body)).toEqual({ partner: { id: 'partner_123' }, key: 'summer', ...expected });
        expect(stdout.split('\t')[1]).toBe('summer');
      }
    } finally {
      await server.close();
    }
  });

  it("from --json '<json>' and --json - (stdin), with flags replacing fields; a bare --json still means JSON output", async () => {
    const server = await recordingServer((_req, res, body) => json(res, 200, created(JSON.parse(body))));
    try {
      const given = await partneroCli(['partner-links', 'update', 'ref_456', '--json', '{"key":"ref_789"}', '--json', '--base-url', server.url]);
      expect(given.code).toBe(0);
      expect(server.seen.at(-1)).toMatchObject({ method: 'PUT', body: '{"key":"ref_789"}' });
      expect(server.seen.at(-1)!.url.pathname).toMatch(/\/ref_456$/);
      expect(JSON.parse(given.stdout)).toMatchObject({ key: 'ref_789' });

      const piped = await partneroCli(['customer-links', 'create', '--json', '-', '--key', 'over', '--base-url', server.url], {
        stdin: '{"key":"k","customer":{"email":"c@example.com"}}',
      });
      expect(piped.code).toBe(0);
      expect(JSON.parse(server.seen.at(-1)!.body)).toEqual({ key: 'over', customer: { email: 'c@example.com' } });
    } finally {
      await server.close();
    }
  });
});

// ---- Errors ------------------------------------------------------------------------------------

describe('partnero exit codes and errors', () => {
  it('exits 1 with one line for an API error, in the command\'s words, without the key even when the server echoes it', async () => {
    const refused = await partneroCli(['partner-links', 'list', 'partner_123'], { env: { PARTNERO_API_KEY: `${API_KEY}-wrong` }, secret: `${API_KEY}-wrong` });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^partnero: partner-links list: 401[^\n]*\n$/);

    const missing = await partneroCli(['partner-links', 'list', 'partner_999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('partnero: partner-links list: 404 Not Found: Partner not found.\n');
  });

  it('exits 1 with one line when the network fails', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const { code, stderr } = await partneroCli(['partner-links', 'list', 'partner_123', '--base-url', `http://127.0.0.1:${port}`]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^partnero: partner-links list: [^\n]+\n$/);
  });

  it.each([
    [[], 'a command is required'],
    [['list', 'partner_123'], 'unknown resource "list": use one of partner-links'],
    [['partner-links'], 'partner-links needs a command: one of list, list-all'],
    [['partner-links', 'show'], 'unknown command "show" of partner-links'],
    [['partner-links', 'lst', 'partner_123'], 'unknown command "lst" of partner-links (did you mean list?): use one of'],
    [['partner-link', 'list', 'partner_123'], 'unknown resource "partner-link" (did you mean partner-links?): use one of'],
    [['partner-links', 'list'], 'partner-links list needs the partner ID: partnero partner-links list <partner-id>'],
    [['partner-links', 'get', '..'], 'the partner referral link ID must be a non-empty string of well-formed Unicode, other than "." and "..", got ".."'],
    [['partner-links', 'list', 'partner_123', 'extra'], 'unexpected argument "extra"'],
    [['partner-links', 'list', 'partner_123', '--limit', '300'], '--limit must be an integer from 1 to 250, got 300'],
    [['partner-links', 'list', 'partner_123', '--page', 'two'], '--page must be an integer of at least 1, got "two"'],
    [['partner-links', 'list-all', 'partner_123', '--page', '2'], 'unknown option --page\n'],
    [['partner-links', 'list', 'partner_123', '--colour'], 'unknown option --colour\n'],
    // Issue 18 item 6: the nearest flag of that command, by edit distance, as git and gh suggest.
    [['partner-links', 'list', 'partner_123', '--limt', '5'], 'unknown option --limt; did you mean --limit?\n'],
    [['partner-links', 'list', 'partner_123', '--lmiit=5'], 'unknown option --lmiit; did you mean --limit?\n'],
    [['partner-links', 'create', '--partner', 'p'], 'unknown option --partner; did you mean --partner-id, --partner-key or --partner-email?\n'],
    [['partner-links', 'get', '-ref'], 'unknown option -ref; an argument that starts with "-" goes after "--": -- -ref\n'],
    // Issue 16 item 27: a value that starts with "-", in the CLI's words, and how to give it.
    [['partner-links', 'create', '--partner-id', 'p', '--key', '-summer'], '--key needs a value; to give one that starts with "-", write --key=-summer\n'],
    [['partner-links', 'list', 'partner_123', '--limit'], '--limit needs a value\n'],
    [['partner-links', 'create', '--is-additional=yes'], '--is-additional takes no value: use --is-additional or --no-is-additional\n'],
    [['partner-links', 'create'], 'partner-links create needs a body: give its fields as flags (--key, --partner-id'],
    [['partner-links', 'create', '--key', 'x'], 'partner is missing: it must be an object with at least one of id, key, email'],
    [['partner-links', 'create', '--key', '', '--partner-id', 'p'], `--key must be ${createRules['/key']}, got ""`],
    [['partner-links', 'create', '--key', 'clé', '--partner-id', 'p'], `--key must be ${createRules['/key']}, got "clé"`],
    [['partner-links', 'create', '--key', 'x', '--partner-id', 'p', '--domain-id', '8'], '--is-additional is missing: it must be true or false (required when domain_id is given)'],
    [['partner-links', 'create', '--is-additional', '--no-is-additional'], '--is-additional and --no-is-additional cannot be used together'],
    [['partner-links', 'create', '--json', '{"key":'], '--json must be the body as JSON'],
    [['partner-links', 'search', '--key', 'k', '--base-url', 'http://example.com'], '--base-url uses plain http to example.com, which would send the API key unencrypted; use https'],
    [['partner-links', 'list', 'partner_123', '--base-url='], '--base-url needs a URL'],
  ])('exits 2 for %j with one line and a pointer to --help, sending nothing', async (argv, message) => {
    const { result, requests } = await requestsDuring(() => partneroCli(argv));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(USAGE_ERROR);
    expect(result.stderr).toContain(`partnero: ${message}`);
    // In the CLI's words: lower case (a name such as PARTNERO_API_KEY aside), no literal "\n".
    expect(result.stderr).toMatch(/^partnero: (?![A-Z][a-z])/);
    expect(result.stderr).not.toContain('\\n');
    expect(result.stderr).not.toMatch(/createPartneroClient|allowInsecureHttp|baseUrl|[a-z]+[A-Z][a-z]+ReferralLinks?:/);
    expect(requests).toEqual([]);
  });

  it('issue 16 item 27: --key=-summer gives a key that starts with "-", as the refusal of --key -summer says', () => {
    const request = parseCommandLine(['partner-links', 'create', '--partner-id', 'p', '--key=-summer', '--domain-id=-8']);
    expect(request.kind).toBe('run');
    const fields = request.kind === 'run' ? request.fields.map(([flag, value]) => [flag.name, value]) : [];
    expect(fields).toEqual(expect.arrayContaining([['key', '-summer'], ['domain-id', -8]]));
  });

  it('issue 16 item 27: every command\'s help says how to give a value that starts with "-"', async () => {
    const { code, stdout } = await partneroCli(['partner-links', 'create', '--help']);
    expect(code).toBe(0);
    expect(stdout.replace(/\s+/g, ' ')).toContain('A value that starts with "-" is given after "=" (--flag=-value)');
  });

  it('names PARTNERO_BASE_URL when the bad URL came from there, and exits 2 without PARTNERO_API_KEY', async () => {
    const badEnv = await partneroCli(['partner-links', 'search', '--key', 'k'], { env: { PARTNERO_BASE_URL: 'ftp://127.0.0.1' } });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toMatch(/^partnero: PARTNERO_BASE_URL must use https/);
    const noKey = await partneroCli(['partner-links', 'list', 'partner_123'], { env: { PARTNERO_API_KEY: '' } });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(USAGE_ERROR);
    expect(noKey.stderr).toContain('PARTNERO_API_KEY is not set');
  });

  it('--help prints the help on stdout and exits 0; --version prints the package version', async () => {
    const help = await partneroCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^partnero \S+: /);
    expect(help.stdout).toContain('Usage: partnero <resource> <command> [arguments] [flags]');
    expect(help.stderr).toBe('');
    const resource = await partneroCli(['partner-links', '--help']);
    expect(resource.stdout).toContain('Usage: partnero partner-links <command>');
    const version = await partneroCli(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    // Help holds nothing from outside: a one-letter key does not garble it.
    const shortKeyOut = new Capture(false);
    expect(await run(['--help'], { PARTNERO_API_KEY: 'e' }, { stdout: shortKeyOut, stderr: new Capture(false) })).toBe(0);
    expect(shortKeyOut.text).toBe(help.stdout);
  });
});

// ---- Issue 12 ----------------------------------------------------------------------------------

/** A server with endless pages of two links, each with a next page, 5 ms apart (the walk would stop at 1000 pages). */
const endlessPages = () =>
  recordingServer((_req, res, _body, index) => {
    const page = linkPage(index * 2 + 1, 2, { links: { next: `http://x/?page=${index + 2}` }, meta: { current_page: index + 1, per_page: 2 } });
    setTimeout(() => json(res, 200, page), 5);
  });

describe('issue 12 defect 9: a write error (ENOSPC) is one line and exit 1, never a stack trace; EPIPE ends quietly', () => {
  it('list-all --json > /dev/full: one line naming ENOSPC, exit 1, and the walk stops', async () => {
    const server = await endlessPages();
    const stdout = createWriteStream('/dev/full');
    try {
      const { code, stderr } = await partneroCli(['partner-links', 'list-all', 'p', '--json', '--base-url', server.url], { stdout });
      expect(code).toBe(1);
      expect(stderr).toMatch(/^partnero: could not write the output: [^\n]*ENOSPC[^\n]*\n$/);
      expect(server.seen.length).toBeLessThan(100);
    } finally {
      stdout.destroy();
      await server.close();
    }
  });

  it('EPIPE (the reader went away, as with | head): the walk stops, the progress line is cleared, exit 0 without a word', async () => {
    const server = await endlessPages();
    const stdout = new Writable({
      write(_chunk, _encoding, callback) {
        setImmediate(() => callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })));
      },
    });
    try {
      const stderr = new Capture(true);
      const { code } = await partneroCli(['partner-links', 'list-all', 'p', '--json', '--base-url', server.url], { stdout, stderr });
      expect(code).toBe(0);
      expect(stderr.text).toContain('Fetched 1 page, 2 links');
      // The last thing written clears the progress line; no message follows.
      expect(stderr.text).toMatch(/\r\u001b\[K$/);
      expect(stderr.text).not.toMatch(/partnero:/);
      expect(server.seen.length).toBeLessThan(100);
    } finally {
      await server.close();
    }
  });
});

describe('partnero list-all and Ctrl-C', () => {
  it('SIGINT (the signal) stops the walk, clears the progress line and exits 130', async () => {
    const server = await recordingServer((_req, res, _body, index) => {
      // Page 1 at once; page 2 never (until the server closes).
      if (index === 0) json(res, 200, linkPage(1, 2, { links: { next: 'http://x/?page=2' } }));
    });
    const controller = new AbortController();
    const stderr = new Capture(true);
    stderr.onWrite = (text) => {
      if (text.includes('Fetched 1 page')) controller.abort();
    };
    try {
      const { code, stdout } = await partneroCli(['partner-links', 'list-all', 'p', '--base-url', server.url], { stderr, signal: controller.signal, tty: true });
      expect(code).toBe(130);
      expect(stdout).toBe('');
      expect(stderr.text).toMatch(/^\rFetched 1 page, 2 links…\u001b\[K\r\u001b\[Kpartnero: interrupted\n$/);
    } finally {
      await server.close();
    }
  });
});

describe('issue 12 defect 4 (CLI): the key is redacted from everything printed, however escaped, at any length', () => {
  it.each([
    ['a key with a quote and a backslash', 'k"ey\\99x'],
    ['a key of 4 characters', 'q7"z'],
  ])('%s: echoed in an error and in the data, in a table, piped lines and JSON', async (_name, key) => {
    const escapedInJson = JSON.stringify(key).slice(1, -1);
    const server = await recordingServer((req, res) => {
      if (req.url?.includes('wrong')) return json(res, 401, { message: `Invalid API key ${key} (${encodeURIComponent(key)})`, status: 0 });
      json(res, 200, { data: [{ ...link(1), key: `echo ${key}`, url: `https://x.test/?k=${encodeURIComponent(key)}` }], status: 1 });
    });
    try {
      for (const argv of [[], ['--json']]) {
        for (const tty of [false, true]) {
          const { code, stdout } = await partneroCli(['partner-links', 'list', 'p', ...argv, '--base-url', server.url], { env: { PARTNERO_API_KEY: key }, tty, secret: key });
          expect(code).toBe(0);
          expect(stdout).not.toContain(escapedInJson);
          expect(stdout).not.toContain(encodeURIComponent(key));
          expect(stdout).toContain('echo [REDACTED]');
        }
      }
      const refused = await partneroCli(['partner-links', 'list', 'wrong', '--base-url', server.url], { env: { PARTNERO_API_KEY: key }, secret: key });
      expect(refused.code).toBe(1);
      expect(refused.stderr).not.toContain(escapedInJson);
      expect(refused.stderr).not.toContain(encodeURIComponent(key));
      expect(refused.stderr).toContain('[REDACTED]');
    } finally {
      await server.close();
    }
  });
});

describe('issue 12 defect 10 (CLI): messages echo what was typed; bidirectional controls are escaped', () => {
  it('--limit 99999999999999999999 says "got 99999999999999999999", not 100000000000000000000', async () => {
    const { code, stderr } = await partneroCli(['partner-links', 'list', 'partner_123', '--limit', '99999999999999999999']);
    expect(code).toBe(2);
    expect(stderr).toContain('--limit must be an integer from 1 to 250, got 99999999999999999999\n');
    expect(stderr).not.toContain('100000000000000000000');
  });

  it('U+202E and the other bidirectional controls are escaped in the table, the piped lines and JSON', async () => {
    const bidi = ['\u202e', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c'];
    const hostile = { ...link(1), id: `ref_1${bidi.join('')}`, url: 'https://partnero.com?aff=\u202egpj.exe' };
    const server = await recordingServer((_req, res) => json(res, 200, { data: [hostile], status: 1 }));
    try {
      for (const options of [{ tty: true }, { tty: false }]) {
        for (const extra of [[], ['--json']]) {
          const { code, stdout } = await partneroCli(['partner-links', 'list', 'p', ...extra, '--base-url', server.url], options);
          expect(code).toBe(0);
          for (const char of bidi) expect(stdout).not.toContain(char);
          expect(stdout).toContain('\\u202egpj.exe');
          expect(stdout).toContain('ref_1\\u202e\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069\\u061c');
          if (extra.length) expect((JSON.parse(stdout) as { url: string }).url).toBe(hostile.url);
        }
      }
    } finally {
      await server.close();
    }
  });
});

describe('partnero output safety', () => {
  it('control characters from the server are escaped: no forged rows, no terminal escapes', async () => {
    const hostile = { ...link(1), id: 'a\tb\nINJECTED', key: 'k\u001b[31mred' };
    const server = await recordingServer((_req, res) => json(res, 200, { data: [hostile], status: 1 }));
    try {
      for (const tty of [false, true]) {
        const { code, stdout } = await partneroCli(['partner-links', 'list', 'p', '--base-url', server.url], { tty });
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

// ---- The executable ----------------------------------------------------------------------------

describe('the built executable', () => {
  it('runs as `partnero` from the compiled bin: output, --version from package.json, usage, and > /dev/full', async () => {
    // The run's one build (test/package/global-setup.ts): dist/ beside package.json, as packed.
    const bin = join(inject('dist'), 'cli.js');
    const env = { ...process.env, PARTNERO_API_KEY: API_KEY, PARTNERO_BASE_URL: partnero.baseUrl };
    const ok = await runNode(bin, ['partner-links', 'list', 'partner_123', '--json', '--limit', '2'], env);
    expect(ok.code, ok.output).toBe(0);
    expect(ok.output.trimEnd().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(['ref_1', 'ref_2']);
    const version = await runNode(bin, ['--version'], env);
    expect(version).toEqual({ code: 0, output: `${VERSION}\n` });
    const usage = await runNode(bin, ['partner-links', 'list'], env);
    expect(usage.code).toBe(2);
    expect(usage.output).toMatch(USAGE_ERROR);

    // Issue 12 defect 9, exactly as reported: stdout is /dev/full.
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [bin, 'partner-links', 'list-all', 'partner_123', '--json'], { env, stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise((resolve) => child.once('close', resolve));
      expect(code).toBe(1);
      expect(stderr).toMatch(/^partnero: could not write the output: [^\n]*ENOSPC[^\n]*\n$/);
    } finally {
      closeSync(full);
    }
    expect(`${ok.output}${usage.output}`).not.toContain(API_KEY);
  }, 60_000);
});

describe('issue 26 §7: what the CLI says', () => {
  const writes = tableCommands.filter(([, , row, walk]) => !walk && row.method !== 'GET');

  it.each(tableCommands.map(([resource, method]) => [`${resource} ${method}`, resource, method] as const))(
    '%s --help ends with a short footer, the flags, environment, output and exit codes being said once in partnero --help',
    async (_name, resource, method) => {
      const { stdout } = await partneroCli([resource, method, '--help']);
      const last = stdout.trimEnd().split('\n\n').at(-1)!;
      expect(last.split('\n').length).toBeLessThanOrEqual(3);
      expect(last).toMatch(/partnero --help/);
      for (const section of ['Environment:', 'Exit codes:', 'Flags of every command:', 'Output: on a terminal']) expect(stdout).not.toContain(section);
    },
  );

  it('partnero --help has what the footers point to', async () => {
    const { stdout } = await partneroCli(['--help']);
    for (const section of ['Environment:', 'Exit codes:', 'Flags of every command:', 'Output: on a terminal']) expect(stdout).toContain(section);
  });

  it.each(writes.map(([resource, method, row]) => [`${resource} ${method}`, resource, method, row] as const))(
    '%s --help names its --from columns once, and the other spelling only where there is one',
    async (_name, resource, method, row) => {
      const { stdout } = await partneroCli([resource, method, '--help']);
      const columns = /^Columns?: ([^\n]+)\.$/m.exec(stdout)?.[1];
      expect(columns, stdout).toBeDefined();
      expect(columns!.startsWith(row.pathParameters.join(', '))).toBe(true);
      const spelled = /\(or as the flags spell them: ([\w-]+) for ([\w]+)\)$/.exec(columns!);
      if (spelled) expect(spelled[1]).toBe(spelled[2]!.replace(/_/g, '-'));
      else expect(columns).not.toMatch(/_/);
      expect(stdout).not.toMatch(/e\.g\. (\w+)\)/);
    },
  );

  it('a delete says what it deleted (not STATUS / 1), with the server\'s message; --json keeps the answer', async () => {
    const answers = [{ status: 1 }, { status: 1, message: 'Referral link deleted.' }, undefined];
    const server = await recordingServer((_req, res, _body, index) => {
      const answer = answers[index % answers.length];
      if (answer === undefined) {
        res.writeHead(204).end();
      } else json(res, 200, answer);
    });
    try {
      const said: string[] = [];
      for (const tty of [true, false, false]) {
        const { code, stdout, stderr } = await partneroCli(['partner-links', 'delete', 'ref_123', '--base-url', server.url], { tty });
        expect(code, stderr).toBe(0);
        said.push(stdout);
      }
      expect(said).toEqual(['Deleted partner referral link ref_123.\n', 'Deleted partner referral link ref_123. (Referral link deleted.)\n', 'Deleted partner referral link ref_123.\n']);
      const { stdout } = await partneroCli(['partner-links', 'delete', 'ref_123', '--base-url', server.url, '--json']);
      expect(JSON.parse(stdout)).toEqual({ status: 1 });
    } finally {
      await server.close();
    }
  });
});
