// The README's every command, as written and in order, on a fresh clone: what a new user types.
// Each line of each ```sh block runs in bash, in the folder the README's `cd` lines lead to, with
// the variables its `export` lines set; a ```js block whose first line names a file
// (`// links.mjs`) is saved there, as the README asks. Every command must exit 0. A line whose
// comment says "leave it running" is a server the README starts in another terminal: it runs in
// the background, the next line waits until it prints its URL, and it is stopped at the end
// (its whole process group, on every way the test ends).
//
// What differs from a user's machine, and why:
// - `git clone <url>` clones this repository's committed HEAD instead (no network);
// - `npm ci` links this checkout's node_modules into the clone instead (installing takes a
//   minute; .ci/run's own first step is `npm ci` on a fresh clone);
// - `npm install partnero-client` is not run: no release is on the registry yet (the tarball
//   route right after it is run; test/package installs the package from a registry);
// - `npm test` is not run unless PARTNERO_README_NPM_TEST=1: .ci/run runs it on a fresh clone
//   right before this test, and it takes a minute of its own;
// - the sandbox's port 4011 and the docs server's port are free ports, so that the test never
//   meets another process; npm installs prefer the local cache.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const SANDBOX_PORT = '4011';

interface Step {
  line: number;
  kind: 'sh' | 'file';
  text: string;
  file?: string;
}

/** The README's commands and files, in order. */
function steps(readme: string): Step[] {
  const result: Step[] = [];
  for (const match of readme.matchAll(/^```(sh|js)\n([\s\S]*?)^```$/gm)) {
    const line = readme.slice(0, match.index).split('\n').length + 1;
    const body = match[2]!;
    if (match[1] === 'js') {
      const file = /^\/\/ ([\w.-]+\.m?js)\n/.exec(body)?.[1];
      if (file) result.push({ line, kind: 'file', text: body, file });
      continue;
    }
    body.split('\n').forEach((text, i) => {
      if (text.trim() && !text.trim().startsWith('#')) result.push({ line: line + i, kind: 'sh', text });
    });
  }
  return result;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

const readme = readFileSync(join(root, 'README.md'), 'utf8');
let dir: string;
let sandboxPort: number;
let docsPort: number;
const background: { line: number; child: ChildProcess; output: () => string }[] = [];
/** What each command printed, by README line: the log of a failure. */
const ran: { line: number; command: string; status: number | null; output: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'partnero-readme-run-'));
  sandboxPort = await freePort();
  docsPort = await freePort();
});

afterAll(async () => {
  for (const { child } of background) stopGroup(child);
  await new Promise((r) => setTimeout(r, 300));
  for (const { child } of background) if (child.exitCode === null && child.signalCode === null) stopGroup(child, 'SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function stopGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

describe("the README's commands, in order, on a fresh clone", () => {
  it('all work as written', async () => {
    const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PARTNERO_') && !k.startsWith('npm_') && k !== 'NODE_OPTIONS'));
    Object.assign(env, { npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false', NO_COLOR: '1' });
    let cwd = dir;
    const all = steps(readme.replaceAll(`127.0.0.1:${SANDBOX_PORT}`, `127.0.0.1:${sandboxPort}`));
    expect(all.filter((s) => s.kind === 'sh').length).toBeGreaterThan(10);
    for (const step of all) {
      if (step.kind === 'file') {
        writeFileSync(join(cwd, step.file!), step.text);
        continue;
      }
      let command = step.text.replace(/\s+#.*$/, '').trim();
      const comment = /#\s*(.*)$/.exec(step.text)?.[1] ?? '';
      if (/^npm install partnero-client$/.test(command)) continue;
      if (/^npm test$/.test(command) && process.env.PARTNERO_README_NPM_TEST !== '1') continue;
      if (/^git clone \S+$/.test(command)) command = `git clone -q ${JSON.stringify(root)} partnero-client`;
      if (command === 'npm ci') {
        symlinkSync(join(root, 'node_modules'), join(cwd, 'node_modules'));
        continue;
      }
      if (/^cd \S+$/.test(command)) {
        cwd = resolve(cwd, command.slice(3));
        continue;
      }
      const exported = /^export ((?:\w+=\S+\s*)+)$/.exec(command);
      if (exported) {
        for (const pair of exported[1]!.trim().split(/\s+/)) {
          const [name, value] = pair.split('=') as [string, string];
          env[name] = value;
        }
        continue;
      }
      if (/^npm run sandbox$/.test(command)) command += ` -- --port ${sandboxPort}`;
      if (/^npm run docs -- --serve$/.test(command)) command += ` --port ${docsPort}`;

      if (/leave it running/.test(comment)) {
        const child = spawn('bash', ['-c', command], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout!.on('data', (chunk) => (output += chunk));
        child.stderr!.on('data', (chunk) => (output += chunk));
        background.push({ line: step.line, child, output: () => output });
        const started = Date.now();
        while (!/https?:\/\/127\.0\.0\.1:\d+/.test(output)) {
          if (child.exitCode !== null) throw new Error(`README line ${step.line} (${step.text.trim()}) ended with ${child.exitCode} before it was ready:\n${output}`);
          if (Date.now() - started > 60_000) throw new Error(`README line ${step.line} (${step.text.trim()}) printed no URL within 60 s:\n${output}`);
          await new Promise((r) => setTimeout(r, 100));
        }
        continue;
      }

      const result = spawnSync('bash', ['-c', command], { cwd, env, encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
      const output = `${result.stdout}${result.stderr}`;
      ran.push({ line: step.line, command, status: result.status, output });
      expect(result.status, `README line ${step.line}: ${step.text.trim()}\n${output.slice(-3000)}`).toBe(0);
    }
    // The one-minute example did what the README says it does.
    const outputOf = (pattern: RegExp) => ran.filter((r) => pattern.test(r.command)).map((r) => r.output);
    expect(outputOf(/partnero partner-links list partner_123$/).join('')).toContain('summer');
    expect(outputOf(/^node links\.mjs$/).join('')).toMatch(/https?:\/\/\S*autumn/);
    expect(outputOf(/--from links\.csv$/).at(-1)).toMatch(/skipped/);
    // The servers it started were all still up at the end (none had died on the way).
    for (const { line, child, output } of background) expect(child.exitCode, `README line ${line}:\n${output()}`).toBeNull();
  }, 600_000);
});
