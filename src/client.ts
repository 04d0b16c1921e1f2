// createPartneroClient: checks the options once, then wires openapi-fetch to the resources.
import createClient, { createQuerySerializer, type Client } from 'openapi-fetch';
import type { paths } from './generated/schema.js';
import { defaultBaseUrl } from './generated/spec.js';
import { InvalidOptionError, PartneroError } from './errors.js';
import { referralLinks, type ReferralLinks, type RequestOptions } from './referral-links.js';
import type { CallSettings } from './internal/transport.js';
import { checkCount } from './internal/options.js';

/** Options of `createPartneroClient`. */
export interface PartneroClientOptions {
  /** The program's API key, sent as `Authorization: Bearer <apiKey>` to `baseUrl` and nowhere else. */
  readonly apiKey: string;
  /** Where the API is. Default `https://api.partnero.com`. Plain `http://` is refused except to loopback, unless `allowInsecureHttp`. */
  readonly baseUrl?: string;
  /** A fetch implementation to use instead of the global one (it receives a `Request`). */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** How many times to retry a failure that may pass (connection errors, timeouts, 408, 429, 5xx). Default 2. */
  readonly maxRetries?: number;
  /** Time limit of each attempt, in milliseconds, headers and body included. Default 30 000. */
  readonly timeoutMs?: number;
  /** Check every 200 body against the spec's response schema. Default false. */
  readonly validateResponses?: boolean;
  /** Allow a plain `http://` baseUrl to a host other than loopback, sending the key unencrypted. Default false. */
  readonly allowInsecureHttp?: boolean;
}

/** A Partnero API client. */
export interface PartneroClient {
  /** Referral links of partners. */
  readonly referralLinks: ReferralLinks;
  /** The typed openapi-fetch client underneath, for any path in the spec (no retries, no checks). */
  readonly raw: Client<paths>;
}

const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_TIMEOUT_MS = 2_147_483_647; // The longest setTimeout delay.

/** Creates a client; throws InvalidOptionError for a missing key or an unusable option. */
export function createPartneroClient(options: PartneroClientOptions): PartneroClient {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionError('options', 'must be an object with at least apiKey');
  }
  checkApiKey(options.apiKey);
  const baseUrl = checkBaseUrl(options.baseUrl ?? defaultBaseUrl, options.allowInsecureHttp === true);
  const defaults = {
    maxRetries: checkCount('maxRetries', options.maxRetries ?? DEFAULT_MAX_RETRIES, 0, 10),
    timeoutMs: checkCount('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1, MAX_TIMEOUT_MS),
  };
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new InvalidOptionError('fetch', `must be a function, got ${typeof options.fetch}`);
  }
  const openapiFetch = (): Client<paths> =>
    createClient<paths>({
      baseUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      // The key is static, so it is set once here rather than by middleware on every call.
      headers: { Authorization: `Bearer ${options.apiKey}`, Accept: 'application/json' },
      // Built once: given as options, openapi-fetch would build a serializer on every call.
      querySerializer: createQuerySerializer(),
      // Redirects are not followed: the key goes to baseUrl's origin only, and the API does not redirect.
      redirect: 'manual',
    });
  // `raw` lets a caller pass another baseUrl per request: a middleware keeps the key from
  // going there. The resources use their own client, which never takes one, without it.
  const raw = openapiFetch();
  const origin = new URL(baseUrl).origin;
  raw.use({
    onRequest({ request }) {
      if (new URL(request.url).origin !== origin) {
        throw new PartneroError(`client.raw: refusing to send the API key to ${new URL(request.url).origin}; it goes to ${origin} only`);
      }
    },
  });
  const settings = (call: RequestOptions | undefined, where: string): CallSettings => ({
    maxRetries:
      call?.maxRetries === undefined ? defaults.maxRetries : checkCount('maxRetries', call.maxRetries, 0, 10, where),
    timeoutMs:
      call?.timeoutMs === undefined ? defaults.timeoutMs : checkCount('timeoutMs', call.timeoutMs, 1, MAX_TIMEOUT_MS, where),
    signal: call?.signal,
  });
  return Object.freeze({
    referralLinks: referralLinks({ raw: openapiFetch(), validateResponses: options.validateResponses === true, settings }),
    raw,
  });
}

function checkApiKey(apiKey: unknown): void {
  // The key itself never goes into the message.
  if (typeof apiKey !== 'string' || apiKey === '') {
    throw new InvalidOptionError(
      'apiKey',
      `is required: pass the program's API key (a non-empty string), got ${apiKey === '' ? 'an empty string' : typeof apiKey}`,
    );
  }
  if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new InvalidOptionError('apiKey', 'must be printable ASCII without spaces (check for a stray newline or quote)');
  }
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

function checkBaseUrl(value: unknown, allowInsecureHttp: boolean): string {
  if (typeof value !== 'string') throw new InvalidOptionError('baseUrl', `must be a URL string, got ${typeof value}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidOptionError('baseUrl', `must be an absolute http(s) URL such as ${defaultBaseUrl}, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidOptionError('baseUrl', `must use https (or http to loopback), got ${url.protocol}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InvalidOptionError('baseUrl', 'must not contain credentials, a query or a fragment');
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname) && !allowInsecureHttp) {
    throw new InvalidOptionError(
      'baseUrl',
      `uses plain http to ${url.hostname}, which would send the API key unencrypted; use https, or set allowInsecureHttp: true`,
    );
  }
  // The spec's paths start with /v1, so a base URL ending in it would ask for /v1/v1/....
  if (/\/v1\/*$/.test(url.pathname)) {
    throw new InvalidOptionError('baseUrl', `must not end in /v1 (the paths start with it): use ${url.href.replace(/\/v1\/*$/, '')}`);
  }
  return url.href.replace(/\/+$/, '');
}
