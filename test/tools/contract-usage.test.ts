// `npm run contract` (scripts/contract.mjs) without a server: its help and an unknown option,
// which it settles before loading the spec or starting Prism. Its runs against servers are
// contract.slow.test.ts and test/sandbox/conformance.slow.test.ts (`npm run test:all`).
import { describe, expect, it } from 'vitest';
import { runNode } from './support/processes.js';

const API_KEY = 'contract-usage-key-5e1f'; // Must never be printed.
const contract = (args: string[]): ReturnType<typeof runNode> => runNode('scripts/contract.mjs', args, { ...process.env, PARTNERO_API_KEY: API_KEY });

describe('npm run contract, without a server', () => {
  it('--help prints the usage with every option on stdout and exits 0', async () => {
    const { code, output } = await contract(['--help']);
    expect(code).toBe(0);
    expect(output).toMatch(/^usage: npm run contract -- --base-url URL/);
    for (const option of ['--base-url', '--partner-id', '--customer-id', '--writes', '--report', 'PARTNERO_API_KEY']) expect(output).toContain(option);
    expect(output).not.toContain(API_KEY);
  });

  it('an unknown option is a usage error (exit 2) that names it', async () => {
    const { code, output } = await contract(['--base-url', 'http://127.0.0.1:9', '--bogus']);
    expect(code).toBe(2);
    expect(output).toMatch(/--bogus/);
    expect(output).toContain('usage: npm run contract -- --base-url URL');
    expect(output).not.toContain(API_KEY);
  });
});
