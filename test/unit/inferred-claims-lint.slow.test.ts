// The house lint rule partnero/inferred-claims inside redocly lint, with redocly.yaml as lint
// and generation read it: the spec passes, and a copy with a mark and its entry out of step
// fails, naming the file. (The rule on one object: inferred-claims.test.ts.)
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, loadConfig } from '@redocly/openapi-core';
import { afterAll, describe, expect, it } from 'vitest';
import { INFERRED_KEY } from '../../scripts/lib/redocly-plugin.mjs';

const root = new URL('../../', import.meta.url);
const config = await loadConfig({ configPath: fileURLToPath(new URL('redocly.yaml', root)) });
const specPath = fileURLToPath(new URL('openapi/openapi.yaml', root));
const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

const ruleProblems = async (ref: string) =>
  (await lint({ ref, config })).filter((problem) => problem.ruleId === 'partnero/inferred-claims');

describe('the rule, in redocly lint (redocly.yaml)', () => {
  it('the spec passes it', async () => {
    expect(await ruleProblems(specPath)).toEqual([]);
  });

  it('fails a copy of the spec with one entry missing, and one with an entry but no mark, naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'partnero-inferred-'));
    temporary.push(dir);
    await cp(fileURLToPath(new URL('openapi/', root)), dir, { recursive: true });
    const file = join(dir, 'components/parameters/Page.yaml');
    const text = await readFile(file, 'utf8');
    expect(text).toContain(`${INFERRED_KEY}:`);
    await writeFile(file, text.replace(/^x-partnero-inferred:\n(?: {2}- .*\n)+/m, ''));
    const missing = await ruleProblems(join(dir, 'openapi.yaml'));
    expect(missing).toHaveLength(1);
    expect(missing[0]!.location[0]!.source.absoluteRef).toBe(file);

    await writeFile(file, text.replace('**[inferred]**', 'inferred'));
    const unmarked = await ruleProblems(join(dir, 'openapi.yaml'));
    expect(unmarked.map((problem) => problem.message)).toEqual([expect.stringMatching(/0 \*\*\[inferred\]\*\* mark\(s\) .* but 1/)]);
  });
});
