// The sandbox itself: what the spec leaves to prose (errors with their documented bodies, bounds
// taken from the spec), what Partnero's PHP SDK sends, the faults, and `npm run sandbox` as a
// command (starts fast, stops on Ctrl-C and SIGTERM, leaves no process and no port behind).
import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYaml } from '@redocly/openapi-core';
import { startSandbox } from '../../scripts/lib/sandbox.mjs';
import { isAlive, portIsFree, startNode } from '../tools/support/processes.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
interface Answer {
  status: number;
  type: string | undefined;
  retryAfter: string | undefined;
  body: any;
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.close();
});

/** One request with node:http, so that a GET or DELETE can carry a JSON body as the PHP SDK's do. */
function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      base + path,
      {
        method,
        headers: {
          authorization: 'Bearer any-key',
          accept: 'application/json',
          ...(text === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }),
          ...headers,
        },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk: Buffer) => (data += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], retryAfter: res.headers['retry-after'], body: data ? JSON.parse(data) : undefined }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

const limitOf = async (file: string): Promise<{ minimum: number; maximum: number; default: number }> =>
  (parseYaml(await readFile(`openapi/components/parameters/${file}.yaml`, 'utf8')) as { schema: { minimum: number; maximum: number; default: number } }).schema;

describe('the sandbox', () => {
  it('answers JSON as exactly application/json, and 401 without a bearer token', async () => {
    const ok = await call(sandbox.url, 'GET', '/v1/partners/partner_123/referral_links');
    expect(ok.status).toBe(200);
    expect(ok.type).toBe('application/json');
    expect(ok.body.data.map((link: { key: string }) => link.key)).toEqual(['ref_123', 'ref_456']);
    const none = await call(sandbox.url, 'GET', '/v1/partners/partner_123/referral_links', undefined, { authorization: '' });
    expect(none).toMatchObject({ status: 401, type: 'application/json', body: { message: 'Unauthenticated.', status: 0 } });
  });

  it('pages within the bounds of the spec and refuses what lies outside them, naming the field', async () => {
    for (const [path, file] of [
      ['/v1/partners/partner_456/referral_links', 'Limit'],
      ['/v1/partner_referral_links:domains', 'DomainLimit'],
    ] as const) {
      const bounds = await limitOf(file);
      const first = await call(sandbox.url, 'GET', path);
      expect(first.body.meta.per_page).toBe(bounds.default);
      expect(first.body.links.next).toBe(`${sandbox.url}${path}?page=2`);
      expect(first.body.links.last).toBeNull();
      const tooMany = await call(sandbox.url, 'GET', `${path}?limit=${bounds.maximum + 1}`);
      expect(tooMany.status).toBe(422);
      expect(Object.keys(tooMany.body.errors)).toEqual(['limit']);
      const tooFew = await call(sandbox.url, 'GET', `${path}?limit=${bounds.minimum - 1}&page=0`);
      expect(Object.keys(tooFew.body.errors).sort()).toEqual(['limit', 'page']);
      const beyond = await call(sandbox.url, 'GET', `${path}?page=99`);
      expect(beyond.body).toMatchObject({ data: [], meta: { current_page: 99, from: null, to: null }, links: { next: null } });
    }
  });

  it('accepts what the PHP SDK sends: JSON bodies on GET and DELETE, limit in a GET body, domain_id null', async () => {
    const listed = await call(sandbox.url, 'GET', '/v1/partners/partner_456/referral_links', { limit: 5 });
    expect(listed.body.data).toHaveLength(5);
    const created = await call(sandbox.url, 'POST', '/v1/partner_referral_links', {
      partner: { id: 'partner_123' },
      key: 'php-sdk-link',
      domain_id: null,
      is_additional: false,
    });
    expect(created.status).toBe(201);
    const searched = await call(sandbox.url, 'GET', '/v1/partner_referral_links:search', { key: 'php-sdk-link' });
    expect(searched.body.data).toHaveLength(1);
    const deleted = await call(sandbox.url, 'DELETE', '/v1/partner_referral_links/php-sdk-link', []);
    expect(deleted).toMatchObject({ status: 200, body: { status: 1 } });
  });

  it('answers create 201 for partners and 200 for customers, and keeps keys unique across both', async () => {
    const partner = await call(sandbox.url, 'POST', '/v1/partner_referral_links', { partner: { email: 'partner@example.com' }, key: 'shared-key', domain_id: 8, is_additional: true });
    expect(partner.status).toBe(201);
    expect(partner.body.data).toMatchObject({ url: 'http://mmc.test/profile?link=shared-key', is_additional: true });
    const customer = await call(sandbox.url, 'POST', '/v1/customer_referral_links', { customer: { id: 'customer_123' }, key: 'shared-key' });
    expect(customer).toMatchObject({
      status: 422,
      body: { message: 'The key has already been taken.', errors: { key: ['The key has already been taken.'] }, status: 0 },
    });
    const other = await call(sandbox.url, 'POST', '/v1/customer_referral_links', { customer: { key: 'customer_key_123' }, key: 'customer-own-key' });
    expect(other.status).toBe(200);
    const missing = await call(sandbox.url, 'POST', '/v1/partner_referral_links', { partner: { id: 'partner_123' } });
    expect(missing.body.errors.key).toEqual(['The key field is required.']);
    const noOwner = await call(sandbox.url, 'POST', '/v1/partner_referral_links', { partner: { id: 'nobody' }, key: 'orphan' });
    expect(noOwner).toMatchObject({ status: 404, body: { message: 'Partner not found.', status: 0 } });
    const noSearch = await call(sandbox.url, 'GET', '/v1/customer_referral_links:search');
    expect(noSearch.status).toBe(422);
    expect(Object.keys(noSearch.body.errors).sort()).toEqual(['id', 'key']);
  });

  it('answers the faults a request asks for with X-Sandbox-Fault', async () => {
    const path = '/v1/partner_referral_links:domains';
    expect(await call(sandbox.url, 'GET', path, undefined, { 'x-sandbox-fault': '429' })).toMatchObject({ status: 429, retryAfter: undefined });
    expect(await call(sandbox.url, 'GET', path, undefined, { 'x-sandbox-fault': '429-retry-after' })).toMatchObject({ status: 429, retryAfter: '1' });
    expect((await call(sandbox.url, 'GET', path, undefined, { 'x-sandbox-fault': '503' })).status).toBe(503);
    const started = performance.now();
    expect((await call(sandbox.url, 'GET', path, undefined, { 'x-sandbox-fault': 'slow=300' })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const dropped = call(sandbox.url, 'POST', '/v1/partner_referral_links', { partner: { id: 'partner_123' }, key: 'dropped-key' }, { 'x-sandbox-fault': 'drop-after-create' });
    await expect(dropped).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await call(sandbox.url, 'GET', '/v1/partner_referral_links:search?key=dropped-key')).body.data).toHaveLength(1);
    expect((await call(sandbox.url, 'GET', path, undefined, { 'x-sandbox-fault': 'teapot' })).status).toBe(400);
  });

  it('applies --faults NAME@N to every Nth request only', async () => {
    const flaky = await startSandbox({ port: 0, faults: '503@3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await call(flaky.url, 'GET', '/v1/partner_referral_links:domains')).status);
      expect(statuses).toEqual([200, 200, 503, 200, 200, 503]);
    } finally {
      await flaky.close();
    }
  });
});

describe('npm run sandbox', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('starts in well under a second, serves, and stops on %s leaving nothing behind', async (signal) => {
    const started = performance.now();
    const child = startNode('scripts/sandbox.mjs', ['--port', '0']);
    const [, url] = (await child.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 10_000)) as unknown as [string, string];
    const startupMs = performance.now() - started;
    console.log(`npm run sandbox: listening ${Math.round(startupMs)} ms after spawn`);
    expect(startupMs).toBeLessThan(1_000);
    const answer = await call(url, 'GET', '/v1/customers/customer_123/referral_links');
    expect(answer.body.data[0].key).toBe('DHjU0cGYxMUG');
    await child.waitFor(/GET \/v1\/customers\/customer_123\/referral_links -> 200/);
    child.child.kill(signal);
    expect(await child.exited).toBe(0);
    expect(child.output()).toContain(`sandbox: stopped (${signal})`);
    expect(isAlive(child.child.pid!)).toBe(false);
    expect(await portIsFree(Number(new URL(url).port))).toBe(true);
  });

  it('says when its port is taken, and refuses an unknown fault or a bad --break (exit 2)', async () => {
    const busy = await startSandbox({ port: 0 });
    try {
      const taken = startNode('scripts/sandbox.mjs', ['--port', new URL(busy.url).port]);
      expect(await taken.exited).toBe(1);
      expect(taken.output()).toContain(`sandbox: port ${new URL(busy.url).port} is in use`);
    } finally {
      await busy.close();
    }
    const fault = startNode('scripts/sandbox.mjs', ['--faults', 'teapot']);
    expect(await fault.exited).toBe(2);
    expect(fault.output()).toContain('unknown fault "teapot"');
    const broken = startNode('scripts/sandbox.mjs', ['--break', '../x']);
    expect(await broken.exited).toBe(2);
    expect(broken.output()).toContain('--break takes a field path such as data.url');
  });
});
