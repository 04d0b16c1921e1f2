// `npm run contract` (scripts/contract.mjs) against servers on 127.0.0.1: the sandbox (which keeps
// the contract), the sandbox behind a filter of this test's own that spoils or records what
// passes, and small servers that answer as a misconfigured Partnero might.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../scripts/lib/sandbox.mjs';
import { runNode } from './support/processes.js';

const API_KEY = 'test-key-4f9c2b7e'; // Must never be printed.

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
type Filter = (req: IncomingMessage, body: Buffer) => { status: number; body: string; type?: string } | undefined;

/** A server that passes every request on to `target` unless `filter` answers it, and records them all. */
function relay(target: () => string, filter?: Filter): { server: Server; requests: { method: string; url: string; authorization?: string }[] } {
  const requests: { method: string; url: string; authorization?: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', url: req.url ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      const own = filter?.(req, body);
      if (own) {
        res.writeHead(own.status, { 'content-type': own.type ?? 'application/json' }).end(own.body);
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
      fetch(target() + (req.url ?? '/'), { method: req.method ?? 'GET', headers, body: body.length && req.method !== 'GET' ? body : null })
        .then(async (upstream) => {
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(await upstream.text());
        })
        .catch(() => res.writeHead(502).end());
    });
  });
  return { server, requests };
}

/** A server that answers every request with the same thing. */
function fixed(status: number, type: string, body: string | ((req: IncomingMessage) => string)): Server {
  return createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(status, { 'content-type': type }).end(typeof body === 'string' ? body : body(req)));
  });
}

let sandbox: Sandbox;
const recorded = relay(() => sandbox.url);
// Renaming fails with a 500 here: the workflow stops between create and delete.
const renameFails = relay(
  () => sandbox.url,
  (req) => (req.method === 'PUT' ? { status: 500, body: JSON.stringify({ message: 'Server Error', status: 0 }) } : undefined),
);
const html = fixed(502, 'text/html', '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>');
const statusZero = fixed(200, 'application/json', JSON.stringify({ data: [], status: 0 }));
// A careless server that quotes the Authorization header it got, JSON-escaped, and the path percent-encoded.
const echo = fixed(401, 'application/json', (req) =>
  JSON.stringify({ message: `Invalid API key ${req.headers.authorization ?? ''} at ${encodeURIComponent(req.headers.authorization ?? '')}`, status: 0 }),
);
const servers = [recorded.server, renameFails.server, html, statusZero, echo];

const urlOf = (server: Server): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  for (const server of servers) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dir = await mkdtemp(join(tmpdir(), 'partnero-contract-test-'));
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

const contract = (args: string[], key = API_KEY): ReturnType<typeof runNode> =>
  runNode('scripts/contract.mjs', args, { ...process.env, PARTNERO_API_KEY: key });

describe('npm run contract', () => {
  it('passes against the sandbox, every call sent with the key, and writes a JSON report', async () => {
    const report = join(dir, 'report.json');
    const { code, output } = await contract(['--base-url', urlOf(recorded.server), '--report', report]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/✔ GET \/v1\/partners\/partner_123\/referral_links\?limit=1&page=2/);
    expect(output).toMatch(/Contract kept: \d+ calls, no violation/);
    expect(recorded.requests.length).toBeGreaterThan(10);
    expect(recorded.requests.every((req) => req.authorization === `Bearer ${API_KEY}`)).toBe(true);
    expect(output).not.toContain(API_KEY);
    const written = JSON.parse(await readFile(report, 'utf8')) as { kept: boolean; reads: { status: string }[] };
    expect(written.kept).toBe(true);
    expect(written.reads.length).toBe(recorded.requests.length);
    expect(written.reads.every((read) => read.status === 'passed')).toBe(true);
  });

  it('fails against a sandbox that drops data.url, naming the field once for all the items of a page', async () => {
    const broken = await startSandbox({ port: 0, breakField: 'data.url' });
    try {
      const report = join(dir, 'broken.xml');
      const { code, output } = await contract(['--base-url', broken.url, '--report', report]);
      expect(code, output).toBe(1);
      expect(output).toContain('response body data[0].url: expected a required field, came nothing (data[0] has id, key, default,');
      expect(output).toContain('response body data.url: expected a required field, came nothing');
      expect(output).toMatch(/response body data\[\*\]\.url: expected a required field, came nothing \(in \d+ items\)/);
      expect(output).toMatch(/Contract broken: \d+ calls, \d+ failed\./);
      const xml = await readFile(report, 'utf8');
      expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites/);
      expect(xml).toMatch(/<testsuite name="reads of openapi\/openapi.yaml" tests="\d+" failures="[1-9]\d*"/);
      expect(xml).toContain('<failure message="response body data.url: expected a required field');
    } finally {
      await broken.close();
    }
  });

  it('says that a status of 0 breaks the spec, which expects 1', async () => {
    const { code, output } = await contract(['--base-url', urlOf(statusZero)]);
    expect(code).toBe(1);
    expect(output).toContain('response body status: the spec expects 1, came 0 (number)');
    expect(output).not.toContain('equal to constant');
  });

  it('describes an HTML answer once, and a failure every call shares once with the count', async () => {
    const { code, output } = await contract(['--base-url', urlOf(html)]);
    expect(code).toBe(1);
    const sentence = 'response: an HTML page (status 502, text/html) where the spec expects JSON (titled "502 Bad Gateway")';
    expect(output.split(sentence).length - 1).toBe(1);
    expect(output).toMatch(/✖ (\d+) calls failed the same way:/);
    expect(output).not.toContain('<html');
  });

  it('says once, with the count, that the server cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = urlOf(closed);
    await new Promise((resolve) => closed.close(resolve));
    const { code, output } = await contract(['--base-url', url]);
    expect(code).toBe(1);
    expect(output.split('ECONNREFUSED').length - 1).toBe(1);
    const count = Number(/✖ (\d+) calls failed the same way:\n {4}could not reach/.exec(output)?.[1]);
    expect(count).toBeGreaterThan(10);
    expect(output).toContain(`Contract broken: ${count} calls, ${count} failed.`);
  });

  it('fails when the server refuses the key or does not know the partner, and says why', async () => {
    const refused = await contract(['--base-url', urlOf(echo)], 'wrong-key-8d1e');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('got 401 (Invalid API key Bearer *** at Bearer%20***); is PARTNERO_API_KEY right');
    expect(refused.output).not.toContain('wrong-key-8d1e');
    const unknown = await contract(['--base-url', sandbox.url, '--partner-id', 'partner_999']);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('does partner partner_999 exist there? (--partner-id)');
  });

  it.each([
    ['with a backslash and a quote', 'k\\e"y-with-escapes-1'],
    ['of 3 characters', 'q7z'],
    ['with spaces and a percent sign', 'a key 100%'],
  ])('never prints a key %s, however the server escapes it', async (_, key) => {
    const { output } = await contract(['--base-url', urlOf(echo)], key);
    expect(output).toContain('got 401');
    for (const form of [key, JSON.stringify(key).slice(1, -1), encodeURIComponent(key), encodeURIComponent(`Bearer ${key}`)]) {
      expect(output).not.toContain(form);
    }
  });

  it('with --writes runs the workflows on throwaway keys and deletes what a failed step left behind', async () => {
    const report = join(dir, 'writes.json');
    const { code, output } = await contract(
      ['--base-url', urlOf(renameFails.server), '--writes', '--partner-id', 'partner_123', '--report', report],
    );
    expect(code, output).toBe(1);
    expect(output).toMatch(/on keys contract-\d{13}-[0-9a-f]{6}-\*/);
    expect(output).toMatch(/✖ renameLink PUT \/v1\/partner_referral_links\/contract-\d+-[0-9a-f]+-p/);
    expect(output).toContain('- getOldId (not run: an earlier step failed)');
    expect(output).toMatch(/✔ clean-up: partnerLinks link contract-\d+-[0-9a-f]+-p deleted \(a step had left it behind\)/);
    expect(output).toContain('(skipped openapi/workflows/customer-links.arazzo.yaml: needs --customer-id)');
    expect(sandbox.state.links.filter((link: { key: string }) => link.key.startsWith('contract-'))).toEqual([]);
    const written = JSON.parse(await readFile(report, 'utf8')) as { kept: boolean; writes: { cleanup: { key: string }[] } };
    expect(written.kept).toBe(false);
    expect(written.writes.cleanup).toHaveLength(1);
  });

  it('is a usage error (exit 2) without --base-url, without a key, --writes without an owner, or an unknown report format', async () => {
    const noUrl = await contract([]);
    expect(noUrl.code).toBe(2);
    expect(noUrl.output).toContain('usage: npm run contract -- --base-url URL');
    const noKey = await contract(['--base-url', sandbox.url], '');
    expect(noKey.code).toBe(2);
    expect(noKey.output).toContain('PARTNERO_API_KEY');
    const writes = await contract(['--base-url', sandbox.url, '--writes']);
    expect(writes.code).toBe(2);
    expect(writes.output).toContain('--writes creates and deletes links: name the owner they may belong to with --partner-id');
    const report = await contract(['--base-url', sandbox.url, '--report', 'out.txt']);
    expect(report.code).toBe(2);
    expect(report.output).toContain('give a file ending in .json or .xml');
  });

  it('refuses plain http to a host other than loopback, before sending the key anywhere', async () => {
    const insecure = await contract(['--base-url', 'http://staging.example']);
    expect(insecure.code).toBe(2);
    expect(insecure.output).toContain('--base-url uses plain http to staging.example');
    expect(insecure.output).not.toContain(API_KEY);
  });
});
