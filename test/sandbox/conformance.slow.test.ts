// The sandbox keeps the contract, proven by the project's own provider verification: `npm run
// contract --writes` (every GET operation of the spec and every workflow step, through
// `prism proxy --errors`) against it must find nothing; against it broken on purpose, it must
// name what is broken. The operations expected come from the bundled spec.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../scripts/lib/sandbox.mjs';
import { readWorkflows } from '../../scripts/lib/sandbox-workflows.mjs';
import { runNode } from '../tools/support/processes.js';

const API_KEY = 'sandbox-conformance-key';

interface Report {
  kept: boolean;
  reads: { name: string; operationId: string; status: string; problems: string[] }[];
  writes: { steps: { workflowId: string; stepId: string; status: string; problems: string[] }[]; cleanup: unknown[] };
}

let dir: string;
let getOperations: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partnero-conformance-'));
  const bundled = join(dir, 'openapi.json');
  const { code, output } = await runNode('scripts/lib/bundle-cli.mjs', ['openapi/openapi.yaml', bundled]);
  expect(code, output).toBe(0);
  const spec = JSON.parse(await readFile(bundled, 'utf8')) as { paths: Record<string, Record<string, { operationId?: string }>> };
  getOperations = Object.values(spec.paths).flatMap((item) => (item.get?.operationId ? [item.get.operationId] : []));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function verify(sandbox: { url: string }, name: string): Promise<{ code: number | string; output: string; report: Report }> {
  const file = join(dir, `${name}.json`);
  const { code, output } = await runNode(
    'scripts/contract.mjs',
    ['--base-url', sandbox.url, '--writes', '--partner-id', 'partner_123', '--customer-id', 'customer_123', '--report', file],
    { ...process.env, PARTNERO_API_KEY: API_KEY },
  );
  return { code, output, report: JSON.parse(await readFile(file, 'utf8')) as Report };
}

describe('the sandbox keeps the contract', () => {
  it('npm run contract --writes finds no violation: every GET operation, every workflow step', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const { code, output, report } = await verify(sandbox, 'kept');
      expect(code, output).toBe(0);
      expect(output).toMatch(/Contract kept: \d+ calls; \d+ workflow steps, \d+ passed, no violation\./);
      expect(report.kept).toBe(true);
      expect(new Set(report.reads.map((read) => read.operationId))).toEqual(new Set(getOperations));
      expect(report.reads.filter((read) => read.status !== 'passed')).toEqual([]);
      const steps = (await readWorkflows()).flatMap(({ workflows }) => workflows.flatMap((w) => w.steps.map((s) => `${w.workflowId} ${s}`)));
      expect(report.writes.steps.map((step) => `${step.workflowId} ${step.stepId}`).sort()).toEqual(steps.sort());
      expect(report.writes.steps.filter((step) => step.status !== 'passed')).toEqual([]);
      expect(report.writes.cleanup).toEqual([]);
      expect(output).not.toContain(API_KEY);
    } finally {
      await sandbox.close();
    }
  });

  it('npm run contract names the field that the deliberately broken sandbox drops (--break data.url)', async () => {
    const sandbox = await startSandbox({ port: 0, breakField: 'data.url' });
    try {
      const { code, output, report } = await verify(sandbox, 'broken');
      expect(code, output).toBe(1);
      expect(report.kept).toBe(false);
      expect(output).toContain('response body data.url: expected a required field, came nothing');
      expect(output).toContain('response body data[0].url: expected a required field, came nothing');
      // The create step of each lifecycle sees the violation, and the workflow stops there.
      const create = report.writes.steps.filter((step) => step.stepId === 'createLink');
      expect(create.map((step) => step.status)).toEqual(['failed', 'failed']);
      for (const step of create) expect(step.problems[0]).toContain('response body data.url: expected a required field, came nothing');
    } finally {
      await sandbox.close();
    }
  });
});
