// What `npm run contract` prints, from its pure parts: the usage text's columns, each check's
// line with the requests it rests on, the inferences not exercised counted by check.
import { describe, expect, it } from 'vitest';
import { FLAGS, USAGE } from '../../scripts/contract/args.mjs';
import { terminalSummary } from '../../scripts/contract/report.mjs';

describe('npm run contract: what it prints', () => {
  it('its usage has every flag apart from its help by at least two spaces (no "MSalso")', () => {
    const rows = USAGE.split('\n').filter((line) => /^ {2}(--|PARTNERO_API_KEY)/.test(line));
    expect(rows.length).toBe(Object.keys(FLAGS).length + 1);
    for (const [name, { value }] of Object.entries(FLAGS)) {
      const row = rows.find((line) => line.startsWith(`  --${name}${value ? ` ${value}` : ''} `));
      expect(row, name).toMatch(new RegExp(`^ {2}--${name}${value ? ` ${value}` : ''} {2,}\\S`));
    }
    // The help column starts at one place for every row.
    const starts = new Set(rows.map((line) => /^ {2}\S+(?: [A-Z]+)? +/.exec(line)?.[0].length));
    expect(starts.size).toBe(1);
  });

  const result = (checks: object[], inferences: object[], reportFile?: string): object => ({ checks, inferences, findings: [], reportFile });

  it('shows the requests each check rests on, and no ✔ beside a check nothing was sent for', () => {
    const text = terminalSummary(
      result(
        [
          { name: 'use_after_free', kind: 'stateful', ran: true, requests: 9 },
          { name: 'key_uniqueness', kind: 'stateful', ran: true, requests: 0 },
          { name: 'not_a_server_error', kind: 'response', ran: true, requests: 120 },
        ],
        [],
      ),
    );
    expect(text).toContain('✔ use_after_free · 9 requests');
    expect(text).toContain('✔ not_a_server_error · 120 answers judged');
    expect(text).not.toMatch(/✔ key_uniqueness/);
    expect(text).toContain('– key_uniqueness: nothing was sent for it (not exercised)');
  });

  it('counts the inferences not exercised by check on screen and says where their list is', () => {
    const inferences = [
      { claim: 'a', verdict: 'not exercised', check: 'use_after_free', evidence: 'x' },
      { claim: 'b', verdict: 'not exercised', check: 'use_after_free', evidence: 'x' },
      { claim: 'c', verdict: 'not exercised', evidence: 'x' },
      { claim: 'd', verdict: 'confirmed', check: 'pagination', evidence: 'x' },
    ];
    const withReport = terminalSummary(result([], inferences, 'out/contract.json'));
    expect(withReport).toContain('not exercised by check: use_after_free 2, any check 1');
    expect(withReport).toContain('out/contract.json');
    expect(terminalSummary(result([], inferences))).toContain('run again with --report FILE.json');
  });
});
