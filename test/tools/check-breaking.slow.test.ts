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

async function check(name: string, change: (spec: Json) => void): Promise<Run> {
  return run('scripts/check-breaking.mjs', ['--base', base, '--revision', await variant(name, change), '--verbose']);
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
    expect(result.output).toContain('breaks clients of');
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
    // The copy keeps the released version, so that the version does not announce the break.
    const released = /^\s+version:\s*(\S+)/m.exec(await readFile('spec-baseline/openapi.yaml', 'utf8'))![1]!;
    const root = join(copy, 'openapi.yaml');
    await writeFile(root, (await readFile(root, 'utf8')).replace(/^  version: .*$/m, `  version: ${released}`));
    const line = text.split('\n').findIndex((l) => l === '  maximum: 250') + 1;
    const result = await run('scripts/check-breaking.mjs', ['--revision', join(copy, 'openapi.yaml')]);
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(/Upper bound changed from '<= 250' to '<= 100'/);
    expect(result.output).toMatch(new RegExp(`at \\S*openapi/components/parameters/Limit\\.yaml:${line}\\n`));
    expect(result.output).not.toMatch(/partnero-breaking-[^/]*\/revision\.(yaml|json)/);
  });

  it('passes for openapi/ against the committed baseline, saying so in one line', async () => {
    const result = await run('scripts/check-breaking.mjs', []);
    expect(result.code, result.output).toBe(0);
    expect(result.output.trim().split('\n')).toHaveLength(1);
    expect(result.output).toMatch(
      /^check:breaking: (no change breaks clients of spec-baseline\/openapi\.yaml \(\d+ minor, \d+ patch; --verbose lists them\)|\d+ changes break clients of spec-baseline\/openapi\.yaml \(\S+\), announced by info\.version \S+ .*)\.$/m,
    );
  });

  // A break the version announces passes: semver's breaking number is the first that is not 0.
  it.each([
    ['a breaking bump of info.version', 'breaking', true],
    ['a bump of a later number', 'later', false],
    ['the same version', 'same', false],
  ] as const)('with a narrowed range and %s: passes only when the version announces the break', async (_, bump, announced) => {
    const numbers = String(spec.info.version).split('.').map(Number);
    const position = numbers.findIndex((n) => n > 0);
    const at = position < 0 ? 2 : position;
    if (bump === 'breaking') numbers.splice(at, 3 - at, numbers[at]! + 1, ...Array<number>(2 - at).fill(0));
    if (bump === 'later') numbers[Math.min(at + 1, 2)]! += 1;
    const version = numbers.join('.');
    const file = await variant(`bump-${bump}`, (s) => {
      s.components.parameters.Limit.schema.maximum = 100;
      s.info.version = version;
    });
    const result = await run('scripts/check-breaking.mjs', ['--base', base, '--revision', file]);
    if (announced) {
      expect(result.code, result.output).toBe(0);
      expect(result.output.trim()).toBe(
        `check:breaking: 1 changes break clients of ${base} (${spec.info.version}), announced by info.version ${version} (--verbose lists them; \`npm run release:baseline\` records ${version} when it is released).`,
      );
    } else {
      expect(result.code, result.output).not.toBe(0);
      expect(result.output).toContain('breaks clients of');
      expect(result.output).toMatch(/major\s+modified\s+.*maximum/);
    }
  });
});
