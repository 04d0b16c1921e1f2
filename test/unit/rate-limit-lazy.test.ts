// Without `rateLimit`, the limiter module is never loaded (it is a dynamic import on the first
// call of a client that has the option), and calls go straight to fetch.
import { describe, expect, it, vi } from 'vitest';

const loaded = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/internal/rate-limit.js', async (importOriginal) => {
  loaded.count++;
  return importOriginal();
});

const { createPartneroClient } = await import('../../src/index.js');

const fetch = async (): Promise<Response> =>
  new Response(JSON.stringify({ status: 1, data: { id: 'a', key: 'a', url: 'https://example.test/a', default: false } }), {
    headers: { 'content-type': 'application/json' },
  });

describe('rateLimit, loading', () => {
  it('loads nothing without the option, and the limiter on the first call with it', async () => {
    const plain = createPartneroClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', fetch });
    await plain.partnerLinks.get('a');
    await plain.partnerLinks.get('b');
    expect(loaded.count).toBe(0);
    const limited = createPartneroClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', fetch, rateLimit: 'adaptive' });
    expect(loaded.count).toBe(0); // Not at creation either.
    await limited.partnerLinks.get('a');
    expect(loaded.count).toBe(1);
  });
});
