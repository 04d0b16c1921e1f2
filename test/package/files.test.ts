// The package without installing it: the file list and size of the run's one `npm pack`
// (global-setup.ts), and publint on that tarball. Installing it, importing it, type-checking a
// consumer and @arethetypeswrong/cli are in pack.slow.test.ts (`npm run test:all`).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const { tarball, files, size: tarballBytes } = inject('packed');

describe('the packed package', () => {
  it('ships the build, the bundled spec, README, CHANGELOG and LICENSE, and no sources, tests or split spec', () => {
    expect(files).toEqual(
      expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/generated/validators.js', 'dist/openapi.json', 'dist/openapi.yaml', 'README.md', 'CHANGELOG.md', 'LICENSE', 'package.json']),
    );
    expect(files.filter((f) => /^(src|test|scripts|openapi)\//.test(f) || f.endsWith('.map'))).toEqual([]);
    // A bound that catches what should not ship (sources, maps, a stray folder), not a size
    // goal: three entries (the client, bulk, mcp), the CLI and the spec twice (JSON and YAML,
    // about 250 KB of the 850 KB unpacked) pack to about 170 KB.
    expect(tarballBytes).toBeLessThan(200_000);
  });

  it('passes publint with nothing to report', () => {
    const publint = spawnSync(process.execPath, [join(root, 'node_modules/publint/src/cli.js'), 'run', tarball, '--level', 'suggestion'], { cwd: root, encoding: 'utf8' });
    expect(publint.status, publint.stdout + publint.stderr).toBe(0);
    expect(publint.stdout.trim().split('\n').at(-1)).toBe('All good!');
  });
});
