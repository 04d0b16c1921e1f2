// client.referralLinks: the referral links of a partner, one page or all of them.
import type { Client } from 'openapi-fetch';
import type { components, operations as Operations, paths } from './generated/schema.js';
import { operations } from './generated/spec.js';
import { InvalidParameterError, PaginationError, ResponseValidationError, UnexpectedResponseError, describeValue, truncate } from './errors.js';
import type { ValidationIssue } from './errors.js';
import { Paginator, type PaginationOptions } from './pagination.js';
import { checkParameters } from './internal/params.js';
import { send, type CallSettings } from './internal/transport.js';
import { checkCount } from './internal/options.js';
import type { ValidationErrorObject } from './generated/validators.js';

/** A referral link: a unique, trackable URL that a partner shares with their audience. */
export type ReferralLink = components['schemas']['ReferralLink'];
/** One page of a partner's referral links, as the API sends it. */
export type ReferralLinkList = components['schemas']['ReferralLinkList'];
/** The query of `list`: `limit` (1 to 250, default 15) and `page` (from 1). */
export type ListReferralLinksQuery = NonNullable<Operations['listReferralLinks']['parameters']['query']>;
/** The query of `listAll`: the page size. */
export type ListAllReferralLinksQuery = Pick<ListReferralLinksQuery, 'limit'>;

/** Options of one call; each overrides the client's default. */
export interface RequestOptions {
  /** Cancels the call, retries and waits between them included. */
  readonly signal?: AbortSignal;
  /** How many times to retry a failure that may pass (connection errors, timeouts, 408, 429, 5xx). */
  readonly maxRetries?: number;
  /** Time limit of each attempt, in milliseconds. */
  readonly timeoutMs?: number;
}

/** Options of `listAll`: those of each call, plus how to walk the pages. */
export interface ListAllOptions extends RequestOptions, PaginationOptions {}

/** The referral-links part of the client. */
export interface ReferralLinks {
  /** One page of the partner's referral links. */
  list(partnerId: string, query?: ListReferralLinksQuery, options?: RequestOptions): Promise<ReferralLinkList>;
  /** Every referral link of the partner, page after page: `for await (const link of ...)`, or `.pages()`. */
  listAll(
    partnerId: string,
    query?: ListAllReferralLinksQuery,
    options?: ListAllOptions,
  ): Paginator<ReferralLink, ReferralLinkList>;
}

/** What the resource needs from the client. */
export interface ResourceContext {
  readonly raw: Client<paths>;
  readonly validateResponses: boolean;
  /** The call's settings: its options over the client's defaults, checked (`where` names the call in errors). */
  settings(options: RequestOptions | undefined, where: string): CallSettings;
}

const OPERATION = 'listReferralLinks';
const { method, path, parameters } = operations.listReferralLinks;

/** Builds `client.referralLinks`. */
export function referralLinks(context: ResourceContext): ReferralLinks {
  async function list(
    partnerId: string,
    query: ListReferralLinksQuery = {},
    options?: RequestOptions,
  ): Promise<ReferralLinkList> {
    checkParameters(OPERATION, { path: { id: partnerId }, query });
    return fetchPage(partnerId, query, context.settings(options, 'referralLinks.list'));
  }

  /** One page, for parameters and settings already checked. */
  async function fetchPage(
    partnerId: string,
    query: ListReferralLinksQuery,
    settings: CallSettings,
  ): Promise<ReferralLinkList> {
    const { text, response } = await send(OPERATION, method, settings, (signal) =>
      context.raw.GET(path, { params: { path: { id: partnerId }, query }, parseAs: 'stream', signal }),
    );
    const body = parseBody(text, response);
    if (context.validateResponses) await validate(body, response);
    return body as ReferralLinkList;
  }

  function listAll(
    partnerId: string,
    query: ListAllReferralLinksQuery = {},
    options: ListAllOptions = {},
  ): Paginator<ReferralLink, ReferralLinkList> {
    checkParameters(OPERATION, { path: { id: partnerId }, query });
    if ((query as ListReferralLinksQuery).page !== undefined) {
      throw new InvalidParameterError(OPERATION, 'page', 'left out: listAll walks every page from the first', (query as ListReferralLinksQuery).page);
    }
    const { signal: _signal, readAhead: _readAhead, maxPages, ...callOptions } = options;
    if (maxPages !== undefined) checkCount('maxPages', maxPages, 1, Number.MAX_SAFE_INTEGER, 'referralLinks.listAll');
    // Checked once, here, rather than again for every page.
    const settings = context.settings(callOptions, 'referralLinks.listAll');
    const pageSize = query.limit ?? parameters.limit.default;
    return new Paginator<ReferralLink, ReferralLinkList>(
      {
        operation: OPERATION,
        firstPage: parameters.page.default,
        fetch: (page, signal) => fetchPage(partnerId, { ...query, page }, { ...settings, signal }),
        next: (body, current) => nextPage(body, current, pageSize),
        pageNumberOf: (body) => body.meta?.current_page,
        size: (body) => body.data.length,
        fingerprint: (body) => body.data.map((link) => link.id).join('\n'),
      },
      (body) => body.data,
      options,
    );
  }

  return { list, listAll };
}

/**
 * The page after `current`: from `links.next` when the answer has `links` (only its page number
 * is used: the request goes to the client's own base URL, so the key never follows a URL the
 * server chose), otherwise `current + 1` as long as the page was full.
 */
function nextPage(body: ReferralLinkList, current: number, pageSize: number): number | undefined {
  if (body.data.length === 0) return undefined;
  if (body.links) {
    const next = body.links.next;
    if (next === null) return undefined;
    const page = pageParameterOf(next);
    if (page === undefined) {
      throw new PaginationError(`${OPERATION}: links.next has no usable page number: ${describeValue(next)}`);
    }
    return page;
  }
  const perPage = body.meta?.per_page ?? pageSize;
  return body.data.length < perPage ? undefined : current + 1;
}

function pageParameterOf(url: string): number | undefined {
  try {
    const page = Number(new URL(url, 'http://relative.invalid').searchParams.get('page'));
    return Number.isSafeInteger(page) && page >= 1 ? page : undefined;
  } catch {
    return undefined;
  }
}

/** The JSON body of a 2xx answer, checked for what pagination relies on: `status` 1 and a `data` array. */
function parseBody(text: string | undefined, response: Response): unknown {
  const fail = (what: string, body: unknown): never => {
    throw new UnexpectedResponseError(`${OPERATION}: ${what}`, response.status, response.headers, body);
  };
  if (!text) return fail(`${response.status} answer has an empty body; expected JSON`, '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const type = response.headers.get('content-type') ?? 'no content type';
    return fail(
      `${response.status} answer is not JSON (${type}): ${describeValue(text.slice(0, 100))}`,
      truncate(text, 500),
    );
  }
  if (!isObject(body)) return fail(`expected a JSON object, got ${describeValue(body)}`, body);
  if (body.status !== 1) {
    const message = typeof body.message === 'string' ? ` (${truncate(body.message, 200)})` : '';
    return fail(`the answer's status is ${describeValue(body.status)}, not 1${message}`, body);
  }
  if (!Array.isArray(body.data)) return fail(`the answer's data is ${describeValue(body.data)}, not a list`, body);
  const index = body.data.findIndex((item) => !isObject(item));
  if (index >= 0) return fail(`the answer's data[${index}] is ${describeValue(body.data[index])}, not a link`, body);
  return body;
}

type Validators = typeof import('./generated/validators.js');
let validators: Promise<Validators> | undefined;

/** Checks a body against the spec's response schema, with validators generated at build time. */
async function validate(body: unknown, response: Response): Promise<void> {
  // Loaded on first use, so that clients without validateResponses never load them; then kept,
  // since every import() goes through the module loader again.
  validators ??= import('./generated/validators.js').catch((error: unknown) => {
    validators = undefined;
    throw error;
  });
  const { listReferralLinks: check } = await validators;
  if (check(body)) return;
  const issues = (check.errors ?? []).map((error) => toIssue(error, body));
  throw new ResponseValidationError(OPERATION, response.status, response.headers, body, issues);
}

function toIssue(error: ValidationErrorObject, body: unknown): ValidationIssue {
  if (error.keyword === 'required') {
    return {
      path: `${error.instancePath}/${String(error.params.missingProperty)}`,
      expected: 'a required property',
      received: 'nothing',
    };
  }
  return {
    path: error.instancePath,
    expected: error.message ?? error.keyword,
    received: describeValue(valueAt(body, error.instancePath)),
  };
}

function valueAt(body: unknown, pointer: string): unknown {
  let value = body;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    value = isObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
