// createPartneroClient: checks the options once, then wires openapi-fetch to the resources.
import createClient, { createQuerySerializer, type Client } from 'openapi-fetch';
import type { paths } from './generated/schema.js';
import { defaultBaseUrl } from './generated/spec.js';
import { InvalidOptionError, PartneroError, RateLimitError, RequestAbortedError, describeValue } from './errors.js';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry.js';
import { onAbort } from './internal/sleep.js';
import type { Resources } from './generated/resources.js';
import { buildResources } from './resources.js';
import { callSettings, checkApiKey, checkBaseUrl, checkCount } from './internal/options.js';
import { useDeepRedaction } from './internal/redact.js';
import type { AttemptLimiter } from './internal/transport.js';
import type { RateLimitOption } from './internal/rate-limit.js';

export type { RateLimitOption };

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
  /** Check every 2xx body against the spec's response schema. Default false. */
  readonly validateResponses?: boolean;
  /** Allow a plain `http://` baseUrl to a host other than loopback, sending the key unencrypted. Default false. */
  readonly allowInsecureHttp?: boolean;
  /**
   * Learn the rate the API allows and keep every call of this client under it: `'adaptive'`, or
   * `{ maxConcurrency?, maxRequestsPerSecond?, redis?, key? }` for caps, and Redis to share the
   * learned rate and the pauses with other processes using the same key. Loaded on the first call
   * (the option is checked then, before anything is sent). Default: none.
   */
  readonly rateLimit?: RateLimitOption;
}

/** A Partnero API client: one property per resource of the spec (`partnerLinks`, ...), and `raw`. */
export interface PartneroClient extends Resources {
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
  // The second search of redaction (nested escapes) lives outside the main chunk: load it now,
  // long before a server's answer could need it.
  void import('./internal/redact-deep.js').then(
    (module) => useDeepRedaction(module.deepRedact),
    () => {},
  );
  const baseUrl = checkBaseUrl(options.baseUrl ?? defaultBaseUrl, options.allowInsecureHttp === true);
  const defaults = {
    maxRetries: checkCount('maxRetries', options.maxRetries ?? DEFAULT_MAX_RETRIES, 0, 10),
    timeoutMs: checkCount('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1, MAX_TIMEOUT_MS),
    secret: options.apiKey,
    ...(options.rateLimit === undefined ? {} : { limiter: lazyLimiter(options.rateLimit) }),
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
  const resources = buildResources({
    raw: openapiFetch(),
    validateResponses: options.validateResponses === true,
    settings: (call, where) => callSettings(defaults, call, where),
  });
  return Object.freeze({ ...resources, raw });
}

/** The limiter of `rateLimit`, imported on the first call that needs it (nothing is loaded without the option). */
function lazyLimiter(option: unknown): AttemptLimiter {
  let limiter: Promise<AttemptLimiter> | undefined;
  return {
    run: (operation, signal, attempt) =>
      (limiter ??= import('./internal/rate-limit.js')
        .then((module) => module.createLimiter(option, { InvalidOptionError, RequestAbortedError, RateLimitError, describeValue, parseRetryAfter, onAbort, maxRetryAfterMs: MAX_RETRY_AFTER_MS }))
        .catch((error: unknown) => {
          limiter = undefined; // A Redis that was down may be up on the next call.
          throw error;
        })
      ).then((loaded) => loaded.run(operation, signal, attempt)),
  };
}
