#!/usr/bin/env node
// `npm run contract -- --base-url URL [--partner-id ID]`: checks that a live server keeps the
// contract of openapi/openapi.yaml. Each documented call goes through `prism proxy --errors`,
// which validates the request and the server's answer against the spec; every violation is
// printed with where it is, what the spec expects and what came, and any makes the exit code 1.
// The API key comes from PARTNERO_API_KEY and is never printed.
//
//   this script -> Prism proxy (validates) -> tap (records the answer) -> the server
//
// The tap, on 127.0.0.1, only forwards and remembers each raw answer: with --errors Prism
// replaces a wrong answer by its own 500, so without it there would be nothing to show as
// "what came".
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { startPrism } from './lib/prism.mjs';

const USAGE = `usage: npm run contract -- --base-url URL [--partner-id ID]

Checks a live server against openapi/openapi.yaml through Prism's validating proxy.
  --base-url URL     the server, e.g. https://api.partnero.com (required)
  --partner-id ID    a partner that exists there (default: partner_123)
  PARTNERO_API_KEY   the API key to send (required; never printed)
Exit codes: 0 contract kept, 1 a violation or a failed call, 2 wrong usage.`;

const CHECK_HEADER = 'x-contract-check';
const SPEC = 'openapi/openapi.yaml';
const DEFAULT_LIMIT = 15;

function usageError(message) {
  console.error(`contract: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      'partner-id': { type: 'string', default: 'partner_123' },
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
if (!apiKey) usageError('set PARTNERO_API_KEY to the API key of the server');
const baseUrl = options['base-url'].replace(/\/+$/, '');
const partnerId = options['partner-id'];

/** Removes the API key from text that is about to be printed, wherever it came from. */
const redact = (text) => (apiKey ? String(text).split(apiKey).join('***') : String(text));

// The tap: forwards what Prism sends to the server and remembers each answer by check number.
const answers = new Map();
const tap = createServer(async (req, res) => {
  const id = req.headers[CHECK_HEADER];
  const headers = Object.fromEntries(
    Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length', CHECK_HEADER].includes(name)),
  );
  try {
    const upstream = await fetch(baseUrl + req.url, { method: req.method, headers, signal: AbortSignal.timeout(30_000) });
    const body = await upstream.text();
    answers.set(id, { status: upstream.status, body });
    const relayed = {};
    upstream.headers.forEach((value, name) => {
      // fetch has already decoded and de-chunked the body.
      if (!['content-encoding', 'transfer-encoding', 'content-length', 'connection'].includes(name)) relayed[name] = value;
    });
    res.writeHead(upstream.status, relayed).end(body);
  } catch (error) {
    answers.set(id, { error: error.cause?.code ?? error.message });
    res.writeHead(502, { 'content-type': 'text/plain' }).end('unreachable');
  }
});
await new Promise((resolve) => tap.listen(0, '127.0.0.1', resolve));
const tapUrl = `http://127.0.0.1:${tap.address().port}`;

let prism;
try {
  prism = await startPrism(['proxy', SPEC, tapUrl, '--errors']);
} catch (error) {
  tap.close();
  console.error(`contract: could not start Prism: ${redact(error.message)}`);
  process.exit(1);
}

/** The documented call, with the page sizes and pages a client asks for. */
const path = `/v1/partners/${encodeURIComponent(partnerId)}/referral_links`;
const checks = [{}, { limit: 1 }, { limit: 250 }, { page: 2 }, { limit: 1, page: 2 }].map((query) => ({
  query,
  url: `${path}${Object.keys(query).length ? `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}` : ''}`,
}));

let failures = 0;
try {
  console.log(`Checking ${baseUrl} against ${SPEC} (Prism proxy with --errors), partner ${partnerId}\n`);
  for (const [index, check] of checks.entries()) {
    const id = String(index);
    const problems = await runCheck(id, check);
    const title = `GET ${check.url}`;
    if (problems.length === 0) {
      console.log(`✔ ${title}`);
    } else {
      failures += 1;
      console.log(`✖ ${title}`);
      for (const problem of problems) console.log(redact(problem.replace(/^/gm, '    ')));
    }
  }
} finally {
  await prism.stop();
  tap.close();
}
console.log(
  failures === 0
    ? `\nContract kept: ${checks.length} calls, no violation.`
    : `\nContract broken: ${failures} of ${checks.length} calls failed.`,
);
process.exit(failures === 0 ? 0 : 1);

/** Sends one call through Prism; resolves to the problems found, each as printable text. */
async function runCheck(id, { query, url }) {
  let response;
  try {
    response = await fetch(prism.baseUrl + url, {
      headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json', [CHECK_HEADER]: id },
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    return [`Prism did not answer: ${error.cause?.code ?? error.message}`];
  }
  const text = await response.text();
  const answer = answers.get(id);
  if (answer?.error) return [`could not reach ${baseUrl}: ${answer.error}`];
  const problem = parseJson(text);
  const type = typeof problem?.type === 'string' ? problem.type : '';

  if (type.endsWith('#UNPROCESSABLE_ENTITY') && !answer) {
    // Prism refused our own request: the spec and this script disagree.
    return [`the request itself breaks the spec (not sent):`, ...describeViolations(problem.validation, undefined)];
  }
  const violations = type.endsWith('#VIOLATIONS')
    ? (problem.validation ?? [])
    : (parseJson(response.headers.get('sl-violations') ?? '[]') ?? []);
  const errors = violations.filter((v) => v.severity === 'Error');
  const warnings = violations.filter((v) => v.severity !== 'Error');
  const problems = [];
  if (errors.length) problems.push(...describeViolations(errors, answer));
  if (answer && answer.status !== 200) {
    const message = parseJson(answer.body)?.message;
    problems.push(
      `status: the call should succeed with 200, got ${answer.status}${message ? ` (${message})` : ''}` +
        (answer.status === 401 ? '; is PARTNERO_API_KEY right for this server?' : '') +
        (answer.status === 404 ? `; does partner ${partnerId} exist there? (--partner-id)` : ''),
    );
  }
  if (problems.length === 0 && answer) problems.push(...checkPage(query, parseJson(answer.body)));
  if (problems.length === 0 && warnings.length) {
    for (const line of describeViolations(warnings, answer)) console.log(redact(`  (warning) ${line}`));
  }
  return problems;
}

/** What the spec cannot say in a schema: a page holds at most `limit` links, and its meta agrees. */
function checkPage(query, body) {
  const problems = [];
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (Array.isArray(body?.data) && body.data.length > limit) {
    problems.push(`response body data: at most ${limit} links on a page of limit ${limit}, got ${body.data.length}`);
  }
  if (body?.meta && typeof body.meta === 'object') {
    if (body.meta.per_page !== limit) problems.push(`response body meta.per_page: ${limit} (the limit asked for), got ${JSON.stringify(body.meta.per_page)}`);
    const page = query.page ?? 1;
    if (body.meta.current_page !== page) problems.push(`response body meta.current_page: ${page} (the page asked for), got ${JSON.stringify(body.meta.current_page)}`);
  }
  return problems;
}

/** Prism's violations as "where: expected …, came …" lines. */
function describeViolations(violations, answer) {
  const body = answer ? parseJson(answer.body) : undefined;
  return (violations ?? []).map((v) => {
    const [part, section, ...rest] = v.location ?? [];
    const missing = /must have required property '([^']+)'/.exec(v.message ?? '')?.[1];
    const at = missing ? [...rest, missing] : rest;
    const where = `${part ?? ''} ${section ?? ''}${at.length ? ` ${formatPath(at)}` : ''}`.trim();
    const expected = missing ? 'a required field' : expectation(v);
    if (part !== 'response' || section !== 'body' || body === undefined) return `${where}: expected ${expected} (${v.message})`;
    const { found, value } = valueAt(body, rest);
    let came;
    if (missing && found && value && typeof value === 'object') {
      came = `nothing (${formatPath(rest) || 'the body'} has ${Object.keys(value).join(', ') || 'no fields'})`;
    } else {
      came = found ? `${JSON.stringify(value)} (${describeType(value)})` : 'nothing';
    }
    return `${where}: expected ${expected}, came ${came}`;
  });
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
