// CORS of the sandbox: the docs site's console (a page on a loopback origin) may call it; a page
// from anywhere else gets no CORS header, so the browser keeps it from reading the answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackOrigin, startSandbox } from '../../scripts/lib/sandbox.mjs';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
const auth = { authorization: 'Bearer sandbox-key' };

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.close();
});

const preflight = (origin: string) =>
  fetch(`${sandbox.url}/v1/partner_referral_links`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });

describe('the sandbox and browsers (CORS)', () => {
  it('answers a preflight from a loopback page with the method and headers it asked for', async () => {
    for (const origin of ['http://127.0.0.1:5173', 'http://localhost:4173', 'http://[::1]:8080']) {
      const response = await preflight(origin);
      expect(response.status, origin).toBe(204);
      expect(response.headers.get('access-control-allow-origin'), origin).toBe(origin);
      expect(response.headers.get('access-control-allow-methods'), origin).toContain('POST');
      expect(response.headers.get('access-control-allow-headers'), origin).toBe('authorization, content-type');
    }
  });

  it('lets a loopback page read the answers (the origin is allowed on every answer)', async () => {
    const origin = 'http://127.0.0.1:5173';
    const response = await fetch(`${sandbox.url}/v1/partners/partner_123/referral_links`, { headers: { ...auth, origin } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    const created = await fetch(`${sandbox.url}/v1/partner_referral_links`, {
      method: 'POST',
      headers: { ...auth, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ partner: { id: 'partner_123' }, key: 'cors-check' }),
    });
    expect([200, 201]).toContain(created.status);
    expect(created.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('gives a page from any other origin no CORS header, and refuses its preflight', async () => {
    for (const origin of ['https://example.com', 'http://127.0.0.1.example.com', 'http://10.0.0.2:4011', 'null']) {
      const response = await preflight(origin);
      expect(response.status, origin).toBe(403);
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
      const answer = await fetch(`${sandbox.url}/v1/partners/partner_123/referral_links`, { headers: { ...auth, origin } });
      expect(answer.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('tells loopback origins from others', () => {
    expect(isLoopbackOrigin('http://127.0.0.1:4011')).toBe(true);
    expect(isLoopbackOrigin('http://127.8.0.1')).toBe(true);
    expect(isLoopbackOrigin('https://localhost')).toBe(true);
    expect(isLoopbackOrigin('http://localhost.example.com')).toBe(false);
    expect(isLoopbackOrigin('file://')).toBe(false);
    expect(isLoopbackOrigin('not a url')).toBe(false);
  });
});
