// One error hierarchy: everything the client throws extends PartneroError. Answers from the
// API become PartneroApiError subclasses in one place (apiErrorFromResponse); nothing here
// ever holds the API key, since no request headers are kept.

/** Base class of every error the Partnero client throws. */
export class PartneroError extends Error {
  override name = 'PartneroError';
}

/** A parameter was refused before anything was sent: it names the parameter, what is allowed and what was given. */
export class InvalidParameterError extends PartneroError {
  override name = 'InvalidParameterError';
  /** The operation, e.g. `listPartnerReferralLinks`. */
  readonly operation: string;
  /** The parameter, e.g. `limit`. */
  readonly parameter: string;
  /** What is allowed, in words, e.g. `an integer from 1 to 250`. */
  readonly allowed: string;
  /** The value that was given. */
  readonly value: unknown;

  constructor(operation: string, parameter: string, allowed: string, value: unknown) {
    super(`${operation}: ${parameter} must be ${allowed}, got ${describeValue(value)}`);
    this.operation = operation;
    this.parameter = parameter;
    this.allowed = allowed;
    this.value = value;
  }
}

/** An option was refused: at client creation (a missing API key, an unsafe base URL, ...) or on a call. */
export class InvalidOptionError extends PartneroError {
  override name = 'InvalidOptionError';
  /** The option, e.g. `baseUrl`. */
  readonly option: string;

  constructor(option: string, message: string, where = 'createPartneroClient') {
    super(`${where}: ${option} ${message}`);
    this.option = option;
  }
}

/** What an API error carries besides its message. */
export interface ApiErrorDetails {
  /** The operation, e.g. `listPartnerReferralLinks`. */
  readonly operation: string;
  /** HTTP method and URL of the request (no credentials in either). */
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
}

/** The API answered with a status outside 2xx. */
export class PartneroApiError extends PartneroError {
  override name = 'PartneroApiError';
  /** The operation, e.g. `listPartnerReferralLinks`. */
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  /** HTTP status code (0 for a redirect a browser did not follow). */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The parsed JSON body (usually `{ message, errors?, status? }`), or the raw text when it was not JSON. */
  readonly body: unknown;
  /** The server's request ID (`X-Request-Id`), to quote to Partnero support; undefined when absent. */
  readonly requestId: string | undefined;
  /** How long the server asked to wait before trying again (`Retry-After`), in milliseconds; undefined when it did not say. */
  readonly retryAfterMs: number | undefined;

  constructor(details: ApiErrorDetails, retryAfterMs?: number) {
    const requestId = details.headers.get('x-request-id') ?? undefined;
    const location = details.headers.get('location');
    const detail =
      details.status === 304
        ? 'the server answered 304 Not Modified, which this client never asks for (it sends no If-None-Match or If-Modified-Since); a cache or proxy in between may have sent it'
        : details.status >= 300 && details.status < 400
          ? `redirect${location ? ` to ${location}` : ''} not followed; check baseUrl`
          : details.status === 0
            ? // What a browser makes of a redirect that is not followed: an opaque answer, status 0, no headers.
              'redirect not followed (a browser does not say where to); check baseUrl'
            : messageOf(details.body);
    super(
      `${details.operation}: ${details.status}${reasonPhrase(details.status)}` +
        (detail ? `: ${detail}` : '') +
        (retryAfterMs !== undefined ? ` (Retry-After ${Math.ceil(retryAfterMs / 1000)} s)` : '') +
        (requestId ? ` (request ID ${requestId})` : ''),
    );
    this.operation = details.operation;
    this.method = details.method;
    this.url = details.url;
    this.status = details.status;
    this.headers = details.headers;
    this.body = details.body;
    this.requestId = requestId;
    this.retryAfterMs = retryAfterMs;
  }
}

/** 400: the request could not be understood. */
export class BadRequestError extends PartneroApiError {
  override name = 'BadRequestError';
}

/** 401: the API key is missing or invalid. */
export class AuthenticationError extends PartneroApiError {
  override name = 'AuthenticationError';
}

/** 403: the API key may not do this. */
export class PermissionDeniedError extends PartneroApiError {
  override name = 'PermissionDeniedError';
}

/** 404: no such partner in the program of the API key. */
export class NotFoundError extends PartneroApiError {
  override name = 'NotFoundError';
}

/** 422: the API refused a parameter; `fieldErrors` has its messages by field. */
export class UnprocessableEntityError extends PartneroApiError {
  override name = 'UnprocessableEntityError';
  /** Messages by field name, from the body's `errors`; empty when the body has none. */
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;

  constructor(details: ApiErrorDetails, retryAfterMs?: number) {
    super(details, retryAfterMs);
    this.fieldErrors = fieldErrorsOf(details.body);
  }
}

/** 429: the rate limit was exceeded, and retrying was not possible (no retries left, or the wait was too long); see `retryAfterMs`. */
export class RateLimitError extends PartneroApiError {
  override name = 'RateLimitError';
}

/** 5xx: the server failed; retrying later may succeed. */
export class InternalServerError extends PartneroApiError {
  override name = 'InternalServerError';
}

/** No answer came: the connection failed or broke before a response was complete. */
export class ConnectionError extends PartneroError {
  override name = 'ConnectionError';
}

/** An answer came (status and headers), but its body could not be read: cut off, or not decodable (a corrupt gzip body). */
export class ResponseBodyError extends ConnectionError {
  override name = 'ResponseBodyError';
  /** HTTP status code of the answer. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;

  constructor(message: string, status: number, headers: Headers, options?: ErrorOptions) {
    super(message, options);
    this.status = status;
    this.headers = headers;
  }
}

/** No complete answer came within `timeoutMs`. */
export class ConnectionTimeoutError extends ConnectionError {
  override name = 'ConnectionTimeoutError';
  /** The time limit of one attempt, in milliseconds. */
  readonly timeoutMs: number;

  constructor(operation: string, timeoutMs: number) {
    super(`${operation}: no complete answer within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's AbortSignal cancelled the request; `cause` is the signal's reason. */
export class RequestAbortedError extends PartneroError {
  override name = 'RequestAbortedError';

  /** The error for `operation` once `signal` has aborted. */
  static of(operation: string, signal: AbortSignal | undefined): RequestAbortedError {
    return new RequestAbortedError(`${operation}: aborted by the caller`, { cause: signal?.reason });
  }
}

/** A 2xx answer that is not what the spec says (not JSON, or `status` is not 1). */
export class UnexpectedResponseError extends PartneroError {
  override name = 'UnexpectedResponseError';
  /** HTTP status code. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** The start of the body as text (at most 500 characters), or the parsed body. */
  readonly body: unknown;

  constructor(message: string, status: number, headers: Headers, body: unknown) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.body = body;
  }
}

/** One way a response body differs from the spec. */
export interface ValidationIssue {
  /** JSON pointer into the body, e.g. `/data/0/url` (`` for the body itself). */
  readonly path: string;
  /** What the spec expects there, e.g. `must have required property 'url'`. */
  readonly expected: string;
  /** What came: the value found at `path`, shortened. */
  readonly received: string;
}

/** With `validateResponses`, a 200 body that does not match the spec's response schema. */
export class ResponseValidationError extends UnexpectedResponseError {
  override name = 'ResponseValidationError';
  /** Every difference found. */
  readonly issues: readonly ValidationIssue[];

  constructor(operation: string, status: number, headers: Headers, body: unknown, issues: readonly ValidationIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(
      `${operation}: response does not match the spec at ${first?.path || '/'}: ${first?.expected}, got ${first?.received}${more}`,
      status,
      headers,
      body,
    );
    this.issues = issues;
  }
}

/** Walking the pages of a list went wrong: the server repeated a page, or there were more than `maxPages`. */
export class PaginationError extends PartneroError {
  override name = 'PaginationError';
}

/**
 * A create whose first attempt failed in a way that may have created the resource, and whose
 * key now exists, but cannot be confirmed as this call's (the owner was given by a field its
 * list cannot be looked up by). `existing` is what the lookup found; `cause` the first failure.
 */
export class UncertainCreateError extends PartneroError {
  override name = 'UncertainCreateError';
  /** The resource found under the key, as the lookup answered it. */
  readonly existing: unknown;

  constructor(message: string, existing: unknown, options?: ErrorOptions) {
    super(message, options);
    this.existing = existing;
  }
}

/**
 * A create whose first attempt failed in a way that may have created the resource, and whose
 * key turned out to belong to another owner: nothing was created. `existing` is what holds the
 * key; `cause` the first failure.
 */
export class CreateConflictError extends UncertainCreateError {
  override name = 'CreateConflictError';
}

const ERROR_CLASSES: Readonly<Record<number, typeof PartneroApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** Turns a non-2xx answer into the error class of its status. */
export function apiErrorFromResponse(details: ApiErrorDetails, retryAfterMs: number | undefined): PartneroApiError {
  const ErrorClass = ERROR_CLASSES[details.status] ?? (details.status >= 500 ? InternalServerError : PartneroApiError);
  return new ErrorClass(details, retryAfterMs);
}

/**
 * A value as an error message shows it, short and never mistaken for another type: strings
 * quoted (and named, when they read like a number, boolean or null: `"3" (a string)`), boxed
 * primitives and class instances named (`a Number object (5)`), plain objects and arrays as JSON.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const quoted = JSON.stringify(truncate(value, 80));
    const confusable = (value.trim() !== '' && !Number.isNaN(Number(value))) || /^\s*(true|false|null|undefined|NaN)\s*$/.test(value);
    return confusable ? `${quoted} (a string)` : quoted;
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (typeof value === 'symbol') return `a symbol (${truncate(value.description ?? '', 40)})`;
  if (typeof value === 'function') return 'a function';
  try {
    return describeObject(value);
  } catch {
    return 'an object'; // A revoked proxy, or a getter that throws.
  }
}

function describeObject(value: object): string {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    return `a ${tag} object (${describeValue(value.valueOf())})`;
  }
  if (value instanceof Date) return `a Date (${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  const prototype: unknown = Object.getPrototypeOf(value);
  const plain = Array.isArray(value) || prototype === Object.prototype || prototype === null;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // Circular, or a getter that throws: the type alone.
  }
  if (plain && json !== undefined) return truncate(json, 80);
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  const kind = typeof name === 'string' && name !== '' ? name : tag;
  return json === undefined || json === '{}' ? `a ${kind} object` : `a ${kind} object (${truncate(json, 60)})`;
}

/** The first `max` characters of `text`, with a mark when something was cut. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

function messageOf(body: unknown): string {
  const message = typeof body === 'string' ? body.trim().replace(/\s+/g, ' ') : (body as { message?: unknown } | null | undefined)?.message;
  // Partnero's one documented error body has `errors` and no `message`: the fields say what went wrong.
  const text = typeof message === 'string' && message ? message : Object.entries(fieldErrorsOf(body)).map(([field, messages]) => `${field}: ${messages.join(' ')}`).join('; ');
  return truncate(text, 200);
}

function fieldErrorsOf(body: unknown): Record<string, string[]> {
  const errors = body && typeof body === 'object' && 'errors' in body ? body.errors : undefined;
  if (!errors || typeof errors !== 'object') return {};
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) {
    out[field] = Array.isArray(messages) ? messages.map(String) : [String(messages)];
  }
  return out;
}

const REASONS: Record<number, string> = {
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function reasonPhrase(status: number): string {
  const reason = REASONS[status];
  return reason ? ` ${reason}` : '';
}
