// `npm run contract` (scripts/contract.mjs) against two fake Partnero servers of this test's own,
// on 127.0.0.1: one keeps the contract, one breaks it.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { link } from '../../scripts/lib/fixtures.mjs';
import { runNode } from './support/processes.js';

const API_KEY = 'test-key-4f9c2b7e'; // Must never be printed.

type Link = Omit<ReturnType<typeof link>, 'url' | 'default'> & { url?: string; default: boolean | string };

const links: Link[] = Array.from({ length: 3 }, (_, i) => link(i + 1));

/** A paginating server like Partnero's; `breakLink` spoils every link it sends. */
function fakePartnero(breakLink?: (link: Link) => Link): { server: Server; requests: IncomingMessage[] } {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${API_KEY}`) return send(401, { message: 'Unauthenticated.', status: 0 });
    if (url.pathname !== '/v1/partners/partner_123/referral_links') return send(404, { message: 'Partner not found.', status: 0 });
    const limit = Number(url.searchParams.get('limit') ?? 15);
    const page = Number(url.searchParams.get('page') ?? 1);
    const data = links.slice((page - 1) * limit, page * limit).map(breakLink ?? ((link) => link));
    const base = `http://${req.headers.host}${url.pathname}`;
    send(200, {
      data,
      links: { first: `${base}?page=1`, last: null, prev: page > 1 ? `${base}?page=${page - 1}` : null, next: null },
      meta: { current_page: page, from: data.length ? (page - 1) * limit + 1 : null, to: data.length ? (page - 1) * limit + data.length : null, per_page: limit, path: base },
      status: 1,
    });
  });
  return { server, requests };
}

const good = fakePartnero();
const broken = fakePartnero(({ url: _url, ...link }) => ({ ...link, default: 'yes' }));

const urlOf = (server: Server): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

beforeAll(async () => {
  for (const { server } of [good, broken]) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  for (const { server } of [good, broken]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const contract = (args: string[], key = API_KEY): ReturnType<typeof runNode> =>
  runNode('scripts/contract.mjs', args, { ...process.env, PARTNERO_API_KEY: key });

describe('npm run contract', () => {
  it('passes against a server that keeps the contract, having sent every call through with the key', async () => {
    const { code, output } = await contract(['--base-url', urlOf(good.server)]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/✔ GET \/v1\/partners\/partner_123\/referral_links\?limit=1&page=2/);
    expect(output).toContain('Contract kept: 5 calls');
    expect(good.requests.length).toBe(5);
    expect(good.requests.every((req) => req.headers.authorization === `Bearer ${API_KEY}`)).toBe(true);
    expect(output).not.toContain(API_KEY);
  });

  it('fails against a server that drops url and sends "yes" for default, naming both fields', async () => {
    const { code, output } = await contract(['--base-url', urlOf(broken.server)]);
    expect(code, output).toBe(1);
    expect(output).toContain('response body data[0].url: expected a required field, came nothing');
    expect(output).toContain('response body data[0].default: expected boolean, came "yes" (string)');
    // Page 2 of 15 is empty here, so nothing in it can break the contract.
    expect(output).toContain('Contract broken: 4 of 5 calls failed');
    expect(output).not.toContain(API_KEY);
  });

  it('fails when the server refuses the key or does not know the partner, and says why', async () => {
    const refused = await contract(['--base-url', urlOf(good.server)], 'wrong-key-8d1e');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('got 401 (Unauthenticated.); is PARTNERO_API_KEY right');
    expect(refused.output).not.toContain('wrong-key-8d1e');
    const unknown = await contract(['--base-url', urlOf(good.server), '--partner-id', 'partner_999']);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('does partner partner_999 exist there?');
  });

  it('is a usage error (exit 2) without --base-url or without a key', async () => {
    const noUrl = await contract([]);
    expect(noUrl.code).toBe(2);
    expect(noUrl.output).toContain('usage: npm run contract -- --base-url URL');
    const noKey = await contract(['--base-url', urlOf(good.server)], '');
    expect(noKey.code).toBe(2);
    expect(noKey.output).toContain('PARTNERO_API_KEY');
  });

  it('refuses plain http to a host other than loopback, before sending the key anywhere', async () => {
    const insecure = await contract(['--base-url', 'http://staging.example']);
    expect(insecure.code).toBe(2);
    expect(insecure.output).toContain('--base-url uses plain http to staging.example');
    expect(insecure.output).not.toContain(API_KEY);
  });
});
