// The client-side defects of issue 12, found by adversarial tests: each describe() is one defect,
// each test failed before its fix. Real node:http servers on 127.0.0.1 (port 0) or an injected
// fetch; nothing reaches beyond loopback, and nothing is left running.
import { getEventListeners } from 'node:events';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ConnectionError,
  ConnectionTimeoutError,
  InvalidOptionError,
  PaginationError,
  PartneroApiError,
  RequestAbortedError,
  createPartneroClient,
  type PartneroClient,
  type PartneroClientOptions,
} from '../../src/index.js';
import { ResponseBodyError, describeValue } from '../../src/errors.js';
import { checkBaseUrl } from '../../src/internal/options.js';
import { REDACTED, redactSecret } from '../../src/internal/redact.js';
import { pageNumberFromUrl } from '../../src/pagination.js';
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js';
import { json, linkPage, type TestServer } from '../support/http-server.js';
import { serversClosedAfterEach } from '../support/servers.js';

// The link resource is being renamed (referralLinks → partnerLinks, same arguments), and the
// operation's name in messages with it: these tests use whichever exists and match any name.
interface Links {
  list(partnerId: string, query?: object, options?: unknown): Promise<unknown>;
  listAll(partnerId: string, query?: object, options?: unknown): AsyncIterable<unknown> & { pages(): AsyncIterable<unknown> };
}
function linksOf(client: PartneroClient): Links {
  const resources = client as unknown as Record<string, Links | undefined>;
  const links = resources.partnerLinks ?? resources.referralLinks;
  if (!links) throw new Error('the client has neither partnerLinks nor referralLinks');
  return links;
}
const OPERATION = /^\w+: /;

const serve = serversClosedAfterEach();

const KEY = 'pk_live_SECRET_0123456789';

function clientFor(server: TestServer | undefined, options: Partial<PartneroClientOptions> = {}): Links {
  return linksOf(createPartneroClient({ apiKey: KEY, ...(server ? { baseUrl: server.url } : {}), ...options }));
}

/** What the promise (or the function, sync or async) rejects with, and how long it took. */
async function outcome(run: () => unknown): Promise<{ error: unknown; ms: number }> {
  const start = performance.now();
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  return { error, ms: performance.now() - start };
}

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** A fetch that rebuilds the request from its URL, method and headers, and so drops its signal. */
const signalIgnoringFetch = (request: Request): Promise<Response> =>
  fetch(new Request(request.url, { method: request.method, headers: request.headers }));

const timeouts = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('defect 2: a fetch that ignores request.signal cannot hang a call', () => {
  it('timeoutMs settles the call on time when the server never answers', async () => {
    const server = await serve(() => {});
    const list = clientFor(server, { fetch: signalIgnoringFetch, timeoutMs: 200, maxRetries: 0 }).list;
    const { error, ms } = await outcome(() => list('p'));
    expect(error).toBeInstanceOf(ConnectionTimeoutError);
    expect(ms).toBeLessThan(1500);
  });

  it('timeoutMs covers a body that never ends, too', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":[');
    });
    const list = clientFor(server, { fetch: signalIgnoringFetch, timeoutMs: 200, maxRetries: 0 }).list;
    const { error, ms } = await outcome(() => list('p'));
    expect(error).toBeInstanceOf(ConnectionTimeoutError);
    expect(ms).toBeLessThan(1500);
  });

  it("the caller's abort settles the call at once, with no timer left", async () => {
    const before = timeouts();
    const never = (): Promise<Response> => new Promise<Response>(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user left')), 100);
    const list = clientFor(undefined, { fetch: never, timeoutMs: 60_000 }).list;
    const { error, ms } = await outcome(() => list('p', {}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as Error).cause).toEqual(new Error('user left'));
    expect(ms).toBeLessThan(1000);
    expect(timeouts()).toBeLessThanOrEqual(before); // The 60 s attempt timer is gone.
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('a late answer to an abandoned attempt is discarded, and the retry answers', async () => {
    let calls = 0;
    const fetch = (): Promise<Response> => {
      calls++;
      if (calls === 1) return new Promise((resolve) => setTimeout(() => resolve(jsonResponse(linkPage(99, 1))), 300));
      return Promise.resolve(jsonResponse(linkPage(1, 2)));
    };
    const page = await clientFor(undefined, { fetch, timeoutMs: 100, maxRetries: 1 }).list('p');
    expect((page as { data: { id: string }[] }).data.map((l) => l.id)).toEqual(['ref_1', 'ref_2']);
    await new Promise((resolve) => setTimeout(resolve, 300)); // The late answer comes, and goes unheard.
  });
});

describe('defect 3: a call option that is not usable is an InvalidOptionError, before any timer', () => {
  const fetch = fakeFetch(() => jsonResponse(linkPage(1, 1)));

  it.each([
    ['a plain object as signal', { signal: {} }, 'signal', /\.list: signal must be an AbortSignal .*got \{\}/],
    ['null as signal', { signal: null }, 'signal', /\.list: signal must be an AbortSignal .*got null/],
    ['null as options', null, 'options', /\.list: options must be an object .*got null/],
    ['a number as options', 5, 'options', /\.list: options must be an object .*got 5/],
    ['a string as options', 'fast', 'options', /\.list: options must be an object .*got "fast"/],
  ])('list with %s', async (_, options, option, message) => {
    const before = timeouts();
    const { error } = await outcome(() => clientFor(undefined, { fetch }).list('p', {}, options));
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as InvalidOptionError).option).toBe(option);
    expect((error as Error).message).toMatch(message);
    expect(timeouts()).toBeLessThanOrEqual(before); // No 30 s attempt timer keeps the process alive.
    expect(fetch.requests).toHaveLength(0);
  });

  it('listAll with a plain object as signal', async () => {
    const before = timeouts();
    const { error } = await outcome(() => collect(clientFor(undefined, { fetch }).listAll('p', {}, { signal: {} })));
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as InvalidOptionError).option).toBe('signal');
    expect((error as Error).message).toMatch(/signal must be an AbortSignal .*got \{\}/);
    expect(timeouts()).toBeLessThanOrEqual(before);
    expect(fetch.requests).toHaveLength(0);
  });
});

describe('defect 4: the API key echoed by a server never reaches an error', () => {
  // Printable ASCII keys with the characters that escaping changes, and a 1-character one.
  const keys = [KEY, 'sk_"quoted"\\back/slash', 'a%2Fb+c&d<e>', 'k'];

  it.each(keys)('a 401 echoing key %j: redacted from the message, the body and the headers', async (key) => {
    const server = await serve((_req, res) =>
      json(res, 401, { message: `Invalid API key ${key}`, sent: { authorization: `Bearer ${key}` } }, { 'x-request-id': `req ${encodeURIComponent(key)}` }),
    );
    const { error } = await outcome(() => clientFor(server, { apiKey: key }).list('p'));
    expect(error).toBeInstanceOf(PartneroApiError);
    const message = (error as Error).message;
    expect(message).toMatch(OPERATION);
    expect(message).toContain(`401 Unauthorized: Invalid API ${key === 'k' ? `[REDACTED]ey` : 'key'} [REDACTED]`);
    expect(message).toContain(`(request ID req [REDACTED])`);
    if (key.length > 1) {
      for (const text of [message, inspect(error, { depth: 10 }), JSON.stringify((error as PartneroApiError).body), String((error as Error).stack)]) {
        expect(text).not.toContain(key);
        expect(text).not.toContain(JSON.stringify(key).slice(1, -1));
        expect(text).not.toContain(encodeURIComponent(key));
      }
    }
    expect((error as PartneroApiError).body).toEqual(
      JSON.parse(redactSecret(JSON.stringify({ message: `Invalid API key ${key}`, sent: { authorization: `Bearer ${key}` } }), key)),
    );
  });

  it('a key cut by the 200-character limit of a message is still redacted whole', async () => {
    const server = await serve((_req, res) => json(res, 500, { message: `${'x'.repeat(190)}${KEY}` }));
    const { error } = await outcome(() => clientFor(server, { maxRetries: 0 }).list('p'));
    expect((error as Error).message).toContain(`${'x'.repeat(190)}[REDACTED]`);
    expect((error as Error).message).not.toContain(KEY.slice(0, 10));
  });

  it('a fetch failure quoting the key: redacted from the ConnectionError and its cause', async () => {
    const fetch = (request: Request): Promise<Response> =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error(`proxy refused ${request.headers.get('authorization')}`) }));
    const { error } = await outcome(() => clientFor(undefined, { fetch, maxRetries: 0 }).list('p'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/no answer \(proxy refused Bearer \[REDACTED\]\)$/);
    expect(inspect(error, { depth: 10 })).not.toContain(KEY);
  });

  describe('redactSecret', () => {
    it.each([
      ['verbatim', KEY, KEY],
      ['JSON-escaped', 'a"b\\c/d', 'a\\"b\\\\c/d'],
      ['JSON-escaped with \\/ (PHP)', 'a"b\\c/d', 'a\\"b\\\\c\\/d'],
      ['JSON inside JSON', 'a"b', 'a\\\\\\"b'],
      ['\\u-escaped', 'a"b', 'a\\u0022b'],
      ['percent-encoded, upper case', 'a"b\\c/d', 'a%22b%5Cc%2Fd'],
      ['percent-encoded, lower case', 'a"b\\c/d', 'a%22b%5cc%2fd'],
      ['percent-encoded twice', 'a/b', 'a%252Fb'],
      ['an HTML reference', 'a"b<c', 'a&quot;b&#60;c'],
      ['a 1-character key', 'k', 'k'],
      ['a key of one backslash', '\\', '\\\\'],
      ['a key of one %, percent-encoded', '%', '%25'],
    ])('%s', (_, secret, written) => {
      expect(redactSecret(`before ${written} after`, secret).replaceAll(secret, '')).not.toContain(written);
      expect(redactSecret(`(${written})`, secret)).toBe(`(${REDACTED})`);
    });

    it('a short key redacts ordinary words too: a false alarm rather than a leak', () => {
      expect(redactSecret('Invalid API key k', 'k')).toBe(`Invalid API ${REDACTED}ey ${REDACTED}`);
    });

    it('leaves text without the key, and any text for an empty key, as it is', () => {
      expect(redactSecret('nothing to see', KEY)).toBe('nothing to see');
      expect(redactSecret('nothing to see', '')).toBe('nothing to see');
    });

    it('any printable ASCII key, however it is escaped, becomes exactly one [REDACTED]', () => {
      const encodings = [
        (key: string) => key,
        (key: string) => JSON.stringify(key).slice(1, -1),
        (key: string) => JSON.stringify(JSON.stringify(key).slice(1, -1)).slice(1, -1),
        (key: string) => encodeURIComponent(key),
        (key: string) => encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
        (key: string) => JSON.stringify(key).slice(1, -1).replaceAll('/', '\\/'),
      ];
      fc.assert(
        fc.property(fc.stringMatching(/^[\x21-\x7e]{1,24}$/), fc.integer({ min: 0, max: encodings.length - 1 }), (key, index) => {
          expect(redactSecret(encodings[index]!(key), key)).toBe(REDACTED);
        }),
        { numRuns: 500 },
      );
    });
  });
});

describe('defect 5: a baseUrl with an empty query or fragment is refused', () => {
  it.each(['https://api.partnero.com/?', 'https://api.partnero.com/#', 'https://api.partnero.com?', 'https://api.partnero.com#', 'http://127.0.0.1:4010/x?#'])(
    '%s',
    (baseUrl) => {
      const error = (() => {
        try {
          checkBaseUrl(baseUrl, false);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect((error as InvalidOptionError).option).toBe('baseUrl');
      expect((error as Error).message).toMatch(/baseUrl must not contain credentials, a query or a fragment/);
      expect(() => createPartneroClient({ apiKey: KEY, baseUrl })).toThrow(InvalidOptionError);
    },
  );

  it('says what it found without echoing the value (a query or user info may hold a secret)', () => {
    for (const [baseUrl, found] of [
      ['https://api.partnero.com/?', 'a query ("?")'],
      ['https://api.partnero.com/#', 'a fragment ("#")'],
      ['https://me:hunter2@api.partnero.com', 'credentials (user:password@)'],
      ['https://api.partnero.com/?api_key=hunter2', 'a query ("?")'],
    ]) {
      expect(() => checkBaseUrl(baseUrl!, false)).toThrow(`createPartneroClient: baseUrl must not contain credentials, a query or a fragment; it has ${found}`);
    }
  });
});

describe('defect 6: a page number of the wrong type is named, never a self-contradiction', () => {
  it.each([
    // Described, not copied (issue 16 #12: the server's text may hold anything).
    ['"1" (a string)', '1', /the server's page number is a string of 1 characters, not an integer/],
    ['1.5', 1.5, /the server's page number is 1\.5, not an integer/],
    ['null', null, /the server's page number is null, not an integer/],
  ])('meta.current_page %s', async (_, currentPage, message) => {
    const fetch = fakeFetch(() =>
      jsonResponse(linkPage(1, 15, { meta: { current_page: currentPage, from: 1, to: 15, per_page: 15, path: 'https://x.example' } })),
    );
    const { error } = await outcome(() => collect(clientFor(undefined, { fetch }).listAll('p')));
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/asked for page 1 but the server sent page 1\b/);
  });
});

describe("defect 7: an abandoned walk does not hold the caller's signal", () => {
  it('200 walks dropped after one item without return() leave no listener on the signal', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch((request) => {
      const page = Number(new URL(request.url).searchParams.get('page'));
      return jsonResponse(linkPage(page * 100, 15));
    });
    const links = clientFor(undefined, { fetch });
    for (let walk = 0; walk < 200; walk++) {
      const iterator = links.listAll('p', {}, { signal: controller.signal })[Symbol.asyncIterator]();
      await iterator.next(); // One item, and the iterator is dropped (its read-ahead page in flight).
    }
    await new Promise((resolve) => setTimeout(resolve, 50)); // The read-ahead pages settle.
    expect(fetch.requests).toHaveLength(400);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it("the caller's signal still cancels a page in flight (listener attached while it is)", async () => {
    const controller = new AbortController();
    const seen: AbortSignal[] = [];
    const fetch = fakeFetch(
      (request) =>
        new Promise<Response>((resolve, reject) => {
          seen.push(request.signal);
          if (seen.length === 1) resolve(jsonResponse(linkPage(1, 15)));
          request.signal.addEventListener('abort', () => reject(request.signal.reason));
        }),
    );
    const iterator = clientFor(undefined, { fetch }).listAll('p', {}, { signal: controller.signal })[Symbol.asyncIterator]();
    await iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(2); // Page 2 is in flight...
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    expect(seen[1]?.aborted).toBe(true); // ...and the caller's abort reaches it.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('defect 8: many concurrent calls on one signal print no MaxListenersExceededWarning', () => {
  async function withWarnings(run: () => Promise<void>): Promise<Error[]> {
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning);
    };
    process.on('warning', onWarning);
    try {
      await run();
      await new Promise((resolve) => setTimeout(resolve, 20)); // Warnings are emitted on a later tick.
    } finally {
      process.off('warning', onWarning);
    }
    return warnings;
  }

  it('50 calls in flight at once', async () => {
    const controller = new AbortController();
    let peak = 0;
    const fetch = fakeFetch(async () => {
      peak = Math.max(peak, getEventListeners(controller.signal, 'abort').length);
      await new Promise((resolve) => setTimeout(resolve, 30));
      return jsonResponse(linkPage(1, 1));
    });
    const list = clientFor(undefined, { fetch }).list;
    const warnings = await withWarnings(async () => {
      await Promise.all(Array.from({ length: 50 }, () => list('p', {}, { signal: controller.signal })));
    });
    expect(warnings.map((w) => w.name)).toEqual([]);
    expect(fetch.requests).toHaveLength(50);
    expect(peak).toBe(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('50 calls waiting out a backoff at once', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch((_request, index) => (index < 50 ? jsonResponse({ message: 'busy' }, 503, { 'retry-after': '0.05' }) : jsonResponse(linkPage(1, 1))));
    const list = clientFor(undefined, { fetch, maxRetries: 1 }).list;
    const warnings = await withWarnings(async () => {
      await Promise.all(Array.from({ length: 50 }, () => list('p', {}, { signal: controller.signal })));
    });
    expect(warnings.map((w) => w.name)).toEqual([]);
    expect(fetch.requests).toHaveLength(100);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('defect 10: messages that do not mislead', () => {
  it('maxRetries "3" is named a string', async () => {
    expect(() => createPartneroClient({ apiKey: KEY, maxRetries: '3' as never })).toThrow(
      'createPartneroClient: maxRetries must be an integer from 0 to 10, got "3" (a string)',
    );
    const { error } = await outcome(() => clientFor(undefined).list('p', {}, { maxRetries: '3' }));
    expect((error as Error).message).toMatch(/\.list: maxRetries must be an integer from 0 to 10, got "3" \(a string\)$/);
  });

  it('new Number(5) is named a Number object', () => {
    expect(() => createPartneroClient({ apiKey: KEY, timeoutMs: new Number(5) as never })).toThrow(
      'createPartneroClient: timeoutMs must be an integer from 1 to 2147483647, got a Number object (5)',
    );
    expect(describeValue(new String('x'))).toBe('a String object ("x")');
    expect(describeValue(new (class Query {
      limit = 5;
    })())).toBe('a Query object ({"limit":5})');
    expect(describeValue({ limit: 5 })).toBe('{"limit":5}');
    expect(describeValue('abc')).toBe('"abc"');
  });

  it('a 304 is not called a redirect', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(304);
      res.end();
    });
    const { error } = await outcome(() => clientFor(server).list('p'));
    expect(error).toBeInstanceOf(PartneroApiError);
    expect((error as Error).message).toMatch(
      /^\w+: 304 Not Modified: the server answered 304 Not Modified, which this client never asks for/,
    );
    expect((error as Error).message).not.toMatch(/redirect/);
  });

  it('a corrupt gzip body: an answer came but could not be read, with its status; retried like a reset', async () => {
    const server = await serve((_req, res) => {
      const body = gzipSync(JSON.stringify(linkPage(1, 2)));
      body.fill(0x55, 10, 30); // Corrupt the deflate stream.
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
    });
    const { error } = await outcome(() => clientFor(server, { maxRetries: 1 }).list('p'));
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ResponseBodyError).status).toBe(200);
    expect((error as Error).message).toMatch(/^\w+: a 200 answer came, but its body could not be read \(.*Z_/);
    expect((error as Error).message).not.toMatch(/no answer/);
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ['?page=2', 2],
    ['https://api.partnero.com/v1/partners/p/referral_links?limit=5&page=12', 12],
    ['?page=02', 2],
    ['?page=0x2', undefined],
    ['?page=2e0', undefined],
    ['?page=+2', undefined],
    ['?page=%202', undefined],
    ['?page=2.0', undefined],
    ['?page=0', undefined],
    ['?page=-1', undefined],
    ['?page=', undefined],
    ['?cursor=abc', undefined],
    ['?page=99999999999999999999', undefined],
  ])('pageNumberFromUrl(%j) is %s: decimal digits only', (url, page) => {
    expect(pageNumberFromUrl(url, 'page')).toBe(page);
  });
});
