// `npm run contract` writes to, and deletes, only links it created: ids equal (ignoring case) to
// a throwaway key it sent (issue 24 §1–2). Against fakes that answer with another link's id, no
// write and no delete may reach that link, and the run never calls itself clean. Also the
// pagination check's page past the last (issue 25 §6) and the ids "." and ".." (sent as written).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConformingFake, type Break, type Fake } from './support/conforming-partnero.js';
import { runNode } from './support/processes.js';

const API_KEY = 'guard-test-key-4f1c';
const LIFECYCLE = ['--checks', 'ensure_resource_availability,use_after_free,key_uniqueness'];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partnero-contract-guard-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Report {
  kept: boolean;
  checks: { name: string; findings: { request: string; expected: string; came: string }[] }[];
  cleanup?: { state: string; id?: string; key: string }[];
}

async function run(fake: Fake, name: string, extra: string[]): Promise<{ code: number | string; output: string; report: Report }> {
  const file = join(dir, `${name}.json`);
  const { code, output } = await runNode(
    'scripts/contract.mjs',
    ['--base-url', fake.url, '--writes', '--partner-id', 'partner_123', '--customer-id', 'customer_123', '--rate', '500', '--seed', '11', '--report', file, ...extra],
    { ...process.env, PARTNERO_API_KEY: API_KEY },
  );
  const text = await readFile(file, 'utf8').catch(() => {
    throw new Error(`no report (exit ${code}):\n${output}`);
  });
  return { code, output, report: JSON.parse(text) as Report };
}

/** The writes (anything but GET and POST) the fake received for an id, in any case. */
const writesTo = (fake: Fake, id: string): string[] =>
  fake.requests.filter((r) => r.method !== 'GET' && r.method !== 'POST' && decodeURIComponent(r.path.split('?')[0] ?? '').toLowerCase().endsWith(`/${id.toLowerCase()}`)).map((r) => `${r.method} ${r.path}`);

describe('npm run contract touches only the links it created', () => {
  it('a create answered with another link (ref_123): nothing renames or deletes ref_123, the run is broken, the links it did create are removed', async () => {
    const fake = await startConformingFake(API_KEY, 'create-answers-other');
    try {
      const before = JSON.stringify(fake.links.find((l) => l.key === 'ref_123'));
      const { code, output, report } = await run(fake, 'create-other', LIFECYCLE);
      expect(writesTo(fake, 'ref_123')).toEqual([]);
      expect(writesTo(fake, 'cust_aaa')).toEqual([]);
      expect(JSON.stringify(fake.links.find((l) => l.key === 'ref_123'))).toBe(before);
      expect(code, output).toBe(1);
      expect(report.kept).toBe(false);
      expect(output).not.toContain('Contract kept');
      expect(report.checks.flatMap((c) => c.findings).map((f) => f.came).join('\n')).toMatch(/id "ref_123": another link, left alone/);
      // What the run did create (its keys, ids equal to them) is found by key and removed.
      expect(fake.links.filter((l) => /^contract-/i.test(l.key))).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('clean-up: a search hit whose id is not the key sent (ref_456) is left alone and reported; never "nothing left behind"', async () => {
    const fake = await startConformingFake(API_KEY, ['create-answers-other', 'search-foreign-id'] satisfies Break[]);
    try {
      const { code, output, report } = await run(fake, 'search-foreign', LIFECYCLE);
      expect(writesTo(fake, 'ref_456')).toEqual([]);
      expect(fake.links.some((l) => l.key === 'ref_456')).toBe(true);
      expect(code, output).toBe(1);
      expect(output).not.toContain('nothing left behind');
      expect(output).not.toContain('Contract kept');
      expect(report.cleanup?.some((c) => c.state === 'foreign' && c.id === 'ref_456')).toBe(true);
      expect(output).toMatch(/✖ clean-up: partnerLinks contract-\S+: the search for \S+ found a link with id "ref_456", not the key this run sent: left alone/);
    } finally {
      await fake.close();
    }
  });

  it('sends the ids "." and ".." as written (not resolved away) and expects them refused', async () => {
    const fake = await startConformingFake(API_KEY);
    try {
      const { code, output } = await run(fake, 'dots', ['--checks', 'negative_data_rejection']);
      expect(code, output).toBe(0);
      const dotted = fake.requests.filter((r) => r.method === 'GET' && /\/\.{1,2}$/.test(r.path)).map((r) => r.path);
      expect(dotted).toEqual(expect.arrayContaining(['/v1/partner_referral_links/.', '/v1/partner_referral_links/..', '/v1/customer_referral_links/.', '/v1/customer_referral_links/..']));
    } finally {
      await fake.close();
    }
  });
});

describe('npm run contract: a page past the last', () => {
  it('fails a server that answers a page past the last with 404 instead of an empty data', async () => {
    const fake = await startConformingFake(API_KEY, 'past-last-404');
    try {
      const { code, output, report } = await run(fake, 'past-last', ['--checks', 'pagination']);
      expect(code, output).toBe(1);
      const found = report.checks.find((c) => c.name === 'pagination')?.findings ?? [];
      expect(found.map((f) => `${f.request}: expected ${f.expected}, came ${f.came}`).join('\n')).toMatch(/page=\d+: expected 200 with an empty data \(page \d+, past the last\), came 404/);
    } finally {
      await fake.close();
    }
  });
});

describe('npm run contract: its replay line and its checks on screen', () => {
  it('never mangles the replay line by redaction (key "any-key" beside --accepts-any-key), in the output and the report; lifecycle checks show their requests', async () => {
    const fake = await startConformingFake('any-key');
    try {
      const file = join(dir, 'replay.json');
      const { code, output } = await runNode(
        'scripts/contract.mjs',
        ['--base-url', fake.url, '--writes', '--partner-id', 'partner_123', '--accepts-any-key', '--rate', '500', '--seed', '5', '--report', file, ...LIFECYCLE],
        { ...process.env, PARTNERO_API_KEY: 'any-key' },
      );
      expect(code, output).toBe(0);
      const replay = `npm run contract -- --base-url ${fake.url} --partner-id partner_123 --checks ensure_resource_availability,use_after_free,key_uniqueness --rate 500 --writes --accepts-any-key --seed 5`;
      expect(output).toContain(`(replay: ${replay})`);
      expect(output).not.toContain('[REDACTED]');
      const report = JSON.parse(await readFile(file, 'utf8')) as { replay: string; checks: { name: string; requests: number }[] };
      expect(report.replay).toBe(replay);
      // Every lifecycle check shows the requests sent for it, none "0 requests" beside a ✔.
      for (const name of LIFECYCLE[1]?.split(',') ?? []) {
        expect(report.checks.find((c) => c.name === name)?.requests, name).toBeGreaterThan(0);
        expect(output).toMatch(new RegExp(`✔ ${name} · [1-9]\\d* requests`));
      }
      expect(output).not.toMatch(/^ {2}0 requests/m);
    } finally {
      await fake.close();
    }
  });
});

describe('npm run contract: a verdict needs its own evidence', () => {
  it('a refused create leaves "after a rename the old ID answers 404" not exercised (lifecycle and workflow), never contradicted', async () => {
    const fake = await startConformingFake(API_KEY, 'create-refused');
    try {
      const file = join(dir, 'refused.json');
      const { output } = await runNode(
        'scripts/contract.mjs',
        ['--base-url', fake.url, '--writes', '--partner-id', 'partner_123', '--customer-id', 'customer_123', '--rate', '500', '--seed', '3', '--report', file, '--checks', `${LIFECYCLE[1]},arazzo_workflows`],
        { ...process.env, PARTNERO_API_KEY: API_KEY },
      );
      const report = JSON.parse(await readFile(file, 'utf8')) as { inferences: { claim: string; verdict: string; evidence: string }[] };
      const verdictOf = (claim: string): string | undefined => report.inferences.find((i) => i.claim === claim)?.verdict;
      expect(verdictOf('After a rename the old ID of a partner link answers 404.'), output).toBe('not exercised');
      expect(verdictOf('After a rename the old ID of a customer link answers 404.'), output).toBe('not exercised');
      expect(report.inferences.find((i) => i.claim === 'After a rename the old ID of a partner link answers 404.')?.evidence).toMatch(/precondition createLink failed/);
      expect(verdictOf('After a rename the old ID answers 404; only the new ID finds the link.')).toBe('not exercised');
      expect(report.inferences.filter((i) => i.verdict === 'contradicted').map((i) => i.claim), output).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
