// Helpers for tests that run the repository's commands as child processes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A command started by a test, with everything it printed so far. */
export interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly output: () => string;
  /** Resolves to the exit code (or the signal's name) once it has exited. */
  readonly exited: Promise<number | string>;
  /** Resolves once `pattern` has appeared in its output; rejects if it exits or times out first. */
  readonly waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpExecArray>;
}

/** Runs `node <script> <args>` from the repository root. */
export function startNode(script: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): Started {
  const child = spawn(process.execPath, [script, ...args], { env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      for (const listener of listeners) listener();
      resolve(code ?? signal ?? -1);
    });
  });
  const waitFor = (pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const match = pattern.exec(output);
        if (match) done(() => resolve(match));
        else if (child.exitCode !== null || child.signalCode !== null) {
          done(() => reject(new Error(`exited before printing ${pattern}:\n${output}`)));
        }
      };
      const timer = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`))), timeoutMs);
      const done = (settle: () => void): void => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });
  return { child, output: () => output, exited, waitFor };
}

/** Runs `node <script> <args>` to the end. */
export async function runNode(
  script: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | string; output: string }> {
  const started = startNode(script, args, env);
  started.child.stdin.end();
  const code = await started.exited;
  return { code, output: started.output() };
}

/** The ids of running processes whose command line contains every one of `parts`. */
export function processesWith(...parts: string[]): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (parts.every((part) => cmdline.includes(part) || cmdline.some((arg) => arg.endsWith(part)))) {
        pids.push(Number(entry));
      }
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/** The ids of every process started, directly or not, by process `pid`. */
export function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent id; the name before it is in parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const found: number[] = [];
  const visit = (parent: number): void => {
    for (const [child, of] of parents) {
      if (of !== parent) continue;
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

/** True when nothing listens on 127.0.0.1:`port`: a server of our own can take it. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** True while a process with this id exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
