// `npm start` (scripts/start.mjs), run in a copy of the repository (it generates and builds):
// the mock it lists links from is gone when it ends, so the line it gives to paste must not
// point there; it says to start `npm run mock` first and names that mock's port. Here the mock
// is started with `--port 0` (a user may be running one on the documented port) and the pasted
// line pointed at the port it got: the port in the line is checked against the documented one.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { MOCK_PORT } from '../../scripts/lib/local-server.mjs';
import { copyRepository } from '../support/repo-copy.js';

const started: ChildProcess[] = [];
let copy: string | undefined;

afterAll(async () => {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/** Starts a command in the copy; resolves with its output once `until` appears (or it exits). */
function start(command: string, args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null>; waitFor: (pattern: RegExp) => Promise<RegExpExecArray> } {
  const child = spawn(command, args, { cwd: copy, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  const waiting = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const check of waiting) check();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => (resolve(code), [...waiting].forEach((check) => check()))));
  const waitFor = (pattern: RegExp): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const match = pattern.exec(output);
        if (match) (waiting.delete(check), resolve(match));
        else if (child.exitCode !== null) (waiting.delete(check), reject(new Error(`exited before ${pattern}:\n${output}`)));
      };
      waiting.add(check);
      check();
    });
  return { child, output: () => output, exited, waitFor };
}

describe('npm start', () => {
  it("ends with a line to paste that works after it has ended: start `npm run mock`, then the command against the mock's port", { timeout: 240_000 }, async () => {
    copy = copyRepository();
    const run = start(process.execPath, ['scripts/start.mjs']);
    expect(await run.exited, run.output()).toBe(0);
    const output = run.output();
    // What it ran against is gone.
    const ran = /against the Prism mock at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
    expect(ran, output).not.toBeNull();
    await expect(fetch(`${ran![1]}/v1/partners/partner_123/referral_links`)).rejects.toThrow();
    expect(output).not.toContain(`--base-url ${ran![1]}`);

    const tail = /Try it yourself: start the mock .*\n {2}(npm run mock)\nand paste this in another:\n {2}(.+)\n?$/.exec(output);
    expect(tail, output).not.toBeNull();
    const pasted = tail![2]!;
    expect(pasted).toContain(`--base-url http://127.0.0.1:${MOCK_PORT}`);

    // `npm run mock` is `node scripts/mock.mjs`; on a free port here.
    const mock = start(process.execPath, ['scripts/mock.mjs', '--port', '0']);
    const [, port] = await mock.waitFor(/http:\/\/127\.0\.0\.1:(\d+)/);
    const cli = start('sh', ['-c', pasted.replace(`127.0.0.1:${MOCK_PORT}`, `127.0.0.1:${port}`)]);
    expect(await cli.exited, cli.output()).toBe(0);
    // The same answer as npm start printed: the mock answers from the spec's examples.
    const listed = output.slice(output.indexOf('\n', output.indexOf('→')) + 1, output.indexOf('\nTry it yourself')).trim();
    expect(listed.length).toBeGreaterThan(0);
    expect(cli.output().trim()).toBe(listed);
    mock.child.kill('SIGINT');
    expect(await mock.exited).toBe(0);
  });
});
