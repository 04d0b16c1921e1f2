// A small Partnero of the tests' own on 127.0.0.1: a partner with `count` referral links, paged
// with `links`/`meta` as Partnero documents them; any other partner is a 404.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running fake Partnero. */
export interface FakePartnero {
  readonly baseUrl: string;
  /** Every request so far. */
  readonly requests: IncomingMessage[];
  readonly close: () => Promise<void>;
}

/** Builds the referral links the fake serves. */
export function makeLinks(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `ref_${i + 1}`,
    key: `ref_${i + 1}`,
    url: `https://partnero.com?aff=ref_${i + 1}`,
    default: i === 0,
    is_additional: false,
    direct_tracking: i === 1,
    direct_tracking_redirect: i === 1,
    direct_tracking_redirect_url: i === 1 ? 'https://example.org/landing' : null,
  }));
}

/** Starts a fake for partner_123 that accepts `Bearer <apiKey>` only; its 401 message quotes the key it got, as a careless server might. */
export async function startFakePartnero(apiKey: string, count = 3): Promise<FakePartnero> {
  const links = makeLinks(count);
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return send(401, { message: `Unauthenticated: ${req.headers.authorization ?? 'no key'} is not valid.`, status: 0 });
    }
    if (url.pathname !== '/v1/partners/partner_123/referral_links') return send(404, { message: 'Partner not found.', status: 0 });
    const limit = Number(url.searchParams.get('limit') ?? 15);
    const page = Number(url.searchParams.get('page') ?? 1);
    const data = links.slice((page - 1) * limit, page * limit);
    const base = `http://${req.headers.host}${url.pathname}`;
    const hasNext = page * limit < links.length;
    send(200, {
      data,
      links: {
        first: `${base}?page=1`,
        last: null,
        prev: page > 1 ? `${base}?page=${page - 1}` : null,
        next: hasNext ? `${base}?page=${page + 1}` : null,
      },
      meta: {
        current_page: page,
        from: data.length ? (page - 1) * limit + 1 : null,
        to: data.length ? (page - 1) * limit + data.length : null,
        per_page: limit,
        path: base,
      },
      status: 1,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
