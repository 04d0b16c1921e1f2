export { createPartneroClient } from './client.js';
export type { PartneroClient, PartneroClientOptions } from './client.js';
export type { BodyOf, CreateOptions, ListAllOptions, OperationId, QueryOf, RequestOptions, ResultOf, WriteOptions, WriteOutcome } from './operation-types.js';
// The resources and a type for every schema of the spec, by their spec names (ReferralLink, ...):
// generated, so they cannot be listed here by name.
export type * from './generated/resources.js';
export { Paginator } from './pagination.js';
export type { PaginationOptions } from './pagination.js';
export {
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  ConnectionTimeoutError,
  CreateConflictError,
  InternalServerError,
  InvalidOptionError,
  InvalidParameterError,
  NotFoundError,
  PaginationError,
  PartneroApiError,
  PartneroError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  ResponseBodyError,
  ResponseValidationError,
  UncertainCreateError,
  UnexpectedResponseError,
  UnprocessableEntityError,
} from './errors.js';
export type { ApiErrorDetails, ValidationIssue } from './errors.js';
export type { components, operations, paths } from './generated/schema.js';
