import { readFile } from 'node:fs/promises';
import { inspect } from 'node:util';
import { parseYaml } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  InvalidOptionError,
  NotFoundError,
  PartneroApiError,
  PartneroError,
  PermissionDeniedError,
  RateLimitError,
  UnexpectedResponseError,
  UnprocessableEntityError,
  createPartneroClient,
} from '../../src/index.js';
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js';
import { linkPage } from '../support/http-server.js';

const API_KEY = 'pk_live_SECRET_0123456789';

describe('createPartneroClient options', () => {
  it.each([
    ['missing', undefined, /apiKey is required.*got undefined/],
    ['empty', '', /apiKey is required.*got an empty string/],
    ['a number', 42, /apiKey is required.*got number/],
  ])('refuses an apiKey that is %s, naming the option', (_, apiKey, message) => {
    expect(() => createPartneroClient({ apiKey } as never)).toThrow(InvalidOptionError);
    expect(() => createPartneroClient({ apiKey } as never)).toThrow(message);
  });

  it('refuses a key with a stray newline without echoing it', () => {
    const error = catchSync(() => createPartneroClient({ apiKey: `${API_KEY}\n` }));
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.message).toMatch(/apiKey must be printable ASCII/);
    expect(everythingAbout(error)).not.toContain(API_KEY);
  });

  it.each([
    ['http://api.example.org', /plain http to api\.example\.org.*allowInsecureHttp/],
    ['ftp://127.0.0.1', /must use https/],
    ['not a url', /must be an absolute http\(s\) URL/],
    ['https://user:pw@api.partnero.com', /must not contain credentials/],
    ['https://api.partnero.com/?x=1', /must not contain credentials, a query/],
    ['https://api.partnero.com/v1/', /must not end in \/v1 \(the paths start with it\): use https:\/\/api\.partnero\.com/],
  ])('refuses baseUrl %s', (baseUrl, message) => {
    expect(() => createPartneroClient({ apiKey: API_KEY, baseUrl })).toThrow(message);
  });

  it('accepts http to loopback, and to another host only with allowInsecureHttp', () => {
    for (const baseUrl of ['http://127.0.0.1:4010', 'http://localhost:1', 'http://[::1]:8080']) {
      expect(() => createPartneroClient({ apiKey: API_KEY, baseUrl })).not.toThrow();
    }
    expect(() =>
      createPartneroClient({ apiKey: API_KEY, baseUrl: 'http://staging.internal', allowInsecureHttp: true }),
    ).not.toThrow();
  });

  it.each([
    ['maxRetries', -1],
    ['maxRetries', 1.5],
    ['timeoutMs', 0],
    ['timeoutMs', Number.NaN],
  ])('refuses %s = %s', (option, value) => {
    expect(() => createPartneroClient({ apiKey: API_KEY, [option]: value })).toThrow(
      new RegExp(`${option} must be an integer from`),
    );
  });
});

describe('partnerLinks.list', () => {
  it('sends GET with the bearer key and Accept to the spec path on the default server', async () => {
    const fetch = fakeFetch(() => jsonResponse(linkPage(1, 2)));
    const client = createPartneroClient({ apiKey: API_KEY, fetch });
    const body = await client.partnerLinks.list('partner_123', { limit: 50, page: 2 });
    expect(body.data.map((l) => l.id)).toEqual(['ref_1', 'ref_2']);
    const [request] = fetch.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('https://api.partnero.com/v1/partners/partner_123/referral_links?limit=50&page=2');
    expect(request?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(request?.headers.get('accept')).toBe('application/json');
    expect(request?.redirect).toBe('manual');
  });

  it('uses baseUrl without doubling its slash, and sends no query when none is given', async () => {
    const fetch = fakeFetch(() => jsonResponse(linkPage(1, 1)));
    const client = createPartneroClient({ apiKey: API_KEY, baseUrl: 'https://staging.example/api/', fetch });
    await client.partnerLinks.list('p');
    expect(fetch.requests[0]?.url).toBe('https://staging.example/api/v1/partners/p/referral_links');
  });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, PartneroApiError],
    [422, UnprocessableEntityError],
  ] as const)('a %s answer rejects with %O after one request', async (status, ErrorClass) => {
    const fetch = fakeFetch(() =>
      jsonResponse({ message: 'No.', errors: { limit: ['Too big.'] }, status: 0 }, status, { 'x-request-id': 'req_9' }),
    );
    const client = createPartneroClient({ apiKey: API_KEY, fetch });
    const error = await client.partnerLinks.list('partner_123').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(PartneroError);
    const apiError = error as PartneroApiError;
    expect(apiError.status).toBe(status);
    expect(apiError.body).toEqual({ message: 'No.', errors: { limit: ['Too big.'] }, status: 0 });
    expect(apiError.requestId).toBe('req_9');
    expect(apiError.headers.get('content-type')).toBe('application/json');
    expect(apiError.message).toMatch(new RegExp(`^listPartnerReferralLinks: ${status}.*: No\\. \\(request ID req_9\\)$`));
    expect(fetch.requests).toHaveLength(1);
  });

  it('a 422 carries the field errors', async () => {
    const fetch = fakeFetch(() => jsonResponse({ message: 'Invalid.', errors: { limit: ['Too big.', 'Odd.'] } }, 422));
    const error = await createPartneroClient({ apiKey: API_KEY, fetch })
      .partnerLinks.list('p')
      .catch((e: unknown) => e);
    expect((error as UnprocessableEntityError).fieldErrors).toEqual({ limit: ['Too big.', 'Odd.'] });
  });

  it('a 422 without a message (the shape of Partnero\'s only documented error body) is an UnprocessableEntityError naming its fields', async () => {
    const file = parseYaml(await readFile('openapi/components/responses/UnprocessableEntity.yaml', 'utf8')) as {
      content: { 'application/json': { examples: Record<string, { value: { errors: Record<string, string[]>; message?: string } }> } };
    };
    const withoutMessage = Object.values(file.content['application/json'].examples).map((e) => e.value).filter((body) => body.message === undefined);
    expect(withoutMessage.length).toBeGreaterThan(0);
    for (const body of [...withoutMessage, { status: 0, errors: { website: ['The website format is invalid.'] } }]) {
      const fetch = fakeFetch(() => jsonResponse(body, 422));
      const error = await createPartneroClient({ apiKey: API_KEY, fetch, validateResponses: true }).partnerLinks.list('p').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnprocessableEntityError);
      expect(error).not.toBeInstanceOf(UnexpectedResponseError);
      expect((error as UnprocessableEntityError).fieldErrors).toEqual(body.errors);
      for (const [field, messages] of Object.entries(body.errors)) {
        expect((error as Error).message).toContain(`${field}: ${messages[0]}`);
      }
      expect((error as Error).message).toMatch(/^listPartnerReferralLinks: 422 Unprocessable Entity: /);
    }
  });

  it('a per-call timeoutMs or maxRetries out of range is refused, naming the call', async () => {
    const fetch = fakeFetch(() => jsonResponse(linkPage(1, 1)));
    const client = createPartneroClient({ apiKey: API_KEY, fetch });
    await expect(client.partnerLinks.list('p', {}, { timeoutMs: 0 })).rejects.toThrow(
      'partnerLinks.list: timeoutMs must be an integer from 1 to 2147483647, got 0',
    );
    await expect(client.partnerLinks.list('p', {}, { maxRetries: 11 })).rejects.toThrow(
      'partnerLinks.list: maxRetries must be an integer from 0 to 10, got 11',
    );
    expect(fetch.requests).toHaveLength(0);
  });

  it('a 3xx is not followed: it rejects with the status and Location', async () => {
    const fetch = fakeFetch(() => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } }));
    const error = await createPartneroClient({ apiKey: API_KEY, fetch, maxRetries: 0 })
      .partnerLinks.list('p')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartneroApiError);
    expect((error as PartneroApiError).status).toBe(302);
    expect((error as PartneroApiError).headers.get('location')).toBe('https://elsewhere.example/');
    expect((error as Error).message).toBe(
      'listPartnerReferralLinks: 302: redirect to https://elsewhere.example/ not followed; check baseUrl',
    );
  });

  it.each([
    ['an empty body', () => new Response('', { status: 200 }), /200 answer has an empty body/],
    ['HTML', () => new Response('<html>hi</html>', { status: 200, headers: { 'content-type': 'text/html' } }), /not JSON \(text\/html\): "<html>hi<\/html>"/],
    ['malformed JSON', () => new Response('{"data": [', { status: 200 }), /not JSON/],
    ['status 0', () => jsonResponse({ data: [], status: 0, message: 'Program disabled.' }), /status is 0; the spec expects 1 on success \(Program disabled\.\)/],
    ['status "1"', () => jsonResponse({ data: [], status: '1' }), /status is "1" \(a string\); the spec expects 1 on success/],
    ['data not a list', () => jsonResponse({ data: {}, status: 1 }), /data is \{\}, not a list/],
    ['a link that is not an object', () => jsonResponse({ data: [1], status: 1 }), /data\[0\] is 1, not an object/],
    ['a JSON array', () => jsonResponse([]), /expected a JSON object, got \[\]/],
  ])('a 200 with %s is an UnexpectedResponseError, never a bare SyntaxError', async (_, answer, message) => {
    const fetch = fakeFetch(answer);
    const error = await createPartneroClient({ apiKey: API_KEY, fetch })
      .partnerLinks.list('p')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toMatch(message);
    expect(fetch.requests).toHaveLength(1);
  });

  it('an error answer with a non-JSON body keeps the status and the text', async () => {
    const fetch = fakeFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const error = await createPartneroClient({ apiKey: API_KEY, fetch, maxRetries: 0 })
      .partnerLinks.list('p')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(502);
    expect((error as InternalServerError).body).toBe('<h1>Bad gateway</h1>');
    expect((error as Error).message).toBe('listPartnerReferralLinks: 502 Bad Gateway: <h1>Bad gateway</h1>');
  });

  it('a 429 after the last retry carries the Retry-After delay', async () => {
    const fetch = fakeFetch(() => jsonResponse({ message: 'Slow down.' }, 429, { 'retry-after': '7' }));
    const error = await createPartneroClient({ apiKey: API_KEY, fetch, maxRetries: 0 })
      .partnerLinks.list('p')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(7000);
  });
});

describe('the API key stays secret', () => {
  const scenarios: [string, () => Response | Promise<Response>][] = [
    ['401', () => jsonResponse({ message: 'Unauthenticated.' }, 401)],
    ['500 echoing headers', () => new Response('boom', { status: 500 })],
    ['bad JSON', () => new Response('{', { status: 200 })],
    ['network failure', () => Promise.reject(new TypeError('fetch failed'))],
  ];
  it.each(scenarios)('no trace of it in the error of a %s', async (_, answer) => {
    const fetch = fakeFetch(answer);
    const client = createPartneroClient({ apiKey: API_KEY, fetch, maxRetries: 0 });
    const error = await client.partnerLinks.list('p').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartneroError);
    expect(everythingAbout(error)).not.toContain(API_KEY);
    expect(everythingAbout(error)).not.toContain('SECRET');
  });

  it('client.raw refuses to send it to another origin given per request', async () => {
    const fetch = fakeFetch(() => jsonResponse(linkPage(1, 1)));
    const client = createPartneroClient({ apiKey: API_KEY, fetch });
    await expect(
      client.raw.GET('/v1/partners/{id}/referral_links', { baseUrl: 'https://evil.example', params: { path: { id: 'p' } } }),
    ).rejects.toThrow('client.raw: refusing to send the API key to https://evil.example; it goes to https://api.partnero.com only');
    expect(fetch.requests).toHaveLength(0);
    const { data } = await client.raw.GET('/v1/partners/{id}/referral_links', { params: { path: { id: 'p' } } });
    expect(data?.data).toHaveLength(1);
    expect(fetch.requests[0]?.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
  });

  it('no trace of it in the client object itself', () => {
    const client = createPartneroClient({ apiKey: API_KEY });
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain('SECRET');
    expect(JSON.stringify(client)).not.toContain('SECRET');
  });
});

function catchSync(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
}

/** Message, stack, JSON and util.inspect of an error, causes included. */
function everythingAbout(error: unknown): string {
  const e = error as Error;
  return [e.message, e.stack, JSON.stringify(e), inspect(e, { depth: 10, showHidden: true })].join('\n');
}
