// The types of a generated method, computed from an operation's types in generated/schema.ts:
// src/generated/resources.ts spells each method with them.
import type { operations } from './generated/schema.js';
import type { PaginationOptions } from './pagination.js';

/** The spec's operationIds. */
export type OperationId = keyof operations;

/** Options of one call; each overrides the client's default. */
export interface RequestOptions {
  /** Cancels the call, retries and waits between them included. */
  readonly signal?: AbortSignal;
  /** How many times to retry a failure that may pass (connection errors, timeouts, 408, 429, 5xx). */
  readonly maxRetries?: number;
  /** Time limit of each attempt, in milliseconds. */
  readonly timeoutMs?: number;
}

/** Options of a walk over every page: those of each call, plus how to walk. */
export interface ListAllOptions extends RequestOptions, PaginationOptions {}

/** The query parameters of an operation. */
export type QueryOf<Id extends OperationId> = NonNullable<operations[Id]['parameters']['query']>;

/** The JSON request body of an operation. */
export type BodyOf<Id extends OperationId> =
  NonNullable<operations[Id]['requestBody']> extends { content: { 'application/json': infer Body } } ? Body : never;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206;
type BodyOfResponse<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : undefined;

/** What an operation resolves to: the JSON body of any of its 2xx answers (undefined for one without a body). */
export type ResultOf<Id extends OperationId> = {
  [Status in keyof operations[Id]['responses'] & SuccessStatus]: BodyOfResponse<operations[Id]['responses'][Status]>;
}[keyof operations[Id]['responses'] & SuccessStatus];
