// What the spec's description says the client sends: the colon of `:search` and `:domains` as
// it is (a server must read `%3A` as the same, and the sandbox does), and `customer[id]` as PHP
// sends it. The operations come from the generated table.
import { describe, expect, it } from 'vitest';
import { createPartneroClient } from '../../src/index.js';
import { operationTable } from '../../src/resources.js';
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js';

const withColon = Object.entries(operationTable).filter(([, row]) => row.path.includes(':') && row.pathParameters.length === 0 && !row.body);

describe('paths on the wire', () => {
  it.each(withColon)('%s: the colon is sent as it is', async (_id, row) => {
    const fetch = fakeFetch(() => jsonResponse({ data: [], status: 1 }));
    const client = createPartneroClient({ apiKey: 'k', fetch }) as unknown as Record<string, Record<string, (query?: unknown) => Promise<unknown>>>;
    await client[row.resource]![row.name]!(row.exactlyOne ? { [row.exactlyOne[0]!]: 'x' } : undefined);
    const sent = fetch.requests[0]!.url;
    expect(new URL(sent).pathname).toBe(row.path);
    expect(sent).not.toMatch(/%3A/i);
  });

  it('customer[id] goes on the query as customer[id]=..., as the PHP SDK sends it', async () => {
    const fetch = fakeFetch(() => jsonResponse({ data: [], status: 1 }));
    await createPartneroClient({ apiKey: 'k', fetch }).customerLinks.search({ key: 'x', 'customer[id]': 'customer_123' });
    expect(new URL(fetch.requests[0]!.url).searchParams.get('customer[id]')).toBe('customer_123');
  });
});
