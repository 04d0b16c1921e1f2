// Issue 18 item 3: the local servers stop with their parent. Started as a user starts them,
// through npm (`npm run sandbox -- --port 0`, `npm run mock -- --port 0`), then stopped as
// process managers and `kill %1` stop them: a signal to npm. Afterwards no process of the tree
// npm started is left and the port is free. The mock's Prism also stops when the mock itself
// is killed with SIGKILL, which it cannot catch. Whatever happens, the test kills what it
// started, by id.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { descendantsOf, isAlive, portIsFree } from './support/processes.js';

const repo = new URL('../../', import.meta.url).pathname;
const started: number[] = [];

afterEach(() => {
  for (const pid of started.splice(0)) {
    if (!isAlive(pid)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
});

interface NpmRun {
  readonly npm: ChildProcess;
  readonly exited: Promise<number | string>;
  readonly output: () => string;
  /** The port of the first http://127.0.0.1:PORT the server printed. */
  readonly port: Promise<number>;
}

/** `npm run <script> -- --port 0` in the repository, as a user runs it. */
function npmRun(script: string): NpmRun {
  const npm = spawn('npm', ['run', script, '--', '--port', '0'], { cwd: repo, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(npm.pid!);
  let output = '';
  const exited = new Promise<number | string>((resolve) => npm.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const port = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Ctrl-C stops it/.test(output) && /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    npm.stdout!.on('data', onData);
    npm.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`npm exited before the server listened:\n${output}`));
    });
  });
  return { npm, exited, output: () => output, port };
}

/** Every process npm started (directly or not), remembered for clean-up. */
function treeOf(pid: number): number[] {
  const tree = descendantsOf(pid);
  started.push(...tree);
  return tree;
}

const commandLine = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
};

/** Waits until none of `pids` is alive, or `ms` have passed; resolves to those still alive. */
async function goneWithin(pids: readonly number[], ms: number): Promise<number[]> {
  const until = Date.now() + ms;
  while (Date.now() < until && pids.some(isAlive)) await new Promise((resolve) => setTimeout(resolve, 100));
  return pids.filter(isAlive);
}

describe('npm run sandbox', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stopped by %s to npm, leaves no process and no listening port', async (signal) => {
    const run = npmRun('sandbox');
    const port = await run.port;
    const tree = treeOf(run.npm.pid!);
    expect(tree.map(commandLine)).toContainEqual(expect.stringContaining('scripts/sandbox.mjs'));
    run.npm.kill(signal);
    await run.exited;
    expect((await goneWithin(tree, 5_000)).map(commandLine)).toEqual([]);
    expect(await portIsFree(port)).toBe(true);
    expect(run.output()).toContain(`sandbox: stopped (${signal})`);
  });
});

describe('npm run mock', () => {
  it('stopped by SIGTERM to npm, leaves no process (the mock, Prism) and no listening port', async () => {
    const run = npmRun('mock');
    const port = await run.port;
    const tree = treeOf(run.npm.pid!);
    const lines = tree.map(commandLine);
    expect(lines).toContainEqual(expect.stringContaining('scripts/mock.mjs'));
    expect(lines).toContainEqual(expect.stringContaining('prism-cli'));
    run.npm.kill('SIGTERM');
    await run.exited;
    expect((await goneWithin(tree, 5_000)).map(commandLine)).toEqual([]);
    expect(await portIsFree(port)).toBe(true);
    expect(run.output()).toContain('mock: stopped (SIGTERM)');
  });

  it("the mock's node process killed with SIGKILL: no Prism left within a few seconds", async () => {
    const run = npmRun('mock');
    const port = await run.port;
    const tree = treeOf(run.npm.pid!);
    const mock = tree.find((pid) => commandLine(pid).includes('scripts/mock.mjs'));
    const prism = tree.filter((pid) => commandLine(pid).includes('prism-cli'));
    expect(mock).toBeDefined();
    expect(prism.length).toBeGreaterThan(0);
    process.kill(mock!, 'SIGKILL');
    expect((await goneWithin(prism, 5_000)).map(commandLine)).toEqual([]);
    await run.exited;
    expect((await goneWithin(tree, 2_000)).map(commandLine)).toEqual([]);
    expect(await portIsFree(port)).toBe(true);
  });
});
