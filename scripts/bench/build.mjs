// Compiles src/ with the package's own build config (tsconfig.build.json) into .bench/build/
// rather than dist/: the same output, but a bench running beside `npm pack` or `npm start`
// (which write and read dist/) never races them. Skipped while the output is newer than
// every input.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds if needed; returns the path of the built entry (index.js). */
export function buildPackage(root, outDir) {
  const stamp = join(outDir, '.built');
  const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((p) => join(root, p));
  const fresh = existsSync(stamp) && statSync(stamp).mtimeMs > Math.max(...inputs.map(newestMtime));
  if (!fresh) {
    rmSync(outDir, { recursive: true, force: true });
    const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir], {
      cwd: root,
      stdio: 'inherit',
    });
    writeFileSync(stamp, new Date().toISOString());
  }
  return { entry: join(outDir, 'index.js'), rebuilt: !fresh };
}
