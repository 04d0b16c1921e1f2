// The TypeScript samples of the README and of the guides (docs/) compile against src/: every
// ```ts block is either a complete program (it imports what it uses from 'partnero-client') or
// starts with a `// Fragment:` comment saying what it assumes; a fragment may use only
// `partnero`, the client its page creates first. Each block is type-checked on its own, strictly.
// (That the README's commands run is readme-commands.slow.test.ts.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeConsumerTsconfig } from '../support/consumer.js';

const root = resolve(import.meta.dirname, '../..');
/** The README and the guides (not the operations page that `npm run docs` generates). */
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md') && !file.startsWith('api'))
    .map((file) => join('docs', file)),
];
const blocks = pages.flatMap((page) => {
  const text = readFileSync(join(root, page), 'utf8');
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => ({
    name: `${page.replace(/[^\w]+/g, '-')}-line-${text.slice(0, match.index).split('\n').length}`,
    source: match[1]!,
  }));
});
const fragmentPrelude = `import { createPartneroClient } from 'partnero-client';
declare const partnero: ReturnType<typeof createPartneroClient>;
export {};
`;

let dir: string;
let result: { status: number | null; output: string };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'partnero-readme-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'readme-samples', private: true, type: 'module' }));
  for (const { name, source } of blocks) {
    const fragment = source.startsWith('// Fragment:');
    writeFileSync(join(dir, `${name}.ts`), fragment ? `${fragmentPrelude}${source}` : source);
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

describe('the TypeScript samples of the README and the guides', () => {
  it('exist, in the README and in the guides', () => {
    expect(blocks.filter((b) => b.name.startsWith('README')).length).toBeGreaterThan(0);
    expect(blocks.filter((b) => b.name.startsWith('docs')).length).toBeGreaterThan(5);
  });

  it.each(blocks.map((b) => [b.name, b.source]))('%s is a complete program or a marked fragment', (_, source) => {
    if (source.startsWith('// Fragment:')) return;
    expect(source).toMatch(/^import .* from 'partnero-client';$/m);
  });

  it('type-check against src/', () => {
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });
});
