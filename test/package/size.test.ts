// What an app that imports the client bundles before its first call: the main chunk (the entry
// and every chunk it imports statically, openapi-fetch included, minified and gzip-compressed),
// bundled from the run's packed dist/ as `npm run bench -- --only size` bundles it. The
// validators, the recovery of writes, the rate limiter and the second search of redaction are
// lazy chunks and do not count.
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { size } from '../../scripts/bench/size.mjs';

const root = resolve(import.meta.dirname, '../..');
/** The bound of the main chunk: 12.2 KiB gzip. */
const MAIN_CHUNK_MAX_BYTES = 12.2 * 1024;

describe('the main chunk', () => {
  it('is at most 12.2 KiB gzip, and the lazy parts stay out of it', async () => {
    const [main, lazy] = await size(root, join(inject('dist'), 'index.js'));
    expect(main.bytes.gzip).toBeLessThanOrEqual(MAIN_CHUNK_MAX_BYTES);
    expect(lazy.bytes.gzip).toBeGreaterThan(0);
    expect(main.chunks?.some((chunk) => chunk.startsWith('rate-limit-'))).toBe(true);
  });
});
