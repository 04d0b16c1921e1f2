// The sandbox keeps the contract, proven by the project's own provider verification: `npm run
// contract -- --writes` (every check of its registry, every workflow step) against it finds
// nothing, in each of its unknown-owner modes (404, or a Laravel-style 422: the spec describes
// both), judges every inference confirmed or not exercised, leaves nothing behind, within a
// minute; against it broken on purpose, it names what is broken.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../scripts/lib/sandbox.mjs';
import { readWorkflows } from '../../scripts/lib/sandbox-workflows.mjs';
import { CHECK_NAMES } from '../../scripts/contract/checks/index.mjs';
import { runNode } from '../tools/support/processes.js';

/** The sandbox's default key (after the merge it answers 401 to any other; today it takes any). */
const API_KEY = 'sandbox-key';

interface Report {
  kept: boolean;
  timeMs: number;
  requests: { sent: number; budget: number };
  checks: { name: string; ran: boolean; findings: unknown[] }[];
  inferences: { claim: string; verdict: string }[];
  workflows: { steps: { workflowId: string; stepId: string; status: string }[] };
  cleanup: { state: string }[];
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partnero-conformance-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function verify(url: string, name: string): Promise<{ code: number | string; output: string; report: Report }> {
  const file = join(dir, `${name}.json`);
  // The sandbox takes API_KEY only, as Partnero takes its key (no --accepts-any-key); --rate 100: it is on loopback.
  const { code, output } = await runNode(
    'scripts/contract.mjs',
    ['--base-url', url, '--writes', '--partner-id', 'partner_123', '--customer-id', 'customer_123', '--rate', '100', '--report', file],
    { ...process.env, PARTNERO_API_KEY: API_KEY },
  );
  const text = await readFile(file, 'utf8').catch(() => {
    throw new Error(`no report (exit ${code}):\n${output}`);
  });
  return { code, output, report: JSON.parse(text) as Report };
}

describe('the sandbox keeps the contract', () => {
  it.each([404, 422] as const)('npm run contract --writes finds nothing with unknownOwner %s, every inference confirmed or not exercised, within a minute', async (unknownOwner) => {
    const sandbox = await startSandbox({ port: 0, apiKey: API_KEY, unknownOwner } as Parameters<typeof startSandbox>[0]);
    try {
      const { code, output, report } = await verify(sandbox.url, `kept-${unknownOwner}`);
      expect(report.checks.flatMap((c) => c.findings), output).toEqual([]);
      expect(code, output).toBe(0);
      expect(report.kept).toBe(true);
      // Every check ran but max_response_time, which needs --max-response-time.
      expect(report.checks.filter((c) => !c.ran).map((c) => c.name)).toEqual(['max_response_time']);
      expect(report.checks.map((c) => c.name)).toEqual(CHECK_NAMES);
      expect(report.inferences.filter((i) => i.verdict === 'contradicted')).toEqual([]);
      const steps = (await readWorkflows()).flatMap(({ workflows }) => workflows.flatMap((w) => w.steps.map((s) => `${w.workflowId} ${s}`)));
      expect(report.workflows.steps.map((step) => `${step.workflowId} ${step.stepId}`).sort()).toEqual(steps.sort());
      expect(report.workflows.steps.filter((step) => step.status !== 'passed')).toEqual([]);
      expect(report.cleanup.every((c) => c.state === 'absent' || c.state === 'deleted')).toBe(true);
      expect(sandbox.state.links.filter((link: { key: string }) => /^contract-/i.test(link.key))).toEqual([]);
      expect(report.requests.sent).toBeLessThanOrEqual(report.requests.budget + 100);
      expect(report.timeMs).toBeLessThan(60_000);
      console.log(`contract against the sandbox (unknown owner ${unknownOwner}): ${report.requests.sent} requests in ${(report.timeMs / 1000).toFixed(1)} s; inferences ${['confirmed', 'not exercised'].map((v) => `${report.inferences.filter((i) => i.verdict === v).length} ${v}`).join(', ')}`);
      expect(output).not.toContain(API_KEY);
    } finally {
      await sandbox.close();
    }
  });

  it('names the field that the deliberately broken sandbox drops (--break data.url)', async () => {
    const sandbox = await startSandbox({ port: 0, apiKey: API_KEY, breakField: 'data.url' });
    try {
      const { code, output, report } = await verify(sandbox.url, 'broken');
      expect(code, output).toBe(1);
      expect(report.kept).toBe(false);
      expect(output).toMatch(/✖ response_schema_conformance \(\d+\)/);
      expect(output).toMatch(/response body data(\[\*\]|\[0\])?\.url: expected a required field, came nothing/);
      expect(sandbox.state.links.filter((link: { key: string }) => /^contract-/i.test(link.key))).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });
});
