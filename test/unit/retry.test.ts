import { describe, expect, it } from 'vitest';
import { backoffMs, isRetryableStatus, parseRetryAfter } from '../../src/retry.js';

describe('isRetryableStatus', () => {
  it('retries 408, 429, 500, 502, 503, 504 and nothing else', () => {
    const retried = Array.from({ length: 500 }, (_, i) => i + 100).filter(isRetryableStatus);
    expect(retried).toEqual([408, 429, 500, 502, 503, 504]);
  });
});

describe('backoffMs', () => {
  it('starts near 0.5 s, doubles, and stops growing at 8 s', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoffMs(n, noJitter))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('takes off at most a quarter at random', () => {
    expect(backoffMs(0, () => 1)).toBe(375);
    expect(backoffMs(4, () => 0.5)).toBe(7000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter(' 2 ', now)).toBe(2_000);
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
  });

  it('reads an HTTP date, and a date in the past as 0', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:00:45 GMT', now)).toBe(45_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('gives undefined for an absent or unreadable value', () => {
    for (const value of [null, '', '-1', 'soon', '1e3', 'NaN', 'x 2099', 'foo 1', '2026-11-24T12:00:45Z']) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });
});
