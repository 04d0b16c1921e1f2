// The decoder of nested escapes (src/internal/redact-deep.ts) is outside the main chunk: a client
// loads it when it is created, so that it is there before any answer can need it. (Its own file:
// which modules are loaded is per test file.)
import { describe, expect, it, vi } from 'vitest';
import { createPartneroClient } from '../../src/index.js';
import { REDACTED, redactSecret } from '../../src/internal/redact.js';

describe('the decoder of nested escapes', () => {
  it('is joined to redaction once a client is created (the per-character pattern alone misses a nested mix)', async () => {
    const key = 'nested-key\\\\tail';
    const written = 'nested-key%5C\\\\\\tail'; // one backslash percent-encoded, the other JSON-escaped
    expect(redactSecret(`(${written})`, key)).toBe(`(${written})`);
    createPartneroClient({ apiKey: key });
    await vi.waitFor(() => expect(redactSecret(`(${written})`, key)).toBe(`(${REDACTED})`));
  });
});
