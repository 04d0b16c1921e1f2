// `partnero <resource> <write command> --from FILE`, in-process through run() against the
// sandbox on a free port: CSV and JSON lines, columns in either spelling, bad rows by line with
// nothing sent, the journal and a rerun, the output, the progress bar and the summary line.
// The write commands and their columns come from the generated table (src/cli/commands.ts).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { run } from '../../src/cli/run.js';
import { commands, isWriteCommand } from '../../src/cli/commands.js';
import { startSandbox, type Sandbox } from '../../scripts/lib/sandbox.mjs';
import { Capture } from '../support/capture.js';
import { runCli } from '../support/cli-runner.js';

const API_KEY = 'sandbox-key'; // The sandbox's key (it checks keys once it has one); must never be printed.


let sandbox: Sandbox;
let dir: string;
let sent = 0;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: API_KEY, log: () => void sent++ });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partnero-bulk-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[], options: { tty?: boolean; baseUrl?: string; signal?: AbortSignal } = {}) {
  const before = sent;
  const result = await runCli(argv, { ...options, apiKey: API_KEY, baseUrl: options.baseUrl ?? sandbox.url });
  return { ...result, requests: sent - before };
}

const file = async (name: string, text: string): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

const linksOf = (owner: string): string[] => sandbox.state.links.filter((link) => link.owner === owner).map((link) => link.key).sort();
const csv = (text: string): Record<string, string>[] => parse(text, { columns: true }) as Record<string, string>[];

describe('partnero ... --from', () => {
  it('creates one link per CSV row, prints them as CSV in row order, one summary line on stderr, and a journal', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `partner_789,csv-${i},${i % 3 === 0 ? '8,true' : ','}`);
    const path = await file('links.csv', `partner_id,key,domain_id,is_additional\n${rows.join('\n')}\n`);
    const result = await cli(['partner-links', 'create', '--from', path, '--concurrency', '4']);
    expect(result.code, result.stderr).toBe(0);
    expect(linksOf('partner_789')).toEqual(Array.from({ length: 12 }, (_, i) => `csv-${i}`).sort());
    const out = csv(result.stdout);
    expect(out.map((row) => row['line'])).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 2)));
    expect(out.map((row) => row['key'])).toEqual(Array.from({ length: 12 }, (_, i) => `csv-${i}`));
    expect(out.every((row) => row['outcome'] === 'ok' && row['error'] === '')).toBe(true);
    expect(out[0]!['url']).toMatch(/csv-0$/);
    expect(result.stderr).toMatch(/^partnero: partner-links create: 12 of 12 rows in [\d.]+ s \([\d.]+\/s\): 12 ok, 0 already there, 0 failed; 0 answers 429; journal .*links\.csv\.journal\n$/);
    const journal = (await readFile(`${path}.journal`, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(journal[0]).toMatchObject({ journal: 'partnero', command: 'partner-links create' });
    expect(journal.filter((record) => record['state'] === 'started')).toHaveLength(12);
    expect(journal.filter((record) => record['outcome'] === 'ok').map((record) => record['line']).sort((a, b) => Number(a) - Number(b))).toEqual(out.map((row) => Number(row['line'])));
  });

  it('runs again from the journal: rows done are skipped and said so, nothing is sent; a changed row is refused', async () => {
    const path = await file('again.csv', 'partner-id,key\npartner_789,again-1\npartner_789,again-2\n');
    expect((await cli(['partner-links', 'create', '--from', path])).code).toBe(0);
    const rerun = await cli(['partner-links', 'create', '--from', path, '--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.requests).toBe(0);
    expect(rerun.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([
      { line: 2, outcome: 'skipped', earlier: 'ok' },
      { line: 3, outcome: 'skipped', earlier: 'ok' },
    ]);
    expect(rerun.stderr).toMatch(/2 skipped \(done in an earlier run\)/);
    await writeFile(path, 'partner-id,key\npartner_789,again-1\npartner_789,changed\n');
    const changed = await cli(['partner-links', 'create', '--from', path]);
    expect(changed.code).toBe(2);
    expect(changed.requests).toBe(0);
    expect(changed.stderr).toMatch(/again\.csv:3: not the row that the journal .* recorded for this line: the file changed since/);
    expect(linksOf('partner_789')).toContain('again-2');
    expect(linksOf('partner_789')).not.toContain('changed');
  });

  it('reads JSON lines with flat columns or the body nested, and keeps their JSON types', async () => {
    const path = await file(
      'links.jsonl',
      '{"partner":{"id":"partner_789"},"key":"jsonl-1"}\n\n{"partner_id":"partner_789","key":"jsonl-2","domain_id":8,"is_additional":true}\n',
    );
    const result = await cli(['partner-links', 'create', '--from', path, '--json', '--no-journal']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { line: number; outcome: string; result: { key: string; is_additional: boolean } });
    expect(lines.map((line) => [line.line, line.outcome, line.result.key, line.result.is_additional])).toEqual([
      [1, 'ok', 'jsonl-1', false],
      [3, 'ok', 'jsonl-2', true],
    ]);
    await expect(readFile(`${path}.journal`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports bad rows with their line numbers and sends nothing (exit 2)', async () => {
    const before = linksOf('partner_789');
    const path = await file(
      'bad.csv',
      'partner_id,key,domain_id,is_additional\npartner_789,good-1,,\npartner_789,,,\n,good-2,,\npartner_789,k4,8,\npartner_789,k5,,yes\npartner_789,k6\npartner_789,k"7,,\n',
    );
    const result = await cli(['partner-links', 'create', '--from', path]);
    expect(result.code).toBe(2);
    expect(result.requests).toBe(0);
    expect(linksOf('partner_789')).toEqual(before);
    const lines = result.stderr.trimEnd().split('\n');
    const keyRule = commands.find((c) => c.resource === 'partner-links' && c.method === 'create')!.flags.find((flag) => flag.name === 'key')!.rule;
    expect(lines).toEqual([
      // What a key must be is the spec's to say (the flag's rule, from the generated table).
      `partnero: ${path}:3: column key is empty: it must be ${keyRule} (required)`,
      expect.stringMatching(/bad\.csv:4: partner is missing: it must be an object with at least one of id, key, email .*; give one of the columns partner_id, partner_key, partner_email$/),
      expect.stringMatching(/bad\.csv:5: column is_additional is empty: it must be true or false \(required when domain_id is given\)$/),
      expect.stringMatching(/bad\.csv:6: column is_additional must be true or false, got "yes"$/),
      expect.stringMatching(/bad\.csv:7: 2 fields, but the header has 4/),
      expect.stringMatching(/bad\.csv:8: a quote \("\) inside a field that does not start with one/),
      'partnero: 6 bad rows of 7 in ' + path + '; nothing was sent',
    ]);
    // Nothing sent, nothing left behind: no journal, no lock.
    await expect(readFile(`${path}.journal`)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readFile(`${path}.journal.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses an unknown column, a missing path column and a missing file before sending anything', async () => {
    const unknown = await cli(['partner-links', 'create', '--from', await file('u.csv', 'partner_id,key,colour\np,k,red\n')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/u\.csv:1: unknown column "colour": the columns of partner-links create are .*partner_id.*; nothing was sent\n/);
    const noId = await cli(['partner-links', 'update', '--from', await file('n.csv', 'key\nnew\n')]);
    expect(noId.code).toBe(2);
    expect(noId.stderr).toMatch(/n\.csv:1: no column id: partner-links update needs the partner referral link ID of every row/);
    const missing = await cli(['partner-links', 'create', '--from', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read --from .*nope\.csv: no such file/);
    const format = await cli(['partner-links', 'create', '--from', 'rows.txt']);
    expect(format.stderr).toMatch(/--from must name a \.csv or \.jsonl file/);
    for (const result of [unknown, noId, missing, format]) expect(result.requests).toBe(0);
  });

  it('takes --from on every write command of the table, with its path parameters as columns, and on no read', async () => {
    const writes = commands.filter(isWriteCommand);
    expect(writes.length).toBeGreaterThan(0);
    for (const command of commands) {
      const columns = [...command.positionals.map((p) => p.name), ...command.flags.map((flag) => flag.name.replace(/-/g, '_'))];
      // Every column present, every cell empty (quoted: a one-column row is then no empty line): the client's checks refuse line 2.
      const path = await file(`${command.resource}-${command.method}.csv`, `${columns.join(',')}\n${columns.map(() => '""').join(',')}\n`);
      const result = await cli([command.resource, command.method, '--from', path]);
      expect(result.code, `${command.resource} ${command.method}: ${result.stderr}`).toBe(2);
      expect(result.requests).toBe(0);
      if (isWriteCommand(command)) expect(result.stderr).toMatch(/\.csv:2: /);
      else expect(result.stderr).toMatch(/unknown option '?--from/i);
    }
  });

  it('renames and deletes by an id column, and exits 1 when a row fails, saying why on its line', async () => {
    const created = await file('make.csv', 'partner_id,key\npartner_789,old-1\npartner_789,old-2\n');
    expect((await cli(['partner-links', 'create', '--from', created])).code).toBe(0);
    const renames = await file('rename.csv', 'id,key\nold-1,new-1\nno-such-link,new-x\nold-2,new-2\n');
    const renamed = await cli(['partner-links', 'update', '--from', renames]);
    expect(renamed.code).toBe(1);
    const out = csv(renamed.stdout);
    expect(out.map((row) => [row['line'], row['outcome'], row['id']])).toEqual([
      ['2', 'ok', 'new-1'],
      ['3', 'failed', ''],
      ['4', 'ok', 'new-2'],
    ]);
    expect(out[1]!['error']).toMatch(/^partner-links update: 404/);
    expect(renamed.stderr).toMatch(/2 ok, 0 already there, 1 failed/);
    const deletes = await file('delete.csv', 'partner-referral-link-id\nnew-1\nnew-2\n');
    const deleted = await cli(['partner-links', 'delete', '--from', deletes]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(linksOf('partner_789').filter((key) => /^(old|new)-/.test(key))).toEqual([]);
  });

  it('shows a progress bar on a terminal, counting the 429 answers it got', async () => {
    // 429 with Retry-After: 0, so that the retries cost no wait.
    const limited = await startSandbox({ port: 0, apiKey: API_KEY, faults: '429-retry-after=0@3' });
    try {
      const rows = Array.from({ length: 10 }, (_, i) => `partner_789,bar-${i}`);
      const path = await file('bar.csv', `partner_id,key\n${rows.join('\n')}\n`);
      const result = await cli(['partner-links', 'create', '--from', path, '--concurrency', '2'], { tty: true, baseUrl: limited.url });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/\r\[#*\.*\] \d+\/10 rows {2}[\d.]+\/s {2}ETA [^ ]+( s)? {2}429s: \d+ {2}failed: 0/);
      expect(result.stderr).toContain('\r\u001b[K'); // cleared before the summary
      const answered429 = Number(/; (\d+) answers? 429/.exec(result.stderr)?.[1]);
      expect(answered429).toBeGreaterThan(0);
      expect(limited.state.links.filter((link) => link.key.startsWith('bar-'))).toHaveLength(10);
    } finally {
      await limited.close();
    }
  });

  it('stops on Ctrl-C with exit 130, leaves the rows in flight unrecorded, and a rerun sends the rows it said were left and finishes every row once', async () => {
    const slow = await startSandbox({ port: 0, apiKey: API_KEY, faults: 'slow=30' });
    try {
      const keys = Array.from({ length: 40 }, (_, i) => `ctrl-c-${i}`);
      // The first row fails (no such partner): a rerun tries it again, so it is among the rows left.
      const path = await file('ctrl-c.csv', `partner_id,key\npartner_nobody,ctrl-c-x\n${keys.map((key) => `partner_789,${key}`).join('\n')}\n`);
      const controller = new AbortController();
      const stderr = new Capture(false);
      const stdout = new Capture(false);
      const running = run(['partner-links', 'create', '--from', path, '--concurrency', '4'], { PARTNERO_API_KEY: API_KEY, PARTNERO_BASE_URL: slow.url }, { stdout, stderr, signal: controller.signal });
      // Ctrl-C once some rows are done.
      while (!(await readFile(`${path}.journal`, 'utf8').catch(() => '')).includes('"outcome"')) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort();
      expect(await running).toBe(130);
      expect(stderr.text).toMatch(/partnero: interrupted: run the same command again to resume \(\d+ rows left\)\n$/);
      const out = csv(stdout.text);
      expect(out.some((row) => row['outcome'] === 'cut-short')).toBe(true);
      const journal = (await readFile(`${path}.journal`, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      const cut = out.filter((row) => row['outcome'] === 'cut-short').map((row) => Number(row['line']));
      for (const line of cut) expect(journal.filter((record) => record['line'] === line && record['outcome'])).toEqual([]);

      await new Promise((resolve) => setTimeout(resolve, 100)); // the sandbox finishes what was sent
      const rerun = await cli(['partner-links', 'create', '--from', path], { baseUrl: slow.url });
      expect(rerun.code, rerun.stderr).toBe(1); // the first row, again
      const again = csv(rerun.stdout);
      expect(again.filter((row) => row['outcome'] === 'failed').map((row) => row['line'])).toEqual(['2']);
      // The count Ctrl-C gave is what the rerun sends: every row not skipped.
      const left = Number(/\((\d+) rows left\)/.exec(stderr.text)?.[1]);
      expect(again.filter((row) => row['outcome'] !== 'skipped')).toHaveLength(left);
      for (const line of cut) expect(again.find((row) => Number(row['line']) === line)).toMatchObject({ earlier: 'in-flight', outcome: expect.stringMatching(/^(ok|existing)$/) });
      for (const key of keys) expect(slow.state.links.filter((link) => link.key === key)).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });

  it('with --rate-limit adaptive, runs through the client\'s limiter against a server that limits: every row once', async () => {
    const limited = await startSandbox({ port: 0, apiKey: API_KEY, rateLimit: { rate: 40, burst: 5 } });
    try {
      const keys = Array.from({ length: 12 }, (_, i) => `adaptive-${i}`);
      const path = await file('adaptive.csv', `partner_id,key\n${keys.map((key) => `partner_789,${key}`).join('\n')}\n`);
      const result = await cli(['partner-links', 'create', '--from', path, '--rate-limit', 'adaptive', '--json'], { baseUrl: limited.url });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as { outcome: string }).outcome)).toEqual(keys.map(() => 'ok'));
      for (const key of keys) expect(limited.state.links.filter((link) => link.key === key)).toHaveLength(1);
      expect(result.stderr).toMatch(/: 12 ok, 0 already there, 0 failed; \d+ answers? 429/);
    } finally {
      await limited.close();
    }
  });

  it('applies flags given with --from to every row, and refuses --from flags without --from', async () => {
    const path = await file('flags.csv', 'partner_id,key\npartner_789,flag-1\npartner_789,flag-2\n');
    const result = await cli(['partner-links', 'create', '--from', path, '--domain-id', '8', '--is-additional', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { result: { url: string } });
    expect(lines.every((line) => line.result.url.startsWith('http://mmc.test/profile'))).toBe(true);
    const stray = await cli(['partner-links', 'create', '--partner-id', 'p', '--key', 'k', '--concurrency', '4']);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/--concurrency goes with --from FILE/);
    const concurrency = await cli(['partner-links', 'create', '--from', path, '--concurrency', '0']);
    expect(concurrency.stderr).toMatch(/--concurrency must be an integer from 1 to 256, got "0"/);
    const rate = await cli(['partner-links', 'create', '--from', path, '--rate-limit', 'fast']);
    expect([rate.code, rate.requests]).toEqual([2, 0]);
    expect(rate.stderr).toMatch(/--rate-limit must be adaptive/);
    const redis = await cli(['partner-links', 'create', '--from', path, '--redis', 'http://user:s3cret@host']);
    expect([redis.code, redis.requests]).toEqual([2, 0]);
    expect(redis.stderr).toMatch(/--redis must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(redis.stderr).not.toContain('s3cret');
  });
});

describe('the results CSV (issue 24 §8)', () => {
  it('neutralises server text a spreadsheet would run as a formula (=, +, -, @, tab, CR) with a leading quote; numbers stay numbers', async () => {
    const hostile = { id: '=HYPERLINK("http://evil.test","x")', key: '+1+2', url: '-2+3', partner: '@SUM(1,2)', tab: '\tcmd', cr: '\rcmd', safe: 'a=b', count: -5 };
    const path = await file('formulas.csv', 'id,key\nlink-1,new-key\n');
    const stdout = new Capture(false);
    const stderr = new Capture(false);
    const code = await run(['partner-links', 'update', '--from', path, '--no-journal'], { PARTNERO_API_KEY: API_KEY, PARTNERO_BASE_URL: 'https://api.test' }, {
      stdout,
      stderr,
      fetch: async () => new Response(JSON.stringify({ data: hostile }), { status: 200, headers: { 'content-type': 'application/json' } }),
    });
    expect(code, stderr.text).toBe(0);
    const [row] = csv(stdout.text);
    for (const [column, value] of Object.entries(hostile)) {
      if (typeof value === 'number') expect(row![column]).toBe(String(value));
      else if (/^[=+\-@\t\r]/.test(value)) expect(row![column]).toBe(`'${value.replace('\t', '\\t').replace('\r', '\\r')}`);
      else expect(row![column]).toBe(value);
    }
  });
});

describe('JSON lines that give one value twice (issue 24 §10)', () => {
  it('are refused by line, as CSV refuses two such columns, and nothing is sent', async () => {
    const path = await file(
      'twice.jsonl',
      [
        '{"partner_id":"partner_789","key":"twice-ok"}',
        '{"partner_id":"partner_789","partner.id":"partner_other","key":"twice-1"}',
        '{"partner":{"id":"partner_789"},"partner_id":"partner_other","key":"twice-2"}',
        '{"partner-id":"partner_789","partner_id":"partner_789","key":"twice-3"}',
      ].join('\n'),
    );
    const result = await cli(['partner-links', 'create', '--from', path]);
    expect(result.code).toBe(2);
    expect(result.requests).toBe(0);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `partnero: ${path}:2: fields "partner_id" and "partner.id" give the same value`,
      `partnero: ${path}:3: fields "partner" and "partner_id" give the same value`,
      `partnero: ${path}:4: fields "partner-id" and "partner_id" give the same value`,
      `partnero: 3 bad rows of 4 in ${path}; nothing was sent`,
    ]);
    // The CSV reader says the same of two such columns.
    const columns = await cli(['partner-links', 'create', '--from', await file('twice.csv', 'partner_id,partner.id,key\np,p,k\n')]);
    expect(columns.stderr).toMatch(/twice\.csv:1: columns "partner_id" and "partner\.id" give the same value/);
  });
});
