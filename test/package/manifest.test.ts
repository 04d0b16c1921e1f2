// The package.json that ships: what it declares of the optional peers, and that no top-level key
// is written twice (JSON keeps only the last, so a second block silently replaces the first, as
// a second `peerDependencies` once dropped the MCP SDK from the published package).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const packed = join(inject('dist'), '..', 'package.json');

/** The keys of the top-level object of a JSON text, in order, repeats kept. */
function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const isKey = /^\s*:/.test(text.slice(end + 1));
      if (depth === 1 && isKey) keys.push(JSON.parse(text.slice(i, end + 1)) as string);
      i = end;
    } else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') depth -= 1;
  }
  return keys;
}

describe('package.json', () => {
  it('writes no top-level key twice (the packed one and the source alike)', () => {
    for (const file of [join(root, 'package.json'), packed]) {
      const keys = topLevelKeys(readFileSync(file, 'utf8'));
      expect(keys.length, file).toBeGreaterThan(10);
      expect(keys.filter((key, index) => keys.indexOf(key) !== index), file).toEqual([]);
    }
  });

  it('declares the MCP SDK and ioredis as optional peer dependencies, and openapi-fetch alone as a dependency', () => {
    const manifest = JSON.parse(readFileSync(packed, 'utf8')) as Record<string, Record<string, unknown>>;
    const source = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys(manifest['dependencies']!)).toEqual(['openapi-fetch']);
    expect(Object.keys(manifest['peerDependencies']!).sort()).toEqual(['@modelcontextprotocol/sdk', 'ioredis']);
    expect(manifest['peerDependenciesMeta']).toEqual({ '@modelcontextprotocol/sdk': { optional: true }, ioredis: { optional: true } });
    // The SDK range is the one `partnero mcp` names when the SDK is missing, and admits the version tested with.
    const sdkSource = readFileSync(join(root, 'src/mcp/sdk.ts'), 'utf8');
    expect(sdkSource).toContain(`SDK_RANGE = '${String(manifest['peerDependencies']!['@modelcontextprotocol/sdk'])}'`);
    expect(manifest['peerDependencies']!['@modelcontextprotocol/sdk']).toBe(`^${source['devDependencies']!['@modelcontextprotocol/sdk']}`);
  });
});
