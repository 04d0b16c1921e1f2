// The README's TypeScript samples compile against src/: every ```ts block is either a complete
// program (it imports what it uses from 'partnero-client') or starts with a `// Fragment:`
// comment saying what it assumes; a fragment may use only `partnero`, the client created in
// the README's first sample. Each block is type-checked on its own, strictly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeConsumerTsconfig } from '../support/consumer.js';

const root = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => ({
  line: readme.slice(0, match.index).split('\n').length,
  source: match[1]!,
}));
const fragmentPrelude = `import { createPartneroClient } from 'partnero-client';
declare const partnero: ReturnType<typeof createPartneroClient>;
export {};
`;

let dir: string;
let result: { status: number | null; output: string };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'partnero-readme-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'readme-samples', private: true, type: 'module' }));
  for (const { line, source } of blocks) {
    const fragment = source.startsWith('// Fragment:');
    writeFileSync(join(dir, `README-line-${line}.ts`), fragment ? `${fragmentPrelude}${source}` : source);
  }
  writeConsumerTsconfig(
    dir,
    { paths: { 'partnero-client': [join(root, 'src/index.ts')], 'partnero-client/bulk': [join(root, 'src/bulk/index.ts')] }, noEmit: true, skipLibCheck: true },
    ['*.ts'],
  );
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir, encoding: 'utf8' });
  result = { status: tsc.status, output: (tsc.stdout + tsc.stderr).replaceAll(dir, '') };
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("README's TypeScript samples", () => {
  it('exist', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((b) => [b.line, b.source]))('the block at line %i is a complete program or a marked fragment', (_, source) => {
    if (source.startsWith('// Fragment:')) return;
    expect(source).toMatch(/^import .* from 'partnero-client';$/m);
  });

  it('type-check against src/', () => {
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });
});
