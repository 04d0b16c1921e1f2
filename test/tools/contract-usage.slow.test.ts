// `npm run contract` without a server: usage errors (the client's own base-URL rules), advice
// that names only flags the tool has, and the reports' escaping and redaction. Slow for its many
// runs of the script (about 20 s of CPU in all). Runs against servers are in
// contract.slow.test.ts and test/sandbox/conformance.slow.test.ts.
import { describe, expect, it } from 'vitest';
import { FLAGS, USAGE } from '../../scripts/contract/args.mjs';
import { CHECK_NAMES } from '../../scripts/contract/checks/index.mjs';
import { allowedString, generator, negativeStrings, positiveKeys } from '../../scripts/contract/cases.mjs';
import { clientModules } from '../../scripts/contract/client-modules.mjs';
import { junit, json } from '../../scripts/contract/report.mjs';
import { createObservations, judgeInferences } from '../../scripts/contract/verdicts.mjs';
import { runNode } from './support/processes.js';

const API_KEY = 'test-key-4f9c2b7e';
const contract = (args: string[], key = API_KEY): ReturnType<typeof runNode> => runNode('scripts/contract.mjs', args, { ...process.env, PARTNERO_API_KEY: key });

describe('npm run contract: usage', () => {
  it.concurrent.each([
    ['http://127.0.0.1:4011/v1', 'must not end in /v1'],
    ['http://127.0.0.1:4011/#x', 'fragment'],
    ['http://127.0.0.1:4011/?', 'a query'],
    ['http://staging.example', 'plain http to staging.example'],
    ['ftp://127.0.0.1', 'must use https'],
  ])('refuses --base-url %s as the client refuses it (exit 2, nothing sent)', async (url, message) => {
    const { code, output } = await contract(['--base-url', url]);
    expect(code).toBe(2);
    expect(output).toMatch(/^contract: --base-url /m);
    expect(output).toContain(message);
    expect(output).not.toContain(API_KEY);
  });

  it('is a usage error without --base-url, without a key, --writes without an owner, an unknown check or report format', async () => {
    const [none, noKey, writes, check, report] = await Promise.all([
      contract([]),
      contract(['--base-url', 'http://127.0.0.1:9'], ''),
      contract(['--base-url', 'http://127.0.0.1:9', '--writes']),
      contract(['--base-url', 'http://127.0.0.1:9', '--checks', 'not_a_check']),
      contract(['--base-url', 'http://127.0.0.1:9', '--report', 'out.txt']),
    ]);
    expect([none.code, none.output.includes('--base-url is required')]).toEqual([2, true]);
    expect([noKey.code, noKey.output.includes('PARTNERO_API_KEY')]).toEqual([2, true]);
    expect([writes.code, writes.output.includes('--writes creates and deletes links: name the owner they may belong to with --partner-id')]).toEqual([2, true]);
    expect(check.code).toBe(2);
    expect(check.output).toContain(`--checks takes names from: ${CHECK_NAMES.join(', ')}; got not_a_check`);
    expect([report.code, report.output.includes('give a file ending in .json or .xml')]).toEqual([2, true]);
  });

  it('never advises a flag it does not have: every --flag in its usage text and messages is in its flag table', async () => {
    const outputs = [USAGE, (await contract(['--base-url', 'http://127.0.0.1:9', '--writes'])).output, (await contract(['--list-checks'])).output];
    const mentioned = new Set(outputs.join('\n').match(/--[a-z][a-z-]+/g));
    for (const name of mentioned) expect(Object.keys(FLAGS), name).toContain(name.slice(2));
    expect(mentioned.has('--customer-link-id')).toBe(false);
  });

  it('lists every check of its registry with --list-checks', async () => {
    const { code, output } = await contract(['--list-checks']);
    expect(code).toBe(0);
    for (const name of CHECK_NAMES) expect(output).toMatch(new RegExp(`^${name} `, 'm'));
  });
});

describe('npm run contract: reports', () => {
  // A key full of XML, JSON and URL metacharacters: no escaping of it may survive redaction.
  const key = `a'b"c<d>e&f\\g%h+i j'k`;
  const escapings = (text: string): string[] => [
    text,
    JSON.stringify(text).slice(1, -1),
    encodeURIComponent(text),
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;'),
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
  ];
  const result = {
    baseUrl: 'http://127.0.0.1:1',
    spec: 'openapi/openapi.yaml',
    seed: 1,
    kept: false,
    requests: { sent: 1, budget: 1 },
    checks: [{ name: 'not_a_server_error', verifies: 'x', ran: true }],
    findings: escapings(key).map((form, i) => ({ check: 'not_a_server_error', operationId: 'op', request: `GET /x${i}`, expected: 'an answer', came: `500 (echoed ${form})` })),
    inferences: [{ claim: `c ${key}`, verdict: 'contradicted', file: 'openapi/x.yaml', pointer: '#/x', evidence: key, edit: 'e' }],
    cleanup: [],
  };
  const decodeXml = (text: string): string =>
    text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (_, name: string, dec?: string, hex?: string) =>
      dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name] ?? '',
    );

  it("writes no form of a key holding ' < > & \" \\ % + into the JUnit XML, however escaped, even once the XML is decoded", async () => {
    const { redactSecret } = await clientModules();
    const text = redactSecret(junit(result, (t) => redactSecret(t, key)), key);
    for (const form of escapings(key)) expect(text).not.toContain(form);
    for (const form of escapings(key)) expect(decodeXml(text)).not.toContain(form);
    expect(text).toContain('[REDACTED]');
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="npm run contract" seed="1">/);
    expect(text).toContain('<testsuite name="inferences" tests="1" failures="1"');
  });

  it('writes no form of that key into the JSON report', async () => {
    const { redactSecret } = await clientModules();
    const text = redactSecret(json(result, (t) => redactSecret(t, key)), key);
    for (const form of escapings(key)) expect(text).not.toContain(form);
    expect(JSON.stringify(JSON.parse(text))).not.toContain(key);
  });
});

describe('npm run contract: cases', () => {
  const keySchema = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' };

  it('makes the same cases from the same --seed, other cases from another', () => {
    const prefix = 'contract-1-abcdef-';
    const a = positiveKeys(keySchema, prefix, generator(7));
    expect(positiveKeys(keySchema, prefix, generator(7))).toEqual(a);
    expect(generator(7).base.slice(-6)).toBe(generator(7).base.slice(-6));
    const others = [8, 9, 10].map((seed) => JSON.stringify(positiveKeys(keySchema, prefix, generator(seed))));
    expect(others.some((other) => other !== JSON.stringify(a))).toBe(true);
  });

  it('takes its edges from the schema: allowed keys at the edges are allowed, forbidden ones forbidden, all on the throwaway prefix', () => {
    const prefix = 'contract-1-abcdef-';
    const good = positiveKeys(keySchema, prefix, generator(1));
    expect(good.map((k) => k.label)).toEqual(expect.arrayContaining(['a key with . - _ and upper case', 'a key of 64 characters (the most allowed)']));
    for (const key of good) {
      expect(allowedString(keySchema, key.value), key.value).toBe(true);
      expect(key.value.startsWith(prefix)).toBe(true);
    }
    const bad = negativeStrings(keySchema, prefix);
    expect(bad.map((k) => k.label)).toEqual(['an empty string (minLength 1)', '65 characters (maxLength 64)', 'a character the pattern refuses (" ")']);
    for (const key of bad) expect(allowedString(keySchema, key.value), key.value).toBe(false);
  });
});

describe('npm run contract: verdicts', () => {
  const op = '#/paths/~1v1~1links/post';
  const inference = (pointer: string, check?: string) => ({ id: pointer, pointer, claim: `claim at ${pointer}`, file: 'openapi/paths/v1_links.yaml', ...(check ? { check } : {}) });
  const all = { selected: () => true };

  it('confirms with evidence, contradicts with what came and the file to edit, or says not exercised', () => {
    const observations = createObservations();
    observations.add('#/components/parameters/Page', 'negative_data_rejection', true, 'page 0 answered 422');
    observations.add('#/components/schemas/Link/properties/url', 'response_schema_conformance', false, 'data[0].url broke it');
    const findings = [{ check: 'response_schema_conformance', pointers: ['#/components/schemas/Link/properties/url'], request: 'GET /v1/links', expected: 'uri', came: '"x" (string)', edit: 'loosen #/components/schemas/Link/properties/url' }];
    const [page, url, none] = judgeInferences([inference('#/components/parameters/Page'), inference('#/components/schemas/Link/properties/url'), inference('#/components/headers/RetryAfter')], observations, findings, all);
    expect(page).toMatchObject({ verdict: 'confirmed', evidence: 'negative_data_rejection: page 0 answered 422' });
    expect(url?.verdict).toBe('contradicted');
    expect(url?.evidence).toContain('GET /v1/links: expected uri, came "x" (string)');
    expect(url?.edit).toContain('in openapi/paths/v1_links.yaml, at #/components/schemas/Link/properties/url: loosen');
    expect(none).toMatchObject({ verdict: 'not exercised' });
  });

  it('gives what is observed inside an element with claims of its own to those claims, not to a claim on the element around it', () => {
    const observations = createObservations();
    observations.add('#/components/schemas/NewLink/properties/key', 'negative_data_rejection', false, 'a 65-character key was accepted');
    observations.add('#/components/schemas/NewLink/properties/domain_id', 'negative_data_rejection', true, 'domain_id 8 answered 422');
    const [body, key] = judgeInferences([inference('#/components/schemas/NewLink'), inference('#/components/schemas/NewLink/properties/key')], observations, [], all);
    expect(key?.verdict).toBe('contradicted');
    // The body's claim is judged by domain_id, which has no claim of its own, and not by the key's rule.
    expect(body).toMatchObject({ verdict: 'confirmed', evidence: 'negative_data_rejection: domain_id 8 answered 422' });
  });

  it("takes only its check's evidence when the entry names one, and judges an operation by what was seen of it, not by the answers inside it", () => {
    const observations = createObservations();
    observations.add(`${op}/responses/422`, 'status_code_conformance', true, 'POST answered 422');
    observations.add('#/components/parameters/SearchKey', 'search_conformance', true, 'key=a found 1');
    const [operation, wrongCheck, rightCheck] = judgeInferences(
      [inference(op), inference('#/components/parameters/SearchKey', 'key_uniqueness'), inference('#/components/parameters/SearchKey', 'search_conformance')],
      observations,
      [],
      all,
    );
    expect(operation?.verdict).toBe('not exercised');
    expect(wrongCheck?.verdict).toBe('not exercised');
    expect(rightCheck?.verdict).toBe('confirmed');
    observations.add(op, 'use_after_free', false, 'the old id answered 200');
    expect(judgeInferences([inference(op)], observations, [], all)[0]?.verdict).toBe('contradicted');
    expect(judgeInferences([inference(op, 'use_after_free')], observations, [], { selected: () => false })[0]?.evidence).toBe('its check use_after_free did not run');
  });
});
