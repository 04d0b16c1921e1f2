// A stateful, in-memory stand-in for Partnero's referral-link API (partner and customer links,
// link domains), on 127.0.0.1. It keeps the contract of openapi/ (test/sandbox proves it through
// `npm run contract --writes`) and the behaviour the spec leaves to prose: keys unique across the
// program and not case sensitive, the documented key rules, a rename moves the link's id, a
// deleted link is gone, search is an exact match (a key or id in any case). Where the spec allows
// two answers (an unknown owner on create: 404 or 422), it gives one, chosen by `unknownOwner`
// or per request by `X-Sandbox-Unknown-Owner`.
// Like Partnero, it takes one API key (SANDBOX_API_KEY, `sandbox-key`, unless `apiKey` names
// another) and answers any other bearer token 401.
// It also accepts what Partnero's PHP SDK sends (JSON bodies on GET and DELETE, `limit` in the
// body of a GET, `domain_id: null`), as reference section 7 says Partnero's servers do.
//
// The rules below are the spec's: the sandbox is a server, and a server states its own rules;
// the conformance test, not a shared constant, keeps the two in step.
import { createServer } from 'node:http';
import { TOO_MANY, rateLimiter } from './sandbox-rate-limit.mjs';
import { departures } from './sandbox-departs.mjs';

/** The API key a sandbox takes unless told another (`--api-key`, `apiKey`); any other bearer token is answered 401. */
export const SANDBOX_API_KEY = 'sandbox-key';
/** The faults a request can ask for with `X-Sandbox-Fault`, or `--faults` for every request. */
export const FAULTS = ['429', '429-retry-after', '503', 'slow', 'drop-after-create'];
/** The header that asks for a fault on one request. */
export const FAULT_HEADER = 'x-sandbox-fault';
/** How long a `slow` answer waits, unless the fault says `slow=MS`. */
const SLOW_MS = 2_000;
/** The answers an unknown owner on create can get (the spec allows both), and the header that picks one per request. */
export const UNKNOWN_OWNER_STATUSES = [404, 422];
export const UNKNOWN_OWNER_HEADER = 'x-sandbox-unknown-owner';
/** The largest request body read, in bytes (1 MiB, nginx's default); a larger one is answered 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** How long the rest of a too-large body is read and dropped after the 413, before the connection is cut. */
const LINGER_MS = 1_000;

// The key rules of a new key (openapi/: help centre, custom referral links): letters, digits,
// `-`, `_` and `.`, 1 to 64 characters; `.` and `..` no path can address.
const KEY_CHARACTERS = /^[A-Za-z0-9_.-]+$/;
const KEY_MAX_LENGTH = 64;

const LIST_LIMIT = { min: 1, max: 250, default: 15 };
const DOMAIN_LIMIT = { min: 1, max: 250, default: 10 };

/** The seeded program: every sandbox starts from a fresh copy of it. */
function seed() {
  const domains = [
    { id: null, domain: 'partnero.com', url: 'https://partnero.com?aff=', is_additional: false },
    { id: 8, domain: 'mmc.test/profile', url: 'http://mmc.test/profile?link=', is_additional: true },
    // Enough more to make the domains list paginate at its default of 10.
    ...Array.from({ length: 10 }, (_, i) => ({
      id: 20 + i,
      domain: `go${i + 1}.partnero.test`,
      url: `https://go${i + 1}.partnero.test?aff=`,
      is_additional: true,
    })),
  ];
  const partners = [
    { id: 'partner_123', key: 'partner_key_123', email: 'partner@example.com' },
    { id: 'partner_456', key: 'partner_key_456', email: 'partner456@example.com' },
    { id: 'partner_789', key: 'partner_key_789', email: 'partner789@example.com' },
  ];
  const customers = [
    { id: 'customer_123', key: 'customer_key_123', email: 'customer@example.com' },
    { id: 'customer_456', key: 'customer_key_456', email: 'customer456@example.com' },
  ];
  const links = [];
  const add = (family, owner, key, extra = {}) =>
    links.push(newLink(family, owner, key, family === 'partner' ? domains[0] : CUSTOMER_DOMAIN, extra));
  // The documented examples: partner_123's two links, customer_123's one.
  add('partner', 'partner_123', 'ref_123', { default: true });
  add('partner', 'partner_123', 'ref_456');
  // A partner with enough links to page through, one of them with direct tracking.
  for (let i = 1; i <= 20; i += 1) {
    add('partner', 'partner_456', `p456_link_${i}`, {
      default: i === 1,
      ...(i === 2 && { direct_tracking: true, direct_tracking_redirect: true, direct_tracking_redirect_url: 'https://example.org/landing' }),
    });
  }
  add('customer', 'customer_123', 'DHjU0cGYxMUG', { default: true });
  add('customer', 'customer_456', 'c456_link_1', { default: true });
  return { domains, partners, customers, links };
}

/** Refer-a-friend links of the documented example live on this domain. */
const CUSTOMER_DOMAIN = { id: null, url: 'https://test-referral-program.com?ref=', is_additional: false };

function newLink(family, owner, key, domain, extra = {}) {
  return {
    family,
    owner,
    prefix: domain.url,
    id: key,
    key,
    url: domain.url + encodeURIComponent(key),
    default: false,
    is_additional: domain.is_additional,
    direct_tracking: false,
    direct_tracking_redirect: false,
    direct_tracking_redirect_url: null,
    ...extra,
  };
}

/** A link as the API shows it (without the sandbox's bookkeeping). */
function view({ id, key, url, default: isDefault, is_additional, direct_tracking, direct_tracking_redirect, direct_tracking_redirect_url }) {
  return { id, key, url, default: isDefault, is_additional, direct_tracking, direct_tracking_redirect, direct_tracking_redirect_url };
}

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

class HttpError extends Error {
  constructor(status, body) {
    super(body.message);
    this.status = status;
    this.body = body;
  }
}
const fail = (status, message, errors) => {
  throw new HttpError(status, errors ? { message, errors, status: 0 } : { message, status: 0 });
};
const invalid = (errors) => fail(422, Object.values(errors)[0][0], errors);

/**
 * Parses `--faults` text (`503`, `429-retry-after@2`, `slow=500,503@3`) into rules. `@N` applies
 * the fault to every Nth request only (deterministic, so that a client's retries can succeed).
 */
export function parseFaults(spec) {
  const items = Array.isArray(spec) ? spec : String(spec ?? '').split(',');
  return items
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const match = /^([a-z0-9-]+)(?:=(\d+))?(?:@(\d+))?$/.exec(item);
      if (!match || !FAULTS.includes(match[1]) || match[3] === '0') {
        throw new Error(`unknown fault ${JSON.stringify(item)}: use ${FAULTS.join(', ')} (slow=MS for a delay, @N for every Nth request)`);
      }
      return { name: match[1], value: match[2] === undefined ? undefined : Number(match[2]), every: Number(match[3] ?? 1) };
    });
}

/**
 * Reads a request body of at most `limit` bytes as UTF-8, holding no more than that in memory:
 * `done(undefined, text)`, or `done(reason)` as soon as the body is known to be larger (by its
 * Content-Length, or once more than `limit` bytes have come).
 */
function readBody(req, limit, done) {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return done(`Content-Length ${declared}`);
  const chunks = [];
  let size = 0;
  let over = false;
  req.on('data', (chunk) => {
    if (over) return;
    size += chunk.length;
    if (size <= limit) return void chunks.push(chunk);
    over = true;
    chunks.length = 0;
    req.pause();
    done(`more than ${limit} bytes sent`);
  });
  req.on('end', () => {
    if (!over) done(undefined, Buffer.concat(chunks).toString('utf8'));
  });
}

/**
 * Removes the field at `path` (`data.url`, `meta.per_page`) from a body, through arrays: the
 * deliberate break that proves the conformance test can fail.
 */
export function dropField(value, path) {
  const [head, ...rest] = typeof path === 'string' ? path.split('.') : path;
  if (Array.isArray(value)) value.forEach((item) => dropField(item, [head, ...rest]));
  else if (value !== null && typeof value === 'object') {
    if (rest.length === 0) delete value[head];
    else dropField(value[head], rest);
  }
  return value;
}

/** The status an unknown owner gets: 404 or 422, from an option, a header or `--unknown-owner`; throws on anything else. */
export function parseUnknownOwner(value, where = 'unknownOwner') {
  const status = Number(value);
  if (!UNKNOWN_OWNER_STATUSES.includes(status) || String(value).trim() !== String(status)) {
    throw new Error(`${where} must be ${UNKNOWN_OWNER_STATUSES.join(' or ')}, got ${JSON.stringify(value)}`);
  }
  return status;
}

/**
 * Starts a sandbox. `port` 0 picks a free one. `faults` (text or list, see parseFaults) applies
 * to every request; `breakField` drops that field from every successful answer; `unknownOwner`
 * (404, the default, or 422) is how a create for an unknown owner is answered. `apiKey` (default
 * SANDBOX_API_KEY) is the one bearer token it takes: any other is answered 401, as Partnero does.
 * @returns {Promise<{ url: string, close: () => Promise<void>, state: object }>}
 */
export async function startSandbox({ port = 0, host = '127.0.0.1', faults, breakField, unknownOwner = 404, log, rateLimit, departs, apiKey = SANDBOX_API_KEY } = {}) {
  if (typeof apiKey !== 'string' || !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new Error('apiKey must be a non-empty string of printable ASCII characters without spaces');
  }
  // `departs`: modes of sandbox-departs.mjs, each departing from one rule of the spec on purpose.
  const depart = departures(departs ?? []);
  /** Keys (and the ids that follow them) are not case sensitive (unless departing on purpose). */
  const sameKey = depart.sameKey;
  const rules = parseFaults(faults ?? []);
  const ownerStatus = parseUnknownOwner(unknownOwner);
  // `rateLimit` ('40/s,burst=10' or { rate, burst, retryAfter }): see sandbox-rate-limit.mjs.
  const bucket = rateLimit === undefined ? undefined : rateLimiter(rateLimit);
  const state = seed();
  let origin = '';
  let requestCount = 0;
  const timers = new Set();

  const server = createServer((req, res) => {
    if (cors(req, res)) return;
    readBody(req, BODY_LIMIT_BYTES, (tooLarge, text) => {
      if (tooLarge) return refuseTooLarge(req, res, tooLarge);
      requestCount += 1;
      void handle(req, res, text, requestCount).catch((failure) => {
        if (!res.headersSent) send(res, 500, { message: 'Server Error', status: 0 });
        log?.(`sandbox: ${failure.stack ?? failure}`);
      });
    });
  });

  /**
   * CORS for pages served from loopback (the docs site's console): their origin is allowed,
   * their preflight answered here (not counted, faulted or rate limited). Other origins get no
   * CORS header, so a browser keeps their pages from reading the sandbox. True when answered.
   */
  function cors(req, res) {
    const from = req.headers.origin;
    if (typeof from !== 'string') return false;
    const loopback = isLoopbackOrigin(from);
    if (loopback) {
      res.setHeader('access-control-allow-origin', from);
      res.setHeader('access-control-expose-headers', '*');
    }
    res.setHeader('vary', 'Origin');
    if (req.method !== 'OPTIONS' || req.headers['access-control-request-method'] === undefined) return false;
    req.resume();
    if (!loopback) {
      res.writeHead(403).end();
      return true;
    }
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, PUT, DELETE',
      'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? 'authorization, content-type'),
      'access-control-max-age': '600',
    });
    res.end();
    return true;
  }

  /**
   * 413, then the connection is closed: what is still coming is read and dropped for a moment
   * (so that the client can read the answer), then cut off.
   */
  function refuseTooLarge(req, res, reason) {
    log?.(`${req.method} ${req.url} -> 413 (${reason})`);
    res.once('finish', () => {
      req.resume();
      const timer = setTimeout(() => {
        timers.delete(timer);
        req.socket.destroy();
      }, LINGER_MS);
      timers.add(timer);
      req.socket.once('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
    });
    send(res, 413, { message: `The request body is larger than ${BODY_LIMIT_BYTES} bytes.`, status: 0 }, { connection: 'close' });
  }

  function send(res, status, body, headers = {}) {
    if (res.destroyed) return;
    if (breakField && status < 300 && body) dropField(body, breakField);
    const text = body === undefined ? '' : JSON.stringify(body);
    // Exactly `application/json`: Partnero's PHP SDK decodes nothing else.
    res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
    res.end(text);
  }

  const wait = (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(req, res, text, count) {
    const url = new URL(req.url ?? '/', origin);
    let asked;
    try {
      asked = parseFaults(String(req.headers[FAULT_HEADER] ?? ''));
    } catch (error) {
      return send(res, 400, { message: `${FAULT_HEADER}: ${error.message}`, status: 0 });
    }
    let unknown;
    try {
      unknown = req.headers[UNKNOWN_OWNER_HEADER] === undefined ? ownerStatus : parseUnknownOwner(req.headers[UNKNOWN_OWNER_HEADER], UNKNOWN_OWNER_HEADER);
    } catch (error) {
      return send(res, 400, { message: error.message, status: 0 });
    }
    const refused = bucket?.take();
    if (refused) return finish(429, TOO_MANY, refused);
    const requested = [...rules.filter((rule) => count % rule.every === 0), ...asked];
    let dropAfterCreate = false;
    for (const fault of requested) {
      if (fault.name === 'slow') await wait(fault.value ?? SLOW_MS);
      else if (fault.name === '429') return finish(429, { message: 'Too Many Attempts.', status: 0 });
      else if (fault.name === '429-retry-after') return finish(429, { message: 'Too Many Attempts.', status: 0 }, { 'retry-after': String(fault.value ?? 1) });
      else if (fault.name === '503') return finish(503, { message: 'Service Unavailable', status: 0 });
      else if (fault.name === 'drop-after-create') dropAfterCreate = true;
    }
    let status;
    let body;
    try {
      ({ status, body } = route(req.method ?? 'GET', url, req.headers, text, unknown));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      ({ status, body } = error);
    }
    if (dropAfterCreate && req.method === 'POST' && status < 300) {
      // The link is stored; the caller never hears so.
      log?.(`${req.method} ${url.pathname}${url.search} -> stored, connection dropped`);
      req.socket.destroy();
      return;
    }
    return finish(status, body);

    function finish(code, payload, headers) {
      log?.(`${req.method} ${url.pathname}${url.search} -> ${code}`);
      // A window says where its count stands on every answer, as Laravel's throttle middleware does.
      send(res, code, payload, { ...(refused ? {} : bucket?.headers?.()), ...headers });
    }
  }

  function route(method, url, headers, text, unknownOwner) {
    // Like Partnero: a missing, invalid or expired key is 401 (the spec's Unauthorized answer).
    const auth = /^Bearer\s+(\S.*)$/i.exec(String(headers.authorization ?? ''));
    if (!auth || auth[1].trim() !== apiKey) fail(401, 'Unauthenticated.');
    const input = readInput(url, text);
    // `:search` and `:domains` with the colon percent-encoded (`%3A`, as some tools send it) are
    // the same paths: a colon needs no encoding in a path, and decoding it changes nothing.
    const path = url.pathname.replace(/%3A/gi, ':');
    let match;
    if ((match = /^\/v1\/(partners|customers)\/([^/]+)\/referral_links$/.exec(path))) {
      allow(method, 'GET');
      const family = match[1] === 'partners' ? 'partner' : 'customer';
      // A partner by its id only (a key or email answers 404); a customer by its id or key.
      const id = segment(match[2]);
      const owner = findOwner(family, family === 'partner' ? { id } : { id, key: id }, 404, { anyMatch: true });
      const items = state.links.filter((link) => link.family === family && link.owner === owner.id);
      return ok(200, paginate(items.map(view), input, LIST_LIMIT, path));
    }
    if ((match = /^\/v1\/(partner|customer)_referral_links$/.exec(path))) {
      allow(method, 'POST');
      // 200, as the documented examples answer (the spec allows 201 too; x-partnero-example-status).
      return ok(200, { data: view(create(match[1], input, unknownOwner)), status: 1 });
    }
    if ((match = /^\/v1\/(partner|customer)_referral_links:search$/.exec(path))) {
      allow(method, 'GET');
      const family = match[1];
      // Exactly one of id and key (the spec's x-partnero-exactly-one).
      const by = ['id', 'key'].filter((name) => input[name] !== undefined && input[name] !== null && input[name] !== '');
      if (by.length === 0) {
        invalid({ id: ['The id field is required when key is not present.'], key: ['The key field is required when id is not present.'] });
      }
      if (by.length === 2) invalid({ id: ['The id field prohibits key from being present.'], key: ['The key field prohibits id from being present.'] });
      // `customer[id]` (PHP's encoding of customer.id, as the SDK sends it) narrows to that customer's links.
      const owner = family === 'customer' ? (input['customer[id]'] ?? (isPlainObject(input.customer) ? input.customer.id : undefined)) : undefined;
      // Exact, but without regard to case: keys (and the ids that follow them) are not case sensitive.
      const found = state.links.filter(
        (link) => link.family === family && by.every((name) => sameKey(link[name], String(input[name]))) && (owner === undefined || link.owner === String(owner)),
      );
      return ok(200, { data: found.map(view), status: 1 });
    }
    if (path === '/v1/partner_referral_links:domains') {
      allow(method, 'GET');
      return ok(200, paginate(state.domains.map((domain) => ({ ...domain })), input, DOMAIN_LIMIT, path));
    }
    if ((match = /^\/v1\/(partner|customer)_referral_links\/([^/]+)$/.exec(path))) {
      const family = match[1];
      const id = segment(match[2]);
      const link = state.links.find((candidate) => candidate.family === family && sameKey(candidate.id, id));
      allow(method, 'GET', 'PUT', 'DELETE');
      if (!link) fail(404, 'Referral link not found.');
      if (method === 'GET') return ok(200, { data: view(link), status: 1 });
      if (method === 'DELETE') {
        state.links.splice(state.links.indexOf(link), 1);
        return ok(200, { status: 1 });
      }
      const key = checkKey(input.key, link);
      if (Object.keys(key).length) invalid(key);
      // The id follows the key (the documented update example): the old id no longer finds it.
      Object.assign(link, { id: input.key, key: input.key, url: link.prefix + encodeURIComponent(input.key) });
      return ok(200, { data: view(link), status: 1 });
    }
    fail(404, 'Not found.');
  }

  function allow(method, ...methods) {
    if (!methods.includes(method)) fail(405, `The ${method} method is not supported for this route. Supported methods: ${methods.join(', ')}.`);
  }

  const ok = (status, body) => ({ status, body });

  function segment(raw) {
    try {
      return decodeURIComponent(raw);
    } catch {
      return fail(404, 'Not found.');
    }
  }

  /** Query and JSON body merged, the body winning, as Laravel's `$request->input()` does. */
  function readInput(url, text) {
    const query = Object.fromEntries(url.searchParams);
    if (text.trim() === '') return query;
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      fail(400, 'The request body is not valid JSON.');
    }
    // The PHP SDK sends `[]` when it has nothing to send.
    if (Array.isArray(body) && body.length === 0) return query;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) fail(400, 'The request body must be a JSON object.');
    return { ...query, ...body };
  }

  function paginate(items, input, bounds, path) {
    const errors = {};
    const limit = integer(input.limit, bounds.default);
    const asked = integer(input.page, 1);
    const page = asked === undefined ? undefined : depart.page(asked);
    if (limit === undefined) errors.limit = ['The limit field must be an integer.'];
    else if (limit < bounds.min) errors.limit = [`The limit field must be at least ${bounds.min}.`];
    else if (limit > depart.maxLimit(bounds.max)) errors.limit = [`The limit field must not be greater than ${depart.maxLimit(bounds.max)}.`];
    if (page === undefined) errors.page = ['The page field must be an integer.'];
    else if (page < 1) errors.page = ['The page field must be at least 1.'];
    if (Object.keys(errors).length) invalid(errors);
    const start = (page - 1) * limit;
    const data = items.slice(start, start + limit);
    const base = origin + path;
    // Laravel's simple paginator: no total, `last` always null, page URLs carry only `page`.
    return {
      data,
      links: {
        first: `${base}?page=1`,
        last: null,
        prev: page > 1 ? `${base}?page=${page - 1}` : null,
        next: start + limit < items.length ? `${base}?page=${page + 1}` : null,
      },
      meta: {
        current_page: page,
        from: data.length ? start + 1 : null,
        to: data.length ? start + data.length : null,
        per_page: limit,
        path: base,
      },
      status: 1,
    };
  }

  function integer(value, fallback) {
    if (value === undefined || value === null || value === '') return fallback;
    if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
    return /^-?\d+$/.test(String(value)) ? Number(value) : undefined;
  }

  /** The key rules, then uniqueness across the program without regard to case (`self`: the link being renamed). */
  function checkKey(key, self) {
    if (key === undefined || key === null || key === '') return { key: ['The key field is required.'] };
    if (typeof key !== 'string') return { key: ['The key field must be a string.'] };
    if (depart.keyRules && [...key].length > KEY_MAX_LENGTH) return { key: [`The key field must not be greater than ${KEY_MAX_LENGTH} characters.`] };
    // Also refuses a lone surrogate, which no URL can carry.
    if (depart.keyRules && !KEY_CHARACTERS.test(key)) return { key: ['The key field must only contain letters, numbers, dashes, underscores and dots.'] };
    if (depart.keyRules && (key === '.' || key === '..')) return { key: ['The key field format is invalid.'] };
    const holder = state.links.find((link) => sameKey(link.key, key));
    if (holder && holder !== self) return { key: ['The key has already been taken.'] };
    return {};
  }

  /**
   * The owner `reference` names. On create, the first of id, key and email that is given decides
   * (the spec's inference), and an unknown one is answered `status` (404, or a 422 naming that
   * field); `anyMatch` finds an owner by any of the fields given (a list's path id).
   */
  function findOwner(family, reference, status, { anyMatch = false } = {}) {
    const owners = family === 'partner' ? state.partners : state.customers;
    const given = ['id', 'key', 'email'].filter((field) => typeof reference[field] === 'string' && reference[field] !== '');
    const deciding = anyMatch ? given : given.slice(0, 1);
    const owner = owners.find((candidate) => deciding.some((field) => candidate[field] === reference[field]));
    if (owner) return owner;
    if (status === 422) {
      const field = `${family}.${deciding[0]}`;
      invalid({ [field]: [`The selected ${field} is invalid.`] });
    }
    return fail(404, family === 'partner' ? 'Partner not found.' : 'Customer not found.');
  }

  function create(family, input, unknownOwner) {
    const errors = { ...checkKey(input.key) };
    const reference = input[family];
    if (reference === undefined || reference === null) errors[family] = [`The ${family} field is required.`];
    else if (typeof reference !== 'object' || Array.isArray(reference)) errors[family] = [`The ${family} field must be an object.`];
    else if (!['id', 'key', 'email'].some((field) => typeof reference[field] === 'string' && reference[field] !== '')) {
      errors[`${family}.id`] = [`The ${family}.id field is required when none of ${family}.key / ${family}.email are present.`];
    }
    let domain = family === 'partner' ? state.domains[0] : CUSTOMER_DOMAIN;
    if ('domain_id' in input && typeof input.is_additional !== 'boolean') {
      errors.is_additional = ['The is_additional field is required when domain id is present.'];
    }
    if (input.domain_id !== undefined && input.domain_id !== null) {
      const found = family === 'partner' ? state.domains.find((candidate) => candidate.id !== null && String(candidate.id) === String(input.domain_id)) : undefined;
      if (!found) errors.domain_id = ['The selected domain id is invalid.'];
      else domain = found;
    }
    if (Object.keys(errors).length) invalid(errors);
    const owner = findOwner(family, reference, unknownOwner);
    const link = newLink(family, owner.id, input.key, domain);
    state.links.push(link);
    return link;
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  let closed;
  return {
    url: origin,
    state,
    close() {
      closed ??= new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

/** Whether a browser origin is a page on this machine (http(s) on 127.0.0.0/8, ::1 or localhost). */
export function isLoopbackOrigin(origin) {
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname);
}
