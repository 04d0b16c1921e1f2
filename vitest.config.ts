import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report is what .ci/run counts; vitest's own summary is for people.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
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
          include: ['test/package/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          globalSetup: ['test/contract/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Builds docs/ (global setup), reads it in headless Chromium (a system one, else the
          // one @sparticuz/chromium ships: scripts/lib/browser.mjs), and runs its code samples
          // against a Prism mock on a free port.
          name: 'docs',
          include: ['test/api-docs/**/*.test.ts'],
          globalSetup: ['test/api-docs/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // What a new user meets first: the README's samples compile, the commands' output.
          name: 'first-run',
          include: ['test/first-run/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // Runs `npm run bench -- --quick` to prove the bench still works; asserts no timing.
          name: 'bench',
          include: ['test/bench/**/*.test.ts'],
          testTimeout: 180_000,
        },
      },
      {
        test: {
          // The stateful sandbox (scripts/lib/sandbox.mjs) in-process on port 0: the Arazzo
          // workflows through redocly respect, the typed client, and npm run contract against it.
          name: 'sandbox',
          include: ['test/sandbox/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The MCP server (src/mcp/): the SDK's Client against it, the sandbox behind it.
          name: 'mcp',
          include: ['test/mcp/**/*.test.ts'],
          globalSetup: ['test/mcp/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // The repository's commands (scripts/, the CLI) run as child processes, on loopback only.
          name: 'tools',
          include: ['test/tools/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
