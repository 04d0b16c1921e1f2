// The behaviour suite that `npm run test:runtimes` runs on every runtime, unchanged: plain ES2022,
// `fetch`, `AbortController`, timers and URL, and the packed package imported by its name. It
// exports one function, `run(config)`, that resolves to `{ runtime, results }`; each result is
// `{ name, ok, error? }`. Nothing here knows which runtime it is on except `describeRuntime`.
//
// `config` (from the harness): `{ harness, api: { sandbox, s503, hang, abortWalk, count, broken,
// echo }, apiKey, sweep }` (`sweep`: every operation with its example arguments): base URLs of the harness's API server, one per scenario; `sandbox` is the
// stateful sandbox (scripts/lib/sandbox.mjs) behind it, the others are scripted faults.
import {
  AuthenticationError,
  ConnectionTimeoutError,
  InternalServerError,
  InvalidParameterError,
  NotFoundError,
  PartneroApiError,
  PartneroError,
  RateLimitError,
  RequestAbortedError,
  ResponseValidationError,
  UnprocessableEntityError,
  createPartneroClient,
} from 'partnero-client';

/** Runs every test in order; never throws. */
export async function run(config) {
  const results = [];
  const errors = []; // every error the client threw, for the secrets test at the end
  const key = config.apiKey;
  const client = (scenario, options = {}) => createPartneroClient({ apiKey: key, baseUrl: config.api[scenario], ...options });
  /** The client's error from `promise`, checked to be a `Class`; it is kept for the secrets test. */
  const rejection = async (promise, Class) => {
    try {
      const value = await promise;
      throw new Failure(`expected ${Class.name}, but the call resolved to ${short(value)}`);
    } catch (error) {
      if (error instanceof Failure) throw error;
      errors.push(error);
      if (!(error instanceof Class)) throw new Failure(`expected ${Class.name}, got ${error?.name}: ${error?.message}`);
      if (!(error instanceof PartneroError)) throw new Failure(`${error.name} does not extend PartneroError`);
      return error;
    }
  };
  const log = async () => {
    const response = await fetch(`${config.harness}/__log`);
    return response.json();
  };
  const test = async (name, body) => {
    try {
      await body();
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, error: `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}` });
    }
  };

  const sandbox = client('sandbox');
  let redirectSeenAs;

  await test('list: one page of a partner', async () => {
    const page = await sandbox.partnerLinks.list('partner_123');
    equal(page.status, 1, 'status');
    equal(page.data.map((link) => link.key).join(), 'ref_123,ref_456', 'keys');
    equal(page.meta.current_page, 1, 'meta.current_page');
  });

  await test('listAll: a whole walk, reading one page ahead', async () => {
    const walk = sandbox.partnerLinks.listAll('partner_456', { limit: 5 })[Symbol.asyncIterator]();
    const first = await walk.next();
    equal(first.value?.key, 'p456_link_1', 'first link');
    // Page 2 is asked for while the caller is still on page 1.
    const asked = await waitFor(async () => (await log()).some((r) => r.scenario === 'sandbox' && /partner_456\/referral_links\?.*page=2/.test(r.url)), 3_000);
    check(asked, 'page 2 was not requested while page 1 was being read (no read-ahead)');
    const keys = [first.value.key];
    for (let next = await walk.next(); !next.done; next = await walk.next()) keys.push(next.value.key);
    equal(keys.join(), Array.from({ length: 20 }, (_, i) => `p456_link_${i + 1}`).join(), 'every link in order');
    const pages = (await log()).filter((r) => r.scenario === 'sandbox' && /partner_456\/referral_links\?/.test(r.url)).map((r) => Number(/page=(\d+)/.exec(r.url)?.[1]));
    equal(pages.join(), '1,2,3,4', 'pages requested');
  });

  await test('InvalidParameterError before any request', async () => {
    const counting = client('count');
    const cases = [
      [() => counting.partnerLinks.list('partner_123', { limit: 300 }), 'listPartnerReferralLinks', 'limit'],
      [() => counting.partnerLinks.list('partner_123', { page: 0 }), 'listPartnerReferralLinks', 'page'],
      [() => counting.customerLinks.get('..'), 'getCustomerReferralLink', 'id'],
      [() => counting.partnerLinks.create({ partner: { id: 'partner_123' } }), 'createPartnerReferralLink', 'key'],
      [() => drain(counting.partnerLinks.listAll('partner_123', { limit: 0 })), 'listPartnerReferralLinks', 'limit'],
    ];
    for (const [call, operation, parameter] of cases) {
      // An async wrapper turns a synchronous throw into a rejection.
      const error = await rejection((async () => call())(), InvalidParameterError);
      equal(error.operation, operation, 'operation');
      equal(error.parameter, parameter, `parameter of ${operation}`);
    }
    const sent = (await log()).filter((r) => r.scenario === 'count');
    equal(sent.length, 0, 'requests that reached the server');
  });

  await test('404 as NotFoundError', async () => {
    const error = await rejection(sandbox.partnerLinks.get('no_such_link'), NotFoundError);
    check(error instanceof PartneroApiError, 'NotFoundError extends PartneroApiError');
    equal(error.status, 404, 'status');
    equal(error.method, 'GET', 'method');
  });

  await test('422 as UnprocessableEntityError with field errors', async () => {
    const error = await rejection(sandbox.partnerLinks.create({ partner: { id: 'partner_123' }, key: 'ref_456' }), UnprocessableEntityError);
    equal(error.status, 422, 'status');
    check(/taken/.test(error.fieldErrors.key?.[0] ?? ''), `fieldErrors.key: ${short(error.fieldErrors)}`);
  });

  await test('a 503 is retried', async () => {
    const page = await client('s503').partnerLinks.list('partner_123');
    equal(page.data[0]?.key, 'attempt_2', 'the answer came from the second attempt');
    equal((await log()).filter((r) => r.scenario === 's503').length, 2, 'requests');
    // With no retries left, the same 503 is an InternalServerError.
    const error = await rejection(client('s503', { maxRetries: 0 }).partnerLinks.get('x'), InternalServerError);
    equal(error.status, 503, 'status');
  });

  await test('a 429 asking for a long wait: RateLimitError at once, with headers read', async () => {
    const error = await rejection(client('rateLimit').partnerLinks.list('partner_123'), RateLimitError);
    equal(error.retryAfterMs, 120_000, 'retryAfterMs (from Retry-After)');
    equal(error.requestId, 'req_rate_1', 'requestId (from X-Request-Id)');
    equal((await log()).filter((r) => r.scenario === 'rateLimit').length, 1, 'requests');
  });

  await test('a redirect is not followed', async () => {
    const error = await rejection(client('redirect').partnerLinks.get('x'), PartneroError);
    check(error instanceof PartneroApiError, `${error.name} is not a PartneroApiError`);
    // A browser answers redirect: 'manual' with an opaque redirect: status 0, no headers. Every
    // other runtime shows the 302 and its Location.
    if (error.status !== 0) {
      equal(error.status, 302, 'status');
      check(/\/count\//.test(error.headers.get('location') ?? ''), `location: ${error.headers.get('location')}`);
    }
    check(/redirect .*not followed/.test(error.message), `the message says the redirect was not followed: ${error.message}`);
    equal((await log()).filter((r) => r.scenario === 'count').length, 0, 'requests that followed the redirect');
    redirectSeenAs = `${error.name} ${error.status}: ${error.message}`;
  });

  await test('a per-attempt timeout on a server that never answers', async () => {
    const started = Date.now();
    const error = await rejection(client('hang', { timeoutMs: 200, maxRetries: 1 }).partnerLinks.list('partner_123'), ConnectionTimeoutError);
    const elapsed = Date.now() - started;
    equal(error.timeoutMs, 200, 'timeoutMs');
    // Two attempts of 200 ms and a backoff of 375-500 ms between them.
    check(elapsed >= 500 && elapsed < 5_000, `took ${elapsed} ms, expected two 200 ms attempts and one backoff`);
    equal((await log()).filter((r) => r.scenario === 'hang').length, 2, 'attempts');
  });

  await test("a caller's abort in the middle of a walk", async () => {
    const controller = new AbortController();
    const seen = [];
    const started = Date.now();
    const walk = client('abortWalk').partnerLinks.listAll('partner_123', { limit: 2 }, { signal: controller.signal });
    const error = await rejection(
      (async () => {
        for await (const link of walk) {
          seen.push(link.key);
          if (seen.length === 1) setTimeout(() => controller.abort(new Error('caller gave up')), 50);
          if (seen.length === 2) await new Promise((resolve) => setTimeout(resolve, 200));
        }
      })(),
      RequestAbortedError,
    );
    check(Date.now() - started < 3_000, 'the abort ended the walk at once');
    equal(seen.join(), 'w1,w2', 'links read before the abort');
    equal(error.cause?.message, 'caller gave up', 'cause is the signal reason');
    check((await log()).some((r) => r.scenario === 'abortWalk' && /page=2/.test(r.url)), 'page 2 was in flight when the caller aborted');
  });

  await test('validateResponses rejects a broken body', async () => {
    const error = await rejection(client('broken', { validateResponses: true }).partnerLinks.list('partner_123'), ResponseValidationError);
    const paths = error.issues.map((issue) => issue.path);
    check(paths.includes('/data/0/url'), `issues: ${short(error.issues)}`);
    // Without validation the same body is handed over as it came.
    const page = await client('broken').partnerLinks.list('partner_123');
    equal(page.data[0].url, 12345, 'unvalidated url');
  });

  // Every operation of the family, in the order a user would call them (the harness checks
  // against the spec's operation table that each one reached the server).
  for (const [resource, owner, ownerId, listedKeys] of [
    ['partnerLinks', 'partner', 'partner_123', 'ref_123,ref_456'],
    ['customerLinks', 'customer', 'customer_123', 'DHjU0cGYxMUG'],
  ]) {
    await test(`${resource}: list, listAll, create, get, search, update, delete`, async () => {
      const links = sandbox[resource];
      equal((await links.list(ownerId, { limit: 10 })).data.map((l) => l.key).join(), listedKeys, 'list');
      const walked = [];
      for await (const link of links.listAll(ownerId, { limit: 1 })) walked.push(link.key);
      equal(walked.join(), listedKeys, 'listAll');
      const key = `rt_${owner}_${Date.now().toString(36)}`;
      const created = await links.create({ [owner]: { id: ownerId }, key });
      equal(created.data.key, key, 'created key');
      equal((await links.get(created.data.id)).data.key, key, 'get');
      equal((await links.search({ key })).data.map((l) => l.key).join(), key, 'search');
      const renamed = await links.update(created.data.id, { key: `${key}_2` });
      equal(renamed.data.key, `${key}_2`, 'renamed key');
      await rejection(links.get(created.data.id), NotFoundError);
      await links.delete(renamed.data.id);
      await rejection(links.get(renamed.data.id), NotFoundError);
      equal((await links.search({ key: `${key}_2` })).data.length, 0, 'search after delete');
    });
  }

  await test('partnerLinks: listDomains and listAllDomains', async () => {
    const page = await sandbox.partnerLinks.listDomains({ limit: 5 });
    equal(page.data.length, 5, 'domains on page 1');
    const all = [];
    for await (const domain of sandbox.partnerLinks.listAllDomains({ limit: 5 })) all.push(domain.domain);
    equal(all.length, 12, 'every domain');
    equal(all[0], 'partnero.com', 'first domain');
  });

  // Every operation of the spec, with the arguments its documented examples give (the harness
  // reads them from the packed spec): an operation added to the spec is called with no edit here.
  await test('every operation of the spec, called with its documented example, gets an answer', async () => {
    const swept = client('sandbox', { maxRetries: 0 });
    for (const { id, resource, method, args } of config.sweep) {
      try {
        await swept[resource][method](...args);
      } catch (error) {
        errors.push(error);
        // An API error is an answer (a 404 or 422 from the sandbox's state); anything else is not.
        if (!(error instanceof PartneroApiError)) throw new Failure(`${id}: ${error?.name}: ${error?.message}`);
      }
    }
  });

  await test('the API key is in no error', async () => {
    // This server puts the Authorization header it got into its error body and a header.
    const error = await rejection(client('echo').partnerLinks.get('x'), AuthenticationError);
    check(JSON.stringify(error.body).includes('[REDACTED]'), `the echoed key is not shown as [REDACTED]: ${short(error.body)}`);
    check(errors.length >= 12, `only ${errors.length} errors collected`);
    for (const caught of errors) {
      for (const [what, text] of Object.entries(renderings(caught))) {
        if (text.includes(key)) throw new Failure(`${caught.name}: the key is in its ${what}`);
      }
    }
  });

  return { runtime: describeRuntime(), results, notes: { redirect: redirectSeenAs } };
}

/** Everything a program might print or send about an error, its causes included. */
function renderings(error) {
  const out = {};
  for (let current = error, depth = 0; current && depth < 5; current = current.cause, depth++) {
    const at = depth === 0 ? '' : `cause ${depth} `;
    out[`${at}message`] = String(current.message);
    out[`${at}stack`] = String(current.stack);
    out[`${at}String()`] = String(current);
    out[`${at}JSON`] = JSON.stringify(current) ?? '';
    out[`${at}JSON of its fields`] = safeJson({ ...current, body: current.body, headers: current.headers ? [...current.headers] : undefined });
  }
  return out;
}

/** Which runtime this is, as it says itself. */
export function describeRuntime() {
  const g = globalThis;
  if (g.Deno?.version) return `deno ${g.Deno.version.deno}`;
  if (g.Bun?.version) return `bun ${g.Bun.version}`;
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (g.process?.release?.name === 'node') return `node ${g.process.versions.node}`;
  if (g.window && g.document) return `browser ${g.navigator.userAgent}`;
  return 'unknown';
}

class Failure extends Error {
  name = 'AssertionError';
}

function check(condition, message) {
  if (!condition) throw new Failure(message);
}

function equal(actual, expected, what) {
  if (actual !== expected) throw new Failure(`${what}: expected ${short(expected)}, got ${short(actual)}`);
}

async function drain(iterable) {
  for await (const _ of iterable) {
    // Only the error matters.
  }
}

async function waitFor(condition, ms) {
  const until = Date.now() + ms;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function safeJson(value) {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    return `unserializable: ${error.message}`;
  }
}

function short(value) {
  const text = safeJson(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
