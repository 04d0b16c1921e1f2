// Figure 5: cold import of the built package, each run in a fresh node process, measured inside
// the child around `await import()` alone (node's own start-up is not counted). openapi-fetch
// alone is measured the same way, interleaved, for reference.
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { row, summary } from './stats.mjs';

export function startup(entry, { runs }) {
  const child = fileURLToPath(new URL('./import-child.mjs', import.meta.url));
  const targets = { package: pathToFileURL(entry).href, openapiFetch: 'openapi-fetch' };
  const importOnce = (specifier) =>
    Number(execFileSync(process.execPath, [child, specifier], { encoding: 'utf8', timeout: 30_000 }).trim());
  for (const specifier of Object.values(targets)) importOnce(specifier); // warms the OS file cache
  const times = { package: [], openapiFetch: [] };
  for (let i = 0; i < runs; i++) {
    for (const [name, specifier] of Object.entries(targets)) times[name].push(importOnce(specifier));
  }
  return [
    row('startup.package.ms', 'cold import of the package (ms)', 'ms', summary(times.package), { max: 30 }, { runs }),
    row('startup.openapiFetch.ms', 'cold import of openapi-fetch alone (ms)', 'ms', summary(times.openapiFetch), undefined, { runs }),
  ];
}
