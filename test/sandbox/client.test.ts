// The typed client runs the lifecycle of the workflows (openapi/workflows/) against the sandbox,
// for partner and customer links, so the workflows and the client cannot drift apart; and rides
// out the faults the sandbox can inject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NotFoundError,
  UnprocessableEntityError,
  createPartneroClient,
  type PartneroClient,
} from '../../src/index.js';
import { SANDBOX_API_KEY, startSandbox } from '../../scripts/lib/sandbox.mjs';
import { throwawayKey } from '../../scripts/lib/sandbox-workflows.mjs';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

let sandbox: Sandbox;
let client: PartneroClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  client = createPartneroClient({ apiKey: SANDBOX_API_KEY, baseUrl: sandbox.url, validateResponses: true, maxRetries: 0 });
});

afterAll(async () => {
  await sandbox?.close();
});

// The two families, as the client names them: the same lifecycle, another owner.
const families = [
  {
    name: 'partner',
    links: () => client.partnerLinks,
    create: (key: string) => client.partnerLinks.create({ partner: { id: 'partner_123' }, key }),
    createFor: (id: string, key: string) => client.partnerLinks.create({ partner: { id }, key }),
    owner: 'partner_123',
    notFound: 'Partner not found.',
  },
  {
    name: 'customer',
    links: () => client.customerLinks,
    create: (key: string) => client.customerLinks.create({ customer: { id: 'customer_123' }, key }),
    createFor: (id: string, key: string) => client.customerLinks.create({ customer: { id }, key }),
    owner: 'customer_123',
    notFound: 'Customer not found.',
  },
] as const;

describe.each(families)('the typed client, $name links, against the sandbox', (family) => {
  it('create → get → list → search → rename (old id 404, new id the link) → delete → 404', async () => {
    const links = family.links();
    const key = `${throwawayKey('client')}-${family.name}`;
    const newKey = `${key}-renamed`;

    const created = await family.create(key);
    expect(created.status).toBe(1);
    expect(created.data).toMatchObject({ id: key, key, default: false });

    expect((await links.get(created.data.id)).data).toEqual(created.data);

    const listed = await links.list(family.owner, { limit: 250 });
    expect(listed.data.map((link) => link.key)).toContain(key);

    const found = await links.search({ key });
    expect(found.data).toEqual([created.data]);

    const renamed = await links.update(created.data.id, { key: newKey });
    expect(renamed.data).toMatchObject({ id: newKey, key: newKey });
    await expect(links.get(created.data.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await links.get(newKey)).data).toEqual(renamed.data);

    const deleted = await links.delete(newKey);
    expect(deleted).toEqual({ status: 1 });
    await expect(links.get(newKey)).rejects.toThrow(/Referral link not found/);
    expect((await links.search({ key: newKey })).data).toEqual([]);
  });

  it('refuses a taken key with 422 naming key, an unknown owner with 404', async () => {
    const taken = (await family.links().list(family.owner, { limit: 1 })).data[0]!.key;
    const refused = await family.create(taken).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnprocessableEntityError);
    expect((refused as UnprocessableEntityError).fieldErrors).toEqual({ key: ['The key has already been taken.'] });

    const unknown = await family.createFor(`no-such-${family.name}`, `${throwawayKey('client')}-unknown`).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect((unknown as NotFoundError).message).toContain(family.notFound);
  });
});

describe('the typed client and the sandbox, beyond the lifecycle', () => {
  it('answers 401 without a key, and the client walks every page of a long list', async () => {
    const noKey = await fetch(`${sandbox.url}/v1/partners/partner_123/referral_links`);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toEqual({ message: 'Unauthenticated.', status: 0 });

    const keys: string[] = [];
    for await (const link of client.partnerLinks.listAll('partner_456', { limit: 6 })) keys.push(link.key);
    expect(keys).toHaveLength(20);
    expect(new Set(keys).size).toBe(20);
    const domains: unknown[] = [];
    for await (const domain of client.partnerLinks.listAllDomains()) domains.push(domain);
    expect(domains.length).toBeGreaterThan(10); // more than one page of the default 10
  });

  it('narrows a customer-link search by customer[id] (sent as the query customer[id]=...), as the PHP SDK does', async () => {
    const key = `${throwawayKey('client')}-owned`;
    await client.customerLinks.create({ customer: { id: 'customer_456' }, key });
    expect((await client.customerLinks.search({ key, 'customer[id]': 'customer_456' })).data.map((link) => link.key)).toEqual([key]);
    expect((await client.customerLinks.search({ key, 'customer[id]': 'customer_123' })).data).toEqual([]);
    expect((await client.customerLinks.search({ key })).data).toHaveLength(1);
    await client.customerLinks.delete(key);
  });

  it('rides out a 503 on every other request with its retries', async () => {
    const flaky = await startSandbox({ port: 0, faults: '503@2' });
    try {
      const retrying = createPartneroClient({ apiKey: SANDBOX_API_KEY, baseUrl: flaky.url, maxRetries: 2 });
      const key = `${throwawayKey('client')}-flaky`;
      await retrying.partnerLinks.create({ partner: { id: 'partner_123' }, key });
      expect((await retrying.partnerLinks.search({ key })).data).toHaveLength(1);
      await retrying.partnerLinks.delete(key);
      expect((await retrying.partnerLinks.search({ key })).data).toEqual([]);
    } finally {
      await flaky.close();
    }
  });

  it('ends with exactly one link when the connection drops after the sandbox stored a create', async () => {
    const log: string[] = [];
    const dropping = await startSandbox({ port: 0, faults: 'drop-after-create', log: (line: string) => log.push(line) });
    try {
      const safe = createPartneroClient({ apiKey: SANDBOX_API_KEY, baseUrl: dropping.url, maxRetries: 2 });
      const key = `${throwawayKey('client')}-dropped`;
      const created = await safe.partnerLinks.create({ partner: { id: 'partner_123' }, key });
      expect(created.data.key).toBe(key);
      expect(dropping.state.links.filter((link: { key: string }) => link.key === key)).toHaveLength(1);
      // The create was stored and its answer lost; the client then looked the key up.
      expect(log[0]).toBe('POST /v1/partner_referral_links -> stored, connection dropped');
      expect(log.slice(1).some((line) => line.startsWith(`GET /v1/partner_referral_links:search?key=${key}`))).toBe(true);
    } finally {
      await dropping.close();
    }
  });
});
