// Every example of the spec, replayed in document order against a fresh sandbox with no option
// but its port: an operation's example cases (scripts/lib/spec-examples.mjs: the parameters' and
// the body's examples of one name) must each be answered with the status the examples use
// (x-partnero-example-status, or the only 2xx), a body the spec's schema accepts, and the
// link(s) the answer example of that name shows. Nothing here names an operation or a value: an
// added operation is replayed here as soon as the spec gives it examples.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, loadConfig } from '@redocly/openapi-core';
import { SANDBOX_API_KEY, startSandbox } from '../../scripts/lib/sandbox.mjs';
import { exampleCases, type OperationExamples } from '../../scripts/lib/spec-examples.mjs';
import { operationTable } from '../../src/resources.js';
import * as validators from '../../src/generated/validators.js';

const root = new URL('../../', import.meta.url);
let operations: OperationExamples[];
let sandbox: Awaited<ReturnType<typeof startSandbox>>;

beforeAll(async () => {
  const config = await loadConfig({ configPath: fileURLToPath(new URL('redocly.yaml', root)) });
  const spec = (await bundle({ ref: fileURLToPath(new URL('openapi/openapi.yaml', root)), config })).bundle.parsed;
  operations = exampleCases(spec);
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.close();
});

type Link = { id: unknown; key?: unknown };
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

describe("the spec's examples", () => {
  it('every operation has example cases, and no example name is half given', () => {
    expect(operations.length).toBe(Object.keys(operationTable).length);
    expect(operations.flatMap((op) => op.problems)).toEqual([]);
    expect(operations.filter((op) => op.cases.length === 0).map((op) => op.operationId)).toEqual([]);
  });

  it('run in document order against a fresh sandbox: the documented status, a body the schema accepts, the links the answer example shows', async () => {
    const replayed: string[] = [];
    for (const op of operations) {
      for (const example of op.cases) {
        const where = `${op.operationId} example ${example.name}`;
        const path = op.path.replace(/\{([^{}]+)\}/g, (_, name: string) => encodeURIComponent(String(example.path[name])));
        const query = new URLSearchParams(Object.entries(example.query).map(([name, value]) => [name, String(value)])).toString();
        const response = await fetch(`${sandbox.url}${path}${query ? `?${query}` : ''}`, {
          method: op.method,
          headers: {
            authorization: `Bearer ${SANDBOX_API_KEY}`,
            accept: 'application/json',
            ...(example.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(example.body === undefined ? {} : { body: JSON.stringify(example.body) }),
        });
        const text = await response.text();
        expect(response.status, `${where}: ${text}`).toBe(op.status);
        const validator = operationTable[op.operationId]!.success[String(op.status)];
        if (validator === null || validator === undefined) {
          expect(text, where).toBe('');
          replayed.push(where);
          continue;
        }
        const body = JSON.parse(text) as Record<string, unknown>;
        const validate = (validators as unknown as Record<string, (data: unknown) => boolean>)[validator]!;
        expect(validate(body), `${where}: ${text}`).toBe(true);
        const shown = isObject(example.response) ? example.response['data'] : undefined;
        if (isObject(shown)) {
          expect({ id: (body['data'] as Link).id, key: (body['data'] as Link).key }, where).toEqual({ id: shown['id'], key: shown['key'] });
        } else if (Array.isArray(shown)) {
          const ids = (body['data'] as Link[]).map((item) => item.id);
          if (shown.length === 0) expect(ids, where).toEqual([]);
          for (const item of shown as Link[]) expect(ids, where).toContain(item.id);
        }
        replayed.push(where);
      }
    }
    expect(replayed.length).toBe(operations.reduce((count, op) => count + op.cases.length, 0));
  });
});
