// The types are part of the product: what must compile, and what must not.
import { describe, expectTypeOf, it } from 'vitest';
import {
  PartneroApiError,
  PartneroError,
  RateLimitError,
  createPartneroClient,
  type ReferralLink,
  type ReferralLinkList,
  type CreateOptions,
  type WriteOptions,
  type WriteOutcome,
  type components,
} from '../../src/index.js';

const client = createPartneroClient({ apiKey: 'k' });

describe('partnerLinks.list', () => {
  it('resolves to the generated page type', () => {
    expectTypeOf(client.partnerLinks.list('partner_123')).resolves.toEqualTypeOf<ReferralLinkList>();
    expectTypeOf<ReferralLinkList>().toEqualTypeOf<components['schemas']['ReferralLinkList']>();
    expectTypeOf<ReferralLinkList['status']>().toEqualTypeOf<1>();
    expectTypeOf<ReferralLink['direct_tracking_redirect_url']>().toEqualTypeOf<string | null>();
    expectTypeOf<ReferralLink['default']>().toEqualTypeOf<boolean>();
    expectTypeOf<ReferralLinkList['links']>().toEqualTypeOf<components['schemas']['PaginationLinks'] | undefined>();
  });

  it('takes limit and page as numbers, and nothing else', () => {
    expectTypeOf(client.partnerLinks.list).parameter(1).toEqualTypeOf<{ limit?: number; page?: number } | undefined>();
    // @ts-expect-error: a misspelled query parameter does not compile.
    void client.partnerLinks.list('p', { limt: 10 });
    // @ts-expect-error: a wrong type does not compile.
    void client.partnerLinks.list('p', { limit: '10' });
    // @ts-expect-error: the partner ID is required.
    void client.partnerLinks.list();
    // @ts-expect-error: the partner ID is a string.
    void client.partnerLinks.list(123);
  });

  it('fields keep the API snake_case names', () => {
    expectTypeOf<ReferralLink>().toHaveProperty('is_additional');
    // @ts-expect-error: no camelCase renaming.
    expectTypeOf<ReferralLink>().toHaveProperty('isAdditional');
  });
});

describe('partnerLinks.listAll', () => {
  it('iterates links, and pages through pages()', () => {
    const all = client.partnerLinks.listAll('p', { limit: 250 });
    expectTypeOf(all).toExtend<AsyncIterable<ReferralLink>>();
    expectTypeOf(all.pages()).toExtend<AsyncIterable<ReferralLinkList>>();
    // @ts-expect-error: listAll walks pages itself; page is not an option.
    void client.partnerLinks.listAll('p', { page: 2 });
  });
});

describe('the family: every method typed from the spec', () => {
  it('create takes the documented body, with the owner by id, key or email', () => {
    expectTypeOf(client.partnerLinks.create({ partner: { id: 'partner_123' }, key: 'summer' })).resolves.toEqualTypeOf<
      components['schemas']['ReferralLinkResponse']
    >();
    void client.partnerLinks.create({ partner: { email: 'a@example.com' }, key: 'k', domain_id: 8, is_additional: true });
    void client.customerLinks.create({ customer: { key: 'c' }, key: 'k' });
    // @ts-expect-error: the owner needs one of id, key or email.
    void client.partnerLinks.create({ partner: {}, key: 'k' });
    // @ts-expect-error: key is required.
    void client.partnerLinks.create({ partner: { id: 'p' } });
    // @ts-expect-error: a partner link has a partner, not a customer.
    void client.partnerLinks.create({ customer: { id: 'c' }, key: 'k' });
  });

  it('writes take onOutcome; creates also ifExists; reads take neither (interface C)', () => {
    void client.partnerLinks.create({ partner: { id: 'p' }, key: 'k' }, { ifExists: 'return', onOutcome: (outcome) => expectTypeOf(outcome).toEqualTypeOf<WriteOutcome>() });
    void client.customerLinks.update('ref_1', { key: 'ref_2' }, { onOutcome: () => {} });
    void client.partnerLinks.delete('ref_1', { onOutcome: () => {}, maxRetries: 1 });
    expectTypeOf<WriteOutcome>().toEqualTypeOf<'done' | 'recovered' | 'existing'>();
    expectTypeOf<CreateOptions>().toMatchTypeOf<WriteOptions>();
    // @ts-expect-error: ifExists is for creates only.
    void client.partnerLinks.update('ref_1', { key: 'ref_2' }, { ifExists: 'return' });
    // @ts-expect-error: 'error' or 'return'.
    void client.partnerLinks.create({ partner: { id: 'p' }, key: 'k' }, { ifExists: 'skip' });
    // @ts-expect-error: a read reports no outcome.
    void client.partnerLinks.get('ref_1', { onOutcome: () => {} });
  });

  it('get, update, delete and search take what their operation takes', () => {
    expectTypeOf(client.partnerLinks.get('ref_1')).resolves.toEqualTypeOf<components['schemas']['ReferralLinkResponse']>();
    expectTypeOf(client.customerLinks.update('ref_1', { key: 'ref_2' })).resolves.toHaveProperty('data');
    // A delete answers 200 with a body or 204 without one.
    expectTypeOf(client.partnerLinks.delete('ref_1')).resolves.toEqualTypeOf<components['schemas']['DeleteResult'] | undefined>();
    expectTypeOf(client.partnerLinks.search({ key: 'ref_1' })).resolves.toEqualTypeOf<components['schemas']['ReferralLinkSearchResult']>();
    // @ts-expect-error: rename needs the new key.
    void client.partnerLinks.update('ref_1', {});
    // @ts-expect-error: search takes id or key, not url.
    void client.partnerLinks.search({ url: 'x' });
    // @ts-expect-error: get takes no query.
    void client.partnerLinks.get('ref_1', { limit: 5 }, {});
  });

  it('listAllDomains walks domains, not links', () => {
    expectTypeOf(client.partnerLinks.listAllDomains()).toExtend<AsyncIterable<components['schemas']['LinkDomain']>>();
    // @ts-expect-error: customers have no domains list.
    void client.customerLinks.listDomains();
  });
});

describe('client.raw', () => {
  it('is openapi-fetch typed by the spec: a missing path parameter or unknown path does not compile', () => {
    void client.raw.GET('/v1/partners/{id}/referral_links', { params: { path: { id: 'p' }, query: { limit: 5 } } });
    // @ts-expect-error: the path parameter is required.
    void client.raw.GET('/v1/partners/{id}/referral_links', { params: { query: { limit: 5 } } });
    // @ts-expect-error: a path the spec does not have.
    void client.raw.GET('/v1/partners/{id}/links', { params: { path: { id: 'p' } } });
    // @ts-expect-error: a misspelled query parameter.
    void client.raw.GET('/v1/partners/{id}/referral_links', { params: { path: { id: 'p' }, query: { pages: 1 } } });
  });
});

describe('errors', () => {
  it('form one hierarchy with typed fields', () => {
    expectTypeOf<RateLimitError>().toExtend<PartneroApiError>();
    expectTypeOf<PartneroApiError>().toExtend<PartneroError>();
    expectTypeOf<RateLimitError['retryAfterMs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<PartneroApiError['status']>().toEqualTypeOf<number>();
  });

  it('options are checked: apiKey is required', () => {
    // @ts-expect-error: no apiKey.
    createPartneroClient({ baseUrl: 'https://x.example' });
    // @ts-expect-error: unknown option.
    createPartneroClient({ apiKey: 'k', retries: 3 });
  });
});
