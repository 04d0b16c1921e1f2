// The contract tool's proposals (scripts/contract/propose.mjs), from verdicts made here: what is
// proposed and what never is, the edits as the yaml Document API makes them (the files keep
// their comments and style), one diff per verdict, the key never in it. The loop against
// servers: contract-loop.slow.test.ts.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { DATA_GUARDING, propose, sortVerdicts, YAML_OUTPUT } from '../../scripts/contract/propose.mjs';
import { inferredProblems } from '../../scripts/lib/redocly-plugin.mjs';

const repo = new URL('../../', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(name) ? [full] : [];
  });
}

/** A copy of openapi/ in a temp folder (the project root of the proposals). */
function copySpec(): string {
  const dir = mkdtempSync(join(tmpdir(), 'partnero-propose-'));
  dirs.push(dir);
  cpSync(join(repo, 'openapi'), join(dir, 'openapi'), { recursive: true });
  return dir;
}

const PAGE = '#/components/parameters/Page';
const KEY_RULES = "The API applies the portal's key rules (ASCII letters, digits, -, _ and ., up to 64 characters) and refuses other keys with 422.";
const KEY_POINTER = '#/components/schemas/NewPartnerReferralLink/properties/key';

const pageVerdict = {
  claim: 'Page numbers start at 1 and page 0 is refused (422).',
  file: 'openapi/components/parameters/Page.yaml',
  pointer: PAGE,
  check: 'negative_data_rejection',
  by: 'negative_data_rejection',
  verdict: 'contradicted',
  evidence: 'negative_data_rejection: GET /v1/partners/partner_123/referral_links?page=0: expected a 4xx for page 0 (below the minimum 1), came 200 (accepted)',
  changes: [{ at: `${PAGE}/schema`, drop: ['minimum'], why: 'page 0 was answered 200' }],
};
const keyVerdict = {
  claim: KEY_RULES,
  file: 'openapi/components/schemas/NewPartnerReferralLink.yaml',
  pointer: KEY_POINTER,
  check: 'negative_data_rejection',
  by: 'negative_data_rejection',
  verdict: 'contradicted',
  evidence: 'negative_data_rejection: POST /v1/partner_referral_links: a key of 65 characters came 201 (the server said: hello s3cret-key-123)',
  changes: [{ at: KEY_POINTER, drop: ['maxLength'], why: 'a key of 65 characters was answered 201' }],
};

describe('--propose: what moves and what never does', () => {
  it('edits the spec through the Document API: every file of openapi/ comes back byte for byte', () => {
    for (const file of yamlFiles(join(repo, 'openapi'))) {
      const text = readFileSync(file, 'utf8');
      expect(parseDocument(text, { keepSourceTokens: true }).toString(YAML_OUTPUT), file).toBe(text);
    }
  });

  it('proposes inferred claims only; data-guarding checks and documented findings are departures; a workflow is left to the keeper', () => {
    const guarded = DATA_GUARDING.map((check) => ({ ...pageVerdict, claim: `guarded by ${check}`, check, by: check }));
    const workflow = { ...pageVerdict, claim: 'After a rename the old ID of a partner link answers 404.', pointer: 'workflow:partnerOldIdAfterRename', by: 'arazzo_workflows', check: 'arazzo_workflows', changes: undefined };
    const confirmed = { ...keyVerdict, verdict: 'confirmed' };
    const findings = [
      { check: 'negative_data_rejection', pointers: [PAGE], request: 'GET /x?page=0', expected: 'a 4xx for page 0', came: '200' },
      { check: 'positive_data_acceptance', pointers: ['#/components/parameters/Limit'], request: 'GET /x?limit=250', expected: 'a 2xx for limit 250', came: '422' },
    ];
    const sorted = sortVerdicts([pageVerdict, ...guarded, workflow, confirmed], findings);
    expect(sorted.proposals.map((p: { claim: string }) => p.claim)).toEqual([pageVerdict.claim]);
    expect(sorted.departures.filter((d: { kind: string }) => d.kind === 'inference').map((d: { check: string }) => d.check)).toEqual(DATA_GUARDING);
    // The finding the proposal removes is not a departure; the documented one is.
    expect(sorted.departures.filter((d: { kind: string }) => d.kind === 'finding').map((d: { evidence: string }) => d.evidence)).toEqual(['GET /x?limit=250: expected a 2xx for limit 250, came 422']);
    expect(sorted.left.map((v: { claim: string }) => v.claim)).toEqual([workflow.claim]);
    expect(sortVerdicts([confirmed], [], { confirmations: true }).proposals).toHaveLength(1);
  });

  it('one diff per verdict that git apply takes: the entry gone, its own mark replaced, the rule dropped, comments kept, lint rule satisfied, the key redacted', async () => {
    const root = copySpec();
    const redact = (text: string): string => text.split('s3cret-key-123').join('[REDACTED]');
    const { diff, files, hunks } = await propose({ proposals: [pageVerdict, keyVerdict], specPath: 'openapi/openapi.yaml', origin: 'https://api.example.test', date: '2026-12-07', redact, root });
    expect(hunks.map((h: { file: string }) => h.file)).toEqual(['openapi/components/parameters/Page.yaml', 'openapi/components/schemas/NewPartnerReferralLink.yaml']);
    expect(diff.match(/^verdict: contradicted inferred claim/gm)).toHaveLength(2);
    expect(diff).not.toContain('s3cret-key-123');
    expect(diff).toContain('[REDACTED]');
    // Nothing written yet: git apply takes the diff in the copy.
    expect(readFileSync(join(root, 'openapi/components/parameters/Page.yaml'), 'utf8')).toBe(readFileSync(join(repo, 'openapi/components/parameters/Page.yaml'), 'utf8'));
    writeFileSync(join(root, 'p.diff'), diff);
    execFileSync('git', ['apply', 'p.diff'], { cwd: root });
    for (const [file, { after }] of files) expect(readFileSync(file, 'utf8')).toBe(after);

    const page = parse(readFileSync(join(root, 'openapi/components/parameters/Page.yaml'), 'utf8'));
    expect(page['x-partnero-inferred']).toBeUndefined();
    expect(page.schema.minimum).toBeUndefined();
    expect(page.schema.default).toBe(1);
    expect(page.description).toContain('(not so: observed 2026-12-07 at https://api.example.test, see below)');
    expect(page.description).toMatch(/Observed on 2026-12-07 against https:\/\/api\.example\.test by `npm run contract`:\s+negative_data_rejection: GET/);
    expect(inferredProblems(page)).toEqual([]);

    const text = readFileSync(join(root, 'openapi/components/schemas/NewPartnerReferralLink.yaml'), 'utf8');
    const key = parse(text).properties.key;
    expect(key.maxLength).toBeUndefined();
    expect(key.pattern).toBeDefined();
    // The third claim's mark (the key rules) is the one replaced; the two before stay inferred.
    expect(key['x-partnero-inferred'].map((e: { claim: string }) => e.claim)).toEqual([
      'Keys are unique across the program (partner and customer links alike), not only per owner.',
      'The answer may carry the key in another letter case than was sent (keys are not case sensitive).',
    ]);
    expect(key.description).toMatch(/Keys are unique across the program \*\*\[inferred\]\*\*/);
    expect(key.description).toMatch(/that the API\s+applies the same ones is \(not so: observed/);
    expect(inferredProblems(key)).toEqual([]);
    expect(text).toContain('# anyOf rather than a list of types');
    expect(text).toContain('# npm run contract, 2026-12-07, https://api.example.test: contradicted: The API applies');
  });

  it('with --confirmations a confirmed claim becomes an observation, with no rule changed', async () => {
    const root = copySpec();
    const { files } = await propose({ proposals: [{ ...pageVerdict, verdict: 'confirmed', changes: undefined, evidence: 'page 0 answered 422' }], specPath: 'openapi/openapi.yaml', origin: 'https://api.example.test', date: '2026-12-07', root });
    const page = parse([...files.values()][0]?.after ?? '');
    expect(page.schema.minimum).toBe(1);
    expect(page['x-partnero-inferred']).toBeUndefined();
    expect(page.description).toContain('(observed 2026-12-07 at https://api.example.test)');
    expect(page.description).not.toContain('not so');
    expect(inferredProblems(page)).toEqual([]);
  });
});
