// Sends one API call: per-attempt timeouts, the caller's AbortSignal, retries with backoff,
// and the conversion of every failure into the client's error classes. This is the one place
// where a Response or a fetch failure becomes an exception, and where a body is read.
import {
  ConnectionError,
  ConnectionTimeoutError,
  InvalidOptionError,
  InvalidParameterError,
  PartneroApiError,
  PartneroError,
  RateLimitError,
  RequestAbortedError,
  ResponseBodyError,
  apiErrorFromResponse,
} from '../errors.js';
import { MAX_RETRY_AFTER_MS, backoffMs, isRetryableStatus, parseRetryAfter } from '../retry.js';
import { redactHeaders, redactSecret, redactValue } from './redact.js';
import { onAbort, sleep } from './sleep.js';

/** Per-call settings, resolved against the client's defaults. */
export interface CallSettings {
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  /** The API key: redacted from every message built from what a server (or `fetch`) said. */
  readonly secret: string;
  /**
   * Whether the call may be sent again after the server may have acted on it. Default true.
   * False (a create): a timeout, a connection broken after sending or a 5xx is thrown, not
   * retried (see `mayHaveActed`); what surely did nothing (refused connection, 408, 429) still is.
   */
  readonly idempotent?: boolean;
  /** The client's rate limiter (option `rateLimit`, internal/rate-limit.ts): every attempt waits its turn there. */
  readonly limiter?: AttemptLimiter | undefined;
}

/** What the transport needs of a rate limiter: run one attempt when it may go. */
export interface AttemptLimiter {
  run<T extends Answer | Refusal | PartneroError>(operation: string, signal: AbortSignal | undefined, attempt: () => Promise<T>): Promise<T | PartneroError>;
}

/** What openapi-fetch resolves to (`{ data, error, response }`). */
export interface FetchResult<T = unknown> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/** A 2xx answer with its body read: `text` is `''` for a 204 or an empty body. */
export interface Answer {
  readonly response: Response;
  readonly text: string;
}

/** A non-2xx answer, its body as openapi-fetch parsed it. */
export interface Refusal {
  readonly response: Response;
  readonly error: unknown;
}

/**
 * Runs `attempt` until it gives a 2xx answer and reads its body, retrying what may succeed next
 * time (connection failures, timeouts, 408, 429, 5xx) at most `maxRetries` times. The attempt
 * must ask openapi-fetch for `parseAs: 'stream'`, so that the body is read here, under the
 * attempt's time limit and signal. Every failure is thrown as a PartneroError, the API key
 * redacted from whatever the server sent.
 */
export async function send(
  operation: string,
  method: string,
  settings: CallSettings,
  attempt: (signal: AbortSignal) => Promise<FetchResult>,
): Promise<Answer> {
  const { signal, maxRetries, secret, idempotent = true } = settings;
  for (let retry = 0; ; retry++) {
    if (signal?.aborted) throw RequestAbortedError.of(operation, signal);
    const outcome = settings.limiter ? await settings.limiter.run(operation, signal, () => once(operation, settings, attempt)) : await once(operation, settings, attempt);
    const retriesLeft = retry < maxRetries;
    if (outcome instanceof PartneroError) {
      // A RateLimitError comes only from the limiter, which has waited or decided not to: final.
      if (!retriesLeft || outcome instanceof RequestAbortedError || outcome instanceof RateLimitError || (!idempotent && mayHaveActed(outcome))) throw outcome;
      await wait(operation, backoffMs(retry), signal);
      continue;
    }
    if (!('error' in outcome)) return outcome;
    const { response } = outcome;
    const { status } = response;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    const mayRetry = retriesLeft && isRetryableStatus(status) && (idempotent || !statusMayHaveActed(status));
    if (!mayRetry || (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS)) {
      const headers = redactHeaders(response.headers, secret);
      const body = redactValue(outcome.error, secret);
      throw apiErrorFromResponse({ operation, method, url: response.url, status, headers, body }, retryAfterMs);
    }
    await wait(operation, retryAfterMs ?? backoffMs(retry), signal);
  }
}

/**
 * Whether the server may have acted on a request that failed with `error`, so that sending a
 * non-idempotent request (a create) again could act twice. False only for what surely did
 * nothing: a refusal before the request was sent (connection refused, unknown host), a 4xx
 * (408 and 429 included) or a 3xx, an error raised before sending (a bad option or parameter).
 */
export function mayHaveActed(error: unknown): boolean {
  if (error instanceof PartneroApiError) return statusMayHaveActed(error.status);
  if (error instanceof ConnectionTimeoutError || error instanceof ResponseBodyError) return true;
  if (error instanceof ConnectionError) return !nothingSent(error.cause);
  return !(error instanceof InvalidOptionError || error instanceof InvalidParameterError);
}

function statusMayHaveActed(status: number): boolean {
  return status >= 500;
}

/** Error codes of a connection that failed before any byte of the request left. */
const NOTHING_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function nothingSent(cause: unknown): boolean {
  const code = codeOf(cause);
  return code !== undefined && NOTHING_SENT.has(code);
}

/** The first code in the chain of causes that says nothing was sent, else the first code. */
function codeOf(error: unknown): string | undefined {
  let first: string | undefined;
  let current = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (NOTHING_SENT.has(code)) return code;
      first ??= code;
    }
    current = current.cause;
  }
  return first;
}

/**
 * One attempt under its own time limit; failures come back as errors, not thrown. The attempt
 * and the body are each raced against the attempt's signal, so that a `fetch` that ignores
 * `request.signal` still cannot hold the call past the timeout or the caller's abort.
 */
async function once(
  operation: string,
  settings: CallSettings,
  attempt: (signal: AbortSignal) => Promise<FetchResult>,
): Promise<Answer | Refusal | PartneroError> {
  const { signal, timeoutMs, secret } = settings;
  const controller = new AbortController();
  let stop!: (reason?: unknown) => void;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
    stop();
  }, timeoutMs);
  const unsubscribe =
    signal &&
    onAbort(signal, () => {
      controller.abort(signal.reason);
      stop();
    });
  let pending: Promise<FetchResult> | undefined;
  let response: Response | undefined;
  try {
    pending = attempt(controller.signal);
    const result = await Promise.race([pending, stopped]);
    response = result.response;
    if (!response.ok) return { response, error: result.error };
    return { response, text: await Promise.race([response.text(), stopped]) };
  } catch (cause) {
    if (signal?.aborted) return RequestAbortedError.of(operation, signal);
    if (timedOut) return new ConnectionTimeoutError(operation, timeoutMs);
    if (response) {
      return new ResponseBodyError(
        `${operation}: a ${response.status} answer came, but its body could not be read (${redactSecret(describeFailure(cause), secret)})`,
        response.status,
        redactHeaders(response.headers, secret),
        { cause: safeCause(cause, secret) },
      );
    }
    // openapi-fetch reads a non-2xx body itself: a failure there also comes after an answer.
    const what = isBodyFailure(cause) ? 'an answer came, but its body could not be read' : 'no answer';
    return new ConnectionError(`${operation}: ${what} (${redactSecret(describeFailure(cause), secret)})`, {
      cause: safeCause(cause, secret),
    });
  } finally {
    clearTimeout(timer);
    unsubscribe?.();
    // An attempt that lost the race may still answer: free its connection then.
    if (response === undefined && pending !== undefined) pending.then(discardBody, noop);
  }
}

async function wait(operation: string, ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch {
    throw RequestAbortedError.of(operation, signal);
  }
}

function discardBody({ response }: FetchResult): void {
  response.body?.cancel().catch(noop);
}

function noop(): void {}

/** The innermost reason Node's fetch gives ("connect ECONNREFUSED 127.0.0.1:9", "other side closed", ...). */
function describeFailure(error: unknown): string {
  let current: unknown = error;
  let text = 'fetch failed';
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    const message = current.message || text;
    text = typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
    current = current.cause;
  }
  return text;
}

/**
 * Whether Node's fetch failed while reading a body (the answer had come) rather than before
 * the answer: undici rejects a broken body with "terminated", an undecodable one with a zlib
 * error, and a failure before the answer with "fetch failed".
 */
function isBodyFailure(error: unknown): boolean {
  if (!(error instanceof Error) || error.message === 'fetch failed') return false;
  if (error.message === 'terminated') return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** `cause` itself, or a stand-in without the secret when its chain (messages or stacks) holds it. */
function safeCause(cause: unknown, secret: string): unknown {
  let current = cause;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const text = `${current.message}\n${current.stack ?? ''}`;
    if (redactSecret(text, secret) !== text) {
      const standIn = new Error(redactSecret(describeFailure(cause), secret));
      const code = codeOf(cause);
      return code === undefined ? standIn : Object.assign(standIn, { code });
    }
    current = current.cause;
  }
  return cause;
}
