// The built docs (global-setup.ts builds them with `npm run docs`'s script), read without a
// browser: the spec the API reference shows (operations, code samples, the readers' text)
// against the bundled spec beside it, the console's defaults and the operations page. The whole
// site in Chromium is site.slow.test.ts; the samples against a mock, samples.slow.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SANDBOX, referenceAnchor } from '../../scripts/lib/docs-site.mjs';
import { parseCurl } from './curl-line.js';
import { pageSpec } from './page-spec.js';

const { spec, operations } = pageSpec();
const bundled = JSON.parse(readFileSync('site/openapi.json', 'utf8'));
const server: string = spec.servers[0].url;
const sampled = (label: string) =>
  operations.flatMap((op) => op.samples.filter((s) => s.label === label).map((sample) => ({ op, source: sample.source })));

/** One JSON-pointer token. */
const token = (key: string | number) => String(key).replaceAll('~', '~0').replaceAll('/', '~1');
/** Every string under `key` anywhere in a spec, with its JSON pointer. */
function stringsAt(node: unknown, key: string, path = '#'): { path: string; text: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => stringsAt(item, key, `${path}/${i}`));
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) =>
      k === key && typeof v === 'string' ? [{ path: `${path}/${token(k)}`, text: v }] : k.startsWith('x-partnero-inferred') ? [] : stringsAt(v, key, `${path}/${token(k)}`),
    );
  }
  return [];
}
/** Every schema (or parameter) of a spec that has a `pattern`, by JSON path. */
function patterned(node: unknown, path = '#'): { path: string; pattern: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => patterned(item, `${path}/${i}`));
  if (!node || typeof node !== 'object') return [];
  const own = typeof (node as any).pattern === 'string' ? [{ path, pattern: (node as any).pattern as string }] : [];
  return [...own, ...Object.entries(node).flatMap(([k, v]) => patterned(v, `${path}/${token(k)}`))];
}
const at = (root: unknown, path: string) =>
  path
    .slice(2)
    .split('/')
    .filter(Boolean)
    .reduce<any>((node, key) => node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], root);
const SOURCE_TAG = /\[(doc|sdk)\s[^\]]*\]|\[inferred\]/;

describe('the API reference (site/reference/)', () => {
  it('shows every operation of the bundled spec', () => {
    const ids = Object.values<any>(bundled.paths).flatMap((item) => Object.values<any>(item).map((op) => op?.operationId).filter(Boolean));
    expect(operations.map((op) => op.operationId).sort()).toEqual(ids.sort());
    expect(operations.length).toBeGreaterThan(0);
  });

  it('has no source tag left in any description or summary, and a source note wherever the spec had tags', () => {
    const texts = [...stringsAt(spec, 'description'), ...stringsAt(spec, 'summary')];
    for (const { path, text } of texts) expect(text, path).not.toMatch(SOURCE_TAG);
    const tagged = stringsAt(bundled, 'description').filter(({ text }) => SOURCE_TAG.test(text));
    expect(tagged.length).toBeGreaterThan(0);
    for (const { path } of tagged) expect(at(spec, path), path).toMatch(/\*Source: [^*]+\.\*$/);
  });

  it('says every pattern of the spec in words, with no regular expression left', () => {
    const patterns = patterned(bundled);
    expect(patterns.length).toBeGreaterThan(0);
    expect(patterned(spec)).toEqual([]);
    for (const { path, pattern } of patterns) {
      // A parameter's schema: the words are on the parameter, which the reference shows.
      const owner = path.endsWith('/schema') && at(spec, path.slice(0, -'/schema'.length))?.in ? path.slice(0, -'/schema'.length) : path;
      expect(at(spec, owner)?.description, path).toMatch(/Allowed: .+\. The exact rule is in \[openapi\.json\]/);
      expect(JSON.stringify(spec), path).not.toContain(JSON.stringify(pattern));
    }
  });

  it("opens its console on the sandbox, with the sandbox's key", () => {
    const script = readFileSync('site/reference/config.js', 'utf8');
    const config = JSON.parse(/createApiReference\('#app', (\{[\s\S]*\})\);/.exec(script)![1]!);
    expect(config.servers[0].url).toBe(SANDBOX.url);
    expect(config.servers[0].url).toBe('http://127.0.0.1:4011');
    const scheme = Object.keys(bundled.components.securitySchemes)[0]!;
    expect(config.authentication.preferredSecurityScheme).toBe(scheme);
    expect(config.authentication.securitySchemes[scheme].token).toBe('sandbox-key');
    expect(config.withDefaultFonts).toBe(false);
  });
});

describe('the code samples of the API reference', () => {
  it.each(['curl', 'TypeScript', 'CLI'])('has one %s sample for each operation', (label) => {
    expect(sampled(label).map(({ op }) => op.operationId).sort()).toEqual(operations.map((op) => op.operationId).sort());
  });

  it("curl: each sends the operation's method to one of its paths on the spec's server, with the key from $PARTNERO_API_KEY", () => {
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

  it("CLI: each names the operation's command, its path parameters as arguments", () => {
    const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    for (const { op, source } of sampled('CLI')) {
      const raw = bundled.paths[op.path][op.method.toLowerCase()];
      const words = source.trim().split(' ');
      expect(words.slice(0, 3), op.operationId).toEqual(['partnero', kebab(raw['x-partnero-resource']), kebab(raw['x-partnero-method'])]);
      const pathParams = (op.path.match(/\{[^}]+\}/g) ?? []).length;
      for (const word of words.slice(3, 3 + pathParams)) expect(word.startsWith('-'), `${op.operationId}: ${source}`).toBe(false);
      if (raw.requestBody) expect(source, op.operationId).toContain(' --json ');
    }
  });
});

describe('the operations page (docs/api/index.md, generated for the site)', () => {
  const markdown = readFileSync('docs/api/index.md', 'utf8');
  it('lists every operation with a link to it in the reference', () => {
    for (const op of operations) {
      expect(markdown, op.operationId).toContain(`### ${op.summary}`);
      expect(markdown, op.operationId).toContain(`\`${op.method} ${op.path}\``);
      expect(markdown, op.operationId).toContain(`href="/reference/index.html#${referenceAnchor(op.tag, op.method, op.path)}"`);
    }
  });
});

describe('the bundled spec beside the reference', () => {
  it('is one self-contained file, as YAML and as JSON, with the same operations', () => {
    expect(bundled.openapi).toBe('3.1.0');
    expect(Object.keys(bundled.paths).sort()).toEqual(Object.keys(spec.paths).sort());
    const yaml = readFileSync('site/openapi.yaml', 'utf8');
    for (const op of operations) expect(yaml).toContain(`operationId: ${op.operationId}`);
    // Bundled: no reference points into another file; the samples are the reference's only.
    expect(`${yaml}\n${JSON.stringify(bundled)}`).not.toMatch(/\$ref["']?:\s*["']?\.\.?\//);
    expect(JSON.stringify(bundled)).not.toContain('x-codeSamples');
  });
});
