// Compiles src/ with the package's own build config (tsconfig.build.json), as `npm run build`
// does, but into a directory of this run rather than dist/: the same output, and a bench
// running beside `npm pack` or `npm start` (which write and read dist/), or beside another
// bench, never races them.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Builds the package into `outDir`; returns the path of the built entry (index.js). */
export function buildPackage(root, outDir) {
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir], {
    cwd: root,
    stdio: 'inherit',
  });
  return join(outDir, 'index.js');
}
