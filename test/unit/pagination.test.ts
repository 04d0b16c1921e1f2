import { describe, expect, it } from 'vitest';
import {
  PaginationError,
  RequestAbortedError,
  UnexpectedResponseError,
  createPartneroClient,
  type ReferralLinkList,
} from '../../src/index.js';
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js';
import { linkPage } from '../support/http-server.js';
import { operations } from '../../src/generated/spec.js';

/** The operation behind client.partnerLinks.list, as messages name it (from the generated table). */
const OP = Object.entries(operations as Readonly<Record<string, { readonly resource: string; readonly name: string }>>).find(
  ([, row]) => row.resource === 'partnerLinks' && row.name === 'list',
)?.[0];

// Long enough that redacting it from server text cannot touch ordinary words.
const KEY = 'pk_test_0123456789abcdef';
const pageOf = (request: Request): number => Number(new URL(request.url).searchParams.get('page'));
const limitOf = (request: Request): number => Number(new URL(request.url).searchParams.get('limit') || 15);

/** A server with `total` links, paginated by page and limit, without links/meta. */
function plainServer(total: number) {
  return fakeFetch((request) => {
    const page = pageOf(request);
    const limit = limitOf(request);
    const from = (page - 1) * limit + 1;
    return jsonResponse(linkPage(from, Math.max(0, Math.min(limit, total - from + 1))));
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('listAll without links', () => {
  it.each([
    [0, 10, 1],
    [9, 10, 1],
    [10, 10, 2],
    [25, 10, 3],
    [30, 10, 4],
  ])('%s links in pages of %s: every link once, in order, with %s requests', async (total, limit, requests) => {
    const fetch = plainServer(total);
    const client = createPartneroClient({ apiKey: KEY, fetch });
    const ids = (await collect(client.partnerLinks.listAll('p', { limit }))).map((l) => l.id);
    expect(ids).toEqual(Array.from({ length: total }, (_, i) => `ref_${i + 1}`));
    expect(fetch.requests.map(pageOf)).toEqual(Array.from({ length: requests }, (_, i) => i + 1));
    expect(fetch.requests.every((r) => limitOf(r) === limit)).toBe(true);
  });

  it('uses the spec default limit (15) to tell a full page when no limit is given', async () => {
    const fetch = plainServer(16);
    const client = createPartneroClient({ apiKey: KEY, fetch });
    expect(await collect(client.partnerLinks.listAll('p'))).toHaveLength(16);
    expect(fetch.requests.map(pageOf)).toEqual([1, 2]);
    expect(new URL(fetch.requests[0]?.url ?? '').searchParams.has('limit')).toBe(false);
  });

  it('pages() yields the bodies as sent', async () => {
    const client = createPartneroClient({ apiKey: KEY, fetch: plainServer(3) });
    const pages: ReferralLinkList[] = await collect(client.partnerLinks.listAll('p', { limit: 2 }).pages());
    expect(pages.map((p) => p.data.length)).toEqual([2, 1]);
    expect(pages.every((p) => p.status === 1)).toBe(true);
  });
});

describe('listAll with links.next', () => {
  it("follows links.next's page number, on the client's own base URL only", async () => {
    const fetch = fakeFetch((request) => {
      const page = pageOf(request);
      const next = page < 3 ? `https://evil.example/steal?page=${page + 1}` : null;
      return jsonResponse(linkPage(page * 10, 1, { links: { first: null, last: null, prev: null, next } }));
    });
    const client = createPartneroClient({ apiKey: KEY, fetch });
    const ids = (await collect(client.partnerLinks.listAll('p', { limit: 50 }))).map((l) => l.id);
    expect(ids).toEqual(['ref_10', 'ref_20', 'ref_30']); // Short pages, yet links.next decides.
    expect(fetch.requests.map((r) => new URL(r.url).origin)).toEqual(Array(3).fill('https://api.partnero.com'));
  });

  it('fails clearly when links.next has no page number', async () => {
    const fetch = fakeFetch(() =>
      jsonResponse(linkPage(1, 1, { links: { first: null, last: null, prev: null, next: 'https://api.partnero.com/x?cursor=abc' } })),
    );
    const client = createPartneroClient({ apiKey: KEY, fetch });
    await expect(collect(client.partnerLinks.listAll('p'))).rejects.toThrow(/links\.next has no usable page number/);
  });

  it('fails clearly when links.next points back', async () => {
    const fetch = fakeFetch((request) =>
      jsonResponse(linkPage(pageOf(request), 1, { links: { first: null, last: null, prev: null, next: '?page=1' } })),
    );
    const error = await collect(createPartneroClient({ apiKey: KEY, fetch }).partnerLinks.listAll('p')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toMatch(/after page 1 the server points back to page 1/);
  });
});

describe('guards', () => {
  it('a server that ignores page (the same full page again) fails after two requests', async () => {
    const fetch = fakeFetch(() => jsonResponse(linkPage(1, 15)));
    const error = await collect(createPartneroClient({ apiKey: KEY, fetch }).partnerLinks.listAll('p')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toBe(
      `${OP}: page 2 holds the same items as page 1; the server seems to ignore the page number`,
    );
    expect(fetch.requests.length).toBeLessThanOrEqual(3); // Page 3 at most was read ahead.
  });

  it('meta.current_page that differs from the page asked for fails', async () => {
    const fetch = fakeFetch((request) =>
      jsonResponse(linkPage(pageOf(request) * 100, 15, { meta: { current_page: 1, from: 1, to: 15, per_page: 15, path: 'https://x.example' } })),
    );
    await expect(collect(createPartneroClient({ apiKey: KEY, fetch }).partnerLinks.listAll('p'))).rejects.toThrow(
      `${OP}: asked for page 2 but the server sent page 1; stopping rather than repeat items`,
    );
  });

  it('a server that never ends stops at maxPages, after yielding that many pages', async () => {
    const fetch = fakeFetch((request) => jsonResponse(linkPage(pageOf(request) * 100, 15)));
    const seen: number[] = [];
    const walk = async () => {
      for await (const page of createPartneroClient({ apiKey: KEY, fetch }).partnerLinks.listAll('p', {}, { maxPages: 5 }).pages()) {
        seen.push(page.data.length);
      }
    };
    await expect(walk()).rejects.toThrow(/stopped after 5 pages \(maxPages\)/);
    expect(seen).toEqual([15, 15, 15, 15, 15]);
    expect(fetch.requests).toHaveLength(5);
  });
});

describe('read-ahead', () => {
  it('asks for page n + 1 while the caller handles page n, never two ahead', async () => {
    const fetch = plainServer(100);
    const client = createPartneroClient({ apiKey: KEY, fetch });
    const requestedWhileHandling: number[] = [];
    for await (const page of client.partnerLinks.listAll('p', { limit: 10 }).pages()) {
      await new Promise((resolve) => setTimeout(resolve, 5)); // The caller's work.
      requestedWhileHandling.push(fetch.requests.length);
      expect(page.data.length).toBe(10);
    }
    // While handling page n, exactly n + 1 requests were made (the 11th finds the empty end,
    // which is not handed out).
    expect(requestedWhileHandling).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(fetch.requests).toHaveLength(11);
  });

  it('with readAhead: false, asks for the next page only when the caller wants it', async () => {
    const fetch = plainServer(30);
    const client = createPartneroClient({ apiKey: KEY, fetch });
    const requestedWhileHandling: number[] = [];
    for await (const _ of client.partnerLinks.listAll('p', { limit: 10 }, { readAhead: false }).pages()) {
      requestedWhileHandling.push(fetch.requests.length);
    }
    expect(requestedWhileHandling).toEqual([1, 2, 3]);
    expect(fetch.requests).toHaveLength(4); // The 4th, empty, ends the walk.
  });

  it('leaving the loop aborts the page in flight, and nothing rejects unhandled', async () => {
    const signals: AbortSignal[] = [];
    const fetch = fakeFetch(
      (request) =>
        new Promise<Response>((resolve, reject) => {
          signals.push(request.signal);
          if (pageOf(request) === 1) resolve(jsonResponse(linkPage(1, 15)));
          request.signal.addEventListener('abort', () => reject(request.signal.reason));
        }),
    );
    const client = createPartneroClient({ apiKey: KEY, fetch });
    for await (const link of client.partnerLinks.listAll('p')) {
      expect(link.id).toBe('ref_1');
      break;
    }
    expect(signals).toHaveLength(2); // Page 2 was on its way...
    expect(signals[1]?.aborted).toBe(true); // ...and is cancelled.
    await new Promise((resolve) => setTimeout(resolve, 10)); // Let any stray rejection surface.
  });

  it("the caller's signal stops the walk with RequestAbortedError", async () => {
    const controller = new AbortController();
    const fetch = plainServer(1000);
    const client = createPartneroClient({ apiKey: KEY, fetch });
    const ids: string[] = [];
    const walk = async () => {
      for await (const link of client.partnerLinks.listAll('p', { limit: 10 }, { signal: controller.signal })) {
        ids.push(link.id);
        if (ids.length === 15) controller.abort(new Error('enough'));
      }
    };
    await expect(walk()).rejects.toBeInstanceOf(RequestAbortedError);
    // Not one link after the signal fired, though page 2 was in hand and page 3 on its way.
    expect(ids).toHaveLength(15);
  });
});

describe('listAll options', () => {
  it.each([0, -1, 1.5, Number.NaN])('refuses maxPages %s before sending anything', (maxPages) => {
    const fetch = plainServer(10);
    const client = createPartneroClient({ apiKey: KEY, fetch });
    expect(() => client.partnerLinks.listAll('p', {}, { maxPages })).toThrow(
      /^partnerLinks\.listAll: maxPages must be an integer from 1 to/,
    );
    expect(fetch.requests).toHaveLength(0);
  });

  it('refuses a page (it walks every page) and a bad timeoutMs before sending anything', () => {
    const fetch = plainServer(10);
    const client = createPartneroClient({ apiKey: KEY, fetch });
    expect(() => client.partnerLinks.listAll('p', { page: 2 } as never)).toThrow(
      `${OP}: page must be left out: partnerLinks.listAll walks every page from the first, got 2`,
    );
    expect(() => client.partnerLinks.listAll('p', {}, { timeoutMs: 0 })).toThrow(
      'partnerLinks.listAll: timeoutMs must be an integer from 1 to 2147483647, got 0',
    );
    expect(fetch.requests).toHaveLength(0);
  });

  it('a page holding something other than links ends the walk with UnexpectedResponseError', async () => {
    const fetch = fakeFetch(() => jsonResponse({ data: [null], status: 1 }));
    const walk = collect(createPartneroClient({ apiKey: KEY, fetch }).partnerLinks.listAll('p'));
    await expect(walk).rejects.toBeInstanceOf(UnexpectedResponseError);
    await expect(walk).rejects.toThrow(`${OP}: the answer's data[0] is null, not an object`);
  });
});
