// The spec's x-partnero-exactly-one (a search's "use id or key"): the client refuses a call that
// gives none of the parameters, or more than one, before sending, naming them all; a call with
// exactly one is sent as given. The operations and names come from the generated table, so an
// operation that gains such a rule is tested here with no edit.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '@redocly/openapi-core';
import { InvalidParameterError, createPartneroClient } from '../../src/index.js';
import { operationTable } from '../../src/resources.js';
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js';

const withChoice = Object.entries(operationTable).filter(([, row]) => row.exactlyOne !== undefined);

/** A value each parameter of the choice accepts: its schema's first example in the spec. */
async function exampleOf(path: string, operation: string, name: string): Promise<string> {
  const file = `openapi/paths/${path.replace(/^\//, '').replace(/[/:]/g, '_').replace(/[{}]/g, '')}.yaml`;
  const item = parseYaml(await readFile(file, 'utf8')) as Record<string, { operationId: string; parameters: { $ref: string }[] }>;
  const op = Object.values(item).find((candidate) => candidate.operationId === operation)!;
  for (const { $ref } of op.parameters) {
    const parameter = parseYaml(await readFile(new URL($ref, new URL(`../../${file}`, import.meta.url)), 'utf8')) as { name: string; schema: { examples: string[] } };
    if (parameter.name === name) return parameter.schema.examples[0]!;
  }
  throw new Error(`${operation}: no parameter ${name}`);
}

describe('x-partnero-exactly-one', () => {
  it('is on both searches, naming id and key', () => {
    expect(withChoice.map(([id, row]) => [id, row.exactlyOne])).toEqual([
      ['searchPartnerReferralLinks', ['id', 'key']],
      ['searchCustomerReferralLinks', ['id', 'key']],
    ]);
  });

  it.each(withChoice)('%s: neither and both are refused before sending, naming every parameter; one is sent', async (id, row) => {
    const names = row.exactlyOne!;
    const fetch = fakeFetch(() => jsonResponse({ data: [], status: 1 }));
    const client = createPartneroClient({ apiKey: 'k', fetch, maxRetries: 0 }) as unknown as Record<string, Record<string, (query?: unknown) => Promise<unknown>>>;
    const call = (query?: unknown) => client[row.resource]![row.name]!(query);
    const values = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await exampleOf(row.path, id, name)] as const)));
    const expected = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;

    for (const query of [undefined, {}, values]) {
      const error = await call(query).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect((error as InvalidParameterError).parameter).toBe(expected);
      const shown = query === values ? JSON.stringify(values) : '{}';
      expect((error as Error).message).toBe(`${id}: ${expected} must be given, exactly one of them, got ${shown}`);
    }
    expect(fetch.requests).toHaveLength(0);

    for (const name of names) {
      await call({ [name]: values[name] });
      const sent = new URL(fetch.requests.at(-1)!.url).searchParams;
      expect([...sent.keys()]).toEqual([name]);
      expect(sent.get(name)).toBe(values[name]);
    }
  });
});
