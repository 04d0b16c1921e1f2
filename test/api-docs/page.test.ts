// The built docs (global-setup.ts builds docs/ with `npm run docs`'s script), read without a
// browser: the spec the page embeds (operations and their code samples) against the bundled
// spec beside it. How the page looks in Chromium is docs.slow.test.ts; that the samples run
// against a mock is samples.slow.test.ts (both in `npm run test:all`).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseCurl } from './curl-line.js';
import { pageSpec } from './page-spec.js';

const { spec, operations } = pageSpec();
const server: string = spec.servers[0].url;
const sampled = (label: string) =>
  operations.flatMap((op) => op.samples.filter((s) => s.label === label).map((sample) => ({ op, source: sample.source })));

describe('docs/index.html', () => {
  it('embeds every operation of the bundled spec', async () => {
    const bundled = JSON.parse(await readFile('docs/openapi.json', 'utf8'));
    const ids = Object.values<any>(bundled.paths).flatMap((item) => Object.values<any>(item).map((op) => op?.operationId).filter(Boolean));
    expect(operations.map((op) => op.operationId).sort()).toEqual(ids.sort());
    expect(operations.length).toBeGreaterThan(0);
  });
});

describe('the TypeScript samples on the docs page', () => {
  it('are there, one for each operation', () => {
    expect(sampled('TypeScript').map(({ op }) => op.operationId).sort()).toEqual(operations.map((op) => op.operationId).sort());
  });
});

describe('the curl samples on the docs page', () => {
  it('are there, one for each operation', () => {
    expect(sampled('curl').map(({ op }) => op.operationId).sort()).toEqual(operations.map((op) => op.operationId).sort());
  });

  it("each send the operation's method to one of its paths on the spec's server, with the key from $PARTNERO_API_KEY", () => {
    for (const { op, source } of sampled('curl')) {
      const request = parseCurl(source, { PARTNERO_API_KEY: 'docs-key' });
      expect(request.method, op.operationId).toBe(op.method);
      expect(request.url.startsWith(server), op.operationId).toBe(true);
      // The path template with each {parameter} standing for one path segment.
      const template = new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/?]+')}(\\?|$)`);
      expect(new URL(request.url).pathname + new URL(request.url).search, op.operationId).toMatch(template);
      expect(request.headers.authorization, op.operationId).toBe('Bearer docs-key');
    }
  });
});

describe('the bundled spec beside it', () => {
  it('is one self-contained file, as YAML and as JSON, with the same operations', async () => {
    const json = JSON.parse(await readFile('docs/openapi.json', 'utf8')) as { openapi: string; paths: object };
    expect(json.openapi).toBe('3.1.0');
    expect(Object.keys(json.paths).sort()).toEqual(Object.keys(spec.paths).sort());
    const yaml = await readFile('docs/openapi.yaml', 'utf8');
    for (const op of operations) expect(yaml).toContain(`operationId: ${op.operationId}`);
    // Bundled: no reference points into another file any more; the samples are the page's only.
    expect(`${yaml}\n${JSON.stringify(json)}`).not.toMatch(/\$ref["']?:\s*["']?\.\.?\//);
    expect(JSON.stringify(json)).not.toContain('x-codeSamples');
  });
});
