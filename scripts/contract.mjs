#!/usr/bin/env node
// `npm run contract -- --base-url URL`: checks that a live server keeps the contract of
// openapi/openapi.yaml. Every read operation of the spec (its GET operations, found in the
// bundled spec: nothing here names one) is called through `prism proxy --errors`, which validates
// the request and the server's answer; with --writes the lifecycle workflows of
// openapi/workflows/ run too (`redocly respect`), through the same proxy, on throwaway keys, and
// what they created is deleted afterwards even when a step fails. Every violation is printed with
// where it is, what the spec expects and what came; any makes the exit code 1. The API key comes
// from PARTNERO_API_KEY and is never printed, however it is escaped.
//
//   this script / redocly respect -> front tap -> Prism proxy (validates) -> back tap -> the server
//
// The taps, on 127.0.0.1, only forward and remember: the back tap each raw answer of the server
// (with --errors Prism replaces a wrong answer by its own 500, so without it there would be
// nothing to show as "what came"), the front tap what Prism made of it.
import { createServer } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundle, loadConfig } from '@redocly/openapi-core';
import { startPrism } from './lib/prism.mjs';
import { runWorkflows, throwawayInputs, throwawayKey } from './lib/sandbox-workflows.mjs';

const USAGE = `usage: npm run contract -- --base-url URL [--partner-id ID] [--customer-id ID] [--writes] [--report FILE]

Checks a live server against openapi/openapi.yaml through Prism's validating proxy: every read
(GET) operation of the spec, with the page sizes and pages a client asks for.
  --base-url URL      the server, e.g. https://api.partnero.com (required)
  --partner-id ID     a partner that exists there (default: the spec's example)
  --customer-id ID    a customer that exists there (default: the spec's example)
  --writes            also run the lifecycle workflows of openapi/workflows/ (create, rename,
                      delete, ...) on throwaway keys named contract-<time>-<random>, and delete
                      what they created; needs --partner-id (partner workflows) and/or
                      --customer-id (customer workflows), given explicitly
  --report FILE       also write the findings to FILE: JSON, or JUnit XML if FILE ends in .xml
  PARTNERO_API_KEY    the API key to send (required; never printed)
Exit codes: 0 contract kept, 1 a violation or a failed call, 2 wrong usage.`;

const CHECK_HEADER = 'x-contract-check';
const SPEC = 'openapi/openapi.yaml';
const root = fileURLToPath(new URL('../', import.meta.url));

function usageError(message) {
  console.error(`contract: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      'partner-id': { type: 'string' },
      'customer-id': { type: 'string' },
      writes: { type: 'boolean' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  usageError(error.message);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const apiKey = process.env.PARTNERO_API_KEY ?? '';
if (!options['base-url']) usageError('--base-url is required');
if (!URL.canParse(options['base-url']) || !/^https?:$/.test(new URL(options['base-url']).protocol)) {
  usageError(`--base-url must be an http(s) URL, got ${options['base-url']}`);
}
{
  // As the client does: the key does not travel unencrypted except to this machine.
  const { protocol, hostname } = new URL(options['base-url']);
  if (protocol === 'http:' && !/^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(hostname)) {
    usageError(`--base-url uses plain http to ${hostname}, which would send the API key unencrypted: use https`);
  }
}
for (const flag of ['partner-id', 'customer-id']) {
  if (options[flag] === '') usageError(`--${flag} must not be empty`);
}
if (options.writes && !options['partner-id'] && !options['customer-id']) {
  usageError('--writes creates and deletes links: name the owner they may belong to with --partner-id (and --customer-id for customer links)');
}
if (options.report !== undefined && !/\.(json|xml)$/i.test(options.report)) {
  usageError(`--report writes JSON or JUnit XML: give a file ending in .json or .xml, got ${options.report}`);
}
if (!apiKey) usageError('set PARTNERO_API_KEY to the API key of the server');
const baseUrl = options['base-url'].replace(/\/+$/, '');

/** The forms in which the key may appear in text: as is, JSON-escaped (once or twice), percent-encoded, HTML-escaped. */
const keyForms = (() => {
  if (!apiKey) return [];
  const json = (text) => JSON.stringify(text).slice(1, -1);
  const asciiJson = (text) => json(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const percent = encodeURIComponent(apiKey);
  const forms = [
    apiKey,
    json(apiKey),
    json(json(apiKey)),
    asciiJson(apiKey),
    json(asciiJson(apiKey)),
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (s) => s.toLowerCase()),
    percent.replace(/%20/g, '+'),
    encodeURI(apiKey),
    apiKey.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
  ];
  // Longest first, so that a form containing another is removed whole.
  return [...new Set(forms)].filter(Boolean).sort((a, b) => b.length - a.length);
})();

/**
 * Removes the API key from text about to be printed or written, wherever it came from and
 * however it was escaped. A short key may make ordinary words look redacted: better than a leak.
 */
const redact = (text) => keyForms.reduce((out, form) => out.split(form).join('***'), String(text));
const print = (text = '') => console.log(redact(text));

// ---------------------------------------------------------------------------------------------
// The spec: the read operations and what each parameter may be.

const config = await loadConfig({ configPath: fileURLToPath(new URL('redocly.yaml', new URL(root, 'file:'))) });
const spec = (await bundle({ ref: `${root}${SPEC}`, config })).bundle.parsed;

const deref = (node) => {
  let current = node;
  for (let i = 0; current && typeof current.$ref === 'string' && i < 20; i += 1) {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((value, token) => value?.[token.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return current;
};
const componentName = (node) => /^#\/components\/parameters\/(.+)$/.exec(node?.$ref ?? '')?.[1];
const kebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const exampleOf = (parameter) =>
  parameter.example ?? parameter.schema?.examples?.[0] ?? parameter.schema?.example ?? Object.values(parameter.examples ?? {})[0]?.value;

/** Every GET operation, lists (`x-partnero-method: list`) first, since the others use what they return. */
const operations = Object.entries(spec.paths ?? {})
  .flatMap(([path, item]) =>
    item.get
      ? [
          {
            path,
            op: item.get,
            parameters: [...(item.parameters ?? []), ...(item.get.parameters ?? [])].map((node) => ({
              component: componentName(node),
              ...deref(node),
            })),
          },
        ]
      : [],
  )
  .sort((a, b) => Number(b.op['x-partnero-method'] === 'list') - Number(a.op['x-partnero-method'] === 'list'));

const listed = new Map(); // resource -> first item of its list answer

/** A path or query parameter's value: its flag (`--partner-id` for PartnerId), what the resource's list returned, or the spec's example. */
function valueFor(operation, parameter) {
  const flag = parameter.component ? kebab(parameter.component) : undefined;
  if (flag && options[flag] !== undefined) return { value: options[flag], from: `--${flag}` };
  const resource = operation.op['x-partnero-resource'];
  const item = operation.op['x-partnero-method'] !== 'list' ? listed.get(resource) : undefined;
  if (item && item[parameter.name] !== undefined && item[parameter.name] !== null) return { value: String(item[parameter.name]), from: 'list' };
  return { value: exampleOf(parameter), from: 'example' };
}

/** The calls made for one operation, once the lists before it have answered. */
function callsFor(operation) {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const query = operation.parameters.filter((p) => p.in === 'query');
  const pagination = operation.op['x-partnero-pagination'];
  let path = operation.path;
  for (const parameter of pathParams) {
    const { value } = valueFor(operation, parameter);
    path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(value ?? '')));
  }
  let variants;
  if (pagination) {
    const limit = query.find((p) => p.name === pagination.limit)?.schema ?? {};
    const page = pagination.page;
    const min = limit.minimum ?? 1;
    const max = limit.maximum;
    variants = [{}, { [pagination.limit]: min }, ...(max !== undefined ? [{ [pagination.limit]: max }] : []), { [page]: 2 }, { [pagination.limit]: min, [page]: 2 }];
  } else if (query.length) {
    // Each optional parameter on its own (a search by id, a search by key).
    variants = query.map((parameter) => {
      const { value, from } = valueFor(operation, parameter);
      return { [parameter.name]: value, ...(from === 'list' ? { [MATCH]: parameter.name } : {}) };
    });
  } else {
    variants = [{}];
  }
  return variants.map((variant) => {
    const { [MATCH]: match, ...params } = variant;
    const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    return {
      operation,
      query: params,
      match,
      url: `${path}${search.size ? `?${search}` : ''}`,
    };
  });
}
const MATCH = Symbol('match');

// ---------------------------------------------------------------------------------------------
// The taps and Prism.

const answers = new Map(); // check id -> the server's raw answer
const backTap = createServer(async (req, res) => {
  const id = req.headers[CHECK_HEADER];
  const headers = Object.fromEntries(
    Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length', 'transfer-encoding', CHECK_HEADER].includes(name)),
  );
  const body = await readBody(req);
  try {
    const upstream = await fetch(baseUrl + req.url, {
      method: req.method,
      headers,
      body: body.length && !['GET', 'HEAD'].includes(req.method) ? body : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    const text = await upstream.text();
    answers.set(id, { status: upstream.status, contentType: upstream.headers.get('content-type') ?? '', body: text });
    const relayed = {};
    upstream.headers.forEach((value, name) => {
      // fetch has already decoded and de-chunked the body.
      if (!['content-encoding', 'transfer-encoding', 'content-length', 'connection'].includes(name)) relayed[name] = value;
    });
    res.writeHead(upstream.status, relayed).end(text);
  } catch (error) {
    answers.set(id, { error: error.cause?.code ?? error.message });
    res.writeHead(502, { 'content-type': 'text/plain' }).end('unreachable');
  }
});

let prism;
const workflowExchanges = []; // { id, method, url, problems } of what redocly respect sent
let nextId = 0;
const frontTap = createServer(async (req, res) => {
  const id = `w${(nextId += 1)}`;
  const body = await readBody(req);
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name)));
  // Prism answers a request without credentials itself (never sending it on), so such a request
  // goes straight to the server; redocly respect still checks the answer against the spec.
  const viaPrism = Boolean(req.headers.authorization);
  let response;
  try {
    response = await fetch((viaPrism ? prism.baseUrl : tapUrl) + req.url, {
      method: req.method,
      headers: { ...headers, [CHECK_HEADER]: id },
      body: body.length && !['GET', 'HEAD'].includes(req.method) ? body : undefined,
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    workflowExchanges.push({ id, method: req.method, url: req.url, problems: [`Prism did not answer: ${error.cause?.code ?? error.message}`] });
    res.writeHead(502, { 'content-type': 'text/plain' }).end('Prism did not answer');
    return;
  }
  const text = await response.text();
  const problems = viaPrism ? analyze(id, response, text, { expectStatus: undefined }) : [];
  workflowExchanges.push({ id, method: req.method, url: req.url, problems });
  const relayed = {};
  response.headers.forEach((value, name) => {
    if (!['content-encoding', 'transfer-encoding', 'content-length', 'connection'].includes(name)) relayed[name] = value;
  });
  res.writeHead(response.status, relayed).end(text);
});

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
const tapUrl = await listen(backTap);
const closeTaps = () => {
  for (const server of [backTap, frontTap]) {
    server.closeAllConnections();
    server.close();
  }
};
try {
  prism = await startPrism(['proxy', SPEC, tapUrl, '--errors']);
} catch (error) {
  closeTaps();
  console.error(`contract: could not start Prism: ${redact(error.message)}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// The checks.

const results = []; // { name, problems } per read call
const workflowResults = { ran: false, steps: [], skipped: [], cleanup: [], keys: undefined };
try {
  const owners = [
    options['partner-id'] !== undefined ? `partner ${options['partner-id']}` : undefined,
    options['customer-id'] !== undefined ? `customer ${options['customer-id']}` : undefined,
  ].filter(Boolean);
  print(`Checking ${baseUrl} against ${SPEC} (Prism proxy with --errors)${owners.length ? `, ${owners.join(', ')}` : ''}\n`);
  print(`Reads: every GET operation of the spec (${operations.length})`);
  let index = 0;
  for (const operation of operations) {
    for (const call of callsFor(operation)) {
      const id = String((index += 1));
      const problems = await runCheck(id, call);
      results.push({ name: `GET ${call.url}`, operationId: operation.op.operationId, problems });
      const item = call.operation.op['x-partnero-method'] === 'list' && Object.keys(call.query).length === 0 ? firstItem(id) : undefined;
      if (item && !listed.has(operation.op['x-partnero-resource'])) listed.set(operation.op['x-partnero-resource'], item);
    }
  }
  printResults(results);

  if (options.writes) await runWrites();
} finally {
  await prism.stop();
  closeTaps();
}

const failedReads = results.filter((result) => result.problems.length).length;
const failedSteps = workflowResults.steps.filter((step) => step.status === 'failed').length;
const leftBehind = workflowResults.cleanup.filter((item) => item.problem).length;
const ok = failedReads === 0 && failedSteps === 0 && leftBehind === 0;
const parts = [`${results.length} calls${failedReads ? `, ${failedReads} failed` : ''}`];
if (workflowResults.ran) {
  const passed = workflowResults.steps.filter((step) => step.status === 'passed').length;
  parts.push(`${workflowResults.steps.length} workflow steps${failedSteps ? `, ${failedSteps} failed` : `, ${passed} passed`}`);
}
print(ok ? `\nContract kept: ${parts.join('; ')}, no violation.` : `\nContract broken: ${parts.join('; ')}.`);
if (options.report) await writeReport(options.report);
process.exit(ok ? 0 : 1);

/** The first item of a list answer, for the operations that need an id or a key that exists. */
function firstItem(id) {
  const answer = answers.get(id);
  if (!answer || answer.status !== 200) return undefined;
  const body = parseJson(answer.body);
  return Array.isArray(body?.data) && body.data[0] && typeof body.data[0] === 'object' ? body.data[0] : undefined;
}

/** Prints each call; a failure that several calls share is said once, with the count. */
function printResults(list) {
  const groups = new Map();
  for (const result of list) {
    if (!result.problems.length) continue;
    const text = result.problems.join('\n');
    groups.set(text, [...(groups.get(text) ?? []), result]);
  }
  const said = new Set();
  for (const result of list) {
    if (!result.problems.length) {
      print(`✔ ${result.name}`);
      continue;
    }
    const text = result.problems.join('\n');
    const group = groups.get(text);
    if (group.length === 1) {
      print(`✖ ${result.name}`);
      print(text.replace(/^/gm, '    '));
    } else if (!said.has(text)) {
      said.add(text);
      print(`✖ ${group.length} calls failed the same way:`);
      print(text.replace(/^/gm, '    '));
      const shown = group.length > 6 ? group.slice(0, 5) : group;
      for (const member of shown) print(`    - ${member.name}`);
      if (shown.length < group.length) print(`    - and ${group.length - shown.length} more`);
    }
  }
}

/** Sends one read call through Prism; resolves to the problems found, each as printable text. */
async function runCheck(id, call) {
  let response;
  try {
    response = await fetch(prism.baseUrl + call.url, {
      headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json', [CHECK_HEADER]: id },
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    return [`Prism did not answer: ${error.cause?.code ?? error.message}`];
  }
  const text = await response.text();
  const problems = analyze(id, response, text, { expectStatus: 200, call });
  if (problems.length === 0 && answers.get(id)) problems.push(...checkPage(call, parseJson(answers.get(id).body)));
  return problems;
}

/**
 * What Prism made of one exchange: the request refused, the answer's violations, a failed
 * status. `expectStatus` undefined: any status the spec describes is fine (the workflows say
 * themselves which they expect).
 */
function analyze(id, response, text, { expectStatus, call }) {
  const answer = answers.get(id);
  if (answer?.error) return [`could not reach ${baseUrl}: ${answer.error}`];
  const problem = parseJson(text);
  const type = typeof problem?.type === 'string' ? problem.type : '';
  if (!answer && type.endsWith('#UNPROCESSABLE_ENTITY')) {
    return ['the request itself breaks the spec (not sent):', ...describeViolations(problem.validation, undefined)];
  }
  if (!answer && type) return [`Prism refused the request (not sent): ${problem.title ?? type}${problem.detail ? `: ${problem.detail}` : ''}`];
  const violations = type.endsWith('#VIOLATIONS') ? (problem.validation ?? []) : (parseJson(response.headers.get('sl-violations') ?? '[]') ?? []);
  const errors = violations.filter((v) => v.severity === 'Error');
  const warnings = violations.filter((v) => v.severity !== 'Error');
  const problems = [];
  const html = answer && isHtml(answer);
  if (html) {
    // One sentence for an HTML page, instead of a schema violation quoting it and a status line quoting it again.
    problems.push(`response: an HTML page (status ${answer.status}, ${answer.contentType || 'no Content-Type'}) where the spec expects JSON${titleOf(answer.body)}`);
  } else if (errors.length) {
    problems.push(...describeViolations(errors, answer, call?.operation));
  }
  if (answer && expectStatus !== undefined && answer.status !== expectStatus && !html) {
    const message = parseJson(answer.body)?.message;
    const flagged = call?.operation.parameters.find((p) => p.in === 'path' && p.component && /Partner|Customer/.test(p.component));
    problems.push(
      `status: the call should succeed with ${expectStatus}, got ${answer.status}${typeof message === 'string' && message ? ` (${message})` : ''}` +
        (answer.status === 401 ? '; is PARTNERO_API_KEY right for this server?' : '') +
        (answer.status === 404 && flagged
          ? `; does ${flagged.component.replace(/Id$/, '').toLowerCase()} ${valueFor(call.operation, flagged).value} exist there? (--${kebab(flagged.component)})`
          : ''),
    );
  }
  if (problems.length === 0 && warnings.length) {
    for (const line of describeViolations(warnings, answer, call?.operation)) print(`  (warning) ${line}`);
  }
  return problems;
}

function isHtml(answer) {
  return /text\/html/i.test(answer.contentType) || /^\s*(<!doctype html|<html)/i.test(answer.body);
}

function titleOf(body) {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
  return title ? ` (titled "${title.slice(0, 80)}")` : '';
}

/** What the spec cannot say in a schema: a page holds at most `limit` items and its meta agrees; a search finds what it was given. */
function checkPage(call, body) {
  const problems = [];
  const { op, parameters } = call.operation;
  const pagination = op['x-partnero-pagination'];
  if (pagination) {
    const limitParameter = parameters.find((p) => p.name === pagination.limit);
    const limit = call.query[pagination.limit] ?? limitParameter?.schema?.default;
    const page = call.query[pagination.page] ?? 1;
    if (limit !== undefined && Array.isArray(body?.data) && body.data.length > limit) {
      problems.push(`response body data: at most ${limit} items on a page of limit ${limit}, got ${body.data.length}`);
    }
    if (body?.meta && typeof body.meta === 'object') {
      if (limit !== undefined && body.meta.per_page !== limit) {
        problems.push(`response body meta.per_page: ${limit} (the limit ${call.query[pagination.limit] === undefined ? 'by default' : 'asked for'}), got ${JSON.stringify(body.meta.per_page)}`);
      }
      if (body.meta.current_page !== page) problems.push(`response body meta.current_page: ${page} (the page asked for), got ${JSON.stringify(body.meta.current_page)}`);
    }
  }
  if (call.match && Array.isArray(body?.data)) {
    const wanted = call.query[call.match];
    if (!body.data.some((item) => item?.[call.match] === wanted)) {
      problems.push(`response body data: a search by ${call.match} ${JSON.stringify(wanted)} (taken from the list) should find it, found ${body.data.length} items`);
    }
    const others = body.data.filter((item) => item?.[call.match] !== wanted);
    if (others.length) problems.push(`response body data: a search by ${call.match} matches exactly, got ${others.length} other items`);
  }
  return problems;
}

/**
 * Prism's violations as "where: expected …, came …" lines; the same violation in several items
 * of a list is said once (`data[*].url … in 10 items`).
 */
function describeViolations(violations, answer, operation) {
  const lines = describeEach(violations, answer, operation);
  const groups = new Map();
  for (const { v, line } of lines) {
    const key = `${(v.location ?? []).map((s) => (/^\d+$/.test(s) ? "*" : s)).join("/")}|${String(v.message).replace(/\.\d+\b/g, ".*")}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return [...groups.values()].map((group) =>
    group.length === 1 ? group[0] : `${group[0].replace(/\[\d+\]/g, '[*]').replace(/ \([^()]* has [^()]*\)$/, '')} (in ${group.length} items)`,
  );
}

function describeEach(violations, answer, operation) {
  const body = answer ? parseJson(answer.body) : undefined;
  return (violations ?? []).map((v) => ({ v, line: describeOne(v, body, answer, operation) }));
}

function describeOne(v, body, answer, operation) {
  {
    const [part, section, ...rest] = v.location ?? [];
    const missing = /must have required property '([^']+)'/.exec(v.message ?? '')?.[1];
    const at = missing ? [...rest, missing] : rest;
    const where = `${part ?? ''} ${section ?? ''}${at.length ? ` ${formatPath(at)}` : ''}`.trim();
    let expected = missing ? 'a required field' : expectation(v);
    if (/must be equal to constant/.test(v.message ?? '') && answer && operation) {
      const constant = schemaAt(responseSchema(operation, answer.status), rest)?.const;
      if (constant !== undefined) expected = JSON.stringify(constant);
    }
    const expects = missing ? `expected ${expected}` : `the spec expects ${expected}`;
    if (part !== 'response' || section !== 'body' || body === undefined) return `${where}: ${expects} (${v.message})`;
    const { found, value } = valueAt(body, rest);
    let came;
    if (missing && found && value && typeof value === 'object') {
      came = `nothing (${formatPath(rest) || 'the body'} has ${Object.keys(value).join(', ') || 'no fields'})`;
    } else {
      came = found ? `${JSON.stringify(value)} (${describeType(value)})` : 'nothing';
    }
    return `${where}: ${expects}, came ${came}`;
  }
}

function responseSchema(operation, status) {
  const response = deref(operation.op.responses?.[String(status)]);
  return deref(response?.content?.['application/json']?.schema);
}

/** The schema at a path of the body (object properties, array items, through $ref). */
function schemaAt(schema, segments) {
  let current = deref(schema);
  for (const segment of segments) {
    if (!current) return undefined;
    current = /^\d+$/.test(segment) && current.items ? deref(current.items) : deref(current.properties?.[segment]);
  }
  return current;
}

/** The spec's expectation, from the wording of Prism's (ajv's) message. */
function expectation(violation) {
  const message = violation.message ?? '';
  const must = /\bmust (?:be )?(.+)$/.exec(message);
  return must ? must[1] : message;
}

function formatPath(segments) {
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : `${i === 0 ? '' : '.'}${s}`)).join('');
}

function valueAt(value, segments) {
  let current = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || !(segment in current)) return { found: false };
    current = current[segment];
  }
  return { found: true, value: current };
}

function describeType(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Writes: the workflows, through the same proxy, then the clean-up.

async function runWrites() {
  const frontUrl = await listen(frontTap);
  const base = throwawayKey('contract');
  const keys = throwawayInputs(base);
  const inputs = {
    ...(options['partner-id'] !== undefined ? { partnerId: options['partner-id'], partnerKey: keys.partnerKey, partnerNewKey: keys.partnerNewKey } : {}),
    ...(options['customer-id'] !== undefined ? { customerId: options['customer-id'], customerKey: keys.customerKey, customerNewKey: keys.customerNewKey } : {}),
  };
  workflowResults.ran = true;
  workflowResults.keys = base;
  print(`\nWrites: the lifecycle workflows of openapi/workflows/ (redocly respect), on keys ${base}-*`);
  let run;
  try {
    run = await runWorkflows({ serverUrl: frontUrl, apiKey, inputs });
  } catch (error) {
    workflowResults.steps.push({ workflowId: 'workflows', stepId: 'start', status: 'failed', failures: [`redocly respect could not run: ${error.message}`] });
    run = undefined;
  }
  if (run) {
    workflowResults.skipped = run.skipped;
    workflowResults.timeMs = run.timeMs;
    // Each step's request, matched in order to what the front tap saw, brings Prism's findings.
    const exchanges = [...workflowExchanges];
    for (const step of run.steps) {
      if (step.status === 'not run') {
        workflowResults.steps.push(step);
        continue;
      }
      const index = step.request ? exchanges.findIndex((x) => x.method === step.request.method && step.request.url.endsWith(x.url)) : -1;
      const exchange = index >= 0 ? exchanges.splice(index, 1)[0] : undefined;
      // When the answer broke the contract, Prism sent its own 500 on to redocly respect, whose
      // checks then fail for that reason alone: the violation is the news.
      const failures = exchange?.problems.length
        ? [...exchange.problems, '(the workflow stops here: the step saw Prism\'s 500 in place of the broken answer)']
        : step.failures;
      workflowResults.steps.push({ ...step, status: failures.length ? 'failed' : step.status, failures });
    }
    if (run.steps.length === 0 && run.code !== 0) {
      workflowResults.steps.push({ workflowId: 'workflows', stepId: 'run', status: 'failed', failures: [lastLines(run.output)] });
    }
    for (const { file, missing } of run.skipped) {
      print(`  (skipped ${file}: needs ${missing.filter((name) => /Id$/.test(name)).map((name) => `--${kebab(name)}`).join(', ') || missing.join(', ')})`);
    }
  }
  let current = '';
  for (const step of workflowResults.steps) {
    if (step.workflowId !== current) {
      current = step.workflowId;
      print(`  ${current}`);
    }
    const where = step.request ? ` ${step.request.method} ${new URL(step.request.url).pathname}${new URL(step.request.url).search}` : '';
    const mark = step.status === 'passed' ? '✔' : step.status === 'failed' ? '✖' : '-';
    print(`  ${mark} ${step.stepId}${step.status === 'not run' ? ' (not run: an earlier step failed)' : where}`);
    for (const failure of step.failures) print(failure.replace(/^/gm, '      '));
  }
  await cleanUp(Object.entries(inputs).filter(([name]) => /Key$/.test(name)).map(([, key]) => key));
}

/** Deletes whatever link holds one of the throwaway keys, straight on the server: search by key, then delete by id. */
async function cleanUp(keys) {
  const byResource = new Map();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !op['x-partnero-resource']) continue;
      const entry = byResource.get(op['x-partnero-resource']) ?? {};
      entry[op['x-partnero-method']] = { method: method.toUpperCase(), path };
      byResource.set(op['x-partnero-resource'], entry);
    }
  }
  const headers = { authorization: `Bearer ${apiKey}`, accept: 'application/json' };
  for (const [resource, { search, delete: remove }] of byResource) {
    if (!search || !remove) continue;
    for (const key of keys) {
      try {
        const found = await fetch(`${baseUrl}${search.path}?${new URLSearchParams({ key })}`, { headers, signal: AbortSignal.timeout(30_000) });
        const body = parseJson(await found.text());
        const links = Array.isArray(body?.data) ? body.data.filter((item) => item?.key === key) : [];
        for (const link of links) {
          const url = `${baseUrl}${remove.path.replace('{id}', encodeURIComponent(link.id))}`;
          const deleted = await fetch(url, { method: remove.method, headers, signal: AbortSignal.timeout(30_000) });
          await deleted.arrayBuffer();
          const problem = deleted.ok ? undefined : `could not delete it: ${deleted.status}`;
          workflowResults.cleanup.push({ resource, key, id: link.id, problem });
          print(`  ${problem ? '✖' : '✔'} clean-up: ${resource} link ${key} ${problem ?? 'deleted (a step had left it behind)'}`);
        }
      } catch (error) {
        workflowResults.cleanup.push({ resource, key, problem: `could not check: ${error.cause?.code ?? error.message}` });
        print(`  ✖ clean-up: ${resource} link ${key}: could not check (${error.cause?.code ?? error.message}); delete it by hand if it exists`);
      }
    }
  }
  if (!workflowResults.cleanup.length) print('  ✔ clean-up: nothing was left behind');
}

function lastLines(text) {
  return String(text)
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trim() && !/[║╔╚]/.test(line))
    .slice(-8)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// The report.

async function writeReport(file) {
  const reads = results.map(({ name, operationId, problems }) => ({ name, operationId, status: problems.length ? 'failed' : 'passed', problems }));
  const steps = workflowResults.steps.map(({ file: source, workflowId, stepId, status, failures, request }) => ({
    file: source,
    workflowId,
    stepId,
    status,
    request: request && `${request.method} ${request.url}`,
    problems: failures,
  }));
  let text;
  if (/\.xml$/i.test(file)) {
    const xml = (value) => String(value).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
    const testcase = (classname, name, status, problems) =>
      `    <testcase classname="${xml(classname)}" name="${xml(name)}">` +
      (status === 'failed' ? `\n      <failure message="${xml(problems[0] ?? 'failed')}">${xml(problems.join('\n'))}</failure>\n    ` : status === 'not run' ? '<skipped message="an earlier step failed"/>' : '') +
      '</testcase>';
    const suite = (name, cases) =>
      `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${cases.filter((c) => c.status === 'failed').length}" skipped="${cases.filter((c) => c.status === 'not run').length}">\n` +
      cases.map((c) => testcase(c.classname, c.name, c.status, c.problems)).join('\n') +
      '\n  </testsuite>';
    const suites = [suite(`reads of ${SPEC}`, reads.map((r) => ({ ...r, classname: r.operationId })))];
    for (const workflowId of [...new Set(steps.map((s) => s.workflowId))]) {
      suites.push(suite(`workflow ${workflowId}`, steps.filter((s) => s.workflowId === workflowId).map((s) => ({ ...s, classname: workflowId, name: s.stepId }))));
    }
    if (workflowResults.cleanup.length) {
      suites.push(suite('clean-up', workflowResults.cleanup.map((c) => ({ classname: c.resource, name: c.key, status: c.problem ? 'failed' : 'passed', problems: c.problem ? [c.problem] : [] }))));
    }
    text = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="npm run contract">\n${suites.join('\n')}\n</testsuites>\n`;
  } else {
    text = `${JSON.stringify(
      {
        baseUrl,
        spec: SPEC,
        kept: failedReads === 0 && failedSteps === 0 && leftBehind === 0,
        reads,
        ...(workflowResults.ran ? { writes: { keys: `${workflowResults.keys}-*`, steps, skipped: workflowResults.skipped, cleanup: workflowResults.cleanup } } : {}),
      },
      null,
      2,
    )}\n`;
  }
  await writeFile(file, redact(text));
  print(`Report written to ${file}`);
}
