import { InvalidOptionError } from '../errors.js';
import { defaultBaseUrl } from '../generated/spec.js';

/** `value` if it is an integer from `min` to `max`; otherwise InvalidOptionError naming `option` and `where`. */
export function checkCount(option: string, value: unknown, min: number, max: number, where?: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidOptionError(option, `must be an integer from ${min} to ${max}, got ${String(value)}`, where);
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
