// The types are part of the product: what must compile, and what must not.
import { describe, expectTypeOf, it } from 'vitest';
import {
  PartneroApiError,
  PartneroError,
  RateLimitError,
  createPartneroClient,
  type ReferralLink,
  type ReferralLinkList,
  type components,
} from '../../src/index.js';

const client = createPartneroClient({ apiKey: 'k' });

describe('referralLinks.list', () => {
  it('resolves to the generated page type', () => {
    expectTypeOf(client.referralLinks.list('partner_123')).resolves.toEqualTypeOf<ReferralLinkList>();
    expectTypeOf<ReferralLinkList>().toEqualTypeOf<components['schemas']['ReferralLinkList']>();
    expectTypeOf<ReferralLinkList['status']>().toEqualTypeOf<1>();
    expectTypeOf<ReferralLink['direct_tracking_redirect_url']>().toEqualTypeOf<string | null>();
    expectTypeOf<ReferralLink['default']>().toEqualTypeOf<boolean>();
    expectTypeOf<ReferralLinkList['links']>().toEqualTypeOf<components['schemas']['PaginationLinks'] | undefined>();
  });

  it('takes limit and page as numbers, and nothing else', () => {
    expectTypeOf(client.referralLinks.list).parameter(1).toEqualTypeOf<{ limit?: number; page?: number } | undefined>();
    // @ts-expect-error: a misspelled query parameter does not compile.
    void client.referralLinks.list('p', { limt: 10 });
    // @ts-expect-error: a wrong type does not compile.
    void client.referralLinks.list('p', { limit: '10' });
    // @ts-expect-error: the partner ID is required.
    void client.referralLinks.list();
    // @ts-expect-error: the partner ID is a string.
    void client.referralLinks.list(123);
  });

  it('fields keep the API snake_case names', () => {
    expectTypeOf<ReferralLink>().toHaveProperty('is_additional');
    // @ts-expect-error: no camelCase renaming.
    expectTypeOf<ReferralLink>().toHaveProperty('isAdditional');
  });
});

describe('referralLinks.listAll', () => {
  it('iterates links, and pages through pages()', () => {
    const all = client.referralLinks.listAll('p', { limit: 250 });
    expectTypeOf(all).toExtend<AsyncIterable<ReferralLink>>();
    expectTypeOf(all.pages()).toExtend<AsyncIterable<ReferralLinkList>>();
    // @ts-expect-error: listAll walks pages itself; page is not an option.
    void client.referralLinks.listAll('p', { page: 2 });
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
