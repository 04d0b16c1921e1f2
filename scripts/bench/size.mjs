// Figure 4: the package entry bundled as an app would bundle it (esbuild, minified, ESM,
// platform neutral, openapi-fetch included), gzip-compressed. With code splitting the
// validators, which the client loads by dynamic import() only under validateResponses, land
// in their own chunk; "main" is the entry chunk plus every chunk it imports statically.
// Bound: 12.2 KiB gzip for the main chunk.
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { row } from './stats.mjs';

const KIB = 1024;
const gzipBytes = (contents) => gzipSync(contents, { level: 9 }).length;
const exact = (value) => ({ median: value, min: value, max: value });

async function bundle(root, outdir, options) {
  return build({
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    splitting: true,
    outdir,
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...options,
  });
}

/** Sizes of the chunks reached from the entry by static imports, and of the rest. */
function split(result, root, outdir) {
  const outputs = result.metafile.outputs;
  const files = new Map(result.outputFiles.map((f) => [relative(root, f.path), f.contents]));
  const entry = Object.keys(outputs).find((name) => outputs[name].entryPoint && name.endsWith('.js'));
  const main = new Set();
  const visit = (name) => {
    if (main.has(name)) return;
    main.add(name);
    for (const imported of outputs[name].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  const sizes = { main: { raw: 0, gzip: 0 }, lazy: { raw: 0, gzip: 0 } };
  for (const [name, contents] of files) {
    if (!name.endsWith('.js')) continue;
    const part = main.has(name) ? sizes.main : sizes.lazy;
    part.raw += contents.length;
    part.gzip += gzipBytes(contents);
  }
  sizes.chunks = [...files.keys()].filter((n) => n.endsWith('.js')).map((n) => relative(outdir, join(root, n)));
  return sizes;
}

export async function size(root, entry) {
  const outdir = await mkdtemp(join(tmpdir(), 'partnero-bench-size-'));
  try {
    const pkg = split(await bundle(root, outdir, { entryPoints: [entry] }), root, outdir);
    const alone = split(
      await bundle(root, outdir, {
        // createClient alone, the one export the package uses (the rest is tree-shaken there too).
        stdin: { contents: "export { default } from 'openapi-fetch';", resolveDir: root, sourcefile: 'openapi-fetch-alone.js' },
      }),
      root,
      outdir,
    );
    if (alone.lazy.raw !== 0) throw new Error('openapi-fetch alone was split into chunks');
    return [
      row('size.main.kib', 'bundle, main chunk incl. openapi-fetch (KiB gzip)', 'KiB', exact(pkg.main.gzip / KIB), { max: 12.2 }, { bytes: pkg.main, chunks: pkg.chunks }),
      row('size.validators.kib', 'bundle, validators chunk, loaded lazily (KiB gzip)', 'KiB', exact(pkg.lazy.gzip / KIB), undefined, { bytes: pkg.lazy }),
      row('size.openapiFetch.kib', 'bundle, openapi-fetch createClient alone (KiB gzip)', 'KiB', exact(alone.main.gzip / KIB), undefined, { bytes: alone.main }),
    ];
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}
