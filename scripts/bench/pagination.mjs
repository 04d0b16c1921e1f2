// Figure 2: listAll's read-ahead against a plain loop of `list` calls, both over the same pages
// from a server that answers after 10 ms, with a consumer that spends 10 ms (awaiting, as a
// database write would) on each page. Rounds alternate which walk goes first.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { withServer } from './servers.mjs';
import { row, summary } from './stats.mjs';

const PARTNER = 'partner_123';
const LIMIT = 10;

export async function readAhead(pkg, { pages, rounds, delayMs, deadline }) {
  // The last page is one link short, so both walks stop after exactly `pages` requests.
  const total = pages * LIMIT - 1;
  return withServer({ kind: 'pages', delayMs, total }, async ({ url }) => {
    const client = pkg.createPartneroClient({ apiKey: 'bench_key', baseUrl: url });
    const walks = {
      async listAll() {
        let seen = 0;
        for await (const body of client.partnerLinks.listAll(PARTNER, { limit: LIMIT }).pages()) {
          seen += body.data.length;
          await sleep(delayMs);
        }
        return seen;
      },
      async sequential() {
        let seen = 0;
        for (let page = 1; page <= pages; page++) {
          const body = await client.partnerLinks.list(PARTNER, { limit: LIMIT, page });
          seen += body.data.length;
          await sleep(delayMs);
          if (body.data.length < LIMIT) break;
        }
        return seen;
      },
    };
    const times = { listAll: [], sequential: [] };
    for (let r = 0; r < rounds && (r === 0 || performance.now() < deadline); r++) {
      for (const name of r % 2 ? ['sequential', 'listAll'] : ['listAll', 'sequential']) {
        const start = performance.now();
        const seen = await walks[name]();
        times[name].push(performance.now() - start);
        if (seen !== total) throw new Error(`${name} saw ${seen} links, expected ${total}`);
      }
    }
    const ratios = times.listAll.map((ms, i) => ms / times.sequential[i]);
    const extra = { pages, rounds: ratios.length, delayMs };
    return [
      row('readAhead.sequential.ms', `${pages} pages: sequential list loop (ms)`, 'ms', summary(times.sequential), undefined, extra),
      row('readAhead.listAll.ms', `${pages} pages: listAll with read-ahead (ms)`, 'ms', summary(times.listAll), undefined, extra),
      row('readAhead.ratio', 'listAll ÷ sequential loop (wall time)', 'ratio', summary(ratios), { max: 0.6 }, extra),
    ];
  });
}
