import { operations } from '../../src/generated/spec.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ResponseValidationError, UnexpectedResponseError, createPartneroClient } from '../../src/index.js';
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js';
import { link, linkPage } from '../support/http-server.js';

const withBody = (body: unknown, validateResponses = true) =>
  createPartneroClient({ apiKey: 'k', validateResponses, fetch: fakeFetch(() => jsonResponse(body)) });

describe('validateResponses', () => {
  it('accepts a body that matches the spec, links and meta included', async () => {
    const body = linkPage(1, 3, {
      links: { first: 'https://api.partnero.com/x?page=1', last: null, prev: null, next: null },
      meta: { current_page: 1, from: 1, to: 3, per_page: 15, path: 'https://api.partnero.com/x' },
    });
    await expect(withBody(body).partnerLinks.list('p')).resolves.toEqual(body);
  });

  it('accepts properties the spec does not know (the API may add fields)', async () => {
    const body = { ...linkPage(1, 1), extra: true };
    await expect(withBody(body).partnerLinks.list('p')).resolves.toEqual(body);
  });

  it.each([
    ['a link without url', { data: [{ ...link(1), url: undefined }], status: 1 }, '/data/0/url', 'a required property', 'nothing'],
    ['a string for default', { data: [link(1), { ...link(2), default: 'yes' }], status: 1 }, '/data/1/default', 'must be boolean', '"yes"'],
    ['a url that is not a URI', { data: [{ ...link(1), url: 'not a uri' }], status: 1 }, '/data/0/url', 'must match format "uri"', '"not a uri"'],
    ['a number for the redirect URL', { data: [{ ...link(1), direct_tracking_redirect_url: 5 }], status: 1 }, '/data/0/direct_tracking_redirect_url', 'must be string,null', '5'],
    ['meta without per_page', { ...linkPage(1, 1), meta: { current_page: 1, from: 1, to: 1, path: 'https://x.example' } }, '/meta/per_page', 'a required property', 'nothing'],
  ])('refuses %s, naming the path, the expectation and what came', async (_, body, path, expected, received) => {
    const error = await withBody(body).partnerLinks.list('p').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    const issues = (error as ResponseValidationError).issues;
    expect(issues).toContainEqual({ path, expected, received });
    expect((error as Error).message).toContain(`at ${issues[0]?.path}: ${issues[0]?.expected}, got ${issues[0]?.received}`);
  });

  it('reports every problem, not only the first', async () => {
    const body = { data: [{ ...link(1), default: 'yes', key: 7 }], status: 1 };
    const error = (await withBody(body).partnerLinks.list('p').catch((e: unknown) => e)) as ResponseValidationError;
    expect(error.issues.map((i) => i.path).sort()).toEqual(['/data/0/default', '/data/0/key']);
    expect(error.message).toMatch(/\(and 1 more\)$/);
  });

  it('is off by default: the same body passes through', async () => {
    const body = { data: [{ ...link(1), default: 'yes' }], status: 1 };
    await expect(withBody(body, false).partnerLinks.list('p')).resolves.toEqual(body);
  });
});

describe('the generated validators', () => {
  it('need neither ajv nor eval at run time, so they run under a strict Content-Security-Policy', () => {
    const code = readFileSync(new URL('../../src/generated/validators.ts', import.meta.url), 'utf8');
    expect(code).not.toMatch(/\bimport\b[^;]*from|\brequire\(/); // Self-contained: no imports at all.
    expect(code).not.toMatch(/\beval\(|new Function|\bFunction\(/);
    // One exported validator per schema that a 2xx answer or a request body of the table names.
    for (const row of Object.values(operations)) {
      const names = [...Object.values(row.success), 'body' in row ? row.body.validator : null].filter((n) => n !== null);
      for (const name of names) expect(code).toMatch(new RegExp(`export const ${name}: Validator = validate\\d+;`));
    }
  });
});
