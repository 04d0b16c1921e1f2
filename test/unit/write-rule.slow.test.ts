// The generator checks x-partnero-write as it checks x-partnero-create (issue 16: one rule for
// what happened after an ambiguous write, stated in the spec for every write): a write without
// a rule, or with one the runner could not follow, is refused in one line, exit 1.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
const copies: string[] = [];
afterAll(() => {
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

/** Runs the generator in a copy of the project whose `path` was changed by `change`. */
function generateWith(path: string, change: (text: string) => string): Promise<{ code: number; stderr: string }> {
  const copy = mkdtempSync(join(tmpdir(), 'partnero-write-rule-'));
  copies.push(copy);
  for (const entry of ['openapi', 'scripts', 'src', 'redocly.yaml', 'package.json']) cpSync(join(repo, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const before = readFileSync(join(copy, path), 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(join(copy, path), after);
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/generate.mjs'], { cwd: copy, env: { ...process.env, NO_COLOR: '1' } }, (error, _stdout, stderr) => {
      resolve({ code: error ? 1 : 0, stderr });
    });
  });
}

const FILE = 'openapi/paths/v1_partner_referral_links_id.yaml';

it('issue 16: a delete without x-partnero-write is refused, naming the operation', { timeout: 60_000 }, async () => {
  const { code, stderr } = await generateWith(FILE, (text) => text.replace(/ {2}x-partnero-write:\n(?: {4}#.*\n)* {4}notFound: done\n/, ''));
  expect(code).toBe(1);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/deletePartnerReferralLink: a DELETE needs x-partnero-create or x-partnero-write/);
});

it('issue 16: a rename whose verify.operation is not a read with one path parameter is refused', { timeout: 60_000 }, async () => {
  const { code, stderr } = await generateWith(FILE, (text) => text.replace(/(verify:\n {6}operation: )getPartnerReferralLink/, '$1deletePartnerReferralLink'));
  expect(code).toBe(1);
  expect(stderr).toMatch(/updatePartnerReferralLink: x-partnero-write\.verify\.operation deletePartnerReferralLink is not a read/);
});
