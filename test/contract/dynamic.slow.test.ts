// Prism in dynamic mode (fixed seed) generates answers from the response schemas: for every
// operation and every documented 2xx answer with a body, the client, validating answers, accepts
// every generated one. It proves the generated validators and the spec's schemas agree on more
// than the examples.
import { describe, expect, inject, it } from 'vitest';
import { callMethod, prefer, recorder } from './recorder.js';
import { callArguments, operationCases } from './spec-cases.js';

const ANSWERS = 5;
const dynamicUrl = inject('dynamicPrismUrl');
const mock = recorder();

for (const operation of operationCases(inject('bundledSpec'))) {
  describe(`${operation.id} (${operation.method} ${operation.path})`, () => {
    for (const { status, examples } of operation.successes.filter((answer) => answer.examples.length > 0)) {
      it(`${status}: ${ANSWERS} generated answers all pass the client's response validation`, async () => {
        const client = mock.client(prefer(status), dynamicUrl);
        const results: unknown[] = [];
        for (let i = 0; i < ANSWERS; i++) {
          results.push(await callMethod(client, operation.row.resource, operation.row.name, callArguments(operation)));
        }
        expect(mock.exchanges.map(({ response }) => response.status)).toStrictEqual(results.map(() => status));
        for (const result of results) expect(result).toBeTypeOf('object');
        // Generated from the schema, not served from the examples.
        const documented = examples.map((example) => JSON.stringify(example.value));
        expect(results.filter((result) => !documented.includes(JSON.stringify(result))).length).toBeGreaterThan(0);
      });
    }
  });
}
