// The Arazzo workflows of openapi/workflows/, run by `redocly respect` against the sandbox on a
// free port: every step of every workflow must pass. The steps expected come from the workflow
// files themselves, so a step added there is checked here with no edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../scripts/lib/sandbox.mjs';
import { readWorkflows, runWorkflows, throwawayInputs, throwawayKey } from '../../scripts/lib/sandbox-workflows.mjs';

const API_KEY = 'sandbox-workflows-key';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let broken: Awaited<ReturnType<typeof startSandbox>>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: API_KEY });
  broken = await startSandbox({ port: 0, apiKey: API_KEY, breakField: 'data.url' });
});

afterAll(async () => {
  await sandbox?.close();
  await broken?.close();
});

const owners = { partnerId: 'partner_123', customerId: 'customer_123' };

describe('the lifecycle workflows (redocly respect)', () => {
  it('pass against the sandbox, every step of every workflow', async () => {
    const files = await readWorkflows();
    const expected = files.flatMap(({ file, workflows }) =>
      workflows.flatMap(({ workflowId, steps }) => steps.map((stepId) => `${file} ${workflowId} ${stepId}`)),
    );
    expect(expected.length).toBeGreaterThan(20);

    const inputs = { ...owners, ...throwawayInputs(throwawayKey('workflows')) };
    const result = await runWorkflows({ serverUrl: sandbox.url, apiKey: API_KEY, inputs });
    console.log(`redocly respect: ${result.steps.length} steps in ${Math.round(result.timeMs)} ms`);

    const failed = result.steps.filter((step) => step.status !== 'passed');
    expect(failed, result.output).toEqual([]);
    expect(result.code, result.output).toBe(0);
    expect(result.skipped).toEqual([]);
    expect(result.steps.map((step) => `${step.file} ${step.workflowId} ${step.stepId}`)).toEqual(expected);
    expect(result.output).not.toContain(API_KEY);

    // What the workflows created they also deleted: the sandbox holds none of their keys.
    const keys = Object.values(inputs);
    expect(sandbox.state.links.filter((link: { key: string }) => keys.includes(link.key))).toEqual([]);
  });

  it('fail, naming the step, against a sandbox that drops a required field', async () => {
    const inputs = { ...owners, ...throwawayInputs(throwawayKey('workflows')) };
    const result = await runWorkflows({ serverUrl: broken.url, apiKey: API_KEY, inputs });
    expect(result.code).not.toBe(0);
    const createPartner = result.steps.find((step) => step.workflowId === 'partnerLinkLifecycle' && step.stepId === 'createLink');
    expect(createPartner?.status).toBe('failed');
    expect(createPartner?.failures.join('\n')).toMatch(/schema check/);
    // A workflow stops at its first failed step.
    expect(result.steps.find((step) => step.workflowId === 'partnerLinkLifecycle' && step.stepId === 'deleteLink')?.status).toBe('not run');
  });

  it('run only the workflows whose inputs are given, and report their steps whatever the key (even one letter)', async () => {
    // A sandbox of its own that takes that one-letter key (any other it answers 401).
    const oneLetter = await startSandbox({ port: 0, apiKey: 'k' });
    const result = await runWorkflows({
      serverUrl: oneLetter.url,
      apiKey: 'k',
      inputs: { partnerId: 'partner_123', ...throwawayInputs(throwawayKey('workflows')), customerKey: undefined as unknown as string },
    }).finally(() => oneLetter.close());
    expect(result.code, result.output).toBe(0);
    expect(result.files).toEqual(['openapi/workflows/partner-links.arazzo.yaml']);
    // Redocly masks a secret wherever its text occurs; a one-letter key must not garble the step ids.
    expect(result.steps.map((step) => step.status)).toEqual(Array(result.steps.length).fill('passed'));
    expect(result.steps.map((step) => step.stepId)).toContain('listLinks');
    expect(result.skipped).toEqual([{ file: 'openapi/workflows/customer-links.arazzo.yaml', missing: ['customerId', 'customerKey'] }]);
  });
});
