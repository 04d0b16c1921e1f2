// The sandbox itself: what the spec leaves to prose (errors with their documented bodies, bounds
// taken from the spec), what Partnero's PHP SDK sends, the faults, and `npm run sandbox` as a
// command (starts fast, stops on Ctrl-C and SIGTERM, leaves no process and no port behind).
import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYaml } from '@redocly/openapi-core';
import { BODY_LIMIT_BYTES, SANDBOX_API_KEY, UNKNOWN_OWNER_HEADER, UNKNOWN_OWNER_STATUSES, startSandbox } from '../../scripts/lib/sandbox.mjs';
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
          authorization: `Bearer ${SANDBOX_API_KEY}`,
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

/** The key schema of a new link, as the spec states it: the oracle for the sandbox's key rules. */
async function keyRuleOf(file: string): Promise<(key: string) => boolean> {
  const schema = (parseYaml(await readFile(`openapi/components/schemas/${file}.yaml`, 'utf8')) as {
    properties: { key: { minLength: number; maxLength: number; pattern: string; not: { enum: string[] } } };
  }).properties.key;
  return (key) =>
    [...key].length >= schema.minLength &&
    [...key].length <= schema.maxLength &&
    new RegExp(schema.pattern, 'u').test(key) &&
    !schema.not.enum.includes(key);
}

/** Streams `size` bytes as a chunked body (no Content-Length), and resolves to the status answered. */
function streamBody(base: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/v1/partner_referral_links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SANDBOX_API_KEY}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const write = () => {
      while (sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

/** The success status an operation's examples use: its x-partnero-example-status, else its one 2xx. */
async function exampleStatus(file: string, method: string): Promise<number> {
  const op = (parseYaml(await readFile(`openapi/paths/${file}.yaml`, 'utf8')) as Record<string, { 'x-partnero-example-status'?: string; responses: Record<string, unknown> }>)[method]!;
  const successes = Object.keys(op.responses).filter((status) => /^2\d\d$/.test(status));
  return Number(op['x-partnero-example-status'] ?? (successes.length === 1 ? successes[0] : NaN));
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

  it('takes its one API key (sandbox-key by default) and answers any other with the spec\'s 401', async () => {
    const spec = parseYaml(await readFile('openapi/components/responses/Unauthorized.yaml', 'utf8')) as { content: { 'application/json': { examples: Record<string, { value: unknown }> } } };
    const unauthorized = Object.values(spec.content['application/json'].examples)[0]!.value;
    expect(SANDBOX_API_KEY).toBe('sandbox-key');
    const path = '/v1/partners/partner_123/referral_links';
    for (const authorization of ['Bearer any-key', `Bearer ${SANDBOX_API_KEY}x`, `Bearer ${SANDBOX_API_KEY.toUpperCase()}`, SANDBOX_API_KEY, 'Basic c2FuZGJveC1rZXk6']) {
      expect(await call(sandbox.url, 'GET', path, undefined, { authorization }), authorization).toMatchObject({ status: 401, body: unauthorized });
    }
    expect((await call(sandbox.url, 'GET', path, undefined, { authorization: `bearer ${SANDBOX_API_KEY}` })).status).toBe(200);
    const own = await startSandbox({ port: 0, apiKey: 'my-own-key' });
    try {
      expect((await call(own.url, 'GET', path, undefined, { authorization: 'Bearer my-own-key' })).status).toBe(200);
      expect(await call(own.url, 'GET', path)).toMatchObject({ status: 401, body: unauthorized });
    } finally {
      await own.close();
    }
    await expect(startSandbox({ port: 0, apiKey: '' })).rejects.toThrow(/apiKey must be a non-empty string/);
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
    expect(created.status).toBe(await exampleStatus('v1_partner_referral_links', 'post'));
    const searched = await call(sandbox.url, 'GET', '/v1/partner_referral_links:search', { key: 'php-sdk-link' });
    expect(searched.body.data).toHaveLength(1);
    const deleted = await call(sandbox.url, 'DELETE', '/v1/partner_referral_links/php-sdk-link', []);
    expect(deleted).toMatchObject({ status: 200, body: { status: 1 } });
  });

  it('answers a create with the status the spec\'s examples use (x-partnero-example-status), and keeps keys unique across both families', async () => {
    expect(await exampleStatus('v1_partner_referral_links', 'post')).toBe(200);
    const partner = await call(sandbox.url, 'POST', '/v1/partner_referral_links', { partner: { email: 'partner@example.com' }, key: 'shared-key', domain_id: 8, is_additional: true });
    expect(partner.status).toBe(await exampleStatus('v1_partner_referral_links', 'post'));
    expect(partner.body.data).toMatchObject({ url: 'http://mmc.test/profile?link=shared-key', is_additional: true });
    const customer = await call(sandbox.url, 'POST', '/v1/customer_referral_links', { customer: { id: 'customer_123' }, key: 'shared-key' });
    expect(customer).toMatchObject({
      status: 422,
      body: { message: 'The key has already been taken.', errors: { key: ['The key has already been taken.'] }, status: 0 },
    });
    const other = await call(sandbox.url, 'POST', '/v1/customer_referral_links', { customer: { key: 'customer_key_123' }, key: 'customer-own-key' });
    expect(other.status).toBe(await exampleStatus('v1_customer_referral_links', 'post'));
    const missing = await call(sandbox.url, 'POST', '/v1/partner_referral_links', { partner: { id: 'partner_123' } });
    expect(missing.body.errors.key).toEqual(['The key field is required.']);
    const noOwner = await call(sandbox.url, 'POST', '/v1/partner_referral_links', { partner: { id: 'nobody' }, key: 'orphan' });
    expect(noOwner).toMatchObject({ status: 404, body: { message: 'Partner not found.', status: 0 } });
    const noSearch = await call(sandbox.url, 'GET', '/v1/customer_referral_links:search');
    expect(noSearch.status).toBe(422);
    expect(Object.keys(noSearch.body.errors).sort()).toEqual(['id', 'key']);
  });

  it('search takes exactly one of id and key (422 naming both otherwise), and customer[id] narrows a customer search to that customer', async () => {
    for (const family of ['partner', 'customer']) {
      for (const query of ['', '?id=ref_123&key=ref_123']) {
        const refused = await call(sandbox.url, 'GET', `/v1/${family}_referral_links:search${query}`);
        expect(refused.status, `${family} ${query}`).toBe(422);
        expect(Object.keys(refused.body.errors).sort()).toEqual(['id', 'key']);
      }
    }
    const own = await call(sandbox.url, 'GET', '/v1/customer_referral_links:search?key=DHjU0cGYxMUG&customer[id]=customer_123');
    expect(own.body.data.map((link: { key: string }) => link.key)).toEqual(['DHjU0cGYxMUG']);
    const encoded = await call(sandbox.url, 'GET', '/v1/customer_referral_links:search?key=DHjU0cGYxMUG&customer%5Bid%5D=customer_123');
    expect(encoded.body.data).toHaveLength(1);
    const other = await call(sandbox.url, 'GET', '/v1/customer_referral_links:search?key=DHjU0cGYxMUG&customer[id]=customer_456');
    expect(other).toMatchObject({ status: 200, body: { data: [], status: 1 } });
    const nobody = await call(sandbox.url, 'GET', '/v1/customer_referral_links:search?key=DHjU0cGYxMUG&customer[id]=nobody');
    expect(nobody).toMatchObject({ status: 200, body: { data: [] } });
  });

  it('takes a customer link\'s domain_id as the spec does: null (as the SDK sends it), and no domain', async () => {
    const schema = parseYaml(await readFile('openapi/components/schemas/NewCustomerReferralLink.yaml', 'utf8')) as { properties: { domain_id: { type: string } } };
    expect(schema.properties.domain_id.type).toBe('null');
    const sdk = await call(sandbox.url, 'POST', '/v1/customer_referral_links', { customer: { id: 'customer_456' }, key: 'no-domain', domain_id: null, is_additional: false });
    expect(sdk.status).toBe(200);
    for (const domain_id of [8, '8', 20]) {
      const refused = await call(sandbox.url, 'POST', '/v1/customer_referral_links', { customer: { id: 'customer_456' }, key: 'on-a-domain', domain_id, is_additional: true });
      expect(refused.status, String(domain_id)).toBe(422);
      expect(Object.keys(refused.body.errors)).toEqual(['domain_id']);
    }
  });

  it('reads %3A (the colon percent-encoded, in either case) in :search and :domains as the colon', async () => {
    for (const [plain, body] of [
      ['/v1/partner_referral_links:search?key=ref_123', undefined],
      ['/v1/customer_referral_links:search?key=DHjU0cGYxMUG', undefined],
      ['/v1/partner_referral_links:domains?limit=2', undefined],
    ] as const) {
      const expected = await call(sandbox.url, 'GET', plain, body);
      expect(expected.status).toBe(200);
      for (const encoded of ['%3A', '%3a']) {
        const answer = await call(sandbox.url, 'GET', plain.replace(':', encoded), body);
        expect({ status: answer.status, body: answer.body }, `${plain} with ${encoded}`).toEqual({ status: 200, body: expected.body });
      }
    }
  });

  it('keys are not case sensitive: taken in another case; search, get, rename and delete find a link in any case', async () => {
    const created = await call(sandbox.url, 'POST', '/v1/partner_referral_links', { partner: { id: 'partner_123' }, key: 'Summer-Case' });
    expect(created).toMatchObject({ status: 200, body: { data: { id: 'Summer-Case', key: 'Summer-Case' } } });
    for (const [path, owner] of [['/v1/partner_referral_links', { partner: { id: 'partner_456' } }], ['/v1/customer_referral_links', { customer: { id: 'customer_123' } }]] as const) {
      const taken = await call(sandbox.url, 'POST', path, { ...owner, key: 'SUMMER-case' });
      expect(taken).toMatchObject({ status: 422, body: { errors: { key: ['The key has already been taken.'] } } });
    }
    const searched = await call(sandbox.url, 'GET', '/v1/partner_referral_links:search?key=summer-CASE');
    expect(searched.body.data.map((link: { key: string }) => link.key)).toEqual(['Summer-Case']);
    expect((await call(sandbox.url, 'GET', '/v1/partner_referral_links:search?id=SUMMER-CASE')).body.data).toHaveLength(1);
    expect((await call(sandbox.url, 'GET', '/v1/partner_referral_links/summer-case')).body.data.key).toBe('Summer-Case');
    // A rename to the same key in another case is no conflict with itself.
    const renamed = await call(sandbox.url, 'PUT', '/v1/partner_referral_links/SUMMER-CASE', { key: 'summer-case' });
    expect(renamed).toMatchObject({ status: 200, body: { data: { id: 'summer-case', key: 'summer-case' } } });
    expect((await call(sandbox.url, 'DELETE', '/v1/partner_referral_links/Summer-CASE')).status).toBe(200);
    expect((await call(sandbox.url, 'GET', '/v1/partner_referral_links/summer-case')).status).toBe(404);
  });

  it('refuses a key that breaks the spec\'s key rules with 422 errors.key, on create and rename (a lone surrogate too: issue 16 item 21)', async () => {
    for (const [path, owner, file] of [
      ['/v1/partner_referral_links', { partner: { id: 'partner_123' } }, 'NewPartnerReferralLink'],
      ['/v1/customer_referral_links', { customer: { id: 'customer_123' } }, 'NewCustomerReferralLink'],
    ] as const) {
      const allowed = await keyRuleOf(file);
      const prefix = path.includes('partner') ? 'p' : 'c';
      const samples = [`${prefix}${'a'.repeat(63)}`, `${prefix}${'a'.repeat(64)}`, '.', '..', `...${prefix}`, `${prefix} b`, `${prefix}clé`, `${prefix}x\uD800`, `${prefix}/x`, `.${prefix}-Ok_1.0`];
      const verdicts = await Promise.all(samples.map(async (key) => [key, await call(sandbox.url, 'POST', path, { ...owner, key })] as const));
      for (const [key, answer] of verdicts) {
        if (allowed(key)) expect(answer.status, key).toBeLessThan(300);
        else {
          expect(answer.status, key).toBe(422);
          expect(Object.keys(answer.body.errors), key).toEqual(['key']);
        }
      }
      expect(verdicts.filter(([key]) => !allowed(key)).length).toBeGreaterThanOrEqual(6);
    }
    const rename = await call(sandbox.url, 'PUT', '/v1/partner_referral_links/ref_456', { key: 'ref\uDC00' });
    expect(rename).toMatchObject({ status: 422, body: { errors: { key: [expect.any(String)] } } });
    expect((await call(sandbox.url, 'GET', '/v1/partner_referral_links/ref_456')).status).toBe(200);
  });

  it.each(UNKNOWN_OWNER_STATUSES)('an unknown owner on create, in mode %i: that answer (422 naming the field given), the other one by header', async (mode) => {
    const other = mode === 404 ? 422 : 404;
    const started = await startSandbox({ port: 0, unknownOwner: mode });
    try {
      const cases = [
        ['/v1/partner_referral_links', { partner: { id: 'nobody' } }, 'partner.id', 'Partner not found.'],
        ['/v1/partner_referral_links', { partner: { email: 'nobody@example.com' } }, 'partner.email', 'Partner not found.'],
        // The first of id, key, email given decides (the spec's inference): a known key after an unknown id does not help.
        ['/v1/partner_referral_links', { partner: { id: 'nobody', key: 'partner_key_123' } }, 'partner.id', 'Partner not found.'],
        ['/v1/customer_referral_links', { customer: { key: 'nobody' } }, 'customer.key', 'Customer not found.'],
      ] as const;
      for (const [path, owner, field, message] of cases) {
        for (const [status, headers] of [[mode, {}], [other, { [UNKNOWN_OWNER_HEADER]: String(other) }]] as const) {
          const answer = await call(started.url, 'POST', path, { ...owner, key: 'orphan-key' }, headers);
          if (status === 404) expect(answer).toMatchObject({ status: 404, body: { message, status: 0 } });
          else expect(answer).toMatchObject({ status: 422, body: { errors: { [field]: [expect.any(String)] }, status: 0 } });
          if (status === 422) expect(Object.keys(answer.body.errors)).toEqual([field]);
        }
      }
      expect(started.state.links.some((link) => link.key === 'orphan-key')).toBe(false);
      expect((await call(started.url, 'POST', '/v1/partner_referral_links', { partner: { key: 'partner_key_123' }, key: 'owned-key' })).status).toBe(200);
      expect((await call(started.url, 'POST', '/v1/partner_referral_links', { partner: { id: 'x' }, key: 'k1' }, { [UNKNOWN_OWNER_HEADER]: '500' })).status).toBe(400);
    } finally {
      await started.close();
    }
  });

  it('a customer list finds the customer by id or key (the spec\'s inference); a partner list by id only', async () => {
    expect((await call(sandbox.url, 'GET', '/v1/customers/customer_key_123/referral_links')).body.data[0].key).toBe('DHjU0cGYxMUG');
    expect((await call(sandbox.url, 'GET', '/v1/partners/partner_key_123/referral_links')).status).toBe(404);
  });

  it('a body past the limit, streamed without Content-Length, gets 413; so does a declared one; the sandbox stays up (issue 16 item 20)', async () => {
    const before = sandbox.state.links.length;
    expect(await streamBody(sandbox.url, BODY_LIMIT_BYTES + 1)).toBe(413);
    const declared = await call(sandbox.url, 'POST', '/v1/partner_referral_links', undefined, { 'content-length': String(600 * 1024 * 1024), 'content-type': 'application/json' }).catch((e: Error) => e);
    expect(declared).toMatchObject({ status: 413, body: { message: expect.stringContaining(String(BODY_LIMIT_BYTES)), status: 0 } });
    expect(sandbox.state.links.length).toBe(before);
    // At the limit it is read (and refused as JSON, being spaces only: 422 for the missing fields).
    expect(await streamBody(sandbox.url, BODY_LIMIT_BYTES)).toBe(422);
    expect((await call(sandbox.url, 'GET', '/v1/partners/partner_123/referral_links')).status).toBe(200);
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
    const owner = startNode('scripts/sandbox.mjs', ['--unknown-owner', '500']);
    expect(await owner.exited).toBe(2);
    expect(owner.output()).toContain('--unknown-owner must be 404 or 422, got "500"');
  });

  it('prints its API key and uses it in its examples; --api-key picks another, and the default key then gets 401', async () => {
    const plain = startNode('scripts/sandbox.mjs', ['--port', '0', '--quiet']);
    try {
      await plain.waitFor(/Ctrl-C stops it/, 10_000);
      expect(plain.output()).toContain(`API key: ${SANDBOX_API_KEY}`);
      expect(plain.output()).toContain(`Authorization: Bearer ${SANDBOX_API_KEY}`);
      expect(plain.output()).toContain(`apiKey: '${SANDBOX_API_KEY}'`);
    } finally {
      plain.child.kill('SIGTERM');
      expect(await plain.exited).toBe(0);
    }
    const child = startNode('scripts/sandbox.mjs', ['--port', '0', '--quiet', '--api-key', 'chosen-key']);
    try {
      const [, url] = (await child.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 10_000)) as unknown as [string, string];
      await child.waitFor(/Ctrl-C stops it/, 10_000);
      expect(child.output()).toContain('API key: chosen-key');
      expect(child.output()).not.toContain(SANDBOX_API_KEY);
      expect((await call(url, 'GET', '/v1/partners/partner_123/referral_links', undefined, { authorization: 'Bearer chosen-key' })).status).toBe(200);
      expect((await call(url, 'GET', '/v1/partners/partner_123/referral_links')).status).toBe(401);
    } finally {
      child.child.kill('SIGTERM');
      expect(await child.exited).toBe(0);
    }
    const bad = startNode('scripts/sandbox.mjs', ['--api-key', 'two words']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('--api-key takes a non-empty key');
  });

  it('--unknown-owner 422 answers an unknown owner with a 422 naming the field', async () => {
    const child = startNode('scripts/sandbox.mjs', ['--port', '0', '--quiet', '--unknown-owner', '422']);
    try {
      const [, url] = (await child.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 10_000)) as unknown as [string, string];
      expect(child.output()).toContain('Unknown owner on create: 422');
      const answer = await call(url, 'POST', '/v1/partner_referral_links', { partner: { id: 'nobody' }, key: 'orphan' });
      expect(answer).toMatchObject({ status: 422, body: { errors: { 'partner.id': [expect.any(String)] } } });
    } finally {
      child.child.kill('SIGTERM');
      expect(await child.exited).toBe(0);
    }
  });
});
