export { createPartneroClient } from './client.js';
export type { PartneroClient, PartneroClientOptions } from './client.js';
export type {
  ListAllOptions,
  ListAllReferralLinksQuery,
  ListReferralLinksQuery,
  ReferralLink,
  ReferralLinkList,
  ReferralLinks,
  RequestOptions,
} from './referral-links.js';
export { Paginator } from './pagination.js';
export type { PaginationOptions } from './pagination.js';
export {
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  ConnectionTimeoutError,
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
  ResponseValidationError,
  UnexpectedResponseError,
  UnprocessableEntityError,
} from './errors.js';
export type { ApiErrorDetails, ValidationIssue } from './errors.js';
export type { components, operations, paths } from './generated/schema.js';
