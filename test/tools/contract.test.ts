// `npm run contract`, the fast part: usage errors (the client's own base-URL rules), advice that
// names only flags the tool has, and the reports' escaping and redaction. Runs against servers
// are in contract.slow.test.ts and test/sandbox/conformance.slow.test.ts.
import { describe, expect, it } from 'vitest';
import { FLAGS, USAGE } from '../../scripts/contract/args.mjs';
import { CHECK_NAMES } from '../../scripts/contract/checks/index.mjs';
import { clientModules } from '../../scripts/contract/client-modules.mjs';
import { junit, json } from '../../scripts/contract/report.mjs';
import { runNode } from './support/processes.js';

const API_KEY = 'test-key-4f9c2b7e';
const contract = (args: string[], key = API_KEY): ReturnType<typeof runNode> => runNode('scripts/contract.mjs', args, { ...process.env, PARTNERO_API_KEY: key });

describe('npm run contract: usage', () => {
  it.each([
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
    expect((await contract([])).output).toContain('--base-url is required');
    const noKey = await contract(['--base-url', 'http://127.0.0.1:9'], '');
    expect([noKey.code, noKey.output.includes('PARTNERO_API_KEY')]).toEqual([2, true]);
    const writes = await contract(['--base-url', 'http://127.0.0.1:9', '--writes']);
    expect([writes.code, writes.output.includes('--writes creates and deletes links: name the owner they may belong to with --partner-id')]).toEqual([2, true]);
    const check = await contract(['--base-url', 'http://127.0.0.1:9', '--checks', 'not_a_check']);
    expect(check.code).toBe(2);
    expect(check.output).toContain(`--checks takes names from: ${CHECK_NAMES.join(', ')}; got not_a_check`);
    const report = await contract(['--base-url', 'http://127.0.0.1:9', '--report', 'out.txt']);
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
