// `npm run check:breaking` (scripts/check-breaking.mjs) against variants of the current spec,
// made in a temporary folder: openapi/ itself is never touched.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Run {
  code: number;
  output: string;
}

function run(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

// The bundled spec, as plain JSON, for the variants to edit.
type Json = Record<string, any>;

let dir: string;
let base: string;
let spec: Json;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partnero-breaking-test-'));
  base = join(dir, 'base.json');
  const bundled = await run('scripts/lib/bundle-cli.mjs', ['openapi/openapi.yaml', base]);
  expect(bundled.code, bundled.output).toBe(0);
  spec = JSON.parse(await readFile(base, 'utf8')) as Json;
}, 30_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A copy of the bundled spec changed by `change`, written as `name`.json. */
async function variant(name: string, change: (spec: Json) => void): Promise<string> {
  const copy = structuredClone(spec);
  change(copy);
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(copy, null, 2));
  return file;
}

/** An acknowledgments file with `entries`, written as `name`.yaml. */
async function acknowledgments(name: string, entries: { change: string; reason: string }[]): Promise<string> {
  const file = join(dir, `${name}.yaml`);
  const lines = entries.map((e) => `  - change: ${JSON.stringify(e.change)}\n    reason: ${JSON.stringify(e.reason)}`);
  await writeFile(file, `acknowledged:${lines.length ? `\n${lines.join('\n')}` : ' []'}\n`);
  return file;
}

/** check:breaking of a variant against the bundled spec, with nothing acknowledged unless `acknowledged` is given. */
async function check(name: string, change: (spec: Json) => void, acknowledged?: string): Promise<Run> {
  const file = acknowledged ?? (await acknowledgments(`${name}-none`, []));
  return run('scripts/check-breaking.mjs', ['--base', base, '--revision', await variant(name, change), '--acknowledged', file, '--verbose']);
}

/** Makes ReferralLink.url optional in answers: a client reading `link.url` may meet undefined. */
const urlOptional = (s: Json): void => {
  const link = s.components.schemas.ReferralLink;
  link.required = link.required.filter((name: string) => name !== 'url');
};

/** The entries that a failed run says to add, as {change, reason} (the placeholder reason as printed). */
function suggested(output: string): { change: string; reason: string }[] {
  return [...output.matchAll(/^ {2}- change: (".*")\n {4}reason: (.*)$/gm)].map((m) => ({ change: JSON.parse(m[1]!) as string, reason: m[2]! }));
}

describe('check:breaking', () => {
  it('fails when a required field of the response is removed', async () => {
    const result = await check('url-removed', (s) => {
      const link = s.components.schemas.ReferralLink;
      delete link.properties.url;
      link.required = link.required.filter((name: string) => name !== 'url');
    });
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(/major\s+removed\s+.*url/);
    expect(result.output).toContain('are not acknowledged: they break clients of');
  });

  it("fails when a parameter's range is narrowed", async () => {
    const result = await check('limit-narrowed', (s) => {
      s.components.parameters.Limit.schema.maximum = 100;
    });
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(/major\s+modified\s+.*maximum/);
    expect(result.output).toContain("from '<= 250' to '<= 100'");
  });

  it('passes when an optional response field is added', async () => {
    const result = await check('field-added', (s) => {
      s.components.schemas.ReferralLink.properties.created_at = {
        type: 'string',
        format: 'date-time',
        description: 'When the link was created.',
      };
    });
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/created_at/);
    expect(result.output).toMatch(/0 major/);
  });

  it('names the file under openapi/ that holds a change, not the temporary bundle it compared', async () => {
    const copy = join(dir, 'openapi');
    await cp('openapi', copy, { recursive: true });
    const limit = join(copy, 'components', 'parameters', 'Limit.yaml');
    const text = await readFile(limit, 'utf8');
    expect(text).toMatch(/^  maximum: 250$/m);
    await writeFile(limit, text.replace(/^  maximum: 250$/m, '  maximum: 100'));
    const line = text.split('\n').findIndex((l) => l === '  maximum: 250') + 1;
    // Against the committed baseline, with the committed acknowledgments: only the new break fails.
    const result = await run('scripts/check-breaking.mjs', ['--revision', join(copy, 'openapi.yaml')]);
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(/Upper bound changed from '<= 250' to '<= 100'/);
    expect(result.output).toMatch(new RegExp(`at \\S*openapi/components/parameters/Limit\\.yaml:${line}\\n`));
    expect(result.output).not.toMatch(/partnero-breaking-[^/]*\/revision\.(yaml|json)/);
    expect(suggested(result.output).map((e) => e.change)).toEqual([expect.stringMatching(/^modified GET \S+ parameters\/\d+\/schema · maximum$/)]);
  });

  it('passes for openapi/ against the committed baseline, saying so in one line', async () => {
    const result = await run('scripts/check-breaking.mjs', []);
    expect(result.code, result.output).toBe(0);
    expect(result.output.trim().split('\n')).toHaveLength(1);
    expect(result.output).toMatch(
      /^check:breaking: (no change breaks clients of spec-baseline\/openapi\.yaml|\d+ changes break clients of spec-baseline\/openapi\.yaml \(\S+\), each acknowledged in spec-baseline\/breaking-changes\.yaml) \(\d+ minor, \d+ patch; --verbose lists them\)\.$/m,
    );
  });

  it('fails on ReferralLink.url made optional however info.version is bumped, printing the entry that would acknowledge it', async () => {
    const numbers = String(spec.info.version).split('.').map(Number);
    for (const version of [`${numbers[0]! + 1}.0.0`, `${numbers[0]}.${numbers[1]! + 1}.0`, spec.info.version as string]) {
      const result = await check(`url-optional-${version}`, (s) => {
        urlOptional(s);
        s.info.version = version;
      });
      expect(result.code, `${version}: ${result.output}`).not.toBe(0);
      expect(result.output).toMatch(/major\s+modified\s+responses\/200\/\S+ · required\n.*no longer required: `url`/);
      // redocly reports a shared schema's change once, at the first operation that returns it.
      expect(suggested(result.output)).toEqual([
        { change: expect.stringMatching(/^modified GET \S+ responses\/200\/content\/application\/json\/schema\/\S+ · required$/), reason: '"<why this break is meant, who it affects and what they do>"' },
      ]);
    }
  });

  it('passes once each printed entry is added with a reason, and reports each acknowledged break', async () => {
    const failed = await check('url-optional-ack', urlOptional);
    expect(failed.code, failed.output).not.toBe(0);
    const entries = suggested(failed.output).map((e) => ({ ...e, reason: 'Partnero omits url on links of archived partners.' }));
    const file = await acknowledgments('url-optional', entries);
    const result = await run('scripts/check-breaking.mjs', ['--base', base, '--revision', await variant('url-optional-ack', urlOptional), '--acknowledged', file]);
    expect(result.code, result.output).toBe(0);
    expect(result.output.trim()).toMatch(new RegExp(`^check:breaking: ${entries.length} changes break clients of .*, each acknowledged in ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
    // One entry fewer, and that one fails again.
    const partial = await acknowledgments('url-optional-partial', entries.slice(1));
    const again = await run('scripts/check-breaking.mjs', ['--base', base, '--revision', join(dir, 'url-optional-ack.json'), '--acknowledged', partial]);
    expect(again.code, again.output).not.toBe(0);
    expect(suggested(again.output).map((e) => e.change)).toEqual([entries[0]!.change]);
  });

  it('refuses an acknowledgment without a reason, naming the entry', async () => {
    const failed = await check('url-optional-noreason', urlOptional);
    const [first] = suggested(failed.output);
    // The placeholder as printed, pasted without a reason written in.
    const file = join(dir, 'no-reason.yaml');
    await writeFile(file, `acknowledged:\n  - change: ${JSON.stringify(first!.change)}\n    reason: ${first!.reason}\n`);
    const result = await run('scripts/check-breaking.mjs', ['--base', base, '--revision', join(dir, 'url-optional-noreason.json'), '--acknowledged', file]);
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toContain(`${file}: acknowledged[0].reason must say why the break is meant`);
  });

  it('reports an acknowledgment that names no breaking change as stale, and still passes', async () => {
    const change = 'modified GET /v1/nowhere parameters/0/schema · maximum';
    const file = await acknowledgments('stale', [{ change, reason: 'Was narrowed, since undone.' }]);
    const result = await run('scripts/check-breaking.mjs', ['--base', base, '--revision', base, '--acknowledged', file]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(`stale acknowledgment in ${file} (no breaking change has this name; remove it): ${JSON.stringify(change)}`);
  });
});
