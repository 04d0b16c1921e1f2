// Redocly CLI's "Node.js 20 support is ending" box is cut from what `npm run lint:spec` and the
// other scripts print (scripts/lib/redocly.mjs), and nothing else is: lint errors still show.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noticeFilter } from '../../scripts/lib/redocly.mjs';

const root = resolve(import.meta.dirname, '../..');
const box = [
  '',
  '    ╔═══════════════════╗',
  '    ║                   ║',
  '    ║  Deprecation warning: Node.js 20 support is ending  ║',
  '    ╚═══════════════════╝',
  '',
].join('\n');

const filtered = (...chunks: string[]) => {
  let out = '';
  const filter = noticeFilter((text: string) => (out += text));
  for (const chunk of chunks) filter.write(chunk);
  filter.end();
  return out;
};

describe('noticeFilter', () => {
  it('drops the box and the blank lines around it, keeps every other line as it came', () => {
    const lint = 'openapi.yaml:\n  32:5  error    no-unresolved-refs  Can\'t resolve $ref\n\n❌ Validation failed with 1 error.\n';
    expect(filtered(`${box}\nvalidating openapi.yaml...\n`, lint)).toBe(`validating openapi.yaml...\n${lint}`);
  });

  it('works on any split of the output into chunks', () => {
    const text = `before\n${box}\nafter\n`;
    for (let at = 0; at < text.length; at += 7) expect(filtered(text.slice(0, at), text.slice(at))).toBe('before\nafter\n');
  });
});

/** `node scripts/lib/redocly.mjs lint` on a spec and a Redocly config of its own, in a throwaway directory. */
function lint(specText: string, configText: string): { output: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'partnero-lint-'));
  try {
    const spec = join(dir, 'spec.yaml');
    writeFileSync(spec, specText);
    writeFileSync(join(dir, 'redocly.yaml'), configText);
    const run = spawnSync(process.execPath, ['scripts/lib/redocly.mjs', 'lint', spec, '--format=stylish', '--config', join(dir, 'redocly.yaml')], { cwd: root, encoding: 'utf8' });
    return { output: run.stdout + run.stderr, status: run.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('node scripts/lib/redocly.mjs (npm run lint:spec)', () => {
  it('prints no Node.js 20 box and no colour codes when piped, and one line for a good spec', () => {
    const run = spawnSync(process.execPath, ['scripts/lib/redocly.mjs', 'lint', '--format=stylish'], { cwd: root, encoding: 'utf8' });
    const output = run.stdout + run.stderr;
    expect(output).not.toMatch(/Node\.js 20 support|╔|╚/);
    expect(output).not.toContain('\x1b[');
    // Nothing found: one line instead of Redocly's eleven, naming each file it linted.
    expect(output.trim().split('\n'), output).toHaveLength(1);
    expect(output).toMatch(/^redocly lint: \d+ files valid, no problem \(openapi\/openapi\.yaml, /);
    expect(run.status).toBe(0);
  });

  it('shows the whole output of a lint that warns, and passes', () => {
    const run = lint('openapi: 3.1.0\ninfo:\n  title: x\n  version: "1"\nservers:\n  - url: https://example.com\npaths:\n  /a:\n    get:\n      operationId: a\n      responses:\n        "200":\n          description: ok\n', 'extends:\n  - minimal\nrules:\n  operation-summary: warn\n');
    expect(run.output).toMatch(/warning\s+operation-summary/);
    expect(run.output).toMatch(/You have \d+ warnings?\./);
    expect(run.status).toBe(0);
  });

  it('still shows lint errors and fails on them', () => {
    const run = lint('openapi: 3.1.0\ninfo:\n  title: x\n  version: "1"\npaths:\n  /a:\n    $ref: missing.yaml\n', 'extends:\n  - minimal\n');
    expect(run.output).toMatch(/error\s+no-unresolved-refs/);
    expect(run.output).not.toMatch(/Node\.js 20 support/);
    expect(run.status).not.toBe(0);
  });
});
