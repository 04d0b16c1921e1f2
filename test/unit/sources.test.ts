// Every source a description cites in brackets (`[doc V-partner]`, `[sdk S-php README]`) is one
// that openapi.yaml's info.x-partnero-sources says where to find, and every source listed there
// is cited: the provenance of a claim can always be followed.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '@redocly/openapi-core';

async function specFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? specFiles(join(dir, e.name)) : Promise.resolve(e.name.endsWith('.yaml') ? [join(dir, e.name)] : []))));
  return nested.flat();
}

describe('sources', () => {
  it('every cited source id is listed in info.x-partnero-sources with where to find it, and every listed one is cited', async () => {
    const root = parseYaml(await readFile('openapi/openapi.yaml', 'utf8')) as { info: { 'x-partnero-sources': Record<string, string> } };
    const listed = root.info['x-partnero-sources'];
    const cited = new Set<string>();
    for (const file of await specFiles('openapi')) {
      const text = (await readFile(file, 'utf8')).replace(/\s*\n\s*/g, ' ');
      for (const [, inside] of text.matchAll(/\[((?:doc|sdk) [^\]]+)\]/g)) {
        for (const [, id] of inside!.matchAll(/\b([DVHS]-[a-z0-9-]+)\b/g)) cited.add(id!);
      }
    }
    expect(cited.size).toBeGreaterThan(10);
    expect([...cited].filter((id) => !Object.hasOwn(listed, id)).sort()).toEqual([]);
    expect(Object.keys(listed).filter((id) => !cited.has(id)).sort()).toEqual([]);
    for (const [id, where] of Object.entries(listed)) expect(where, id).toMatch(/^https:\/\/[a-z.]+\.(com|org)\//);
  });
});
