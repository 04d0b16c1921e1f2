// The seed: the cURL request of Partnero's "List referral links" page gets, from the mock, the
// response that page documents, exactly; and so does the typed call of the operation whose path
// the request matches (found in the spec, not named here).
import { expect, inject, it } from 'vitest';
import { seedPage, seedRequest } from '../../scripts/lib/fixtures.mjs';
import { baseUrl, callMethod, recorder, violationsOf } from './recorder.js';
import { operationCases } from './spec-cases.js';

const mock = recorder();

it("the seed's cURL request (same headers) gets the seed's response, exactly", async () => {
  const response = await mock.fetch(new Request(`${baseUrl}${seedRequest.path}`, { method: seedRequest.method, headers: seedRequest.headers }));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(violationsOf(response)).toStrictEqual([]);
  expect(await response.json()).toStrictEqual(seedPage);
});

it("the typed call of the seed's operation returns the seed's response, exactly", async () => {
  const matches = operationCases(inject('bundledSpec')).flatMap((operation) => {
    const names: string[] = [];
    const pattern = operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^{}]+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const match = operation.method === seedRequest.method ? new RegExp(`^${pattern}$`).exec(seedRequest.path) : null;
    return match ? [{ operation, values: names.map((_, index) => decodeURIComponent(match[index + 1]!)) }] : [];
  });
  expect(matches.map(({ operation }) => operation.id)).toHaveLength(1);
  const [{ operation, values }] = matches as [(typeof matches)[number]];
  const result = await callMethod(mock.client(), operation.row.resource, operation.row.name, values);
  expect(result).toStrictEqual(seedPage);
  expect(mock.exchanges.map(({ request }) => new URL(request.url).pathname)).toStrictEqual([seedRequest.path]);
});
