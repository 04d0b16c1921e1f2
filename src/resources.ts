// Turns the generated operation table (src/generated/spec.ts) into the client's resources: every
// operation becomes `client.<resource>.<method>`, and every paginated one also gets a method
// that walks its pages. Nothing here knows an operation, a path or a field: the table says it
// all, as Octokit's endpoint methods are built from their generated table.
import type { Client } from 'openapi-fetch';
import type { paths } from './generated/schema.js';
import type { Resources } from './generated/resources.js';
import { operations } from './generated/spec.js';
import {
  CreateConflictError,
  InvalidOptionError,
  InvalidParameterError,
  NotFoundError,
  PaginationError,
  PartneroApiError,
  RequestAbortedError,
  ResponseValidationError,
  UncertainCreateError,
  UnexpectedResponseError,
  UnprocessableEntityError,
  describeValue,
  truncate,
} from './errors.js';
import { MAX_RETRY_AFTER_MS, backoffMs } from './retry.js';
import { sleep } from './internal/sleep.js';
import { DEFAULT_MAX_PAGES, Paginator, describeKind, pageNumberFromUrl } from './pagination.js';
import { checkParameters, describeRule, plainObject, satisfies, setOwn, type ParameterRule, type RequestParameters } from './internal/params.js';
import { mayHaveActed, send, type Answer, type CallSettings, type FetchResult } from './internal/transport.js';
import { checkCount } from './internal/options.js';
import { isObject, pointerTokens, valueAt } from './internal/json.js';
import { redactHeaders, redactSecret, redactValue } from './internal/redact.js';
import type { CreateRule, WriteRule } from './internal/safe-write.js';
import type { Kit } from './internal/kit.js';
import type { WriteOutcome } from './operation-types.js';

/** One row of the generated table, as the runner reads it. */
export interface OperationRow {
  readonly method: string;
  readonly path: string;
  readonly resource: string;
  readonly name: string;
  readonly pathParameters: readonly string[];
  readonly parameters: Readonly<Record<string, ParameterRule>>;
  /** Query parameters of which a call gives exactly one (the spec's x-partnero-exactly-one). */
  readonly exactlyOne?: readonly string[];
  readonly body?: { readonly required: boolean; readonly validator: string };
  /** Each 2xx status with the validator of its JSON body, or null when it has none. */
  readonly success: Readonly<Record<string, string | null>>;
  readonly pagination?: {
    readonly method: string;
    readonly page: string;
    readonly limit: string;
    readonly items: readonly string[];
    readonly next: readonly string[];
    readonly currentPage: readonly string[];
    readonly perPage: readonly string[];
  };
  readonly create?: CreateRule;
  readonly write?: WriteRule;
}

/** The generated table, read loosely: every row has the shape above. */
export const operationTable: Readonly<Record<string, OperationRow>> = operations;

/** What the resources need from the client. */
export interface ResourceContext {
  readonly raw: Client<paths>;
  readonly validateResponses: boolean;
  /** The call's settings: its options over the client's defaults, checked (`where` names the call in errors). */
  settings(options: unknown, where: string): CallSettings;
}

/** A request ready to send: checked parameters and body. */
interface Prepared {
  readonly params: RequestParameters;
  readonly body: unknown;
}

/** What the lazily loaded modules use of the main chunk (see internal/kit.ts). */
const kit: Kit = {
  errors: {
    CreateConflictError,
    InvalidParameterError,
    NotFoundError,
    PartneroApiError,
    RequestAbortedError,
    ResponseValidationError,
    UncertainCreateError,
    UnprocessableEntityError,
    describeValue,
  },
  mayHaveActed,
  sleep,
  backoffMs,
  maxRetryAfterMs: MAX_RETRY_AFTER_MS,
  isObject,
  valueAt,
  pointerTokens,
  plainObject,
  setOwn,
  redactHeaders,
  redactValue,
};

type Lazy = typeof import('./internal/lazy.js');
let loading: Promise<Lazy> | undefined;

/** The lazily loaded part of the client (internal/lazy.ts), loaded once, on first use. */
function lazy(): Promise<Lazy> {
  loading ??= import('./internal/lazy.js').then(
    (module) => (module.useKit(kit, module), module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** A body checked as the calls check it (the CLI's --from checks every row before sending any). */
export async function checkRequestBody(operation: string, validator: string, required: boolean, input: unknown): Promise<unknown> {
  return (await lazy()).checkBody(operation, validator, required, input);
}

/** The options of a write call beyond those of every call (checked in `#write`). */
interface WriteCallOptions {
  readonly onOutcome?: unknown;
  readonly ifExists?: unknown;
}

type Request = (method: string, path: string, init: Record<string, unknown>) => Promise<FetchResult>;

/** Builds every resource of the client from the generated table. */
export function buildResources(context: ResourceContext): Resources {
  // No name can reach Object.prototype (the generator refuses such names; this holds anyway).
  const resources: Record<string, Record<string, unknown>> = Object.create(null);
  const define = (target: object, key: string, value: unknown): void => void Object.defineProperty(target, key, { value, enumerable: true });
  for (const [id, row] of Object.entries(operationTable)) {
    const method = operation(context, id);
    if (!Object.hasOwn(resources, row.resource)) define(resources, row.resource, {});
    const resource = resources[row.resource]!;
    define(resource, row.name, (...args: unknown[]) => method.call(args));
    if (row.pagination) define(resource, row.pagination.method, (...args: unknown[]) => method.walk(args));
  }
  for (const resource of Object.values(resources)) Object.freeze(resource);
  return Object.freeze(resources) as unknown as Resources;
}

/** One operation of the table, with everything it needs worked out once. */
class Operation {
  readonly #context: ResourceContext;
  readonly #request: Request;
  readonly id: string;
  readonly row: OperationRow;
  /** Whether the method takes an input after its path parameters: a body, or a query. */
  readonly #takesInput: boolean;
  readonly #queryNames: readonly string[];
  /** The method as errors name it, e.g. `partnerLinks.list` (built once, not per call). */
  readonly #where: string;

  constructor(context: ResourceContext, id: string, row: OperationRow) {
    this.#context = context;
    this.#request = context.raw.request as unknown as Request;
    this.id = id;
    this.row = row;
    this.#queryNames = Object.keys(row.parameters).filter((name) => row.parameters[name]?.in === 'query');
    this.#takesInput = row.body !== undefined || this.#queryNames.length > 0;
    this.#where = `${row.resource}.${row.name}`;
  }

  /** `client.<resource>.<method>(...path parameters, input?, options?)`. */
  async call(args: readonly unknown[]): Promise<unknown> {
    const { row } = this;
    const count = row.pathParameters.length;
    const input = this.#takesInput ? args[count] : undefined;
    const options = args[this.#takesInput ? count + 1 : count];
    const settings = this.#context.settings(options, this.#where);
    const prepared = row.body ? await this.#prepareBody(args.slice(0, count), input) : this.prepare(args.slice(0, count), input);
    // A choice of query parameters (a search's id or key), checked in the lazily loaded part.
    if (row.exactlyOne) (await lazy()).checkChoice(this.id, row.exactlyOne, prepared.params.query);
    if (row.create || row.write) return this.#write(prepared, settings, options as WriteCallOptions | undefined);
    return this.send(prepared, settings);
  }

  /**
   * A write (create, rename, delete), never sent again blindly: after a failure that may have
   * acted (a timeout, a connection broken after sending, a 5xx), internal/safe-write.ts finds
   * out what happened as the spec's x-partnero-create / x-partnero-write says.
   */
  async #write(prepared: Prepared, settings: CallSettings, options: WriteCallOptions | undefined): Promise<unknown> {
    const { id, row } = this;
    const { onOutcome, ifExists } = options ?? {};
    if (onOutcome !== undefined && typeof onOutcome !== 'function') {
      throw new InvalidOptionError('onOutcome', `must be a function or left out, got ${describeValue(onOutcome)}`, this.#where);
    }
    if (ifExists !== undefined && (!row.create || (ifExists !== 'error' && ifExists !== 'return'))) {
      throw new InvalidOptionError('ifExists', row.create ? `must be 'error' or 'return', got ${describeValue(ifExists)}` : 'applies to creates only', this.#where);
    }
    const body = (prepared.body ?? {}) as Record<string, unknown>;
    // The key becomes the id: one the id's own checks refuse would leave a link no call can reach.
    const [target, field] = row.create ? [row.create.addressedBy, [row.create.match]] : [row.write?.verify?.operation, row.write?.verify?.id];
    const address = target === undefined ? undefined : operationTable[target];
    const rule = address?.parameters[address.pathParameters[0]!];
    const key = valueAt(body, field ?? []);
    if (rule && key !== undefined && !satisfies(key, rule)) throw new InvalidParameterError(id, field!.join('.'), `${describeRule(rule)} (it becomes the id)`, key);
    let result: [unknown, WriteOutcome];
    try {
      result = [await this.send(prepared, { ...settings, idempotent: false }), 'done'];
    } catch (failure) {
      const taken = ifExists === 'return' && failure instanceof UnprocessableEntityError;
      if (!taken && (!mayHaveActed(failure) || settings.maxRetries === 0)) throw failure;
      result = await (await lazy()).recoverWrite(this, prepared, failure, settings, taken);
    }
    onOutcome?.(result[1]);
    return result[0];
  }

  /** Another operation of the same client (for what internal/safe-write.ts reads). */
  other(id: string): Operation {
    return operation(this.#context, id);
  }

  /** Sends a prepared request and reads its answer. */
  async send(prepared: Prepared, settings: CallSettings): Promise<unknown> {
    const { method, path } = this.row;
    const init = { params: prepared.params, body: prepared.body, parseAs: 'stream' };
    const answer = await send(this.id, method, settings, (signal) => this.#request(method, path, { ...init, signal }));
    return this.#read(answer, settings);
  }

  /** The checked path values and query of a call. */
  prepare(pathValues: readonly unknown[], query: unknown): Prepared {
    return { params: checkParameters(this.id, this.row.parameters, this.row.pathParameters, pathValues, query), body: undefined };
  }

  /** Checks the path parameters and the body (against the spec's schema, with the lazily loaded validators). */
  async #prepareBody(pathValues: readonly unknown[], input: unknown): Promise<Prepared> {
    const { id, row } = this;
    const params = checkParameters(id, row.parameters, row.pathParameters, pathValues, undefined);
    const { validator, required } = row.body!;
    return { params, body: await (await lazy()).checkBody(id, validator, required, input) };
  }

  /** The body of a 2xx answer: JSON as the spec describes it, or undefined for an answer without one. */
  async #read({ response, text }: Answer, settings: CallSettings): Promise<unknown> {
    const { id, row } = this;
    const validator = row.success[response.status];
    const fail = (what: string, body: unknown): never => {
      const { secret } = settings;
      throw new UnexpectedResponseError(`${id}: ${redactSecret(what, secret)}`, response.status, redactHeaders(response.headers, secret), redactValue(body, secret));
    };
    if (text === '') {
      if (validator === null || (validator === undefined && response.status === 204)) return undefined;
      return fail(`${response.status} answer has an empty body; expected JSON`, '');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      const type = response.headers.get('content-type') ?? 'no content type';
      return fail(`${response.status} answer is not JSON (${type}): ${describeValue(text.slice(0, 100))}`, truncate(text, 500));
    }
    if (!isObject(body)) return fail(`expected a JSON object, got ${describeValue(body)}`, body);
    // Every Partnero answer carries `status`, 1 on success (some documented examples leave it out).
    if (body.status !== undefined && body.status !== 1) {
      const message = typeof body.message === 'string' ? ` (${truncate(body.message, 200)})` : '';
      return fail(`the answer's status is ${describeValue(body.status)}; the spec expects 1 on success${message}`, body);
    }
    if (row.pagination) {
      const items = valueAt(body, row.pagination.items);
      const where = row.pagination.items.join('.');
      if (!Array.isArray(items)) return fail(`the answer's ${where} is ${describeValue(items)}, not a list`, body);
      const index = items.findIndex((item) => !isObject(item));
      if (index >= 0) return fail(`the answer's ${where}[${index}] is ${describeValue(items[index])}, not an object`, body);
    }
    if (this.#context.validateResponses) await this.#validate(body, response, validator, settings);
    return body;
  }

  async #validate(body: unknown, response: Response, validator: string | null | undefined, settings: CallSettings): Promise<void> {
    await (await lazy()).checkResponse(this.id, validator, Object.keys(this.row.success), body, response, settings.secret);
  }

  /** `client.<resource>.<walk method>(...path parameters, query?, options?)`: every item, page after page. */
  walk(args: readonly unknown[]): Paginator<unknown, unknown> {
    const { id, row } = this;
    const pagination = row.pagination!;
    const count = row.pathParameters.length;
    const takesQuery = this.#queryNames.some((name) => name !== pagination.page);
    const where = `${row.resource}.${pagination.method}`;
    const { params } = this.prepare(args.slice(0, count), takesQuery ? args[count] : undefined);
    if (params.query[pagination.page] !== undefined) {
      throw new InvalidParameterError(id, pagination.page, `left out: ${where} walks every page from the first`, params.query[pagination.page]);
    }
    const options = args[takesQuery ? count + 1 : count];
    const settings = this.#context.settings(options, where);
    const { readAhead, maxPages } = (options ?? {}) as { readAhead?: unknown; maxPages?: unknown };
    if (readAhead !== undefined && typeof readAhead !== 'boolean') {
      throw new InvalidOptionError('readAhead', `must be true or false, got ${describeValue(readAhead)}`, where);
    }
    if (maxPages !== undefined) checkCount('maxPages', maxPages, 1, Number.MAX_SAFE_INTEGER, where);
    const pageSize = (params.query[pagination.limit] ?? row.parameters[pagination.limit]?.default) as number | undefined;
    const items = (page: unknown): readonly unknown[] => valueAt(page, pagination.items) as unknown[];
    return new Paginator<unknown, unknown>(
      {
        operation: id,
        firstPage: (row.parameters[pagination.page]?.default as number | undefined) ?? 1,
        fetch: (page, signal) =>
          this.send(
            { params: { path: params.path, query: { ...params.query, [pagination.page]: page } }, body: undefined },
            { ...settings, signal },
          ),
        next: (page, current) => this.#nextPage(page, current, pageSize),
        pageNumberOf: (page) => valueAt(page, pagination.currentPage) as number | undefined,
        size: (page) => items(page).length,
        // Two different pages differ in their first or last item.
        fingerprint: (page) => `${JSON.stringify(items(page)[0])}\n${JSON.stringify(items(page).at(-1))}`,
      },
      items,
      {
        ...(settings.signal ? { signal: settings.signal } : {}),
        readAhead: readAhead !== false,
        maxPages: (maxPages as number | undefined) ?? DEFAULT_MAX_PAGES,
      },
    );
  }

  /**
   * The page after `current`: from the answer's next-page URL when it has one (only its page
   * number is used: the request goes to the client's own base URL, so the key never follows a
   * URL the server chose), otherwise `current + 1` as long as the page was full.
   */
  #nextPage(page: unknown, current: number, pageSize: number | undefined): number | undefined {
    const pagination = this.row.pagination!;
    const size = (valueAt(page, pagination.items) as unknown[]).length;
    if (size === 0) return undefined;
    const next = valueAt(page, pagination.next);
    if (next !== undefined) {
      if (next === null) return undefined;
      const number = typeof next === 'string' ? pageNumberFromUrl(next, pagination.page) : undefined;
      if (number === undefined) {
        // What the server sent is described, not copied: it may hold anything (the key, for one).
        throw new PaginationError(`${this.id}: ${pagination.next.join('.')} has no usable page number (${pagination.page} in decimal digits): it is ${describeKind(next)}`);
      }
      return number;
    }
    const perPage = valueAt(page, pagination.perPage) ?? pageSize;
    return typeof perPage === 'number' && size < perPage ? undefined : current + 1;
  }
}

const instances = new WeakMap<ResourceContext, Map<string, Operation>>();

/** The Operation of `id` for this client, built once: its method, and the lookups of a safe create. */
function operation(context: ResourceContext, id: string): Operation {
  let byId = instances.get(context);
  if (!byId) instances.set(context, (byId = new Map()));
  let found = byId.get(id);
  if (!found) byId.set(id, (found = new Operation(context, id, operationTable[id]!)));
  return found;
}
