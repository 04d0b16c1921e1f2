// Runs the Arazzo workflows of openapi/workflows/ with `redocly respect` against a server (the
// sandbox in `npm test`, a live one with `npm run contract -- --writes`) and reads back, step by
// step, what passed and what failed. The API key travels in the environment
// (PARTNERO_API_KEY, which the workflows read as `$inputs.env.PARTNERO_API_KEY`), never on a
// command line.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { redoclyEnv, repoRoot } from './redocly.mjs';

const require = createRequire(import.meta.url);
const redoclyCli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

/** Where the workflows live, relative to the repository root. */
export const WORKFLOWS_DIR = 'openapi/workflows';

/** A throwaway key base, unique and clearly named: `contract-<timestamp>-<random>`. */
export function throwawayKey(prefix = 'contract') {
  return `${prefix}-${Date.now()}-${randomBytes(3).toString('hex')}`;
}

/**
 * The inputs the workflows take besides the owners, derived from one throwaway base: a key to
 * create and one to rename to, per family (keys are unique across the whole program).
 */
export function throwawayInputs(base = throwawayKey()) {
  return {
    partnerKey: `${base}-p`,
    partnerNewKey: `${base}-p-renamed`,
    customerKey: `${base}-c`,
    customerNewKey: `${base}-c-renamed`,
  };
}

/**
 * Every workflow file with its workflows, their steps and the inputs they require (the
 * `env` object, read from the environment, left out).
 * @returns {Promise<{ file: string, workflows: { workflowId: string, steps: string[], required: string[] }[] }[]>}
 */
export async function readWorkflows(dir = WORKFLOWS_DIR) {
  const files = (await readdir(join(repoRoot, dir))).filter((name) => name.endsWith('.arazzo.yaml')).sort();
  return Promise.all(
    files.map(async (name) => {
      const document = parseYaml(await readFile(join(repoRoot, dir, name), 'utf8'));
      const resolve = (node) => {
        const ref = node?.$ref;
        if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
        return ref
          .slice(2)
          .split('/')
          .reduce((value, token) => value?.[token.replace(/~1/g, '/').replace(/~0/g, '~')], document);
      };
      return {
        file: `${dir}/${name}`,
        workflows: (document.workflows ?? []).map((workflow) => {
          const inputs = resolve(workflow.inputs) ?? {};
          return {
            workflowId: workflow.workflowId,
            steps: (workflow.steps ?? []).map((step) => step.stepId),
            required: (inputs.required ?? []).filter((name) => name !== 'env'),
          };
        }),
      };
    }),
  );
}

/**
 * Runs `redocly respect` on every workflow file whose required inputs are all in `inputs`
 * (the others are returned as `skipped`), with every request sent to `serverUrl`.
 * @param {{ serverUrl: string, apiKey: string, inputs: Record<string, string>, timeoutMs?: number }} options
 */
export async function runWorkflows({ serverUrl, apiKey, inputs, timeoutMs = 120_000, signal }) {
  const all = await readWorkflows();
  const given = new Set(Object.keys(inputs).filter((name) => inputs[name] !== undefined && inputs[name] !== ''));
  const runnable = all.filter(({ workflows }) => workflows.every((workflow) => workflow.required.every((name) => given.has(name))));
  const skipped = all
    .filter((file) => !runnable.includes(file))
    .map(({ file, workflows }) => ({
      file,
      missing: [...new Set(workflows.flatMap((workflow) => workflow.required.filter((name) => !given.has(name))))],
    }));
  if (runnable.length === 0) return { code: 0, output: '', steps: [], skipped, files: [], timeMs: 0 };

  const dir = await mkdtemp(join(tmpdir(), 'partnero-respect-'));
  const jsonFile = join(dir, 'respect.json');
  const started = performance.now();
  try {
    const definedInputs = Object.fromEntries(Object.entries(inputs).filter(([, value]) => value !== undefined && value !== ''));
    const { code, output } = await run(
      [
        'respect',
        ...runnable.map(({ file }) => file),
        '--server',
        `partnero=${serverUrl}`,
        '--input',
        JSON.stringify(definedInputs),
        '--json-output',
        jsonFile,
        '--max-fetch-timeout',
        '30000',
        // Respect masks a secret input wherever its text occurs, in the JSON output too: a short
        // key turns "link" into "lin********" in step ids and URLs. The key is removed from the
        // output here instead, and the JSON file is read, never shown, and deleted.
        '--no-secrets-masking',
      ],
      { ...redoclyEnv, PARTNERO_API_KEY: apiKey, NO_COLOR: '1', FORCE_COLOR: '0' },
      timeoutMs,
      signal,
    );
    const timeMs = performance.now() - started;
    let report;
    try {
      report = JSON.parse(await readFile(jsonFile, 'utf8'));
    } catch {
      report = undefined;
    }
    const hidden = [apiKey, JSON.stringify(apiKey).slice(1, -1), encodeURIComponent(apiKey)].filter(Boolean);
    const redacted = hidden.reduce((text, form) => text.split(form).join('***'), output);
    return { code, output: redacted, steps: stepsOf(report, runnable), skipped, files: runnable.map(({ file }) => file), timeMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Every step of the files that ran, in order: passed, failed (with the checks that failed and
 * the request and answer) or not run (a step after a failed one).
 */
function stepsOf(report, files) {
  const steps = [];
  for (const { file, workflows } of files) {
    const executed = report?.files?.[file]?.executedWorkflows ?? [];
    for (const workflow of workflows) {
      const ran = executed.find((item) => item.workflowId === workflow.workflowId);
      for (const stepId of workflow.steps) {
        const step = ran?.executedSteps?.find((item) => item.type === 'step' && item.stepId === stepId);
        if (!step) {
          steps.push({ file, workflowId: workflow.workflowId, stepId, status: 'not run', failures: [] });
          continue;
        }
        const came = step.response?.statusCode !== undefined ? ` (answered ${step.response.statusCode})` : '';
        const failures = (step.checks ?? [])
          .filter((check) => !check.passed && check.severity !== 'warn')
          .map((check) =>
            check.name === 'success criteria check' && check.condition
              ? `success criterion not met: ${check.condition}${came}`
              : `${check.name}: ${oneLine(check.message ?? check.condition ?? 'failed')}`,
          );
        steps.push({
          file,
          workflowId: workflow.workflowId,
          stepId,
          status: failures.length || step.status === 'error' ? 'failed' : 'passed',
          failures,
          request: step.request && { method: String(step.request.method).toUpperCase(), url: step.request.url },
          response: step.response && { statusCode: step.response.statusCode, body: step.response.body },
        });
      }
    }
  }
  return steps;
}

const oneLine = (text) => String(text).replace(/\u001b\[[0-9;]*m/g, '').replace(/\s+/g, ' ').trim();

function run(args, env, timeoutMs, signal) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [redoclyCli, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    // An interrupted run (Ctrl-C, SIGTERM, its deadline) stops respect and all it started.
    const onAbort = () => {
      output += '\nredocly respect was stopped: the run was interrupted.';
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    if (signal?.aborted) queueMicrotask(onAbort);
    else signal?.addEventListener('abort', onAbort, { once: true });
    child.once('close', () => signal?.removeEventListener('abort', onAbort));
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\nredocly respect did not finish within ${timeoutMs} ms; stopped.`;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 1 : 0), output });
    });
  });
}
