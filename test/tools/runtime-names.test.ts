// Issue 16 item 22, at run time: even a table whose names the generator would refuse cannot
// write onto Object or Object.prototype when the client builds its resources (src/resources.ts
// builds them on objects without a prototype chain to reach). The table here is the real one
// with two resources renamed to `constructor` and `__proto__` and a method renamed to `keys`.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/generated/spec.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/generated/spec.js')>();
  const rows = Object.entries(original.operations);
  const operations = Object.fromEntries(
    rows.map(([id, row], index) => [id, { ...row, resource: index === 0 ? 'constructor' : index === 1 ? '__proto__' : row.resource, name: index === 0 ? 'keys' : row.name }]),
  );
  return { ...original, operations };
});

describe('resources built from names the generator refuses', () => {
  it('leave Object and Object.prototype untouched, and keep the names as own properties', async () => {
    const keysBefore = Object.keys;
    const { createPartneroClient } = await import('../../src/index.js');
    const client = createPartneroClient({ apiKey: 'sk_test_0123456789', baseUrl: 'http://127.0.0.1:9' }) as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys).toBe(keysBefore);
    expect('list' in Object || 'listAll' in Object).toBe(false);
    expect(Object.getPrototypeOf(client)).toBe(Object.prototype);
    expect(Object.hasOwn(client, 'constructor') && Object.hasOwn(client, '__proto__')).toBe(true);
    expect(typeof client['constructor']!['keys']).toBe('function');
    expect(Object.keys({ a: 1 })).toEqual(['a']);
  });
});
