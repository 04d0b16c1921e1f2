// Issue 16 items 9-12 and 14: bodies hold JSON data only, own `__proto__` keys are data, a walk
// stops at any page seen before, errors keep no unredacted server text, and redaction takes
// linear time on any input. The operations come from the generated table.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  InvalidParameterError,
  PaginationError,
  ResponseValidationError,
  UnexpectedResponseError,
  createPartneroClient,
  type PartneroClientOptions,
} from '../../src/index.js';
import { REDACTED, redactSecret } from '../../src/internal/redact.js';
import { operationTable } from '../../src/resources.js';
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js';
import { linkPage } from '../support/http-server.js';
import { createBody, families } from '../support/fake-links.js';

const KEY = 'pk_live_SECRET_0123456789';
type Method = (...args: unknown[]) => Promise<unknown> & AsyncIterable<unknown>;

function client(fetch: (request: Request) => Promise<Response>, options: Partial<PartneroClientOptions> = {}) {
  return createPartneroClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9', fetch, maxRetries: 0, ...options });
}
function method(c: ReturnType<typeof client>, resource: string, name: string): Method {
  return (c as unknown as Record<string, Record<string, Method>>)[resource]![name]!;
}

// A list with one path parameter and a walker; the create of the first family.
const [listId, list] = Object.entries(operationTable).find(([, row]) => row.pagination && row.pathParameters.length === 1)!;
const walk = list.pagination!;
const family = families[0]!;
const [createId, create] = family.create;

async function refusal(promise: Promise<unknown>): Promise<InvalidParameterError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidParameterError);
  return error as InvalidParameterError;
}

describe('issue 16 #9: a body value JSON would change or drop is refused, naming its field', () => {
  const fieldOf = (value: unknown): [string, Record<string, unknown>] => {
    const body = createBody(family, 'summer');
    const owner = Object.keys(body).find((k) => typeof body[k] === 'object')!;
    return [`${owner}.extra`, { ...body, [owner]: { ...(body[owner] as object), extra: value } }];
  };
  it.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['a Symbol', Symbol('s')],
    ['a function', () => 1],
    ['a BigInt', 1n],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
  ])('issue 16 #9: %s in a body is refused naming the field path, before sending', async (_, value) => {
    const fetch = fakeFetch(() => jsonResponse({ status: 1 }));
    const [field, body] = fieldOf(value);
    const error = await refusal(method(client(fetch), create.resource, create.name)(body));
    expect(error.parameter).toBe(field);
    expect(error.message).toMatch(new RegExp(`^${createId}: ${field.replace('.', '\\.')} must be JSON data`));
    expect(fetch.requests).toHaveLength(0);
  });

  it('issue 16 #9: undefined (or a hole) in a list is refused by its index; undefined in an object is left out', async () => {
    const fetch = fakeFetch(() => jsonResponse({ status: 1 }));
    const [field, body] = fieldOf([1, undefined]);
    expect((await refusal(method(client(fetch), create.resource, create.name)(body))).parameter).toBe(`${field}[1]`);
    // eslint-disable-next-line no-sparse-arrays
    expect((await refusal(method(client(fetch), create.resource, create.name)(fieldOf([1, , 3])[1]))).parameter).toBe(`${field}[1]`);
    expect(fetch.requests).toHaveLength(0);
    const [, sent] = fieldOf(undefined);
    fetch.requests.length = 0;
    const answering = fakeFetch(() => jsonResponse({ data: { id: 'summer', key: 'summer' }, status: 1 }, 201));
    await method(client(answering), create.resource, create.name)(sent).catch(() => undefined);
    expect(JSON.stringify(JSON.parse(await answering.requests[0]!.text()))).not.toContain('extra');
  });

  it('issue 16 #9: a cycle is refused, not a stack overflow', async () => {
    const fetch = fakeFetch(() => jsonResponse({ status: 1 }));
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const error = await refusal(method(client(fetch), create.resource, create.name)(fieldOf(cyclic)[1]));
    expect(error.parameter).toMatch(/\.extra(\.self)+$/);
  });
});

describe('issue 16 #10: own keys named __proto__ are data', () => {
  it('issue 16 #10: a query with an own __proto__ key is refused naming it (list and listAll), never sent nor dropped', async () => {
    const fetch = fakeFetch(() => jsonResponse(linkPage(1, 1)));
    const c = client(fetch);
    const query = JSON.parse(`{"__proto__":{"${walk.limit}":250,"evil":"x"}}`) as object;
    expect((await refusal(method(c, list.resource, list.name)('p', query))).parameter).toBe('__proto__');
    expect(() => method(c, list.resource, walk.method)('p', query)).toThrow(InvalidParameterError);
    expect(fetch.requests).toHaveLength(0);
  });

  it('issue 16 #10: a body with an own __proto__ key is checked and sent as data, with no prototype made of it', async () => {
    const fetch = fakeFetch(() => jsonResponse({ data: { id: 'summer', key: 'summer' }, status: 1 }, 201));
    const body = { ...createBody(family, 'summer'), ...(JSON.parse('{"__proto__":{"polluted":true}}') as object) };
    await method(client(fetch), create.resource, create.name)(body).catch(() => undefined);
    // Sent: as an own key of the JSON, exactly as given.
    const sent = JSON.parse(await fetch.requests[0]!.text()) as object;
    expect(Object.getOwnPropertyDescriptor(sent, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('issue 16 #11: a page seen before ends a walk', () => {
  it('issue 16 #11: pages that cycle A, B, A, B end the walk with PaginationError at the third page', async () => {
    const limit = 15;
    const fetch = fakeFetch((request) => {
      const page = Number(new URL(request.url).searchParams.get(walk.page));
      return jsonResponse(linkPage(page % 2 === 1 ? 1 : 1 + limit, limit));
    });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const item of method(client(fetch), list.resource, walk.method)('p', { [walk.limit]: limit }, { readAhead: false })) seen.push(item);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toMatch(/page 3 holds the same items as page 1/);
    expect(seen).toHaveLength(2 * limit);
  });
});

describe('issue 16 #12: errors keep no unredacted server text', () => {
  const leaks = (error: unknown): boolean => inspect(error, { depth: 10 }).includes(KEY) || JSON.stringify(error).includes(KEY) || String(error).includes(KEY);

  it('issue 16 #12: UnexpectedResponseError (not JSON; status 0) has its headers and body redacted', async () => {
    for (const answer of [
      () => new Response(`<html>${KEY}</html>`, { status: 200, headers: { 'content-type': 'text/html', 'x-echo': KEY } }),
      () => jsonResponse({ status: 0, message: `bad key ${KEY}`, echo: { [KEY]: KEY } }, 200, { 'x-echo': KEY }),
    ]) {
      const error = await method(client(fakeFetch(answer)), list.resource, list.name)('p').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect(leaks(error)).toBe(false);
      expect((error as UnexpectedResponseError).headers.get('x-echo')).toBe(REDACTED);
      expect(JSON.stringify((error as UnexpectedResponseError).body)).toContain(REDACTED);
    }
  });

  it('issue 16 #12: ResponseValidationError has its headers, body and issues redacted', async () => {
    const fetch = fakeFetch(() => jsonResponse({ data: [{ [KEY]: KEY }], status: 1 }, 200, { 'x-echo': KEY }));
    const error = await method(client(fetch, { validateResponses: true }), list.resource, list.name)('p').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(leaks(error)).toBe(false);
    expect((error as ResponseValidationError).headers.get('x-echo')).toBe(REDACTED);
  });

  it('issue 16 #12: PaginationError describes, never copies, what the server sent as the page number or next link', async () => {
    const pointers: readonly (readonly string[])[] = [walk.currentPage, walk.next];
    for (const pointer of pointers) {
      const page: Record<string, unknown> = linkPage(1, 15);
      let at = page;
      pointer.forEach((token, index) => {
        if (index === pointer.length - 1) at[token] = `https://x.example/?${walk.page}=${KEY}`;
        else at = (at[token] = {}) as Record<string, unknown>;
      });
      const error = await (async () => {
        for await (const _ of method(client(fakeFetch(() => jsonResponse(page))), list.resource, walk.method)('p'));
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaginationError);
      expect((error as Error).message).toMatch(new RegExp(`^${listId}: `));
      expect(leaks(error)).toBe(false);
      expect((error as Error).message).not.toContain('x.example');
    }
  });
});

describe('issue 16 #14: redaction takes linear time on any input', () => {
  const secrets = [KEY, '\\starts-with-backslash', '"quoted"\\back/slash', 'a\\\\b', "it's"];
  const units = ['\\', '\\\\"', '\\u', 'a\\', '%25', '&#0'];
  // 30 texts of 1 MB: generous against a loaded machine, hopeless for quadratic time.
  it('issue 16 #14: 1 MB of backslashes (and of other escape starts) is redacted in well under a second, for any key', { timeout: 60_000 }, () => {
    for (const secret of secrets) {
      for (const unit of units) {
        const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
        const started = performance.now();
        redactSecret(text, secret);
        // Quadratic time took 25 s for 150 KB; linear takes tens of milliseconds here.
        expect(performance.now() - started, `${JSON.stringify(secret)} in ${JSON.stringify(unit)}…`).toBeLessThan(1_000);
      }
    }
  });

  it('issue 16 #14: the key is still found after a long run of backslashes, and escaped around its own backslashes', () => {
    const run = '\\'.repeat(200_000);
    for (const secret of secrets) {
      const escaped = JSON.stringify(JSON.stringify(secret)).slice(2, -2); // JSON inside JSON.
      for (const written of [secret, JSON.stringify(secret).slice(1, -1), escaped, encodeURIComponent(secret)]) {
        expect(redactSecret(`${run}x ${written} y`, secret)).not.toContain(written === secret ? secret : written);
      }
    }
    expect(redactSecret(`${run}${KEY}`, KEY)).toBe(`${run}${REDACTED}`);
  });
});
