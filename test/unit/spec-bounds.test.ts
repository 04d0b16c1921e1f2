// The parameter bounds the client checks come from the spec (src/generated/spec.ts), not from
// numbers in src/: with other bounds generated, the checks and their messages follow.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/generated/spec.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/generated/spec.js')>();
  const op = original.operations.listPartnerReferralLinks;
  return {
    ...original,
    operations: {
      listPartnerReferralLinks: {
        ...op,
        parameters: { ...op.parameters, limit: { ...op.parameters.limit, minimum: 5, maximum: 40, default: 7 } },
      },
    },
  };
});

const { createPartneroClient } = await import('../../src/index.js');
const { fakeFetch, jsonResponse } = await import('../support/fake-fetch.js');
const { linkPage } = await import('../support/http-server.js');

describe('bounds from the generated spec values', () => {
  it('limit follows the generated minimum and maximum', async () => {
    const fetch = fakeFetch(() => jsonResponse(linkPage(1, 1)));
    const client = createPartneroClient({ apiKey: 'k', fetch });
    await expect(client.partnerLinks.list('p', { limit: 41 })).rejects.toThrow(
      'listPartnerReferralLinks: limit must be an integer from 5 to 40, got 41',
    );
    await expect(client.partnerLinks.list('p', { limit: 4 })).rejects.toThrow('from 5 to 40, got 4');
    await expect(client.partnerLinks.list('p', { limit: 40 })).resolves.toBeDefined();
    expect(fetch.requests).toHaveLength(1);
  });

  it('listAll takes the generated default page size to tell a full page', async () => {
    const fetch = fakeFetch((request) => {
      const page = Number(new URL(request.url).searchParams.get('page'));
      return jsonResponse(linkPage((page - 1) * 7 + 1, page === 1 ? 7 : 3));
    });
    const client = createPartneroClient({ apiKey: 'k', fetch });
    let count = 0;
    for await (const _ of client.partnerLinks.listAll('p')) count++;
    expect(count).toBe(10);
    expect(fetch.requests).toHaveLength(2); // 7 links filled page 1 at the generated default of 7.
  });
});
