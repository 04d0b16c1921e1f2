// The Arazzo workflows of openapi/workflows/, run by redocly respect through a relay of the
// run's own on 127.0.0.1: every request respect sends goes through the run's transport (paced,
// counted, its answer checked by the response checks). A workflow marked x-partnero-inferred
// checks an inference: its outcome is a verdict, not a finding.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { readWorkflows, runWorkflows, throwawayInputs } from '../lib/sandbox-workflows.mjs';
import { repoRoot } from '../lib/redocly.mjs';

/** The x-partnero-inferred entries of the workflows: one inference per entry, judged by its workflow's outcome. */
export async function workflowInferences() {
  const out = [];
  for (const { file, workflows } of await readWorkflows()) {
    const document = parseYaml(await readFile(join(repoRoot, file), 'utf8'));
    for (const workflow of document.workflows ?? []) {
      for (const [i, entry] of (workflow['x-partnero-inferred'] ?? []).entries()) {
        const claim = typeof entry === 'string' ? entry : entry?.claim;
        const evidence = (workflow.steps ?? []).filter((step) => step['x-partnero-evidence'] === true).map((step) => step.stepId);
        if (claim) out.push({ id: `${file}#${workflow.workflowId}#${i}`, pointer: `workflow:${workflow.workflowId}`, claim, check: 'arazzo_workflows', file, workflowId: workflow.workflowId, steps: (workflow.steps ?? []).map((step) => step.stepId), evidence, ofFile: workflows.map((w) => w.workflowId) });
      }
    }
  }
  return out;
}

/**
 * Runs the workflows whose inputs the flags give; resolves to the steps, the skipped files and
 * the keys they may have created.
 */
export async function runArazzo({ ctx, inputs: owners, signal }) {
  const keys = throwawayInputs(`${ctx.base}-w`);
  const inputs = {
    ...(owners.partnerId !== undefined ? { partnerId: owners.partnerId, partnerKey: keys.partnerKey, partnerNewKey: keys.partnerNewKey, unknownPartnerId: `contract-no-such-partner-${ctx.base.slice(-6)}` } : {}),
    ...(owners.customerId !== undefined ? { customerId: owners.customerId, customerKey: keys.customerKey, customerNewKey: keys.customerNewKey, unknownCustomerId: `contract-no-such-customer-${ctx.base.slice(-6)}` } : {}),
  };
  for (const [name, key] of Object.entries(inputs)) if (/Key$/.test(name)) for (const resource of ctx.resources.keys()) ctx.throwaway(resource, key);
  const relay = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://relay');
      const op = ctx.operationFor(req.method ?? 'GET', url.pathname);
      const given = /^Bearer (.*)$/.exec(req.headers.authorization ?? '')?.[1];
      const auth = given === undefined ? 'none' : given === ctx.apiKey ? 'key' : given;
      const raw = Buffer.concat(chunks).toString();
      try {
        const x = await ctx.sendRaw(op, { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), rawBody: raw || undefined, body: raw ? safeJson(raw) : undefined, auth, check: 'arazzo_workflows', label: 'workflow step' });
        if (x.error) res.writeHead(502, { 'content-type': 'text/plain' }).end(`no answer: ${x.error}`);
        else res.writeHead(x.status, { 'content-type': x.contentType || 'application/json' }).end(x.text);
      } catch (error) {
        res.writeHead(503, { 'content-type': 'text/plain' }).end(`the run stopped: ${error.message}`);
      }
    });
  });
  await new Promise((resolve) => relay.listen(0, '127.0.0.1', resolve));
  try {
    const run = await runWorkflows({ serverUrl: `http://127.0.0.1:${relay.address().port}`, apiKey: ctx.apiKey, inputs, signal, timeoutMs: 120_000 });
    return run;
  } finally {
    relay.closeAllConnections();
    await new Promise((resolve) => relay.close(resolve));
  }
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The verdict on a workflow's inference from its steps: a verdict needs its own evidence. The
 * steps marked `x-partnero-evidence: true` are the claim's; the steps before them its
 * preconditions. A failed precondition (a create refused, say) leaves the claim not exercised;
 * only an evidence step that failed after its preconditions passed contradicts it. A workflow
 * without marked steps is judged by all of them (each step is then evidence).
 */
export function workflowVerdict(inference, steps) {
  const mine = steps.filter((s) => s.workflowId === inference.workflowId);
  const base = { claim: inference.claim, file: inference.file, pointer: inference.pointer, check: inference.check };
  if (!mine.length || mine.every((s) => s.status === 'not run')) return { ...base, verdict: 'not exercised', evidence: 'the workflow did not run (its inputs were not given)' };
  const evidenceIds = inference.evidence?.length ? inference.evidence : mine.map((s) => s.stepId);
  const firstEvidence = Math.min(...evidenceIds.map((id) => (inference.steps ?? mine.map((s) => s.stepId)).indexOf(id)).filter((i) => i >= 0));
  const order = inference.steps ?? mine.map((s) => s.stepId);
  const step = (id) => mine.find((s) => s.stepId === id);
  const before = order.slice(0, Number.isFinite(firstEvidence) ? firstEvidence : 0).map(step).filter(Boolean);
  const failedBefore = before.find((s) => s.status !== 'passed');
  if (failedBefore) {
    return { ...base, verdict: 'not exercised', evidence: `its precondition ${failedBefore.stepId} ${failedBefore.status === 'failed' ? `failed: ${failedBefore.failures.join('; ')}` : 'did not run'}` };
  }
  const judged = evidenceIds.map(step).filter(Boolean);
  const failed = judged.filter((s) => s.status === 'failed');
  if (failed.length) return { ...base, verdict: 'contradicted', evidence: failed.map((s) => `${s.stepId}: ${s.failures.join('; ')}`).join(' | '), edit: `in ${inference.file}, workflow ${inference.workflowId}, and in the operation's answers in openapi/: describe the status the server gave` };
  if (judged.length && judged.every((s) => s.status === 'passed')) return { ...base, verdict: 'confirmed', evidence: judged.map((s) => `${s.stepId} ${s.response?.statusCode ?? ''}`.trim()).join(', ') };
  return { ...base, verdict: 'not exercised', evidence: 'its evidence steps did not run' };
}
