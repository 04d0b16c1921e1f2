// Runs the pinned Redocly CLI as `node <its bin file>` (never npx), with telemetry and update
// notices off for every invocation, wherever it is started from. Also a command:
// `node scripts/lib/redocly.mjs <args>` (what `npm run lint:spec` runs).
//
// Redocly CLI 2.x prints an 11-line "Node.js 20 support is ending" box on every run under
// Node 20, and no setting turns it off. Node 20 is what this package supports, so the box is
// noise: it is cut from Redocly's output here, and only that box (from its ╔ line to its ╚
// line). Everything else, lint problems included, passes through unchanged, except that a
// `lint` that found nothing prints one line instead of Redocly's eleven (lintSummary).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const redoclyCli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

/** The repository root: every path given to Redocly is relative to it. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The environment Redocly runs with: no telemetry, no update notice. */
export const redoclyEnv = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
};

/**
 * Runs `redocly <args>` in the repository root and resolves to its exit code and output (the
 * Node.js 20 box removed). With `inherit`, its output also goes to this process's stdout and
 * stderr as it comes, in colour only when that stream is a terminal.
 */
export function redocly(args, { inherit = false, cwd = repoRoot } = {}) {
  return new Promise((resolve, reject) => {
    const colour = inherit && process.stdout.isTTY && !process.env.NO_COLOR;
    const child = spawn(process.execPath, [redoclyCli, ...args], {
      cwd,
      env: colour ? { ...redoclyEnv, FORCE_COLOR: '1' } : { ...redoclyEnv, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const pipe = (stream, target) => {
      const filter = noticeFilter((text) => {
        output += text;
        if (inherit) target.write(text);
      });
      stream.on('data', (chunk) => filter.write(chunk.toString()));
      stream.on('end', () => filter.end());
    };
    pipe(child.stdout, process.stdout);
    pipe(child.stderr, process.stderr);
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Bundles the spec at `ref` into one file at `output` (YAML or JSON by its extension). */
export async function bundleSpec(ref, output) {
  const { code, output: log } = await redocly(['bundle', ref, '-o', output]);
  if (code !== 0) throw new Error(`redocly bundle ${ref} failed with exit code ${code}:\n${log}`);
}

/**
 * A line filter that drops Redocly's boxed notices (╔ … ╚, with the blank lines around them) and
 * passes every other line to `emit` as soon as it is complete.
 */
export function noticeFilter(emit) {
  let pending = '';
  let inBox = false;
  /** Blank lines held back until the next line shows whether they frame a box. */
  let blanks = [];
  let afterBox = false;
  const line = (text) => {
    const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
    if (inBox) {
      if (/^\s*╚═+╝\s*$/.test(plain)) {
        inBox = false;
        afterBox = true;
      }
      return;
    }
    if (/^\s*╔═+╗\s*$/.test(plain)) {
      inBox = true;
      blanks = [];
      return;
    }
    if (plain.trim() === '') {
      if (!afterBox) blanks.push(text);
      return;
    }
    afterBox = false;
    for (const blank of blanks.splice(0)) emit(blank);
    emit(text);
  };
  return {
    write(chunk) {
      pending += chunk;
      let newline;
      while ((newline = pending.indexOf('\n')) >= 0) {
        line(pending.slice(0, newline + 1));
        pending = pending.slice(newline + 1);
      }
    },
    end() {
      if (pending) line(pending);
      pending = '';
      for (const blank of blanks.splice(0)) emit(blank);
    },
  };
}

/**
 * The one line that stands for the output of a `redocly lint` that found nothing (exit 0, no
 * warning: Redocly's "Woohoo!" line), or undefined when that output must be shown whole.
 */
export function lintSummary(code, output) {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  if (code !== 0 || !/^Woohoo! Your API descriptions? (is|are) valid/m.test(plain) || /warning/i.test(plain)) return undefined;
  const files = [...plain.matchAll(/^(\S.*): validated in \S+$/gm)].map((match) => match[1]);
  return `redocly lint: ${files.length} file${files.length === 1 ? '' : 's'} valid, no problem (${files.join(', ')})`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args[0] === 'lint') {
    // Lint's output is held back: a lint that found nothing is one line; anything else
    // (problems, warnings, a failure) is printed whole.
    const { code, output } = await redocly(args, { cwd: process.cwd() });
    const summary = lintSummary(code, output);
    if (summary) console.log(summary);
    else process.stdout.write(output);
    process.exitCode = code;
  } else {
    const { code } = await redocly(args, { inherit: true, cwd: process.cwd() });
    process.exitCode = code;
  }
}
