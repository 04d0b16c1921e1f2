// Figure 1: what one `referralLinks.list` call costs next to raw fetch and bare openapi-fetch.
// All variants hit the same keep-alive server (in a worker thread) through the same global
// fetch pool, one call each in turn (order rotated every iteration), so drifts in CPU clock,
// GC and the pool touch every variant alike. Each round gives a median per call per variant;
// the figures are the median, min and max of those per-round medians (and of their ratios).
import createClient from 'openapi-fetch';
import { performance } from 'node:perf_hooks';
import { withServer } from './servers.mjs';
import { row, summary, median } from './stats.mjs';

const PARTNER = 'partner_123';
const QUERY = { limit: 15, page: 1 };
const API_KEY = 'bench_key_0123456789';

export async function overhead(pkg, { rounds, callsPerRound, warmupCalls, deadline }) {
  return withServer({ kind: 'seed' }, async ({ url }) => {
    const headers = { Authorization: `Bearer ${API_KEY}`, Accept: 'application/json' };
    const rawUrl = `${url}/v1/partners/${encodeURIComponent(PARTNER)}/referral_links?limit=${QUERY.limit}&page=${QUERY.page}`;
    const bare = createClient({ baseUrl: url, headers });
    const client = pkg.createPartneroClient({ apiKey: API_KEY, baseUrl: url });
    const validating = pkg.createPartneroClient({ apiKey: API_KEY, baseUrl: url, validateResponses: true });

    const variants = [
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
          const { data, error } = await bare.GET('/v1/partners/{id}/referral_links', {
            params: { path: { id: PARTNER }, query: QUERY },
          });
          if (error !== undefined) throw new Error('openapi-fetch: error answer');
          return data;
        },
      },
      { name: 'list', call: () => client.referralLinks.list(PARTNER, QUERY) },
      { name: 'listValidated', call: () => validating.referralLinks.list(PARTNER, QUERY) },
    ];
    for (const variant of variants) {
      const body = await variant.call();
      if (body?.data?.length !== 2) throw new Error(`${variant.name}: unexpected body`);
    }

    const runRound = async (calls, record) => {
      const times = variants.map(() => new Array(calls));
      for (let i = 0; i < calls; i++) {
        for (let k = 0; k < variants.length; k++) {
          const v = (i + k) % variants.length;
          const start = performance.now();
          await variants[v].call();
          times[v][i] = performance.now() - start;
        }
      }
      if (record) variants.forEach((variant, v) => variant.rounds.push(median(times[v]) * 1000));
    };

    for (const variant of variants) variant.rounds = [];
    await runRound(warmupCalls, false);
    let done = 0;
    for (; done < rounds && performance.now() < deadline; done++) await runRound(callsPerRound, true);

    const byName = Object.fromEntries(variants.map((v) => [v.name, v.rounds]));
    const ratio = (name) => byName[name].map((us, i) => us / byName.fetch[i]);
    const extra = { rounds: done, callsPerRound };
    return [
      row('overhead.fetch.us', 'per call: raw fetch (µs)', 'µs', summary(byName.fetch), undefined, extra),
      row('overhead.openapiFetch.us', 'per call: bare openapi-fetch (µs)', 'µs', summary(byName.openapiFetch), undefined, extra),
      row('overhead.list.us', 'per call: referralLinks.list (µs)', 'µs', summary(byName.list), undefined, extra),
      row('overhead.listValidated.us', 'per call: list, validateResponses (µs)', 'µs', summary(byName.listValidated), undefined, extra),
      row('overhead.openapiFetch.ratio', 'openapi-fetch ÷ raw fetch', 'ratio', summary(ratio('openapiFetch')), undefined, extra),
      row('overhead.list.ratio', 'list ÷ raw fetch', 'ratio', summary(ratio('list')), { max: 1.05 }, extra),
      row('overhead.listValidated.ratio', 'list (validateResponses) ÷ raw fetch', 'ratio', summary(ratio('listValidated')), { max: 1.1 }, extra),
    ];
  });
}
