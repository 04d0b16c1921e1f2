// The key rules of a new key (issue 15, issue 16 item 8): the client refuses, before sending,
// every request body key that the spec's own schema refuses (letters, digits, "-", "_" and "."
// only, 1 to 64 characters, not "." or ".."), with an error naming `key` and the rule in the
// spec's words. Expectations come from the spec: every operation whose request body has a `key`
// with a pattern is tested, with the schema's pattern and lengths as the oracle.
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { bundle, loadConfig } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, createPartneroClient } from '../../src/index.js';
import { describeValue } from '../../src/errors.js';
import { operationTable } from '../../src/resources.js';
import { bodyRules } from '../../src/generated/validators.js';
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js';
import { link } from '../support/http-server.js';

interface KeySchema {
  type: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  not?: { enum?: string[] };
  'x-partnero-pattern'?: string;
}
interface Operation {
  operationId: string;
  requestBody?: { content: { 'application/json': { schema: { properties?: { key?: KeySchema } }; examples?: Record<string, { value: Record<string, unknown> }> } } };
}

const root = new URL('../../', import.meta.url);
const config = await loadConfig({ configPath: fileURLToPath(new URL('redocly.yaml', root)) });
const spec = (await bundle({ ref: fileURLToPath(new URL('openapi/openapi.yaml', root)), config, dereference: true })).bundle.parsed as {
  paths: Record<string, Record<string, Operation>>;
};
const withKeyRule = Object.values(spec.paths)
  .flatMap((item) => Object.values(item))
  .filter((op) => op.requestBody?.content['application/json'].schema.properties?.key?.pattern !== undefined);

/** Whether the spec's schema allows `key`: the oracle, read from the spec, not restated. */
function allowed(schema: KeySchema, key: string): boolean {
  const length = [...key].length;
  return (
    length >= (schema.minLength ?? 0) &&
    length <= (schema.maxLength ?? Infinity) &&
    new RegExp(schema.pattern!, 'u').test(key) &&
    !(schema.not?.enum ?? []).includes(key)
  );
}

function setup() {
  const fetch = fakeFetch(() => jsonResponse({ data: link(1), status: 1 }, 201));
  return { fetch, client: createPartneroClient({ apiKey: 'sk_test_0123456789', fetch, maxRetries: 0 }) };
}

/** Calls the operation's method with its documented example body, `key` replaced. */
function call(client: ReturnType<typeof setup>['client'], op: Operation, key: unknown): Promise<unknown> {
  const row = operationTable[op.operationId]!;
  const example = Object.values(op.requestBody!.content['application/json'].examples ?? {})[0]?.value ?? {};
  const method = (client as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>)[row.resource]![row.name]!;
  return method(...row.pathParameters.map(() => 'ref_1'), { ...example, key });
}

/** Strings near the rule's edges: allowed characters, some others, lengths around the maximum. */
const keys = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_.-]{0,70}$/),
  fc.string({ unit: fc.constantFrom('a', 'Z', '9', '-', '_', '.', ' ', '/', '%', 'é', '\u{1F600}', '\uD800'), maxLength: 70 }),
  fc.constantFrom('.', '..', '...', '.a', '..a', 'a'.repeat(64), 'a'.repeat(65), 'Summer', 'SUMMER-sale_2.0', ' 9', '1e3', '-1'),
);

describe.each(withKeyRule.map((op) => [op.operationId, op] as const))('%s: the key rules of the spec', (operationId, op) => {
  const schema = op.requestBody!.content['application/json'].schema.properties!.key!;
  const words = bodyRules[operationTable[operationId]!.body!.validator]!['/key']!;

  it('the spec states the rules (pattern, 64 characters) and the words the errors use', () => {
    expect(schema.maxLength).toBe(64);
    expect(words).toContain('64 characters');
    expect(schema['x-partnero-pattern']).toBeTruthy();
    expect(words).toContain(schema['x-partnero-pattern']);
  });

  it('refuses, before sending, exactly the keys the schema refuses, naming key and the rule', async () => {
    await fc.assert(
      fc.asyncProperty(keys, async (key) => {
        const { fetch, client } = setup();
        const error = await call(client, op, key).then(() => undefined, (e: unknown) => e);
        if (allowed(schema, key)) {
          expect(error).toBeUndefined();
          expect(fetch.requests).toHaveLength(1);
          expect((JSON.parse(await fetch.requests[0]!.text()) as { key: string }).key).toBe(key);
        } else {
          expect(error).toBeInstanceOf(InvalidParameterError);
          expect((error as InvalidParameterError).parameter).toBe('key');
          expect((error as InvalidParameterError).message).toBe(`${operationId}: key must be ${words}, got ${describeValue(key)}`);
          expect(fetch.requests).toHaveLength(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keys that cannot be addressed as a path id (issue 16 item 8: "." and "..") are refused; "..." is not', async () => {
    for (const key of ['.', '..']) {
      const { fetch, client } = setup();
      const error = await call(client, op, key).catch((e: unknown) => e);
      expect((error as InvalidParameterError).parameter).toBe('key');
      expect(fetch.requests).toHaveLength(0);
    }
    const { fetch, client } = setup();
    await call(client, op, '...');
    expect(fetch.requests).toHaveLength(1);
  });

  it('a key with a lone surrogate or a letter outside A-Z is refused with the rule, not sent', async () => {
    for (const key of ['ab\uD800', 'clé']) {
      const { fetch, client } = setup();
      const error = (await call(client, op, key).catch((e: unknown) => e)) as InvalidParameterError;
      expect(error.parameter).toBe('key');
      expect(error.message).toContain(words);
      expect(fetch.requests).toHaveLength(0);
    }
  });
});

describe('the key rules reach every operation that takes a new key', () => {
  it('create and rename, partner and customer: four operations', () => {
    expect(withKeyRule.map((op) => op.operationId).sort()).toEqual(
      Object.entries(operationTable)
        .filter(([, row]) => row.body !== undefined && bodyRules[row.body.validator]?.['/key'] !== undefined)
        .map(([id]) => id)
        .sort(),
    );
    expect(withKeyRule.length).toBeGreaterThanOrEqual(4);
  });

  it('path ids and search keys stay lenient: an existing link whose key breaks the rules can still be read', async () => {
    const { fetch, client } = setup();
    await client.partnerLinks.get('Old Key/ä').catch(() => undefined);
    await client.partnerLinks.search({ key: 'Old Key/ä' }).catch(() => undefined);
    expect(fetch.requests).toHaveLength(2);
  });
});
