// Request bodies are checked against the spec's schemas before anything is sent (issue 8,
// section 2): a bad body gets InvalidParameterError naming the field by its path, the rule and
// the value. The cases are the documented rules of a new link and of a rename.
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, createPartneroClient } from '../../src/index.js';
import { operationTable } from '../../src/resources.js';
import { bodyRules } from '../../src/generated/validators.js';
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js';
import { link } from '../support/http-server.js';

function setup() {
  const fetch = fakeFetch(() => jsonResponse({ data: link(1), status: 1 }, 201));
  return { fetch, client: createPartneroClient({ apiKey: 'sk_test_0123456789', fetch, maxRetries: 0 }) };
}

async function refusal(promise: Promise<unknown>): Promise<InvalidParameterError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidParameterError);
  return error as InvalidParameterError;
}

/** The key's rule in words, as the spec states it (x-partnero-pattern with the lengths). */
const keyRule = (operationId: string) => bodyRules[operationTable[operationId]!.body!.validator]!['/key'];

describe('partnerLinks.create: the body is checked first', () => {
  it.each([
    ['a missing key', { partner: { id: 'p' } }, 'key', `key must be ${keyRule('createPartnerReferralLink')} (required), got undefined`],
    ['an empty key', { partner: { id: 'p' }, key: '' }, 'key', `key must be ${keyRule('createPartnerReferralLink')}, got ""`],
    ['a key of the wrong type', { partner: { id: 'p' }, key: 5 }, 'key', `key must be ${keyRule('createPartnerReferralLink')}, got 5`],
    ['no owner', { key: 'k' }, 'partner', 'partner must be an object with at least one of id, key, email (required), got undefined'],
    ['an owner with none of id, key, email', { partner: { name: 'Ann' }, key: 'k' }, 'partner', 'partner must be an object with at least one of id, key, email, got {"name":"Ann"}'],
    ['an empty email', { partner: { email: '' }, key: 'k' }, 'partner.email', 'partner.email must be a non-empty string, got ""'],
    ['domain_id without is_additional', { partner: { id: 'p' }, key: 'k', domain_id: 8 }, 'is_additional', 'is_additional must be true or false (required when domain_id is given), got undefined'],
    ['is_additional of the wrong type', { partner: { id: 'p' }, key: 'k', domain_id: 8, is_additional: 'yes' }, 'is_additional', 'is_additional must be true or false, got "yes"'],
    ['domain_id of the wrong type', { partner: { id: 'p' }, key: 'k', domain_id: true, is_additional: true }, 'domain_id', 'domain_id must be an integer, a string or null, got true'],
  ])('%s: InvalidParameterError naming the field, nothing sent', async (_, body, field, message) => {
    const { fetch, client } = setup();
    const error = await refusal(client.partnerLinks.create(body as never));
    expect(error.parameter).toBe(field);
    expect(error.message).toBe(`createPartnerReferralLink: ${message}`);
    expect(fetch.requests).toHaveLength(0);
  });

  it('no body at all, or not an object: refused, nothing sent', async () => {
    const { fetch, client } = setup();
    expect((await refusal(client.partnerLinks.create(undefined as never))).parameter).toBe('body');
    expect((await refusal(client.partnerLinks.create('key=k' as never))).message).toBe('createPartnerReferralLink: body must be an object, got "key=k"');
    // Named by its field since issue 16 #9.
    expect((await refusal(client.partnerLinks.create({ partner: { id: 'p' }, key: 1n } as never))).message).toMatch(/: key must be JSON data/);
    expect(fetch.requests).toHaveLength(0);
  });

  it('what is sent is what was checked: JSON of the body, as documented, with the SDK-style extras allowed', async () => {
    const { fetch, client } = setup();
    await client.partnerLinks.create({ partner: { id: 'partner_123', name: 'Ann' } as never, key: 'ref_456', domain_id: null, is_additional: false });
    const [request] = fetch.requests;
    expect(request?.method).toBe(operationTable['createPartnerReferralLink']!.method);
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(await request!.text())).toEqual({ partner: { id: 'partner_123', name: 'Ann' }, key: 'ref_456', domain_id: null, is_additional: false });
  });

  it('the field path of a customer link names customer, and a rename names key', async () => {
    const { client } = setup();
    expect((await refusal(client.customerLinks.create({ customer: { key: '' }, key: 'k' }))).parameter).toBe('customer.key');
    expect((await refusal(client.partnerLinks.update('ref_1', { key: '' }))).message).toBe(
      `updatePartnerReferralLink: key must be ${keyRule('updatePartnerReferralLink')}, got ""`,
    );
    expect((await refusal(client.partnerLinks.update('..', { key: 'k' }))).parameter).toBe('id');
  });
});

describe('answers without a body', () => {
  it('a 204 to a delete resolves to undefined; a 200 to it resolves to its body', async () => {
    const fetch = fakeFetch((request) =>
      request.url.endsWith('/one') ? new Response(null, { status: 204 }) : jsonResponse({ status: 1 }),
    );
    const client = createPartneroClient({ apiKey: 'sk_test_0123456789', fetch, validateResponses: true });
    await expect(client.partnerLinks.delete('one')).resolves.toBeUndefined();
    await expect(client.partnerLinks.delete('two')).resolves.toEqual({ status: 1 });
  });

  it('a list answer without status is accepted (older documented examples leave it out); with validateResponses the spec, which requires it, decides', async () => {
    const fetch = fakeFetch(() => jsonResponse({ data: [link(1)] }));
    await expect(createPartneroClient({ apiKey: 'sk_test_0123456789', fetch }).partnerLinks.list('p')).resolves.toEqual({ data: [link(1)] });
    await expect(
      createPartneroClient({ apiKey: 'sk_test_0123456789', fetch, validateResponses: true }).partnerLinks.list('p'),
    ).rejects.toThrow(/response does not match the spec at \/status: a required property/);
  });
});

describe('fields required together (the body schemas\' dependentRequired, e.g. is_additional with domain_id [doc V-partner])', () => {
  it('every body example that gives the field is refused without each field it requires, naming that field; sent with it', async () => {
    const { bundle, loadConfig } = await import('@redocly/openapi-core');
    const { exampleCases, resolveRef } = await import('../../scripts/lib/spec-examples.mjs');
    const config = await loadConfig({ configPath: 'redocly.yaml' });
    const spec = (await bundle({ ref: 'openapi/openapi.yaml', config })).bundle.parsed;
    let checked = 0;
    for (const op of exampleCases(spec)) {
      const row = operationTable[op.operationId]!;
      if (!row.body) continue;
      const schema = resolveRef(spec, spec.components.schemas[row.body.validator]) as { dependentRequired?: Record<string, string[]> };
      for (const [field, needed] of Object.entries(schema.dependentRequired ?? {})) {
        for (const example of op.cases.filter((c) => Object.hasOwn(c.body as object, field))) {
          for (const dependent of needed) {
            const { fetch, client } = setup();
            const call = (body: unknown) => (client as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[row.resource]![row.name]!(body);
            const { [dependent]: _, ...without } = example.body as Record<string, unknown>;
            const error = await refusal(call(without));
            expect(error.parameter, `${op.operationId} ${example.name}`).toBe(dependent);
            expect(error.message).toContain(`(required when ${field} is given), got undefined`);
            expect(fetch.requests).toHaveLength(0);
            await call(example.body);
            expect(fetch.requests).toHaveLength(1);
            checked += 1;
          }
        }
      }
    }
    // Both creates give domain_id in an example (the partner's on a domain, the customer's as the SDK sends it).
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('a customer link takes domain_id null only: another value is refused before sending, naming domain_id', async () => {
    const { fetch, client } = setup();
    const error = await refusal(client.customerLinks.create({ customer: { id: 'customer_123' }, key: 'k', domain_id: 8, is_additional: true } as never));
    expect(error.parameter).toBe('domain_id');
    expect(error.message).toBe('createCustomerReferralLink: domain_id must be null, got 8');
    expect(fetch.requests).toHaveLength(0);
  });
});
