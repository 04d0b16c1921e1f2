// npm run test:runtimes [-- name ...]: runs one behaviour suite (suite.mjs) of the packed package
// on every runtime of runtimes.mjs (Node 20, 22, 24, 26, Bun, Deno, workerd, Chromium) and
// prints one line per runtime, `N passed, N failed`, then the total; exits 1 on any failure.
// The package is what `npm pack` produces, installed into a throwaway project; the runtimes
// come from the npm registry into .runtimes/ on first use. Each runtime gets its own harness
// server (and sandbox) on 127.0.0.1, port 0. Names on the command line pick runtimes.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RUNTIMES, cacheDir, ensureRuntime, installRecord, isThisNode, repoRoot, versionOf } from './runtimes.mjs';
import { startHarnessServer, startPageServer } from './server.mjs';
import { operationsOf, sampleRequest } from '../lib/code-samples.mjs';

/** How long one runtime may take, start to report. */
const RUNTIME_TIMEOUT_MS = 90_000;
/** A key that looks real enough to be redacted, and is unique to this run. */
const API_KEY = `sk_runtimes_${Math.random().toString(36).slice(2, 12)}${Date.now().toString(36)}`;

/** Why a runtime could not run the suite at all (one line). */
class CannotStart extends Error {}

const here = new URL('./', import.meta.url);
const children = new Set();
let workDir;

function killAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  children.clear();
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAll();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
}
process.on('exit', killAll);

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !RUNTIMES.some((r) => r.name === name));
if (unknown.length) {
  console.error(`unknown runtime ${unknown.join(', ')}; known: ${RUNTIMES.map((r) => r.name).join(', ')}`);
  process.exit(2);
}
const selected = RUNTIMES.filter((r) => wanted.length === 0 || wanted.includes(r.name));

const startedAll = performance.now();
const rows = [];
try {
  const project = await makeProject();
  for (const runtime of selected) {
    const row = await runOne(runtime, project);
    rows.push(row);
    printRow(row);
  }
} catch (error) {
  // The package could not be packed or installed: every runtime not run fails for that reason.
  for (const runtime of selected.filter((r) => !rows.some((row) => row.runtime === r))) {
    const row = { runtime, version: '-', passed: 0, failed: 1, seconds: 0, why: `not run: ${error.message.split('\n')[0]}`, failures: [] };
    rows.push(row);
    printRow(row);
  }
} finally {
  killAll();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}

const passed = rows.reduce((sum, row) => sum + row.passed, 0);
const failed = rows.reduce((sum, row) => sum + row.failed, 0);
const installs = rows.filter((row) => row.installed);
if (installs.length) {
  const bytes = installs.reduce((sum, row) => sum + row.installed.bytes, 0);
  const seconds = installs.reduce((sum, row) => sum + row.installed.seconds, 0);
  console.log(`installed on first use: ${installs.map((r) => r.runtime.name).join(', ')}: ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s`);
}
console.log(`runtimes: ${rows.length} (${((performance.now() - startedAll) / 1000).toFixed(1)} s), ${passed} passed, ${failed} failed`);
mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
writeFileSync(
  join(repoRoot, 'test-results', 'runtimes.json'),
  `${JSON.stringify(
    {
      // The names of vitest's JSON report, so .ci/run adds these counts as it adds vitest's.
      numPassedTests: passed,
      numFailedTests: failed,
      success: failed === 0 && rows.length > 0,
      runtimes: rows.map(({ runtime, version, passed, failed, seconds, why, failures, installed, notes }) => ({
        name: runtime.name,
        version,
        passed,
        failed,
        seconds,
        why,
        failures,
        installed: installed ?? installRecord(runtime),
        notes,
      })),
    },
    null,
    2,
  )}\n`,
);
process.exit(failed === 0 && rows.length > 0 ? 0 : 1);

function printRow(row) {
  const name = row.runtime.name.padEnd(9);
  const version = String(row.version).padEnd(45);
  const counts = `${row.passed} passed, ${row.failed} failed`;
  console.log(`${name} ${version} ${counts.padEnd(22)} ${row.seconds.toFixed(1)} s${row.why ? `  ${row.why}` : ''}`);
  for (const failure of row.failures) console.log(`    ✗ ${failure}`);
}

/**
 * Packs the package, installs the tarball into a throwaway project with the suite next to it,
 * and bundles the suite and the installed package for the runtimes that read no node_modules.
 */
async function makeProject() {
  workDir = mkdtempSync(join(tmpdir(), 'partnero-runtimes-'));
  const env = { ...process.env, npm_config_update_notifier: 'false' };
  const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, timeout: 300_000 });
  const started = performance.now();
  let packed;
  try {
    // `prepack` builds dist/ first.
    [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', workDir], repoRoot));
    const app = join(workDir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'runtimes-app', private: true, type: 'module' }));
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(workDir, packed.filename)], app);
    for (const file of ['suite.mjs', 'entry.mjs']) copyFileSync(new URL(file, here), join(app, file));
    const spec = await import(pathToFileURL(join(app, 'node_modules/partnero-client/dist/generated/spec.js')).href);
    const project = { app, operations: spec.operations, sweep: sweepOf(join(app, 'node_modules/partnero-client/dist/openapi.json')), bundles: {} };
    // One file each for the runtimes without a module resolver of their own.
    const { build } = await import('esbuild');
    for (const [target, launcher, platform, conditions] of [
      ['browser', 'browser-main.mjs', 'browser', ['browser']],
      ['workerd', 'worker-main.mjs', 'neutral', ['workerd', 'worker', 'browser']],
    ]) {
      copyFileSync(new URL(launcher, here), join(app, launcher));
      const result = await build({
        absWorkingDir: app,
        entryPoints: [join(app, launcher)],
        bundle: true,
        format: 'esm',
        platform,
        conditions,
        mainFields: ['module', 'main'],
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      });
      project.bundles[target] = result.outputFiles[0].text;
    }
    console.log(`packed ${packed.filename} (${(packed.size / 1024).toFixed(1)} KiB) and installed it into a throwaway project in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return project;
  } catch (error) {
    // The line that says why: a compiler error of the build, else npm's own.
    const lines = `${error.stdout ?? ''}\n${error.stderr ?? ''}`.split('\n').map((line) => line.trim());
    const why = lines.find((line) => /error TS\d+/.test(line)) ?? lines.find((line) => /^npm error (code|\d{3}|E[A-Z]+|notarget|404)/.test(line));
    throw new Error(why ? `npm pack or install failed: ${why}` : error.message);
  }
}

/** Runs the suite on one runtime; returns its row. Never throws. */
async function runOne(runtime, project) {
  const started = performance.now();
  const row = { runtime, version: '-', passed: 0, failed: 0, seconds: 0, failures: [] };
  let server;
  try {
    let binary;
    try {
      const found = await ensureRuntime(runtime, (line) => console.log(line));
      binary = found.path;
      if (found.installed) row.installed = found.installed;
    } catch (error) {
      throw new CannotStart(`cannot install: ${error.message}`);
    }
    server = await startHarnessServer({ apiKey: API_KEY, sweep: project.sweep });
    let launched;
    try {
      launched = await launch(runtime, binary, project, server.url);
    } catch (error) {
      throw new CannotStart(`cannot start: ${error.message.split('\n')[0]}`);
    }
    row.version = launched.version;
    try {
      const report = await Promise.race([server.report, launched.exited.then((why) => ({ fatal: why })), timeout(RUNTIME_TIMEOUT_MS)]);
      if (report.fatal) throw new CannotStart(`no results: ${String(report.fatal).split('\n').slice(0, 2).join(' ')}`);
      score(row, runtime, project, server, launched, report);
    } finally {
      await launched.stop();
    }
  } catch (error) {
    row.why = error instanceof CannotStart ? error.message : `harness error: ${error.message}`;
    row.failed += 1;
  } finally {
    await server?.close();
    row.seconds = (performance.now() - started) / 1000 - (row.installed?.seconds ?? 0);
  }
  return row;
}


/** Adds the suite's results and the harness's own checks to `row`. */
function score(row, runtime, project, server, launched, report) {
  row.notes = { ranOn: report.runtime, ...report.notes };
  const results = [...report.results];
  // The suite names the runtime it found itself on; a pinned one must be that very version.
  const expected = isThisNode(runtime)
    ? `node ${runtime.major}.`
    : runtime.version && runtime.kind !== 'workerd'
      ? `${runtime.kind} ${runtime.version}`
      : { workerd: 'workerd', browser: 'browser ' }[runtime.kind];
  results.push({ name: `ran on ${expected.trim()}`, ok: String(report.runtime).startsWith(expected), error: `the suite says it ran on ${report.runtime}` });
  // Every operation of the spec's table reached the sandbox through the client.
  for (const [id, operation] of Object.entries(project.operations)) {
    const pattern = new RegExp(`^${operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/?]+')}(\\?|$)`);
    const called = server.log.some((r) => r.scenario === 'sandbox' && r.method === operation.method && pattern.test(r.url));
    results.push({ name: `called ${id}`, ok: called, error: `${operation.method} ${operation.path} never reached the server (the suite's sweep calls every operation of the packed spec: is it in dist/openapi.json?)` });
  }
  for (const check of launched.checks?.(server) ?? []) results.push(check);
  for (const result of results) {
    if (result.ok) row.passed += 1;
    else {
      row.failed += 1;
      const error = String(result.error).replace(/\s+/g, ' ');
      row.failures.push(`${result.name}: ${error.length > 300 ? `${error.slice(0, 300)}…` : error}`);
    }
  }
}

/**
 * Starts the suite on `runtime`: `{ version, exited: Promise<string>, stop(), checks?() }`.
 * `exited` resolves (with why) if the runtime ends before it reports.
 */
async function launch(runtime, binary, project, harness) {
  const { app } = project;
  if (runtime.kind === 'browser') return launchBrowser(project, harness);
  const launcher = join(app, `start-${runtime.name}.mjs`);
  writeFileSync(launcher, `import { main } from './entry.mjs';\nawait main(${JSON.stringify(harness)});\n`);
  const env = { ...process.env, NO_COLOR: '1', DO_NOT_TRACK: '1' };
  let args;
  let version;
  switch (runtime.kind) {
    case 'node':
      version = versionOf(binary);
      args = [launcher];
      break;
    case 'bun':
      version = `bun ${versionOf(binary)}`;
      // --no-install: resolve from node_modules only, never fetch a missing package.
      args = ['--no-install', launcher];
      env.BUN_INSTALL_CACHE_DIR = join(cacheDir, 'bun', 'install-cache');
      break;
    case 'deno':
      version = versionOf(binary).replace(/ \(.*$/, '');
      // The project's package.json makes Deno read its node_modules; --cached-only forbids downloads.
      args = ['run', '--no-prompt', '--cached-only', '--allow-net=127.0.0.1', `--allow-read=${app}`, launcher];
      env.DENO_DIR = join(cacheDir, 'deno', 'deno-dir');
      env.DENO_NO_UPDATE_CHECK = '1';
      break;
    case 'workerd': {
      version = `${versionOf(binary)} (npm ${runtime.version})`;
      writeFileSync(join(app, 'worker.js'), project.bundles.workerd.replace('"__HARNESS__"', JSON.stringify(harness)));
      writeFileSync(join(app, 'workerd.capnp'), workerdConfig());
      args = ['test', join(app, 'workerd.capnp')];
      break;
    }
    default:
      throw new Error(`unknown kind ${runtime.kind}`);
  }
  const child = spawn(binary, args, { cwd: app, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise((resolve) => {
    child.on('error', (error) => resolve(`${binary}: ${error.message}`));
    // Give a report that is on its way a moment to arrive.
    child.on('exit', (code, signal) => setTimeout(() => resolve(`exited (${signal ?? code}) before reporting: ${firstError(output) || 'no output'}`), 1_000));
  });
  return {
    version,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Gone already.
        }
        const killed = setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // Gone already.
          }
        }, 2_000);
        await gone;
        clearTimeout(killed);
      }
      children.delete(child);
    },
  };
}

/**
 * A workerd configuration: the bundled suite as an ES module worker run by `workerd test`. No
 * `nodejs_compat` flag: the client needs nothing from Node's API.
 */
function workerdConfig() {
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .suite),
    # Only loopback is reachable from the worker: the harness is on 127.0.0.1.
    (name = "loopback", network = (allow = ["local", "private"])),
  ],
);

const suite :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.js")],
  compatibilityDate = "2025-09-01",
  globalOutbound = "loopback",
);
`;
}

/** Headless Chromium through playwright-core: a page on one origin runs the suite against the harness on another. */
async function launchBrowser(project, harness) {
  const { chromium } = await import('playwright-core');
  const { launchChromium } = await import(pathToFileURL(join(repoRoot, 'scripts/lib/browser.mjs')).href);
  const page = await startPageServer({ script: project.bundles.browser.replace('"__HARNESS__"', JSON.stringify(harness)), apiOrigin: harness });
  const blocked = [];
  const problems = [];
  let browser;
  let source;
  try {
    ({ browser, source } = await launchChromium(chromium));
    const context = await browser.newContext();
    // Every request the page makes is noted (route interception is not used: Playwright would
    // then answer CORS preflights itself, and the server's answer to them would go untested).
    // The page's Content-Security-Policy refuses anything but the two harness origins.
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${page.url}/`) && !url.startsWith(`${harness}/`)) blocked.push(url);
    });
    const tab = await context.newPage();
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    tab.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource|ERR_/.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    await tab.goto(`${page.url}/`);
  } catch (error) {
    await browser?.close().catch(() => {});
    await page.close();
    throw error;
  }
  return {
    version: `Chromium ${browser.version()} (${source})`,
    exited: new Promise((resolve) => browser.on('disconnected', () => resolve('the browser closed before reporting'))),
    checks: (server) => [
      { name: 'CORS preflights answered', ok: server.preflights > 0, error: 'the browser sent no preflight (is the API on another origin?)' },
      { name: 'the page asked only the harness for anything', ok: blocked.length === 0, error: `it asked for ${blocked.join(', ')}` },
      { name: 'no page errors', ok: problems.length === 0, error: `${problems.length}, the first: ${problems[0]}` },
      { name: 'served page and script', ok: page.served.includes('/') && page.served.includes('/suite.js'), error: `served ${page.served.join(', ')}` },
    ],
    stop: async () => {
      await browser.close().catch(() => {});
      await page.close();
    },
  };
}

/** The first line of a runtime's output that reports an error, else its last line. */
function firstError(output) {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /\berror\b/i.test(line)) ?? lines.at(-1) ?? '';
}

function timeout(ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ fatal: `no report within ${ms / 1000} s` }), ms);
    timer.unref();
  });
}

/** Every operation of the packed spec, as the suite calls it: client method and the arguments its examples give. */
function sweepOf(specFile) {
  const spec = JSON.parse(readFileSync(specFile, 'utf8'));
  return operationsOf(spec).map((op) => {
    const request = sampleRequest(spec, op);
    const input = request.body ?? (Object.keys(request.query).length ? request.query : undefined);
    return {
      id: op.operation.operationId,
      resource: op.operation['x-partnero-resource'],
      method: op.operation['x-partnero-method'],
      args: [...request.pathParams.map((p) => p.value), ...(input === undefined ? [] : [input])],
    };
  });
}
