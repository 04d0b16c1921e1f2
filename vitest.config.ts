import { mkdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { JsonReporter } from 'vitest/node';

// Which tests run (set by scripts/vitest.mjs from its --all / --slow flags; see there):
//   fast (default, `npm test`): every *.test.ts except *.slow.test.ts, and no `types` project
//        (the type tests are type-checked by `tsc -p tsconfig.json`, a step of `npm test`);
//   all  (`npm run test:all`, the project scripts, a file named on the command line): everything;
//   slow (what .ci/run adds after `npm test`): only *.slow.test.ts and the `types` project, so
//        that no test is run, or counted, twice.
//   named (test files named on the command line, none a type test): every file, no `types`.
const mode = ['all', 'slow', 'named'].includes(process.env.PARTNERO_TESTS ?? '') ? process.env.PARTNERO_TESTS : 'fast';
const SLOW = '**/*.slow.test.ts';

/** The test files of a project under `dir`, as the mode selects them. */
const files = (dir: string): { include: string[]; exclude: string[] } => ({
  include: [mode === 'slow' ? `${dir}/**/*.slow.test.ts` : `${dir}/**/*.test.ts`],
  exclude: ['**/node_modules/**', ...(mode === 'fast' ? [SLOW] : [])],
});

// One build of dist/ and one `npm pack` of it for the whole run, shared by every project that
// lists it (test/package/global-setup.ts; it runs once however many do).
const buildAndPack = 'test/package/global-setup.ts';

const projects: TestProjectInlineConfiguration[] = [
  {
    test: {
      name: 'unit',
      ...files('test/unit'),
      // The property tests compute for a few seconds; with files run side by side on two cores,
      // vitest's 5 s default would fail them for sharing the machine, not for being wrong.
      testTimeout: 20_000,
    },
  },
  {
    test: {
      name: 'types',
      include: [],
      typecheck: { enabled: true, only: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    },
  },
  {
    test: {
      name: 'package',
      ...files('test/package'),
      globalSetup: [buildAndPack],
      testTimeout: 60_000,
      hookTimeout: 180_000,
    },
  },
  {
    test: {
      name: 'contract',
      ...files('test/contract'),
      globalSetup: ['test/contract/global-setup.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
  {
    test: {
      // Builds the docs site into site/ (global setup: the API reference alone for the fast
      // files, which read its spec; the whole site when slow files run). The slow files open it
      // in headless Chromium (a system one, else the one @sparticuz/chromium ships:
      // scripts/lib/browser.mjs) with a sandbox on a free port, and run its code samples
      // against a Prism mock.
      name: 'docs',
      ...files('test/api-docs'),
      globalSetup: [buildAndPack, 'test/api-docs/global-setup.ts'],
      testTimeout: 30_000,
      hookTimeout: 120_000,
    },
  },
  {
    test: {
      // What a new user meets first: the README's samples compile, the commands' output.
      name: 'first-run',
      ...files('test/first-run'),
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  },
  {
    test: {
      // Runs `npm run bench -- --quick` to prove the bench still works; asserts no timing.
      name: 'bench',
      ...files('test/bench'),
      testTimeout: 180_000,
    },
  },
  {
    test: {
      // The stateful sandbox (scripts/lib/sandbox.mjs) in-process on port 0: the Arazzo
      // workflows through redocly respect, the typed client, and npm run contract against it.
      name: 'sandbox',
      ...files('test/sandbox'),
      testTimeout: 120_000,
      hookTimeout: 60_000,
    },
  },
  {
    test: {
      // The MCP server (src/mcp/): the SDK's Client against it, the sandbox behind it.
      name: 'mcp',
      ...files('test/mcp'),
      globalSetup: [buildAndPack, 'test/mcp/global-setup.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  },
  {
    test: {
      // The repository's commands (scripts/, the CLI) run as child processes, on loopback only.
      name: 'tools',
      ...files('test/tools'),
      globalSetup: [buildAndPack],
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  },
];

/** Vitest's JSON report, written without the line saying so. */
class QuietJsonReporter extends JsonReporter {
  constructor(private readonly file: string) {
    super({});
  }
  override async writeReport(report: string): Promise<void> {
    const path = fileURLToPath(new URL(this.file, import.meta.url));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, report, 'utf8');
  }
}

// test-results/ exists from the start: some tests write there (the docs screenshot, the CLI's
// own build), and on a fresh clone nothing else would have made it yet.
mkdirSync(fileURLToPath(new URL('test-results/', import.meta.url)), { recursive: true });

export default defineConfig({
  test: {
    // The JSON report is what .ci/run counts; vitest's own summary is for people. `npm test`
    // prints only what failed and the summary ('minimal'); the other runs a line per file.
    reporters: [mode === 'fast' ? 'minimal' : 'default', new QuietJsonReporter(mode === 'slow' ? 'test-results/vitest-slow.json' : 'test-results/vitest.json')],
    // Most files wait on timers, sockets and child processes more than they compute: on two
    // cores, three files at a time keep both busy (vitest's default would be one) without
    // starving the tests that measure time.
    maxWorkers: 3,
    // What a test prints is shown only when it fails; a pass prints one line per file.
    silent: 'passed-only',
    // Files of tests slower than ~3 s are *.slow.test.ts; below that a duration is no news.
    slowTestThreshold: 5_000,
    projects: mode === 'fast' || mode === 'named' ? projects.filter((project) => project.test?.name !== 'types') : projects,
  },
});
