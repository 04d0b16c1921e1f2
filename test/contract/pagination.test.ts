// The page walkers (`client.<resource>.<pagination method>`) against Prism, over the walks that
// each paginated operation's examples document: a fetch wrapper asks Prism for the example of
// the page the client requests (`Prefer: example=<name>`), so `listAll` follows `links.next`
// from the first page to the last exactly as it would against the API.
import { describe, expect, inject, it } from 'vitest';
import type { Paginator } from '../../src/index.js';
import { callMethod, prefer, recorder } from './recorder.js';
import { callArguments, documentedWalks, operationCases, valueAt, type Example, type OperationCase } from './spec-cases.js';

const paginated = operationCases(inject('bundledSpec')).filter((operation) => operation.row.pagination);
const mock = recorder();

/** The page number a request asks for (the first page when it names none). */
function requestedPage(operation: OperationCase, request: Request): number {
  const { page } = operation.row.pagination!;
  const value = new URL(request.url).searchParams.get(page);
  return value === null ? ((operation.row.parameters[page]?.default as number | undefined) ?? 1) : Number(value);
}

/** The walker of `operation` on a client whose requests get the example documented for their page. */
function walker(operation: OperationCase, walk: readonly Example[]): Paginator<unknown, unknown> {
  const pagination = operation.row.pagination!;
  const firstPage = (operation.row.parameters[pagination.page]?.default as number | undefined) ?? 1;
  const byPage = new Map(walk.map((example) => [(valueAt(example.value, pagination.currentPage) as number | undefined) ?? firstPage, example.name]));
  const client = mock.client((request) => {
    const page = requestedPage(operation, request);
    if (!byPage.has(page)) throw new Error(`the walk asked for page ${page}, which its examples do not document`);
    prefer(200, byPage.get(page))(request);
  });
  const pathArgs = callArguments(operation).slice(0, operation.row.pathParameters.length);
  return callMethod(client, operation.row.resource, pagination.method, pathArgs) as Paginator<unknown, unknown>;
}

it('the spec documents a walk over several pages for at least one paginated operation', () => {
  const longest = Math.max(0, ...paginated.flatMap((operation) => documentedWalks(operation).map((walk) => walk.examples.length)));
  expect(longest).toBeGreaterThan(1);
});

for (const operation of paginated) {
  const pagination = operation.row.pagination!;
  describe(`${operation.id}: ${operation.row.resource}.${pagination.method}`, () => {
    for (const walk of documentedWalks(operation)) {
      const names = walk.examples.map((example) => example.name).join(' → ');
      it(`walks examples ${names}: every page in order, then every item in order`, async () => {
        expect(walk.broken, 'the examples document the whole walk').toBeUndefined();

        const pages: unknown[] = [];
        for await (const page of walker(operation, walk.examples).pages()) pages.push(page);
        expect(pages).toStrictEqual(walk.examples.map((example) => example.value));
        const requested = mock.exchanges.map(({ request }) => requestedPage(operation, request));
        expect(requested).toStrictEqual(walk.examples.map((_, index) => requested[0]! + index));

        const before = mock.exchanges.length;
        const items: unknown[] = [];
        for await (const item of walker(operation, walk.examples)) items.push(item);
        expect(items).toStrictEqual(walk.examples.flatMap((example) => valueAt(example.value, pagination.items) as unknown[]));
        expect(mock.exchanges.slice(before).map(({ response }) => response.status)).toStrictEqual(walk.examples.map(() => 200));
      });
    }
  });
}
