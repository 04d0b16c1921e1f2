// `npm run contract`: the runner. Reads the flags (args.mjs) and the spec (spec.mjs), makes the
// requests of every selected check (checks/) through one paced, budgeted transport (http.mjs),
// applies the response checks to every answer, removes what it created (cleanup.mjs), judges
// every inference (verdicts.mjs) and reports (report.mjs). Nothing here names an operation.
import { setMaxListeners } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { flag, flagOfComponent, parseOptions, USAGE, UsageError } from './args.mjs';
import { CHECKS, CHECK_NAMES } from './checks/index.mjs';
import { clientModules } from './client-modules.mjs';
import { at, setAt } from './pointer.mjs';

const started = performance.now();
const modules = await clientModules();
const extraForms = (key) => [key, encodeURIComponent(key), JSON.stringify(key).slice(1, -1)];
let apiKey = '';
/** The key out of any text, however escaped (the client's redaction), before it is printed or written. */
const redact = (text) => {
  let out = String(text);
  if (!apiKey) return out;
  out = modules.redactSecret(out, apiKey);
  for (const form of extraForms(apiKey)) out = out.split(form).join('[REDACTED]');
  return out;
};
const print = (text = '') => process.stdout.write(`${redact(text)}\n`);

let options;
try {
  options = parseOptions(process.argv.slice(2), process.env, { ...modules, checkNames: CHECK_NAMES });
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`${redact(`contract: ${error.message}`)}\n\n${USAGE}\n`);
  process.exit(2);
}
for (const check of CHECKS.filter((c) => c.optIn && options.checks?.includes(c.name) && options[c.optIn] === undefined)) {
  process.stderr.write(`contract: ${flag('checks')} ${check.name} needs ${flag(check.optIn)}\n\n${USAGE}\n`);
  process.exit(2);
}
if (options.help) {
  print(USAGE);
  process.exit(0);
}
if (options['list-checks']) {
  for (const check of CHECKS) print(`${check.name.padEnd(30)} ${check.verifies}${check.writes ? ` (with ${flag('writes')})` : ''}`);
  process.exit(0);
}
apiKey = options.apiKey;
// A check that needs its flag (max_response_time) runs only with it.
const selected = (name) => {
  const check = CHECKS.find((c) => c.name === name);
  if (check?.optIn && options[check.optIn] === undefined) return false;
  return !options.checks || options.checks.includes(name);
};

// Ctrl-C, SIGTERM and the deadline stop the run; the clean-up still runs, then exit 130/143.
const controller = new AbortController();
// Every request of the run listens to this one signal (through AbortSignal.any).
setMaxListeners(0, controller.signal);
let exitCode;
let interrupted = 0;
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    interrupted += 1;
    exitCode = code;
    if (interrupted > 1) {
      process.stderr.write(`contract: ${signal} again: stopping now, without finishing the clean-up; links of this run may be left (keys ${base}-*)\n`);
      process.exit(code);
    }
    process.stderr.write(`\ncontract: ${signal}: stopping; cleaning up what this run created first (${signal} again to stop at once)\n`);
    controller.abort(new Error(`interrupted by ${signal}`));
  });
}
const deadline = setTimeout(() => controller.abort(new Error(`the run's deadline (${flag('deadline')} ${options.deadlineMs / 1000} s) passed`)), options.deadlineMs);
deadline.unref();

// The heavy parts (the spec's bundler, ajv, fast-check, redocly respect's runner) only now:
// a usage error or --help answers at once.
const [{ cleanUp, createRegistry }, { generator }, { BudgetExhausted, createTransport, RunStopped }, { cleanupProblem, json, junit, terminalSummary }, { byResource, loadSpec }, { createValidation }, { createObservations, judgeInferences }, { runArazzo, workflowInferences, workflowVerdict }] = await Promise.all([
  import('./cleanup.mjs'),
  import('./cases.mjs'),
  import('./http.mjs'),
  import('./report.mjs'),
  import('./spec.mjs'),
  import('./validate.mjs'),
  import('./verdicts.mjs'),
  import('./workflows.mjs'),
]);

let spec;
try {
  spec = await loadSpec(options.spec);
} catch (error) {
  print(`contract: ${error.message}`);
  process.exit(2);
}
const gen = generator(options.seed);
const base = gen.base;
const resources = byResource(spec.operations);
const validation = createValidation(spec, modules.validators);
const observations = createObservations();
const findings = [];
const registry = createRegistry();
const transport = createTransport({ ...options, baseUrl: options.baseUrl, apiKey, signal: controller.signal });
const listed = new Map();
const checksRan = new Set();
/** How many answers each response check judged. */
const answersChecked = new Map();
const operationPatterns = spec.operations.map((op) => ({ op, pattern: new RegExp(`^${op.path.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`)).replace(/\{[^}]+\}/g, '[^/]+')}$`) }));
const ownerFlags = { partnerId: options['partner-id'], customerId: options['customer-id'] };

const ctx = {
  spec,
  resources,
  listed,
  base,
  gen,
  apiKey,
  writes: Boolean(options.writes),
  acceptsAnyKey: Boolean(options['accepts-any-key']),
  maxResponseMs: options.maxResponseMs,
  say: (text) => print(`  · ${text}`),
  throwaway: (resource, key) => registry.add(resource, key),
  /** Whether `id` is one of this run's throwaway keys (ignoring case): the only ids it writes to or deletes. */
  isOurs: (id) => registry.has(id),
  observe: (pointer, check, held, evidence, edit, change) => {
    if (selected(check)) observations.add(pointer, check, held, evidence, edit, change);
  },
  finding(check, x, op, expected, came, { where, pointers, edit } = {}) {
    if (!selected(check)) return;
    findings.push({ check, operationId: op?.operationId, request: x ? `${x.method} ${x.shownPath ?? x.path}${x.auth !== 'the API key' ? ` (${x.auth})` : ''}` : op ? `${op.method} ${op.path}` : '', label: x?.label, where, expected, came, pointers, edit });
  },
  messageOf(x) {
    const message = x.json && typeof x.json.message === 'string' ? x.json.message : undefined;
    return message ? ` (${message.slice(0, 120)})` : '';
  },
  lastExchange: () => transport.exchanges.at(-1),
  operationFor: (method, path) => operationPatterns.find(({ op, pattern }) => op.method === method.toUpperCase() && pattern.test(path))?.op,
  validateResponse: (response, value) => validation.validateResponse(response, value),
  validateValue: (schema, value) => validation.validateValue(schema, value),
  /** The values of an operation's path parameters: a flag, a link the lists returned, `fallback`, or the spec's example. */
  pathValues(op, fallback) {
    const values = {};
    for (const parameter of op.parameters.filter((p) => p.in === 'path')) {
      const name = flagOfComponent(parameter.component);
      const item = op.name !== 'list' ? listed.get(op.resource) : undefined;
      const value =
        (name && options[name] !== undefined ? options[name] : undefined) ??
        (fallback !== undefined && op.method !== 'GET' ? fallback : undefined) ??
        (item?.[parameter.name] !== undefined && item[parameter.name] !== null ? String(item[parameter.name]) : undefined) ??
        parameter.example ??
        parameter.schema?.examples?.[0];
      if (value === undefined) return undefined;
      values[parameter.name] = value;
    }
    return values;
  },
  /** The owner id given by flag for a resource's creates (the path parameter of its x-partnero-create owner list). */
  ownerOf(resource) {
    const create = resources.get(resource)?.create;
    const list = spec.operations.find((o) => o.operationId === create?.create?.owner?.operation);
    const parameter = list?.parameters.find((p) => p.in === 'path');
    const name = flagOfComponent(parameter?.component);
    return name ? options[name] : undefined;
  },
  matchField: (resource) => resources.get(resource)?.create?.create?.match,
  /** A valid create body for `key`, its owner from the flags (or `owner`); undefined without an owner. */
  createBody(resource, key, owner) {
    const create = resources.get(resource)?.create;
    const id = owner ?? ctx.ownerOf(resource);
    const pointer = create?.create?.owner?.id?.[0];
    if (!create || !id || !pointer) return undefined;
    return setAt(setAt({}, pointer, id), `/${create.create.match}`, key);
  },
  async createThrowaway(resource, key, check) {
    const create = resources.get(resource).create;
    ctx.throwaway(resource, key);
    const x = await ctx.send(create, { body: ctx.createBody(resource, key), check, label: `create the throwaway ${key}` });
    const id = at(x.json, `${create.create.result ?? '/data'}/id`);
    if (x.status >= 200 && x.status < 300 && typeof id === 'string') {
      // A create answered with another link (its id not the key sent): that link is not the
      // run's, and nothing of the run may touch it (issue 24).
      if (id.toLowerCase() === key.toLowerCase()) return { id, link: at(x.json, create.create.result ?? '/data') };
      ctx.finding(check, x, create, `the link created with the throwaway key ${key} (its id the key, in any case)`, `id ${JSON.stringify(id)}: another link, left alone (nothing of this run writes to it)`, { pointers: [create.pointer] });
      return undefined;
    }
    if (!x.error) ctx.finding(check, x, create, `a 2xx creating the throwaway link ${key}`, `${x.status}${ctx.messageOf(x)}`, { pointers: [create.pointer] });
    return undefined;
  },
  async deleteThrowaway(resource, id, check) {
    const remove = resources.get(resource)?.delete;
    if (remove && ctx.isOurs(id)) await ctx.send(remove, { path: { id }, check, label: `delete the throwaway ${id}` });
  },
  /** Every item of a list, walking pages of the largest limit (at most 10 pages); undefined when its first page did not answer 200 with a list. */
  async walk(op, owner, check) {
    const p = op.pagination;
    const path = {};
    for (const parameter of op.parameters.filter((q) => q.in === 'path')) path[parameter.name] = owner;
    const max = op.parameters.find((q) => q.name === p?.limit)?.schema?.maximum ?? 100;
    const out = [];
    for (let page = 1; page <= 10; page += 1) {
      const x = await ctx.send(op, { path, query: p ? { [p.limit]: max, [p.page]: page } : {}, check, label: `the owner's list, page ${page}` });
      const data = at(x.json, p?.items ?? '/data');
      if (x.status !== 200 || !Array.isArray(data)) return page === 1 ? undefined : out;
      out.push(...data);
      if (!p || data.length < max || at(x.json, p.next) === null) break;
    }
    return out;
  },
  send: (op, request) => ctx.sendRaw(op, { ...request, method: op.method, path: fill(op.path, request.path) }),
  async sendRaw(op, { method, path, query, body, rawBody, auth, check, label }) {
    // The guard of every write (a rename, a delete, from a check or a workflow step): its path
    // ids must be throwaway keys of this run; a write to any other id is not sent, and is a finding.
    const foreign = writes(method) && op ? pathIds(op, path).find((id) => !ctx.isOurs(id)) : undefined;
    if (foreign !== undefined) {
      const x = { method, path, shownPath: path, auth: 'the API key', label, check, error: `not sent: ${foreign} is not a link this run created` };
      findings.push({ check, operationId: op.operationId, request: `${method} ${path}`, label, expected: `writes only to links this run created (ids equal to its throwaway keys ${base}-*)`, came: `a ${method} of ${JSON.stringify(foreign)}, which an answer of the server pointed at: not sent` });
      return x;
    }
    const x = await transport.send({ method, path, query, body, rawBody, auth, check });
    x.shownPath = x.path;
    x.label = label;
    if (op) for (const c of CHECKS) if (c.kind === 'response' && selected(c.name)) (checksRan.add(c.name), answersChecked.set(c.name, (answersChecked.get(c.name) ?? 0) + 1), c.run(ctx, x, op));
    return x;
  },
};

const writes = (method) => !['GET', 'HEAD', 'OPTIONS', 'POST'].includes(String(method).toUpperCase());
/** The values of an operation's path parameters in a filled path (decoded). */
function pathIds(op, path) {
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const pattern = new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/?]*)')}(?:\\?|$)`);
  const match = pattern.exec(path);
  if (!match) return names.length ? [path] : [];
  return match.slice(1).map((value) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  });
}

function fill(template, values = {}) {
  return template.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(String(values[name] ?? '')));
}

// ---------------------------------------------------------------------------------------------

const owners = [options['partner-id'] && `partner ${options['partner-id']}`, options['customer-id'] && `customer ${options['customer-id']}`].filter(Boolean);
print(`Checking ${options.baseUrl} against ${options.spec}${owners.length ? `, ${owners.join(', ')}` : ''}`);
// The replay line is made of the run's options (its values redacted one by one), not redacted
// as a whole: a key such as `any-key` must not turn --accepts-any-key into --accepts-[REDACTED].
process.stdout.write(`${redact(`seed ${options.seed} (replay: `)}${replayLine()}${redact(`), at most ${options.maxRequests} requests, ${options.rate}/s${options.writes ? `, throwaway keys ${base}-*` : ''}`)}\n`);
let stopped;
let workflows;
try {
  // Every read with the values a client sends: lists first (the others use what they return), in parallel.
  print(`\nreads: every GET operation with the documented values`);
  const reads = spec.operations.filter((op) => op.method === 'GET');
  const lists = reads.filter((op) => op.name === 'list' || !op.parameters.some((p) => p.in === 'path' && !flagOfComponent(p.component)));
  const reading = async (op) => {
    const path = ctx.pathValues(op);
    if (!path) return;
    const query = {};
    for (const parameter of op.parameters.filter((p) => p.in === 'query' && p.required)) query[parameter.name] = parameter.example ?? parameter.schema?.examples?.[0];
    if (op.name === 'search') {
      const item = listed.get(op.resource);
      const first = op.parameters.find((p) => p.in === 'query' && item?.[p.name] !== undefined);
      if (first) query[first.name] = item[first.name];
    }
    const x = await ctx.send(op, { path, query, check: 'reads', label: 'documented values' });
    const data = at(x.json, op.pagination?.items ?? '/data');
    if (op.name === 'list' && Array.isArray(data) && data[0] && !listed.has(op.resource)) listed.set(op.resource, data[0]);
  };
  await Promise.all(lists.map(reading));
  await Promise.all(reads.filter((op) => !lists.includes(op)).map(reading));
  print(`  ${transport.exchanges.length} requests`);

  for (const check of CHECKS.filter((c) => c.kind === 'stateful' && selected(c.name))) {
    if (check.writes && !ctx.writes) continue;
    const shared = ctx.lifecycleDone;
    print(`${check.name}: ${check.verifies}`);
    checksRan.add(check.name);
    await check.run(ctx);
    // Counted by the check each request was sent for (the lifecycle sends for three checks at once).
    const mine = transport.exchanges.filter((x) => x.check === check.name).length;
    print(`  ${mine} requests${shared ? ' (sent in the lifecycle above)' : ''}, ${findings.filter((f) => f.check === check.name).length} findings`);
  }
  if (ctx.writes && selected('arazzo_workflows')) {
    print(`arazzo_workflows: the workflows of openapi/workflows/ (redocly respect)`);
    checksRan.add('arazzo_workflows');
    const before = transport.budget.used;
    workflows = await runArazzo({ ctx, inputs: ownerFlags, signal: controller.signal });
    for (const { file, missing } of workflows.skipped) print(`  (skipped ${file}: needs ${missing.filter((n) => /Id$/.test(n)).map((n) => flag(n.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase())).join(', ') || missing.join(', ')})`);
    print(`  ${transport.budget.used - before} requests, ${workflows.steps.filter((s) => s.status === 'passed').length} of ${workflows.steps.length} steps passed`);
  }
} catch (error) {
  if (error instanceof BudgetExhausted) stopped = `${error.message} (raise ${flag('max-requests')} to run every check)`;
  else if (error instanceof RunStopped) stopped = error.message;
  else stopped = `the run failed: ${error.stack ?? error.message}`;
  print(`\nstopped: ${stopped}`);
}
if (!stopped && transport.stoppedReason()) stopped = transport.stoppedReason();

// The clean-up, with its own reserve of requests and time, even after a failure or a signal.
let cleanup;
if (registry.entries().length) {
  print(`\nclean-up: looking up ${registry.entries().length} throwaway keys`);
  transport.budget.inCleanup = true;
  const cleanupSend = (op, request) => ctx.sendRaw(undefined, { ...request, method: op.method, path: fill(op.path, request.path), check: 'clean-up' });
  cleanup = await cleanUp({ registry, resources, send: cleanupSend, baseUrl: options.baseUrl });
}

// Workflow steps: failures of documented workflows are findings; a workflow marked
// x-partnero-inferred gives a verdict instead.
const wfInferences = await workflowInferences();
const inferredWorkflows = new Set(wfInferences.map((i) => i.workflowId));
const steps = workflows?.steps ?? [];
for (const step of steps.filter((s) => s.status === 'failed' && !inferredWorkflows.has(s.workflowId))) {
  findings.push({ check: 'arazzo_workflows', operationId: step.workflowId, request: step.request ? `${step.request.method} ${new URL(step.request.url).pathname}${new URL(step.request.url).search}` : `${step.workflowId}`, label: `${step.workflowId} ${step.stepId}`, expected: 'the step to pass', came: step.failures.join('; ') || 'it failed' });
}
const inferences = [
  ...judgeInferences(spec.inferences, observations, findings, { selected }),
  ...wfInferences.map((i) => (workflows ? workflowVerdict(i, steps) : { claim: i.claim, file: i.file, pointer: i.pointer, check: i.check, verdict: 'not exercised', evidence: `the workflows did not run (${flag('writes')})` })),
];

const left = (cleanup ?? []).filter(cleanupProblem);
const contradicted = inferences.filter((i) => i.verdict === 'contradicted');
// A run cut short (budget, deadline, a server gone, a signal) has not shown the contract kept.
const kept = findings.length === 0 && contradicted.length === 0 && left.length === 0 && !stopped;
const result = {
  baseUrl: options.baseUrl,
  spec: options.spec,
  seed: options.seed,
  replay: replayLine(),
  reportFile: options.report,
  kept,
  requests: { sent: transport.budget.used, budget: options.maxRequests },
  stopped,
  timeMs: Math.round(performance.now() - started),
  checks: CHECKS.map((c) => ({ name: c.name, kind: c.kind, verifies: c.verifies, ran: checksRan.has(c.name), requests: c.kind === 'response' ? (answersChecked.get(c.name) ?? 0) : c.kind === 'workflows' ? transport.exchanges.filter((x) => x.check === 'arazzo_workflows').length : transport.exchanges.filter((x) => x.check === c.name).length })),
  findings,
  inferences,
  workflows: workflows && { steps: steps.map(({ response, ...s }) => ({ ...s, status: s.status })), skipped: workflows.skipped },
  cleanup,
};
print('');
print(terminalSummary(result));
print(
  `\n${kept ? 'Contract kept' : findings.length || contradicted.length || left.length ? 'Contract broken' : 'Stopped before the end, nothing broken so far'}: ${groupCount()} findings, ${contradicted.length} inferences contradicted, ${left.length} links left; ` +
    `${transport.budget.used} requests in ${(result.timeMs / 1000).toFixed(1)} s; seed ${options.seed}${stopped ? `; stopped early: ${stopped}` : ''}.`,
);
if (options.propose !== undefined || options.apply) await proposeEdits();
else if (contradicted.length) print(`The contradicted inferences as a patch of openapi/ to review: run again with ${flag('propose')} FILE`);
if (options.report) {
  const text = /\.xml$/i.test(options.report) ? junit(result, redact) : json(result, redact);
  // The whole text is redacted once more, the replay line (already redacted value by value) kept whole.
  const replayJson = JSON.stringify(result.replay);
  await writeFile(options.report, redact(text.split(replayJson).join('\u0000replay\u0000')).split('\u0000replay\u0000').join(replayJson));
  print(`Report written to ${options.report}`);
}
process.exit(exitCode ?? (kept ? 0 : 1));

/** --propose FILE / --apply: the verdicts as edits of openapi/ (propose.mjs), and what is never patched. */
async function proposeEdits() {
  const { apply, propose, sortVerdicts } = await import('./propose.mjs');
  const sorted = sortVerdicts(inferences, findings, { confirmations: Boolean(options.confirmations) });
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const date = new Date().toISOString().slice(0, 10);
  const { diff, files, hunks } = await propose({ proposals: sorted.proposals, specPath: options.spec, origin: new URL(options.baseUrl).origin, date, redact, root });
  result.proposals = hunks;
  result.departures = sorted.departures;
  print(`\nProposals: ${hunks.length} edit${hunks.length === 1 ? '' : 's'} of the spec, one per verdict on an inferred claim`);
  for (const h of hunks) print(`  ✎ ${h.file}: ${h.claim}\n      ${h.changed.join('; ')}`);
  if (sorted.left.length) {
    print(`Inferred claims contradicted that no edit of the tool covers (${sorted.left.length}): edit by hand`);
    for (const v of sorted.left) print(`  ? ${v.claim} (${v.file})\n      server: ${v.evidence}`);
  }
  if (sorted.departures.length) {
    const seen = new Set();
    const unique = sorted.departures.filter((d) => !seen.has(`${d.check}|${d.evidence}`) && seen.add(`${d.check}|${d.evidence}`));
    print(`Never patched: the server departs from its documentation or a data-guarding check failed (${unique.length}); the evidence to send to Partnero:`);
    for (const d of unique.slice(0, 40)) print(`  ✖ ${d.check}: ${d.kind === 'inference' ? `${d.claim} | ` : ''}${d.evidence}`);
    if (unique.length > 40) print(`  and ${unique.length - 40} more (see ${flag('report')})`);
  }
  if (options.propose !== undefined) {
    // Not redacted as a whole: the evidence in it is, line by line; the spec's own text holds no key.
    await writeFile(options.propose, diff);
    print(hunks.length ? `Patch written to ${options.propose}: review it, then git apply ${options.propose} (or run again with ${flag('apply')})` : `Nothing to propose; ${options.propose} written empty`);
  }
  if (options.apply && files.size) {
    await apply(files);
    print(`Applied to ${files.size} file${files.size === 1 ? '' : 's'} of openapi/. Next: npm run lint:spec, npm run generate, npm test, the same contract run again; npm run check:breaking says what the edit means for clients.`);
  }
}

function groupCount() {
  return new Set(findings.map((f) => `${f.check}|${f.operationId}|${f.where}|${f.expected}|${f.came}`)).size;
}

/** The replay command: every value in it redacted on its own, the flags' names as they are. */
function replayLine() {
  return `npm run contract -- ${replayArgs(redact)}`;
}

function replayArgs(value = (text) => text) {
  const args = [`${flag('base-url')} ${value(options.baseUrl)}`];
  for (const name of ['partner-id', 'customer-id', 'checks', 'spec', 'rate', 'max-requests', 'max-response-time']) {
    if (options[name] !== undefined && (name !== 'spec' || options.spec !== 'openapi/openapi.yaml') && !(name === 'rate' && options.rate === 8) && !(name === 'max-requests' && options.maxRequests === 400)) args.push(`${flag(name)} ${value(Array.isArray(options[name]) ? options[name].join(',') : String(options[name]))}`);
  }
  if (options.writes) args.push(flag('writes'));
  if (options['accepts-any-key']) args.push(flag('accepts-any-key'));
  args.push(`${flag('seed')} ${options.seed}`);
  return args.join(' ');
}
