import { InvalidOptionError, describeValue } from '../errors.js';
import { defaultBaseUrl } from '../generated/spec.js';
import type { CallSettings } from './transport.js';

/** The longest setTimeout delay. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** The client's defaults for every call, and the API key to keep out of messages. */
export interface CallDefaults {
  readonly maxRetries: number;
  readonly timeoutMs: number;
  /** The API key: redacted from every message built from what a server sent. */
  readonly secret: string;
  readonly limiter?: CallSettings['limiter'];
}

/**
 * The settings of one call: its options (`{ signal, maxRetries, timeoutMs }`; other keys, such
 * as listAll's, are left to their owner) over the client's defaults, checked before anything
 * is started. `where` names the call in errors, e.g. `referralLinks.list`.
 */
export function callSettings(defaults: CallDefaults, call: unknown, where: string): CallSettings {
  // No options: the defaults are the settings (no allocation on the common path).
  if (call === undefined) return defaults;
  if (typeof call !== 'object' || call === null) {
    throw new InvalidOptionError('options', `must be an object such as { signal, maxRetries, timeoutMs } or left out, got ${describeValue(call)}`, where);
  }
  const { signal, maxRetries, timeoutMs } = call as Record<string, unknown>;
  return {
    maxRetries: maxRetries === undefined ? defaults.maxRetries : checkCount('maxRetries', maxRetries, 0, 10, where),
    timeoutMs: timeoutMs === undefined ? defaults.timeoutMs : checkCount('timeoutMs', timeoutMs, 1, MAX_TIMEOUT_MS, where),
    signal: checkSignal(signal, where),
    secret: defaults.secret,
    limiter: defaults.limiter,
  };
}

/** `value` if it is an AbortSignal or undefined; otherwise InvalidOptionError naming `signal` and `where`. */
export function checkSignal(value: unknown, where: string): AbortSignal | undefined {
  if (value === undefined || value instanceof AbortSignal) return value;
  throw new InvalidOptionError('signal', `must be an AbortSignal (such as new AbortController().signal) or left out, got ${describeValue(value)}`, where);
}

/** `value` if it is an integer from `min` to `max`; otherwise InvalidOptionError naming `option` and `where`. */
export function checkCount(option: string, value: unknown, min: number, max: number, where?: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidOptionError(option, `must be an integer from ${min} to ${max}, got ${describeValue(value)}`, where);
  }
  return value;
}

/** Throws InvalidOptionError unless `apiKey` is a usable key; never puts the key in the message. */
export function checkApiKey(apiKey: unknown): void {
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

/** The base URL without trailing slashes, or InvalidOptionError saying what is wrong with it. */
export function checkBaseUrl(value: unknown, allowInsecureHttp: boolean): string {
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
  // `new URL` drops an empty `?` or `#` (`https://host/?` has search ''), yet openapi-fetch
  // appends the path to the string as given: `https://host/?/v1/...`. So the string is checked.
  // The value is not echoed: what follows `?` or precedes `@` may be a secret.
  const found = url.username || url.password ? 'credentials (user:password@)' : value.includes('?') ? 'a query ("?")' : value.includes('#') ? 'a fragment ("#")' : undefined;
  if (found) {
    throw new InvalidOptionError('baseUrl', `must not contain credentials, a query or a fragment; it has ${found}`);
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
