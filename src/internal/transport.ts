// Sends one API call: per-attempt timeouts, the caller's AbortSignal, retries with backoff,
// and the conversion of every failure into the client's error classes. This is the one place
// where a Response or a fetch failure becomes an exception.
import {
  ConnectionError,
  ConnectionTimeoutError,
  PartneroError,
  RequestAbortedError,
  apiErrorFromResponse,
} from '../errors.js';
import { MAX_RETRY_AFTER_MS, backoffMs, isRetryableStatus, parseRetryAfter } from '../retry.js';
import { sleep } from './sleep.js';

/** Per-call settings, resolved against the client's defaults. */
export interface CallSettings {
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
}

/** What openapi-fetch resolves to. */
export interface FetchResult<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * Runs `attempt` until it gives a 2xx answer, retrying what may succeed next time
 * (connection failures, timeouts, 408, 429, 5xx from RETRYABLE) at most `maxRetries` times.
 */
export async function send<T>(
  operation: string,
  method: string,
  settings: CallSettings,
  attempt: (signal: AbortSignal) => Promise<FetchResult<T>>,
): Promise<{ data: T | undefined; response: Response }> {
  const { signal, maxRetries, timeoutMs } = settings;
  for (let retry = 0; ; retry++) {
    if (signal?.aborted) throw RequestAbortedError.of(operation, signal);
    const outcome = await once(operation, timeoutMs, signal, attempt);
    const retriesLeft = retry < maxRetries;
    if (outcome instanceof PartneroError) {
      if (!retriesLeft || outcome instanceof RequestAbortedError) throw outcome;
      await wait(operation, backoffMs(retry), signal);
      continue;
    }
    const { data, error, response } = outcome;
    if (response.ok) return { data, response };
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    const mayRetry = retriesLeft && isRetryableStatus(response.status);
    if (!mayRetry || (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS)) {
      const { status, headers, url } = response;
      throw apiErrorFromResponse({ operation, method, url, status, headers, body: error }, retryAfterMs);
    }
    await wait(operation, retryAfterMs ?? backoffMs(retry), signal);
  }
}

/** One attempt under its own time limit; failures without an answer come back as errors, not thrown. */
async function once<T>(
  operation: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  attempt: (signal: AbortSignal) => Promise<FetchResult<T>>,
): Promise<FetchResult<T> | PartneroError> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await attempt(controller.signal);
  } catch (cause) {
    if (signal?.aborted) return RequestAbortedError.of(operation, signal);
    if (timedOut) return new ConnectionTimeoutError(operation, timeoutMs);
    return new ConnectionError(`${operation}: no answer (${describeFailure(cause)})`, { cause });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

async function wait(operation: string, ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch {
    throw RequestAbortedError.of(operation, signal);
  }
}

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
