// Figure 1: what one `partnerLinks.list` call costs next to raw fetch, bare openapi-fetch and two
// full-featured peers: Octokit's `request` (@octokit/request) and a Stainless-generated SDK's raw
// `get` (openai-node's `client.get`), each asking the same server for the same page.
// All variants hit the same keep-alive server (in a worker thread) through the same global
// fetch pool, one call each in turn, in a new random order every iteration (a rotated order
// would have each variant always follow the same one, and inherit its garbage), so drifts in
// CPU clock, GC and the pool touch every variant alike. Each round gives a median per call per variant;
// the figures are the median, min and max of those per-round medians (and of their ratios,
// taken within each round).
import createClient from 'openapi-fetch';
import { request as octokitRequest } from '@octokit/request';
import OpenAI from 'openai';
import { performance } from 'node:perf_hooks';
import { withServer } from './servers.mjs';
import { row, summary, median } from './stats.mjs';

const PARTNER = 'partner_123';
const QUERY = { limit: 15, page: 1 };
const API_KEY = 'bench_key_0123456789';
const PATH = '/v1/partners/{id}/referral_links';

/** The variants, in the order of the table; `ratio` rows compare each with raw fetch. */
const LABELS = {
  fetch: 'raw fetch',
  openapiFetch: 'bare openapi-fetch',
  list: 'partnerLinks.list',
  listValidated: 'partnerLinks.list, validateResponses',
  octokit: "Octokit's request",
  openai: "openai-node's client.get",
};

/** Builds the variants of one call against the server at `url`. */
export function variants(pkg, url) {
  const headers = { Authorization: `Bearer ${API_KEY}`, Accept: 'application/json' };
  const rawUrl = `${url}/v1/partners/${encodeURIComponent(PARTNER)}/referral_links?limit=${QUERY.limit}&page=${QUERY.page}`;
  const bare = createClient({ baseUrl: url, headers });
  const client = pkg.createPartneroClient({ apiKey: API_KEY, baseUrl: url });
  const validating = pkg.createPartneroClient({ apiKey: API_KEY, baseUrl: url, validateResponses: true });
  // Each peer as its users would set it up for this API: base URL and key once, its own
  // defaults otherwise (Octokit: no retries or throttling without plugins; openai-node: 2
  // retries, a 10-minute timeout, its x-stainless-* headers).
  const octokit = octokitRequest.defaults({ baseUrl: url, headers: { authorization: `Bearer ${API_KEY}` } });
  const openai = new OpenAI({ apiKey: API_KEY, baseURL: url });
  return [
    {
      name: 'fetch',
      async call() {
        const res = await fetch(rawUrl, { headers });
        if (!res.ok) throw new Error(`fetch: ${res.status}`);
        return res.json();
      },
    },
    {
      name: 'openapiFetch',
      async call() {
        const { data, error } = await bare.GET(PATH, { params: { path: { id: PARTNER }, query: QUERY } });
        if (error !== undefined) throw new Error('openapi-fetch: error answer');
        return data;
      },
    },
    { name: 'list', call: () => client.partnerLinks.list(PARTNER, QUERY) },
    { name: 'listValidated', call: () => validating.partnerLinks.list(PARTNER, QUERY) },
    {
      name: 'octokit',
      async call() {
        const { data } = await octokit(`GET ${PATH}`, { id: PARTNER, ...QUERY });
        return data;
      },
    },
    { name: 'openai', call: () => openai.get(`/v1/partners/${encodeURIComponent(PARTNER)}/referral_links`, { query: QUERY }) },
  ];
}

/** Shuffles `list` in place (Fisher-Yates). */
function shuffle(list) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
}

export async function overhead(pkg, { rounds, callsPerRound, warmupCalls, deadline }) {
  return withServer({ kind: 'seed' }, async ({ url }) => {
    const all = variants(pkg, url);
    for (const variant of all) {
      const body = await variant.call();
      if (body?.data?.length !== 2) throw new Error(`${variant.name}: unexpected body`);
    }

    const runRound = async (calls, record) => {
      const times = all.map(() => new Array(calls));
      const order = all.map((_, v) => v);
      for (let i = 0; i < calls; i++) {
        shuffle(order);
        for (const v of order) {
          const start = performance.now();
          await all[v].call();
          times[v][i] = performance.now() - start;
        }
      }
      if (record) all.forEach((variant, v) => variant.rounds.push(median(times[v]) * 1000));
    };

    for (const variant of all) variant.rounds = [];
    await runRound(warmupCalls, false);
    let done = 0;
    for (; done < rounds && performance.now() < deadline; done++) await runRound(callsPerRound, true);

    const byName = Object.fromEntries(all.map((v) => [v.name, v.rounds]));
    const ratio = (name, base = 'fetch') => byName[name].map((us, i) => us / byName[base][i]);
    const extra = { rounds: done, callsPerRound };
    return [
      ...Object.entries(LABELS).map(([name, label]) =>
        row(`overhead.${name}.us`, `per call: ${label} (µs)`, 'µs', summary(byName[name]), undefined, extra),
      ),
      ...Object.entries(LABELS)
        .filter(([name]) => name !== 'fetch')
        .map(([name, label]) =>
          row(
            `overhead.${name}.ratio`,
            `${label} ÷ raw fetch`,
            'ratio',
            summary(ratio(name)),
            // Issue 5's target for validation (the plain list's is now against openapi-fetch, below).
            name === 'listValidated' ? { max: 1.1 } : undefined,
            extra,
          ),
        ),
      // Issue 8: the client's own cost on top of the library it wraps.
      row('overhead.list.vsOpenapiFetch', 'partnerLinks.list ÷ bare openapi-fetch', 'ratio', summary(ratio('list', 'openapiFetch')), { max: 1.1 }, extra),
    ];
  });
}
