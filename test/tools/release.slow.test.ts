// `npm run release` (scripts/release.mjs): the dry run for today's spec against the committed
// baseline, which changes nothing; and the changelog it writes, for variants of the spec made
// in a temporary folder (openapi/ itself is never touched). The publish is exercised against a
// local registry in test/package/registry.slow.test.ts.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changelogEntry } from '../../scripts/lib/changelog.mjs';
import { diffSpecs, matchAcknowledgments, nextVersion, readAcknowledgments } from '../../scripts/lib/spec-diff.mjs';

interface Run {
  code: number;
  output: string;
}
function run(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }));
  });
}

/** What a release may write, by content hash (or absent). */
const WRITTEN = ['package.json', 'package-lock.json', 'openapi/openapi.yaml', 'spec-baseline/openapi.yaml', 'spec-baseline/breaking-changes.yaml', 'CHANGELOG.md'];
const state = (): Record<string, string> =>
  Object.fromEntries(WRITTEN.map((file) => [file, existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent']));

type Json = Record<string, any>;
let dir: string;
let spec: Json;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partnero-release-test-'));
  base = join(dir, 'base.json');
  const bundled = await run('scripts/lib/bundle-cli.mjs', ['openapi/openapi.yaml', base]);
  expect(bundled.code, bundled.output).toBe(0);
  spec = JSON.parse(readFileSync(base, 'utf8')) as Json;
}, 30_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run release (dry run)', () => {
  it("prints the next version and the changelog entry for today's spec against the baseline, and changes nothing", async () => {
    const before = state();
    const released = String((parseYaml(readFileSync('spec-baseline/openapi.yaml', 'utf8')) as Json).info.version);
    // The rating as check:breaking states it.
    const check = await run('scripts/check-breaking.mjs', []);
    expect(check.code, check.output).toBe(0);
    const counts = /(?:(\d+) changes break|no change breaks).*\((\d+) minor, (\d+) patch/.exec(check.output);
    expect(counts, check.output).not.toBeNull();
    const rating = counts![1] ? 'major' : Number(counts![2]) > 0 ? 'minor' : Number(counts![3]) > 0 ? 'patch' : 'none';
    const version = nextVersion(released, rating);

    const result = await run('scripts/release.mjs', []);
    expect(result.code, result.output).toBe(0);
    expect(state()).toEqual(before);
    if (!version) {
      expect(result.output).toContain(`has not changed since ${released}`);
      return;
    }
    expect(result.output).toContain(`release (dry run): partnero-client ${released} → ${version} (${rating}:`);
    expect(result.output).toContain(`\n## ${version} (${new Date().toISOString().slice(0, 10)})\n`);
    expect(result.output).toContain('Dry run: nothing was changed.');
    // Every acknowledged break is in the entry with its reason.
    const { entries } = readAcknowledgments();
    expect(entries.length).toBe(rating === 'major' ? entries.length : 0);
    for (const { reason } of entries) expect(result.output).toContain(reason);
    if (entries.length) expect(result.output).toContain('### Breaking');
  });

  it('refuses --publish without --registry, naming the flag, before anything is written', async () => {
    const before = state();
    const result = await run('scripts/release.mjs', ['--publish']);
    expect(result.code).toBe(2);
    expect(result.output.trim()).toBe('release: --publish needs --registry URL: the registry to publish to (e.g. https://registry.npmjs.org/)');
    expect(state()).toEqual(before);
  });
});

describe('the changelog entry', () => {
  it('lists an added operation, parameter and response field, and a removed one with its acknowledged reason', async () => {
    const revision = structuredClone(spec);
    const [path, item] = Object.entries(revision.paths as Json).find(([, i]) => i.get && Object.keys(i).length > 1)!;
    const removed = Object.keys(item).find((m) => m !== 'get' && m !== 'parameters')!;
    delete item[removed];
    revision.paths['/v1/partner_referral_links:stats'] = { get: { ...structuredClone(item.get), operationId: 'statsOfLinks' } };
    const list = Object.entries(revision.paths as Json).find(([, i]) => i.get?.parameters?.length)!;
    list[1].get.parameters.push({ name: 'sort', in: 'query', required: false, description: 'Sort order.', schema: { type: 'string' } });
    revision.components.schemas.ReferralLink.properties.created_at = { type: 'string', format: 'date-time', description: 'When the link was created.' };
    const file = join(dir, 'revision.json');
    await writeFile(file, JSON.stringify(revision));

    const diff = await diffSpecs({ base, revision: file });
    const breaking = diff.changes.filter((c) => c.impact === 'major');
    expect(breaking.map((c) => c.id)).toContain(`removed ${removed.toUpperCase()} ${path}`);
    const reason = 'Partnero retired it.';
    const { acknowledged, unacknowledged } = matchAcknowledgments(diff, breaking.map((c) => ({ change: c.id, reason })));
    expect(unacknowledged).toEqual([]);
    const entry = changelogEntry({ version: '9.9.9', date: '2026-01-02', diff, acknowledged });
    const section = (name: string): string => /### (\w+)\n\n((?:- .*\n)+)/g.exec(entry.slice(entry.indexOf(`### ${name}`)))?.[2] ?? '';
    expect(entry.startsWith('## 9.9.9 (2026-01-02)\n')).toBe(true);
    expect(section('Breaking')).toContain(`\`${removed.toUpperCase()} ${path}\`: `);
    expect(section('Breaking')).toContain(reason);
    expect(section('Added')).toContain('- Operation `GET /v1/partner_referral_links:stats`.\n');
    expect(section('Added')).toContain(`\`GET ${list[0]}\`: parameter \`sort\``);
    expect(section('Added')).toMatch(/field `data\[\]\.created_at` of response 200/);
    expect(entry).not.toContain('### Changed');
  });
});
