// Headless Chromium for the docs test, with nothing to install but `npm ci`: a system Chromium
// when there is one (CHROMIUM_PATH, else `chromium` or `chromium-browser` on PATH), otherwise the
// binary that @sparticuz/chromium ships inside its npm package. That one is unpacked once into
// node_modules/.cache/ (about 3 s) and reused. Where the machine lacks the NSS libraries it
// links against, the copies the package ships for Amazon Linux are unpacked too and put on
// LD_LIBRARY_PATH. No root, no apt-get, no download.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Flags for a throwaway, offline, headless browser. */
const commonArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Finds a Chromium to run: `{ executablePath, args, env, source }`, where `source` says which
 * (`CHROMIUM_PATH`, `system` or `@sparticuz/chromium`) for test names and logs.
 */
export async function findChromium() {
  if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH, args: commonArgs, env: {}, source: 'CHROMIUM_PATH' };
  const system = onPath(['chromium', 'chromium-browser']);
  if (system) return { executablePath: system, args: commonArgs, env: {}, source: 'system' };
  return sparticuzChromium();
}

/** Launches headless Chromium through playwright-core's `chromium.launch`. */
export async function launchChromium(playwrightChromium) {
  const found = await findChromium();
  const browser = await playwrightChromium.launch({
    executablePath: found.executablePath,
    args: found.args,
    headless: true,
    env: { ...process.env, ...found.env },
  });
  return { browser, source: found.source };
}

function onPath(names) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const file = join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // Not here.
      }
    }
  }
  return undefined;
}

async function sparticuzChromium() {
  // Its exports map hides package.json: go up from build/cjs/index.cjs.
  const pkgDir = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..');
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const cache = join(repoRoot, 'node_modules', '.cache', `sparticuz-chromium-${version}`);
  const executablePath = join(cache, 'chromium');
  if (!existsSync(executablePath)) await unpack(cache);

  const env = { FONTCONFIG_PATH: join(cache, 'fontconfig') };
  if (missingLibraries(executablePath)) {
    const lib = join(cache, 'al2023', 'lib');
    if (!existsSync(lib)) untar(brotliDecompressSync(readFileSync(join(pkgDir, 'bin', 'al2023.tar.br'))), join(cache, 'al2023'));
    env.LD_LIBRARY_PATH = [lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(delimiter);
  }
  // @sparticuz/chromium's own flags, less the two that would weaken what the docs test checks.
  const { default: Chromium } = await import('@sparticuz/chromium');
  const weakening = new Set(['--disable-web-security', '--allow-running-insecure-content']);
  const args = [...new Set([...Chromium.args.filter((arg) => !weakening.has(arg) && !arg.startsWith('--headless')), ...commonArgs])];
  return { executablePath, args, env, source: '@sparticuz/chromium' };
}

/**
 * The package unpacks into os.tmpdir() (shared with every other user of the machine); point it
 * at a private directory instead and move that into place in one rename, so that two test runs
 * never see a half-written binary.
 */
async function unpack(cache) {
  const staging = `${cache}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const { default: Chromium } = await import('@sparticuz/chromium');
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    await Chromium.executablePath();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  // Its fonts.conf names /tmp/fonts; ours names where the fonts are, plus the system's.
  mkdirSync(join(staging, 'fontconfig'), { recursive: true });
  writeFileSync(
    join(staging, 'fontconfig', 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${join(cache, 'fonts', 'fonts')}</dir>\n  <cachedir>${join(cache, 'fontconfig', 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  try {
    renameSync(staging, cache);
  } catch (error) {
    // Another run got there first: use its copy.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(cache, 'chromium'))) throw error;
  }
}

/** True when the dynamic linker cannot find a library the binary needs (or ldd is absent). */
function missingLibraries(executable) {
  try {
    return /not found/.test(execFileSync('ldd', [executable], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return true;
  }
}

/** Extracts the regular files and directories of an uncompressed tar archive into `dir`. */
function untar(archive, dir) {
  const text = (start, length) => archive.toString('utf8', start, start + length).replace(/\0.*$/s, '');
  for (let offset = 0; offset + 512 <= archive.length; ) {
    const name = text(offset, 100);
    if (!name) break;
    const size = Number.parseInt(text(offset + 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(archive[offset + 156] ?? 0);
    const prefix = text(offset + 345, 155);
    const target = join(dir, prefix ? `${prefix}/${name}` : name);
    if (!target.startsWith(dir)) throw new Error(`unsafe path in archive: ${name}`);
    if (type === '5') mkdirSync(target, { recursive: true });
    else if (type === '0' || type === '\0') {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, archive.subarray(offset + 512, offset + 512 + size), { mode: 0o755 });
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
}
