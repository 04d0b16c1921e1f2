// The client and the documented cURL call against Prism mocking openapi/openapi.yaml.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPrism, type Prism } from '../support/prism.js';
import { seedPage } from '../../scripts/lib/fixtures.mjs';
import { listReferralLinks as validateListResponse } from '../../src/generated/validators.js';
import {
  AuthenticationError,
  InvalidParameterError,
  RateLimitError,
  UnprocessableEntityError,
  createPartneroClient,
} from '../../src/index.js';

const baseUrl = inject('prismUrl');
const partnerPath = '/v1/partners/partner_123/referral_links';

const seedResponse = seedPage;

// Every answer the tests see goes through here: Prism marks a request or answer that breaks the
// spec with an `sl-violations` header, and any such answer fails the test that got it, unless
// the test said which violation it provokes.
const responses: Response[] = [];
let allowedViolations: string[] = [];
const recordingFetch = async (request: Request): Promise<Response> => {
  const response = await fetch(request);
  responses.push(response);
  return response;
};
/** The violation locations (e.g. `request.query.limit`) this test provokes on purpose. */
const provokes = (...locations: string[]): void => {
  allowedViolations = locations;
};
const violationsOf = (response: Response): string[] =>
  (JSON.parse(response.headers.get('sl-violations') ?? '[]') as { location: string[] }[]).map((v) => v.location.join('.'));
afterEach(() => {
  for (const response of responses) {
    for (const location of violationsOf(response)) expect(allowedViolations, `unexpected violation at ${location}`).toContain(location);
  }
  responses.length = 0;
  allowedViolations = [];
});

const client = createPartneroClient({ apiKey: 'test-key', baseUrl, fetch: recordingFetch, maxRetries: 0 });

describe('the documented call', () => {
  it("the seed's cURL request (same headers) gets the seed's response, exactly", async () => {
    const response = await recordingFetch(
      new Request(`${baseUrl}${partnerPath}`, {
        headers: { Accept: 'application/json', Authorization: 'Bearer YOUR_API_KEY' },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toStrictEqual(seedResponse);
  });

  it('the typed call returns the same body', async () => {
    await expect(client.referralLinks.list('partner_123')).resolves.toStrictEqual(seedResponse);
  });

  it('passes limit and page, which the mock accepts', async () => {
    await expect(client.referralLinks.list('partner_123', { limit: 250, page: 3 })).resolves.toStrictEqual(seedResponse);
  });

  it('listAll yields every link and stops after a page that is not full', async () => {
    const ids: string[] = [];
    for await (const link of client.referralLinks.listAll('partner_123')) ids.push(link.id);
    expect(ids).toEqual(['ref_123', 'ref_456']);
    expect(responses).toHaveLength(1); // 2 links < the default limit of 15: no second request.
  });

  it('listAll stops with a PaginationError when the server repeats a full page (the static mock ignores page)', async () => {
    const pages: number[] = [];
    const walk = async () => {
      for await (const page of client.referralLinks.listAll('partner_123', { limit: 2 }).pages()) pages.push(page.data.length);
    };
    await expect(walk()).rejects.toThrow(/page 2 holds the same items as page 1/);
    expect(pages).toEqual([2]);
  });
});

describe('what the mock refuses, as the spec says', () => {
  it('a request without Authorization gets 401', async () => {
    provokes('request');
    const response = await recordingFetch(new Request(`${baseUrl}${partnerPath}`));
    expect(response.status).toBe(401);
  });

  it('through the client, a 401 from the mock (Authorization removed) is an AuthenticationError', async () => {
    provokes('request');
    const noAuth = createPartneroClient({
      apiKey: 'k',
      baseUrl,
      maxRetries: 0,
      fetch: (request) => {
        request.headers.delete('authorization');
        return recordingFetch(request);
      },
    });
    await expect(noAuth.referralLinks.list('partner_123')).rejects.toBeInstanceOf(AuthenticationError);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=251', 'limit'],
    ['limit=abc', 'limit'],
    ['page=0', 'page'],
  ])('%s is refused with 422 naming %s', async (query, parameter) => {
    provokes(`request.query.${parameter}`);
    const response = await recordingFetch(
      new Request(`${baseUrl}${partnerPath}?${query}`, { headers: { Authorization: 'Bearer k' } }),
    );
    expect(response.status).toBe(422);
    expect(violationsOf(response)).toEqual([`request.query.${parameter}`]);
  });

  it('the client refuses the same values itself, before sending', async () => {
    const before = responses.length;
    await expect(client.referralLinks.list('partner_123', { limit: 0 })).rejects.toBeInstanceOf(InvalidParameterError);
    await expect(client.referralLinks.list('partner_123', { limit: 251 })).rejects.toBeInstanceOf(InvalidParameterError);
    await expect(client.referralLinks.list('partner_123', { page: 0 })).rejects.toBeInstanceOf(InvalidParameterError);
    expect(responses.length).toBe(before);
  });
});

describe('documented error answers', () => {
  const preferring = (prefer: string) =>
    createPartneroClient({
      apiKey: 'k',
      baseUrl,
      maxRetries: 0,
      fetch: (request) => {
        request.headers.set('Prefer', prefer);
        return recordingFetch(request);
      },
    });

  it('429 becomes a RateLimitError carrying the body', async () => {
    const error = await preferring('code=429').referralLinks.list('partner_123').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).status).toBe(429);
    expect((error as RateLimitError).body).toMatchObject({ message: 'Too Many Attempts.' });
  });

  it('422 becomes an UnprocessableEntityError with the field errors', async () => {
    const error = await preferring('code=422').referralLinks.list('partner_123').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).fieldErrors).toEqual({ limit: ['The limit must not be greater than 250.'] });
  });
});

describe('dynamic mode (seeded)', () => {
  let prism: Prism;
  beforeAll(async () => {
    prism = await startPrism(['mock', 'openapi/openapi.yaml', '--dynamic', '--seed', '20261124']);
  });
  afterAll(() => prism.stop());

  it('25 generated answers all validate against the response schema', async () => {
    const dynamic = createPartneroClient({
      apiKey: 'k',
      baseUrl: prism.baseUrl,
      maxRetries: 0,
      validateResponses: true,
      fetch: recordingFetch,
    });
    const bodies: unknown[] = [];
    for (let page = 1; page <= 25; page++) bodies.push(await dynamic.referralLinks.list(`partner_${page}`, { page }));
    for (const body of bodies) expect(validateListResponse(body), JSON.stringify(validateListResponse.errors)).toBe(true);
    // Generated from the schema, not the static example.
    for (const body of bodies) expect(body).not.toEqual(seedResponse);
  });
});
