// Property-based checks (fast-check, 1,000 runs each) of path encoding and parameter checks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, createPartneroClient } from '../../src/index.js';
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js';
import { linkPage } from '../support/http-server.js';

const RUNS = { numRuns: 1000 };
const BASE = 'https://api.partnero.com';

function client() {
  const fetch = fakeFetch(() => jsonResponse(linkPage(1, 1)));
  return { fetch, client: createPartneroClient({ apiKey: 'k', fetch }) };
}

const partnerIds = fc.oneof(
  fc.string({ minLength: 1, unit: 'grapheme' }),
  fc.string({ minLength: 1, unit: 'binary' }),
  fc.constantFrom('a/../b?x#y', '../../admin', '%2e%2e', 'a b', '?page=9', '#', '/', '\\', 'ü', '%', ' ../'),
);

describe('partnerId', () => {
  it('always travels as one path segment that decodes back to itself', async () => {
    await fc.assert(
      fc.asyncProperty(partnerIds, async (id) => {
        fc.pre(id !== '.' && id !== '..' && id.isWellFormed());
        const { fetch, client: c } = client();
        await c.partnerLinks.list(id);
        const url = new URL(fetch.requests[0]?.url ?? '');
        expect(url.origin).toBe(BASE);
        const segments = url.pathname.split('/');
        expect(segments).toHaveLength(5);
        expect([segments[0], segments[1], segments[2], segments[4]]).toEqual(['', 'v1', 'partners', 'referral_links']);
        expect(decodeURIComponent(segments[3] ?? '')).toBe(id);
        expect(url.search).toBe('');
        expect(url.hash).toBe('');
      }),
      RUNS,
    );
  });

  it('anything but a non-empty well-formed string (or "." / "..") is refused before sending, naming partnerId\'s parameter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.anything().filter((v) => typeof v !== 'string'), fc.constantFrom('', '.', '..', '\uD800', 'a\uDC00b', 'x\uDBFF')),
        async (id) => {
          const { fetch, client: c } = client();
          const error = await c.partnerLinks.list(id as string).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(InvalidParameterError);
          expect((error as InvalidParameterError).parameter).toBe('id');
          expect((error as Error).message).toMatch(/^listPartnerReferralLinks: id must be a non-empty string of well-formed Unicode, other than "\." and "\.\.", got /);
          expect(fetch.requests).toHaveLength(0);
        },
      ),
      RUNS,
    );
  });
});

describe('limit and page', () => {
  it('limit is sent exactly when it is an integer from 1 to 250', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double(), fc.anything()), async (limit) => {
        const { fetch, client: c } = client();
        const outcome = await c.partnerLinks.list('p', { limit: limit as number }).then(
          () => 'sent',
          (e: unknown) => e,
        );
        if (Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= 250) {
          expect(outcome).toBe('sent');
          expect(new URL(fetch.requests[0]?.url ?? '').searchParams.get('limit')).toBe(String(limit));
        } else if (limit === undefined) {
          expect(outcome).toBe('sent');
          expect(new URL(fetch.requests[0]?.url ?? '').searchParams.has('limit')).toBe(false);
        } else {
          expect(outcome).toBeInstanceOf(InvalidParameterError);
          expect((outcome as InvalidParameterError).parameter).toBe('limit');
          expect((outcome as Error).message).toMatch(/^listPartnerReferralLinks: limit must be an integer from 1 to 250, got /);
          expect(fetch.requests).toHaveLength(0);
        }
      }),
      RUNS,
    );
  });

  it('page is sent exactly when it is an integer of at least 1', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer(), fc.maxSafeNat(), fc.double(), fc.string()), async (page) => {
        const { fetch, client: c } = client();
        const outcome = await c.partnerLinks.list('p', { page: page as number }).then(
          () => 'sent',
          (e: unknown) => e,
        );
        if (Number.isSafeInteger(page) && (page as number) >= 1) {
          expect(outcome).toBe('sent');
          expect(new URL(fetch.requests[0]?.url ?? '').searchParams.get('page')).toBe(String(page));
        } else {
          expect(outcome).toBeInstanceOf(InvalidParameterError);
          expect((outcome as Error).message).toMatch(/^listPartnerReferralLinks: page must be an integer of at least 1, got /);
          expect(fetch.requests).toHaveLength(0);
        }
      }),
      RUNS,
    );
  });

  it('an unknown query key is refused with the list of known ones', async () => {
    const { fetch, client: c } = client();
    await expect(c.partnerLinks.list('p', { limt: 5 } as never)).rejects.toThrow(
      'listPartnerReferralLinks: limt must be one of the query parameters limit, page, got 5',
    );
    expect(fetch.requests).toHaveLength(0);
  });

  it('a query id cannot stand in for the path parameter', async () => {
    const { fetch, client: c } = client();
    await expect(c.partnerLinks.list('', { id: 'x' } as never)).rejects.toThrow(
      'listPartnerReferralLinks: id must be one of the query parameters limit, page, got "x"',
    );
    await expect(c.partnerLinks.list(123 as never, { id: 'ok' } as never)).rejects.toBeInstanceOf(InvalidParameterError);
    expect(fetch.requests).toHaveLength(0);
  });

  it('a query that is not an object is refused', async () => {
    const { fetch, client: c } = client();
    await expect(c.partnerLinks.list('p', 5 as never)).rejects.toThrow(
      'listPartnerReferralLinks: query must be an object, got 5',
    );
    expect(fetch.requests).toHaveLength(0);
  });

  it('issue 12 defect 1: a query read three ways (inherited, getter, class instance) is refused, never half-sent', async () => {
    const { fetch, client: c } = client();
    class Query {
      get limit(): number {
        return 50;
      }
    }
    for (const query of [new Query(), Object.create({ limit: 50 }), Object.create({ limit: 999 })]) {
      await expect(c.partnerLinks.list('p', query)).rejects.toThrow(
        'listPartnerReferralLinks: query must be a plain object ({ ... }), not a class instance or an object with another prototype',
      );
      expect(() => c.partnerLinks.listAll('p', query)).toThrow('query must be a plain object');
    }
    expect(fetch.requests).toHaveLength(0);
  });

  it('issue 12 defect 1: an own getter is read once, checked, and what is sent is what was checked', async () => {
    const { fetch, client: c } = client();
    let reads = 0;
    const query = {
      get limit(): number {
        reads++;
        return reads === 1 ? 50 : 999;
      },
    };
    await c.partnerLinks.list('p', query);
    expect(reads).toBe(1);
    expect(new URL(fetch.requests[0]!.url).searchParams.get('limit')).toBe('50');
  });

  it('the bounds come from the spec: the message for 300 is the documented one', async () => {
    const { client: c } = client();
    await expect(c.partnerLinks.list('p', { limit: 300 })).rejects.toThrow(
      'listPartnerReferralLinks: limit must be an integer from 1 to 250, got 300',
    );
  });
});
