#!/usr/bin/env node
// Runs the pinned vitest with colour only on a terminal. Vitest's colour library turns colour
// on whenever TERM is set, piped or not, so logs and CI output fill with escape codes; here
// NO_COLOR is set when stdout is not a terminal (unless FORCE_COLOR asks for colour).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const env = { ...process.env };
if (!process.stdout.isTTY && env.FORCE_COLOR === undefined) env.NO_COLOR = '1';

const child = spawn(process.execPath, [vitest, ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
