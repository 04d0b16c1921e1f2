// What the spec assumes is machine-readable (issue 15, interface B): every **[inferred]** mark in
// a description or summary has one x-partnero-inferred entry on the same object, kept so by the
// house lint rule partnero/inferred-claims (scripts/lib/redocly-plugin.mjs), and the bundled
// spec that the package ships (and the contract tool reads) keeps the entries. The rule inside
// redocly lint: inferred-claims-lint.slow.test.ts.
import { fileURLToPath } from 'node:url';
import { bundle, loadConfig } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { INFERRED_KEY, countMarks, inferredProblems } from '../../scripts/lib/redocly-plugin.mjs';

const root = new URL('../../', import.meta.url);
const config = await loadConfig({ configPath: fileURLToPath(new URL('redocly.yaml', root)) });
const specPath = fileURLToPath(new URL('openapi/openapi.yaml', root));

/** Every object in a parsed document, with its JSON path. */
function* objects(value: unknown, path = ''): Generator<{ node: Record<string, unknown>; path: string }> {
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* objects(item, `${path}/${index}`);
    return;
  }
  yield { node: value as Record<string, unknown>, path };
  for (const [key, item] of Object.entries(value)) yield* objects(item, `${path}/${key}`);
}

describe('the rule, on one object', () => {
  it('counts marks in description and summary, and wants as many entries', () => {
    expect(countMarks('a **[inferred]** b **[inferred]**')).toBe(2);
    expect(countMarks('[inferred] without bold, or `[inferred]`')).toBe(0);
    expect(inferredProblems({ description: 'x' })).toEqual([]);
    expect(inferredProblems({ description: 'x **[inferred]**', [INFERRED_KEY]: [{ claim: 'X holds.' }] })).toEqual([]);
    expect(inferredProblems({ summary: 'x **[inferred]**' })).toHaveLength(1);
    expect(inferredProblems({ description: 'x **[inferred]** **[inferred]**', [INFERRED_KEY]: [{ claim: 'X holds.' }] })[0]).toMatch(/2 .* but 1/);
    expect(inferredProblems({ description: 'x', [INFERRED_KEY]: [{ claim: 'X holds.' }] })[0]).toMatch(/0 .* but 1/);
  });

  it('wants each entry to be { claim, check? } with a sentence in claim', () => {
    const marked = { description: '**[inferred]**' };
    expect(inferredProblems({ ...marked, [INFERRED_KEY]: 'X holds.' })[0]).toMatch(/must be a list/);
    expect(inferredProblems({ ...marked, [INFERRED_KEY]: [{ claim: '' }] })[0]).toMatch(/claim must be/);
    expect(inferredProblems({ ...marked, [INFERRED_KEY]: [{ claim: 'X.', check: 5 }] })[0]).toMatch(/check must be/);
    expect(inferredProblems({ ...marked, [INFERRED_KEY]: [{ claim: 'X.', why: 'y' }] })[0]).toMatch(/unknown field/);
    expect(inferredProblems({ ...marked, [INFERRED_KEY]: [{ claim: 'X.', check: 'status_code_conformance' }] })).toEqual([]);
  });
});

describe('the bundled spec keeps the entries', () => {
  it('one entry per mark on every object, over 100 in all', async () => {
    const bundled = (await bundle({ ref: specPath, config })).bundle.parsed;
    let marks = 0;
    let entries = 0;
    for (const { node, path } of objects(bundled)) {
      const here = countMarks(node['description']) + countMarks(node['summary']);
      const list = node[INFERRED_KEY];
      expect(Array.isArray(list) ? list.length : 0, path).toBe(here);
      marks += here;
      entries += Array.isArray(list) ? list.length : 0;
    }
    expect(entries).toBe(marks);
    expect(entries).toBeGreaterThan(100);
  });
});
