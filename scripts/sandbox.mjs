#!/usr/bin/env node
// `npm run sandbox`: a stateful, in-memory Partnero (referral links of partners and customers)
// on http://127.0.0.1:4011, for trying the client without a Partnero account: what you create is there on
// the next call, a rename moves the link's id, a delete removes it. Ctrl-C (SIGINT) or SIGTERM
// stops it; it keeps nothing on disk.
import { parseArgs } from 'node:util';
import { FAULTS, FAULT_HEADER, SANDBOX_API_KEY, UNKNOWN_OWNER_HEADER, parseFaults, parseUnknownOwner, startSandbox } from './lib/sandbox.mjs';
import { portOption, stopOnSignals } from './lib/local-server.mjs';
import { parseRateLimit } from './lib/sandbox-rate-limit.mjs';
import { DEPARTURES, parseDepartures } from './lib/sandbox-departs.mjs';

/** The documented port of `npm run sandbox` (the mock has 4010). */
const DEFAULT_PORT = 4011;

const USAGE = `usage: npm run sandbox [-- --port N] [--api-key KEY] [--faults LIST] [--rate-limit R] [--break FIELD] [--unknown-owner 404|422] [--quiet]

A stateful Partnero referral-link API on 127.0.0.1, seeded with partner_123 (links ref_123,
ref_456), partner_456 (20 links), customer_123 (link DHjU0cGYxMUG) and 12 link domains.
Send "Authorization: Bearer ${SANDBOX_API_KEY}"; any other key is answered 401, as Partnero does.
  --port N        port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --api-key KEY   the API key it takes instead of ${SANDBOX_API_KEY}
  --faults LIST   faults for every request, comma-separated: ${FAULTS.join(', ')};
                  slow=MS sets the delay, NAME@N faults every Nth request only (e.g. 503@2)
                  One request can ask for one with the header "X-Sandbox-Fault: 503".
  --rate-limit R  answer 429 past R requests (token bucket): 40/s, 600/min, 40/s,burst=5
                  (default burst 10), 40/s,no-retry-after (429 without Retry-After);
                  120/min,window: Laravel's fixed window, with its X-RateLimit-* headers
  --break FIELD   drop FIELD (e.g. data.url) from every successful answer: breaks the contract
                  on purpose, to see that the contract check notices
  --unknown-owner 404|422
                  how a create for an unknown partner or customer is answered (default 404):
                  the spec allows both; 422 names the field given (errors["partner.id"]).
                  One request can ask with the header "X-Sandbox-Unknown-Owner: 422".
  --departs MODES depart from the spec on purpose (comma-separated), to try npm run contract's
                  --propose: ${Object.entries(DEPARTURES).map(([mode, what]) => `${mode} (${what})`).join(',\n                  ')}
  --quiet         do not print a line per request`;

let options;
let port;
try {
  ({ values: options } = parseArgs({
    options: {
      port: { type: 'string' },
      'api-key': { type: 'string' },
      faults: { type: 'string' },
      break: { type: 'string' },
      'unknown-owner': { type: 'string' },
      'rate-limit': { type: 'string' },
      departs: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
  if (options.help) {
    console.log(USAGE);
    process.exit(0);
  }
  port = portOption(options.port, DEFAULT_PORT);
  if (options['api-key'] !== undefined && !/^[\x21-\x7e]+$/.test(options['api-key'])) {
    throw new Error('--api-key takes a non-empty key of printable ASCII characters without spaces');
  }
  parseFaults(options.faults ?? '');
  if (options['unknown-owner'] !== undefined) parseUnknownOwner(options['unknown-owner'], '--unknown-owner');
  if (options['rate-limit'] !== undefined) parseRateLimit(options['rate-limit']);
  if (options.departs !== undefined) parseDepartures(options.departs);
  if (options.break !== undefined && !/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(options.break)) {
    throw new Error(`--break takes a field path such as data.url, got ${JSON.stringify(options.break)}`);
  }
} catch (error) {
  console.error(`sandbox: ${error.message}\nRun npm run sandbox -- --help for the options.`);
  process.exit(2);
}

let sandbox;
stopOnSignals('sandbox', () => sandbox?.close());

try {
  sandbox = await startSandbox({
    port,
    faults: options.faults,
    breakField: options.break,
    unknownOwner: options['unknown-owner'] ?? 404,
    rateLimit: options['rate-limit'],
    departs: options.departs === undefined ? undefined : parseDepartures(options.departs),
    apiKey: options['api-key'] ?? SANDBOX_API_KEY,
    log: options.quiet ? undefined : (line) => console.log(line),
  });
} catch (error) {
  console.error(error.code === 'EADDRINUSE' ? `sandbox: port ${port} is in use; stop what uses it or pass -- --port N` : `sandbox: ${error.message}`);
  process.exit(1);
}

const notes = [
  options.faults ? `Faults on: ${options.faults}` : `Faults: add the header "${FAULT_HEADER}: 503" (or 429, 429-retry-after, slow, drop-after-create) to a request`,
  ...(options['rate-limit'] ? [`Rate limit: ${options['rate-limit']} (429 when over)`] : []),
  ...(options.break ? [`Deliberately broken: ${options.break} is dropped from every successful answer`] : []),
  `Unknown owner on create: ${options['unknown-owner'] ?? 404} (the header "${UNKNOWN_OWNER_HEADER}: 404|422" picks one per request)`,
];
const apiKey = options['api-key'] ?? SANDBOX_API_KEY;
console.log(`Partnero sandbox (stateful, in memory) listening on ${sandbox.url}
API key: ${apiKey} (any other key is answered 401${options['api-key'] === undefined ? '; --api-key KEY picks another' : ''})
Try it:
  curl -H 'Authorization: Bearer ${apiKey}' -H 'Content-Type: application/json' \\
    -d '{"partner":{"id":"partner_123"},"key":"summer"}' ${sandbox.url}/v1/partner_referral_links
  curl -H 'Authorization: Bearer ${apiKey}' ${sandbox.url}/v1/partners/partner_123/referral_links
Or point the client at it: createPartneroClient({ apiKey: '${apiKey}', baseUrl: '${sandbox.url}' })
${notes.join('\n')}
Ctrl-C stops it.`);
