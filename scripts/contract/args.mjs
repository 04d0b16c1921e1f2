// The contract tool's flags: one table that the parser, the usage text and every piece of advice
// the tool prints read, so that it can never advise a flag it does not have (`flag()` throws on
// a name missing from the table).
import { parseArgs } from 'node:util';

/** Every flag: its type, default and what it does (the usage text is made from this). */
export const FLAGS = {
  'base-url': { type: 'string', value: 'URL', help: 'the server, e.g. https://api.partnero.com (required)' },
  'partner-id': { type: 'string', value: 'ID', help: 'a partner that exists there (default: the spec\'s example)' },
  'customer-id': { type: 'string', value: 'ID', help: 'a customer that exists there (default: the spec\'s example)' },
  writes: {
    type: 'boolean',
    help: 'also create, rename and delete links (lifecycle, negative and positive bodies, the\n' +
      'workflows of openapi/workflows/) on throwaway keys named contract-<time>-<random>, and\n' +
      'delete them; needs --partner-id and/or --customer-id, given explicitly',
  },
  'accepts-any-key': { type: 'boolean', help: 'the server accepts any bearer token (the Prism mock does): the wrong-key case of ignored_auth is not\nsent (a missing key still must be 401)' },
  checks: { type: 'string', value: 'LIST', help: 'run only these checks (comma-separated names; see --list-checks)' },
  'list-checks': { type: 'boolean', help: 'print every check with what it verifies, and exit' },
  seed: { type: 'string', value: 'N', help: 'the seed of the generated cases (default: random; every report prints it)' },
  rate: { type: 'string', value: 'N', default: '8', help: 'at most N requests a second (default 8; 429s are obeyed on top)' },
  'max-requests': { type: 'string', value: 'N', default: '400', help: 'stop sending after N requests (default 400); clean-up gets 100 more' },
  'max-response-time': { type: 'string', value: 'MS', help: 'also report answers slower than MS milliseconds (max_response_time; off by default)' },
  timeout: { type: 'string', value: 'SECONDS', default: '15', help: 'time limit of each request (default 15)' },
  deadline: { type: 'string', value: 'SECONDS', default: '300', help: 'time limit of the whole run, clean-up excluded (default 300)' },
  spec: { type: 'string', value: 'FILE', default: 'openapi/openapi.yaml', help: 'the spec to check against (default openapi/openapi.yaml)' },
  report: { type: 'string', value: 'FILE', help: 'also write the findings and verdicts to FILE: JSON, or JUnit XML if it ends in .xml' },
  propose: { type: 'string', value: 'FILE', help: 'write the verdicts on inferred claims as a unified diff over openapi/ to FILE\n(git apply FILE takes it); documented claims and data-guarding checks are never patched' },
  apply: { type: 'boolean', help: 'write those edits into openapi/ (then: npm run lint:spec, npm run generate, run again)' },
  confirmations: { type: 'boolean', help: 'with --propose or --apply: a confirmed inferred claim becomes an observation too' },
  help: { type: 'boolean', short: 'h', help: 'print this and exit' },
};

/** `--name`, for advice in messages; throws if the tool has no such flag. */
export function flag(name) {
  if (!Object.hasOwn(FLAGS, name)) throw new Error(`contract: internal error: no flag --${name}`);
  return `--${name}`;
}

/** The flag a path parameter's component is given by (`PartnerId` is --partner-id), if the tool has one. */
export function flagOfComponent(component) {
  const name = component?.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  return name && Object.hasOwn(FLAGS, name) && FLAGS[name].type === 'string' ? name : undefined;
}

/** Rows of the usage text: the left column as wide as its widest entry and two spaces, so that no flag runs into its help. */
function usageRows(rows) {
  const width = Math.max(...rows.map(([left]) => left.length)) + 4;
  return rows
    .map(([left, help]) => {
      const lines = help.split('\n');
      return `  ${left.padEnd(width - 2)}${lines[0]}${lines.slice(1).map((line) => `\n${' '.repeat(width)}${line}`).join('')}`;
    })
    .join('\n');
}

export const USAGE = `usage: npm run contract -- --base-url URL [flags]

Checks a live server against the spec: checks derived from it for every operation (statuses,
content types, bodies, values it refuses and accepts, authentication, pagination, search and,
with --writes, the lifecycle of links), and a verdict on every inference it marks.
${usageRows([...Object.entries(FLAGS).map(([name, { value, help }]) => [`--${name}${value ? ` ${value}` : ''}`, help]), ['PARTNERO_API_KEY', 'the API key to send (required; never printed)']])}
Exit codes: 0 contract kept, 1 a violation, a contradicted inference or something left behind,
2 wrong usage, 130/143 interrupted (after the clean-up).`;

/** A usage problem: the message names the flag and what is allowed. */
export class UsageError extends Error {}

/**
 * Parses argv into checked options. `checkBaseUrl` and `checkApiKey` are the client's own
 * (src/internal/options.ts), so a base URL the client would refuse is refused here too.
 */
export function parseOptions(argv, env, { checkBaseUrl, checkApiKey, checkNames }) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: Object.fromEntries(Object.entries(FLAGS).map(([name, { type, short, default: d }]) => [name, { type, ...(short ? { short } : {}), ...(d !== undefined ? { default: d } : {}) }])) }));
  } catch (error) {
    throw new UsageError(String(error.message).replace(/\. To specify a positional argument.*$/s, '').split('\n')[0]);
  }
  if (values.help || values['list-checks']) return { ...values, baseUrl: '', apiKey: '' };
  if (!values['base-url']) throw new UsageError(`${flag('base-url')} is required`);
  let baseUrl;
  try {
    baseUrl = checkBaseUrl(values['base-url'], false);
  } catch (error) {
    throw new UsageError(`${flag('base-url')} ${String(error.message).replace(/^.*?baseUrl /, '').replace(/, or set allowInsecureHttp: true$/, '')}`);
  }
  for (const name of ['partner-id', 'customer-id']) {
    if (values[name] === '') throw new UsageError(`${flag(name)} must not be empty`);
  }
  if (values.writes && values['partner-id'] === undefined && values['customer-id'] === undefined) {
    throw new UsageError(`${flag('writes')} creates and deletes links: name the owner they may belong to with ${flag('partner-id')} (and ${flag('customer-id')} for customer links)`);
  }
  if (values.report !== undefined && !/\.(json|xml)$/i.test(values.report)) {
    throw new UsageError(`${flag('report')} writes JSON or JUnit XML: give a file ending in .json or .xml, got ${values.report}`);
  }
  if (values.confirmations && values.propose === undefined && !values.apply) {
    throw new UsageError(`${flag('confirmations')} turns confirmed claims into edits: give it with ${flag('propose')} FILE or ${flag('apply')}`);
  }
  if (values.propose === '') throw new UsageError(`${flag('propose')} takes the file to write the patch to`);
  const number = (name, min, max, integer = true) => {
    const text = values[name];
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || (integer && !Number.isInteger(value)) || value < min || value > max) {
      throw new UsageError(`${flag(name)} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${text}`);
    }
    return value;
  };
  const rate = number('rate', 0.1, 1000, false);
  const maxRequests = number('max-requests', 1, 100_000);
  const timeoutMs = number('timeout', 1, 600) * 1000;
  const deadlineMs = number('deadline', 1, 86_400) * 1000;
  const maxResponseMs = values['max-response-time'] === undefined ? undefined : number('max-response-time', 1, 600_000);
  let seed;
  if (values.seed !== undefined) {
    if (!/^-?\d{1,10}$/.test(values.seed) || Math.abs(Number(values.seed)) > 2 ** 31 - 1) {
      throw new UsageError(`${flag('seed')} must be an integer from -2147483647 to 2147483647, got ${values.seed}`);
    }
    seed = Number(values.seed);
  } else {
    seed = Math.floor(Math.random() * 2 ** 31);
  }
  let checks;
  if (values.checks !== undefined) {
    checks = values.checks.split(',').map((name) => name.trim()).filter(Boolean);
    const unknown = checks.filter((name) => !checkNames.includes(name));
    if (unknown.length || checks.length === 0) {
      throw new UsageError(`${flag('checks')} takes names from: ${checkNames.join(', ')}; got ${unknown.length ? unknown.join(', ') : 'none'}`);
    }
  }
  const apiKey = env.PARTNERO_API_KEY ?? '';
  if (!apiKey) throw new UsageError('set PARTNERO_API_KEY to the API key of the server');
  try {
    checkApiKey(apiKey);
  } catch (error) {
    throw new UsageError(`PARTNERO_API_KEY ${String(error.message).replace(/^.*?apiKey /, '')}`);
  }
  return { ...values, baseUrl, apiKey, rate, maxRequests, timeoutMs, deadlineMs, maxResponseMs, seed, checks };
}
