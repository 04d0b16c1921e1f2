// Every operation of the spec against Prism mocking it, through the typed client. The cases come
// from the bundled spec (spec-cases.ts): every documented 2xx example is returned exactly, every
// documented error status becomes its error class, every request-body example is accepted, every
// parameter bound is refused on both sides, and a request without a key gets 401.
import { describe, expect, inject, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  InvalidParameterError,
  NotFoundError,
  PartneroApiError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { operationTable } from '../../src/resources.js';
import { baseUrl, callMethod, prefer, recorder, violationsOf, type Exchange } from './recorder.js';
import { callArguments, operationCases, operationUrl, type OperationCase } from './spec-cases.js';

const operations = operationCases(inject('bundledSpec'));
const mock = recorder();

/** The error class of an error status, as the README's table gives it. */
function errorClass(status: number): typeof PartneroApiError {
  const classes: Record<number, typeof PartneroApiError> = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
  };
  return classes[status] ?? (status >= 500 ? InternalServerError : PartneroApiError);
}

const call = (operation: OperationCase, edit?: (request: Request) => void, args = callArguments(operation)) =>
  callMethod(mock.client(edit), operation.row.resource, operation.row.name, args);

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** A raw request to the mock, past the client: the body example, JSON, and no key unless given. */
function rawRequest(operation: OperationCase, url: string, headers: Record<string, string> = {}): Request {
  const body = operation.bodies[0]?.value;
  return new Request(url, {
    method: operation.method,
    headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

it('the spec has operations, and the generated table has exactly them (npm run generate is current)', () => {
  expect(operations.length).toBeGreaterThan(0);
  const fromSpec = Object.fromEntries(operations.map((o) => [o.id, `${o.method} ${o.path}`]));
  const fromTable = Object.fromEntries(Object.entries(operationTable).map(([id, row]) => [id, `${row.method} ${row.path}`]));
  expect(fromTable).toStrictEqual(fromSpec);
});

for (const operation of operations) {
  const { id, row } = operation;
  describe(`${id} (${operation.method} ${operation.path})`, () => {
    it('the spec gives the examples these tests need (path parameters, request body, answers)', () => {
      expect(operation.problems).toStrictEqual([]);
      expect(operation.successes.length, 'a documented 2xx answer').toBeGreaterThan(0);
    });

    for (const { status, examples } of operation.successes) {
      const cases = examples.length > 0 ? examples : [{ name: undefined, value: undefined }];
      for (const { name, value } of cases) {
        const title = examples.length > 0 ? `example ${name ?? '(unnamed)'}: the client returns it exactly` : 'no body: the client returns undefined';
        it(`${status} ${title}`, async () => {
          const result = await call(operation, prefer(status, name));
          expect(mock.exchanges.map((e) => e.response.status)).toStrictEqual([status]);
          if (value === undefined) expect(result).toBeUndefined();
          else expect(result).toStrictEqual(value);
        });
      }
    }

    for (const { status, examples } of operation.errors) {
      const ErrorClass = errorClass(status);
      const cases = examples.length > 0 ? examples : [{ name: undefined, value: undefined }];
      for (const { name, value } of cases) {
        it(`${status} example ${name ?? '(none)'}: ${ErrorClass.name} with the example's message`, async () => {
          const error = await Promise.resolve(call(operation, prefer(status, name))).then(
            (result) => ({ resolved: result }),
            (caught: unknown) => caught,
          );
          expect(error).toBeInstanceOf(ErrorClass);
          const apiError = error as PartneroApiError;
          expect(apiError.status).toBe(status);
          expect(apiError.operation).toBe(id);
          expect(mock.exchanges, 'one request, not retried').toHaveLength(1);
          if (value !== undefined) {
            expect(apiError.body).toStrictEqual(value);
            const message = field(value, 'message');
            if (typeof message === 'string' && message !== '') expect(apiError.message).toContain(message);
          }
          if (status === 422) expect((error as UnprocessableEntityError).fieldErrors).toStrictEqual(field(value, 'errors') ?? {});
        });
      }
    }

    for (const { name, value } of operation.bodies) {
      it(`request body example ${name ?? '(unnamed)'} is sent as it is and Prism finds no violation`, async () => {
        await call(operation, undefined, callArguments(operation, value));
        expect(mock.exchanges).toHaveLength(1);
        const [{ body, response }] = mock.exchanges as [Exchange];
        expect(JSON.parse(body ?? 'null')).toStrictEqual(value);
        expect(violationsOf(response)).toStrictEqual([]);
        expect(operation.successes.map((answer) => answer.status)).toContain(response.status);
      });
    }

    // Every bound of the table: one below the minimum, one above the maximum.
    const bounds = Object.entries(row.parameters).flatMap(([name, rule]) => [
      ...(typeof rule.minimum === 'number' ? [{ name, where: rule.in, value: rule.minimum - 1, rule: `minimum ${rule.minimum}` }] : []),
      ...(typeof rule.maximum === 'number' ? [{ name, where: rule.in, value: rule.maximum + 1, rule: `maximum ${rule.maximum}` }] : []),
    ]);
    for (const { name, where, value, rule } of bounds) {
      it(`${name}=${value} (past its ${rule}): the client refuses it before sending; sent raw, Prism answers 422 naming it`, async () => {
        const args = callArguments(operation);
        if (where === 'path') args[row.pathParameters.indexOf(name)] = value;
        else if (where === 'query' && !row.body) args[row.pathParameters.length] = { ...operation.query, [name]: value };
        else throw new Error(`${id}: the client cannot take the ${where} parameter ${name} next to a body`);
        const refused = await Promise.resolve(call(operation, undefined, args)).catch((caught: unknown) => caught);
        expect(refused).toBeInstanceOf(InvalidParameterError);
        expect(refused).toMatchObject({ operation: id, parameter: name, value });
        expect(mock.exchanges, 'nothing sent').toHaveLength(0);

        mock.provokes(`request.${where}.${name}`);
        const url = operationUrl(baseUrl, operation, { [name]: value });
        const response = await mock.fetch(rawRequest(operation, url, { Authorization: 'Bearer k' }));
        expect(response.status).toBe(422);
        expect(violationsOf(response)).toStrictEqual([`request.${where}.${name}`]);
      });
    }

    it('without a bearer token: 401 (raw request), AuthenticationError (client without Authorization)', async () => {
      mock.provokes('request');
      const response = await mock.fetch(rawRequest(operation, operationUrl(baseUrl, operation)));
      expect(response.status).toBe(401);
      expect(violationsOf(response)).toStrictEqual(['request']);
      const documented = operation.errors.find((answer) => answer.status === 401)?.examples ?? [];
      if (documented.length === 1) expect(await response.json()).toStrictEqual(documented[0]!.value);

      const withoutKey = (request: Request) => request.headers.delete('authorization');
      const error = await Promise.resolve(call(operation, withoutKey)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(mock.exchanges.at(-1)?.request.headers.has('authorization')).toBe(false);
    });
  });
}
