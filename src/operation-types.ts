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

/**
 * What a write did, as `onOutcome` reports it: `done` (answered 2xx), `recovered` (an attempt
 * failed in a way that may have acted, and a check found the write had happened) or `existing`
 * (a create with `ifExists: 'return'` found the key already held by the same owner).
 */
export type WriteOutcome = 'done' | 'recovered' | 'existing';

/** Options of a write (create, update, delete): those of each call, plus a report of what happened. */
export interface WriteOptions extends RequestOptions {
  /** Called once, just before the call resolves, with what the write did. */
  readonly onOutcome?: (outcome: WriteOutcome) => void;
}

/** Options of a create: those of a write, plus what to do when the key is already there. */
export interface CreateOptions extends WriteOptions {
  /**
   * A key already held by the same owner: `'error'` (default) rejects with the API's 422;
   * `'return'` resolves to that link (outcome `existing`). Held by another owner is an error either way.
   */
  readonly ifExists?: 'error' | 'return';
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
