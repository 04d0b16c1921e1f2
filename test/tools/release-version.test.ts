// The arithmetic of `npm run release` (scripts/lib/spec-diff.mjs, changelog.mjs) without running
// redocly: the next version for each rating, and how an acknowledgments file is read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acknowledgmentLines, matchAcknowledgments, nextVersion, ratingOf, readAcknowledgments } from '../../scripts/lib/spec-diff.mjs';

const dir = mkdtempSync(join(tmpdir(), 'partnero-release-version-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nextVersion', () => {
  // semver: the first number that is not 0 is the breaking one (npm's ^ reads 0.x so too).
  it.each([
    ['1.2.3', 'major', '2.0.0'],
    ['1.2.3', 'minor', '1.3.0'],
    ['1.2.3', 'patch', '1.2.4'],
    ['0.1.0', 'major', '0.2.0'],
    ['0.1.0', 'minor', '0.1.1'],
    ['0.1.7', 'patch', '0.1.8'],
    ['0.0.3', 'major', '0.0.4'],
    ['0.0.3', 'minor', '0.0.4'],
  ])('%s with a %s change → %s', (released, rating, next) => {
    expect(nextVersion(released, rating)).toBe(next);
  });

  it('has none when nothing changed, and refuses a version that is not MAJOR.MINOR.PATCH', () => {
    expect(nextVersion('1.0.0', 'none')).toBeUndefined();
    expect(() => nextVersion('1.0', 'patch')).toThrow('the released version must be MAJOR.MINOR.PATCH, got "1.0"');
  });

  it('rates a diff by its highest impact', () => {
    const diff = (...impacts: string[]) => ({ changes: impacts.map((impact) => ({ impact })) });
    expect(ratingOf(diff('patch', 'major', 'minor'))).toBe('major');
    expect(ratingOf(diff('patch', 'minor'))).toBe('minor');
    expect(ratingOf(diff('patch'))).toBe('patch');
    expect(ratingOf(diff())).toBe('none');
  });
});

describe('acknowledgments', () => {
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('the lines printed for an unacknowledged change, once given a reason, acknowledge it', () => {
    const change = { id: 'modified GET /v1/partners/{id}/referral_links parameters/1/schema · maximum', impact: 'major' };
    const printed = acknowledgmentLines([change]);
    const path = file('printed.yaml', `acknowledged:\n${printed.replace(/"<why[^"]*>"/, 'Partnero caps pages at 100.')}\n`);
    const { entries, problems } = readAcknowledgments(path);
    expect(problems).toEqual([]);
    const matched = matchAcknowledgments({ changes: [change, { id: 'other', impact: 'minor' }] }, entries);
    expect(matched.unacknowledged).toEqual([]);
    expect(matched.acknowledged).toEqual([{ change, reason: 'Partnero caps pages at 100.' }]);
    expect(matched.stale).toEqual([]);
  });

  it('names the entry and the field of each unusable acknowledgment', () => {
    const path = file('bad.yaml', 'acknowledged:\n  - change: "a"\n    reason: "<why this break is meant>"\n  - reason: no change\n  - change: "b"\n');
    expect(readAcknowledgments(path).problems).toEqual([
      `${path}: acknowledged[0].reason must say why the break is meant (who it affects and what they do), got "<why this break is meant>" for "a"`,
      `${path}: acknowledged[1].change must be a change's name as check:breaking prints it`,
      `${path}: acknowledged[2].reason must say why the break is meant (who it affects and what they do), got null for "b"`,
    ]);
  });

  it('an entry that names no breaking change is stale; a missing file acknowledges nothing', () => {
    const path = file('stale.yaml', 'acknowledged:\n  - change: gone\n    reason: was meant\n');
    const matched = matchAcknowledgments({ changes: [{ id: 'gone', impact: 'minor' }] }, readAcknowledgments(path).entries);
    expect(matched.stale).toEqual([{ change: 'gone', reason: 'was meant' }]);
    expect(readAcknowledgments(join(dir, 'missing.yaml'))).toEqual({ entries: [], problems: [] });
  });
});
