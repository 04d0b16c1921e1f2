// The keeper's loop of issue 27, in copies of the project: `npm run contract --propose` against a
// server that departs from the spec, the diff applied (git apply, or --apply), the spec linted,
// the client regenerated and type-checked, the client's own checks following the new schema,
// and the same run again. Against the sandbox's --departs modes and against the contract tests'
// own fake (test/tools/support/conforming-partnero.ts, not the sandbox). An inferred departure
// closes the loop (the rerun is kept); a documented or data-guarding one is never patched away
// (no proposal touches it, the rerun still fails).
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../scripts/lib/sandbox.mjs';
import { CHECKS } from '../../scripts/contract/checks/index.mjs';
import { startConformingFake, type Break } from './support/conforming-partnero.js';

const repo = new URL('../../', import.meta.url).pathname;
const copies: string[] = [];
afterAll(() => {
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

/** A copy of the project (node_modules linked). */
function copyProject(): string {
  const copy = mkdtempSync(join(tmpdir(), 'partnero-contract-loop-'));
  copies.push(copy);
  for (const entry of ['openapi', 'scripts', 'src', 'spec-baseline', 'redocly.yaml', 'tsconfig.json', 'tsconfig.build.json', 'package.json']) {
    cpSync(join(repo, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

function run(cwd: string, file: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', ...env }, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

const KEY = 'sandbox-key';
/** A loop runs the tool twice, lint, the generator and tsc: a minute or more on a loaded 2-core machine. */
const LOOP_TIMEOUT = 300_000;
/** Every check but the workflows (redocly respect: seconds, and their files are the repository's) and those needing a flag of their own. */
const CHECK_LIST = CHECKS.filter((c) => c.name !== 'arazzo_workflows' && !c.optIn).map((c) => c.name).join(',');

interface Report {
  kept: boolean;
  inferences: { claim: string; verdict: string; file: string }[];
  proposals?: { claim: string; file: string; changed: string[] }[];
  departures?: { check: string; claim: string; evidence: string }[];
}

async function contract(copy: string, url: string, name: string, extra: string[]): Promise<{ code: number; output: string; report: Report }> {
  const report = join(copy, `${name}.json`);
  // A server that takes any key (today's sandbox; after the merge it answers 401 to any key but
  // its own) is run with --accepts-any-key; one that checks keys, without.
  const wrong = await fetch(`${url}/v1/partners/partner_123/referral_links`, { headers: { authorization: 'Bearer not-the-key' } });
  const anyKey = wrong.status === 401 ? [] : ['--accepts-any-key'];
  const { code, output } = await run(copy, process.execPath, ['scripts/contract.mjs', '--base-url', url, ...anyKey, '--writes', '--partner-id', 'partner_123', '--customer-id', 'customer_123', '--rate', '1000', '--seed', '9', '--checks', CHECK_LIST, '--report', report, ...extra], { PARTNERO_API_KEY: KEY });
  const text = (() => {
    try {
      return readFileSync(report, 'utf8');
    } catch {
      throw new Error(`no report (exit ${code}):\n${output}`);
    }
  })();
  return { code, output, report: JSON.parse(text) as Report };
}

/** The copy's client (its src/, bundled as it stands), creating a partner link with `key` against `url`: undefined when sent and accepted, else the error's message. */
async function clientCreate(copy: string, url: string, key: string): Promise<string | undefined> {
  const result = await build({
    stdin: { contents: `export { createPartneroClient } from './src/index.ts';`, resolveDir: copy, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const { createPartneroClient } = (await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0]?.text ?? '').toString('base64')}`)) as {
    createPartneroClient: (options: { apiKey: string; baseUrl: string }) => { partnerLinks: { create: (body: object) => Promise<unknown>; delete: (id: string) => Promise<unknown> } };
  };
  const client = createPartneroClient({ apiKey: KEY, baseUrl: url });
  try {
    await client.partnerLinks.create({ partner: { id: 'partner_123' }, key });
    await client.partnerLinks.delete(key);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The loop for an inferred departure; `write` applies the proposal by git apply or by --apply. */
async function inferredLoop(url: string, write: 'git apply' | '--apply', expected: RegExp[]): Promise<void> {
  const copy = copyProject();
  const longKey = `loop-${'x'.repeat(70)}`;
  // Before: the client refuses a key the spec forbids, naming the field, before sending.
  expect(await clientCreate(copy, url, longKey)).toMatch(/key/);
  // The spec before, bundled: what check:breaking compares the patched spec with.
  const bundled = await run(copy, process.execPath, ['scripts/lib/redocly.mjs', 'bundle', 'openapi/openapi.yaml', '-o', 'before.yaml']);
  expect(bundled.code, bundled.output).toBe(0);
  const patch = join(copy, 'proposal.diff');
  const first = await contract(copy, url, 'first', write === '--apply' ? ['--apply', '--propose', patch] : ['--propose', patch]);
  expect(first.code, first.output).toBe(1);
  const claims = (first.report.proposals ?? []).map((p) => `${p.file}: ${p.claim}`);
  for (const pattern of expected) expect(claims.join('\n'), first.output).toMatch(pattern);
  const diff = readFileSync(patch, 'utf8');
  // One diff per verdict, each after its claim and evidence.
  expect(diff.match(/^verdict: /gm)?.length).toBe(first.report.proposals?.length);
  expect(diff.match(/^--- a\/openapi\//gm)?.length).toBe(first.report.proposals?.length);
  expect(diff).toMatch(/^ {2}evidence: .*answered|came \d{3}/m);
  expect(diff).not.toContain(KEY);
  if (write === 'git apply') {
    expect((await run(copy, 'git', ['apply', '--check', patch])).code).toBe(0);
    expect((await run(copy, 'git', ['apply', patch])).code).toBe(0);
  } else {
    // --apply wrote the same edits: the patch no longer applies, and applies in reverse.
    expect((await run(copy, 'git', ['apply', '--check', '--reverse', patch])).code).toBe(0);
  }
  // The comments of an edited file that the edit does not concern stay where they were.
  const partner = readFileSync(join(copy, 'openapi/components/schemas/NewPartnerReferralLink.yaml'), 'utf8');
  expect(partner).toContain('# anyOf rather than a list of types');
  const lint = await run(copy, process.execPath, ['scripts/lib/redocly.mjs', 'lint', '--format=stylish']);
  expect(lint.code, lint.output).toBe(0);
  const generated = await run(copy, process.execPath, ['scripts/generate.mjs']);
  expect(generated.code, generated.output).toBe(0);
  const tsc = await run(copy, process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--noEmit']);
  expect(tsc.code, tsc.output).toBe(0);
  // After: the client follows the loosened rule and sends the key; the server takes it.
  expect(await clientCreate(copy, url, longKey)).toBeUndefined();
  const again = await contract(copy, url, 'again', ['--propose', join(copy, 'again.diff')]);
  expect(again.report.inferences.filter((i) => i.verdict === 'contradicted'), again.output).toEqual([]);
  expect(again.code, again.output).toBe(0);
  expect(readFileSync(join(copy, 'again.diff'), 'utf8')).toBe('');
  // check:breaking says what the patch means for clients: loosened request rules break none.
  const breaking = await run(copy, process.execPath, ['scripts/check-breaking.mjs', '--base', 'before.yaml', '--verbose']);
  expect(breaking.code, breaking.output).toBe(0);
  expect(breaking.output).toMatch(/properties\/key · maxLength/);
  expect(breaking.output).toMatch(/parameters\/\d+\/schema · minimum/);
  expect(breaking.output).toMatch(/^0 major, /m);
}

/** The loop for a departure the tool must never patch: nothing proposed touches it, and the rerun still fails. */
async function guardedLoop(url: string, untouched: string[], departures: RegExp[]): Promise<void> {
  const copy = copyProject();
  const before = untouched.map((file) => readFileSync(join(copy, file), 'utf8'));
  const first = await contract(copy, url, 'first', ['--apply', '--propose', join(copy, 'proposal.diff')]);
  expect(first.code, first.output).toBe(1);
  for (const departure of departures) expect((first.report.departures ?? []).map((d) => `${d.check}: ${d.evidence}`).join('\n'), first.output).toMatch(departure);
  expect(first.output).toContain('Never patched: the server departs from its documentation');
  untouched.forEach((file, i) => expect(readFileSync(join(copy, file), 'utf8'), file).toBe(before[i]));
  const again = await contract(copy, url, 'again', []);
  expect(again.code, again.output).toBe(1);
  expect(again.report.kept).toBe(false);
}

describe('the contract loop against the sandbox --departs', () => {
  it('key-rules and page-zero (inferred): the proposal, applied with git apply, closes the loop', async () => {
    const sandbox = await startSandbox({ port: 0, departs: ['key-rules', 'page-zero'] });
    try {
      await inferredLoop(sandbox.url, 'git apply', [/Page\.yaml: Page numbers start at 1/, /NewPartnerReferralLink\.yaml: The API applies the portal's key rules/, /NewCustomerReferralLink\.yaml: The API applies/, /ReferralLinkRename\.yaml: The API applies/]);
    } finally {
      await sandbox.close();
    }
  }, LOOP_TIMEOUT);

  it('limit-cap (documented) and case-sensitive-keys (data-guarding): never patched, the rerun still fails', async () => {
    const sandbox = await startSandbox({ port: 0, departs: ['limit-cap', 'case-sensitive-keys'] });
    try {
      await guardedLoop(
        sandbox.url,
        ['openapi/components/parameters/Limit.yaml', 'openapi/components/schemas/NewPartnerReferralLink.yaml', 'openapi/components/parameters/SearchKey.yaml'],
        [/^positive_data_acceptance: .*limit=250/m, /^key_uniqueness: /m],
      );
    } finally {
      await sandbox.close();
    }
  }, LOOP_TIMEOUT);
});

describe('the contract loop against an independent fake', () => {
  it('any-key-rules and page-zero (inferred): --apply closes the loop', async () => {
    const fake = await startConformingFake(KEY, ['any-key-rules', 'page-zero'] satisfies Break[]);
    try {
      await inferredLoop(fake.url, '--apply', [/Page\.yaml: Page numbers start at 1/, /NewPartnerReferralLink\.yaml: The API applies the portal's key rules/, /ReferralLinkRename\.yaml: The API applies/]);
    } finally {
      await fake.close();
    }
  }, LOOP_TIMEOUT);

  it('limit-out-of-range (documented) and case-sensitive-keys (data-guarding): never patched, the rerun still fails', async () => {
    const fake = await startConformingFake(KEY, ['limit-out-of-range', 'case-sensitive-keys'] satisfies Break[]);
    try {
      await guardedLoop(fake.url, ['openapi/components/parameters/Limit.yaml', 'openapi/components/schemas/NewPartnerReferralLink.yaml', 'openapi/components/parameters/SearchKey.yaml'], [/^negative_data_rejection: .*limit=251/m, /^key_uniqueness: /m]);
    } finally {
      await fake.close();
    }
  }, LOOP_TIMEOUT);
});
