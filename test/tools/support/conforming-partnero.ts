// A Partnero of the contract tests' own: the whole referral-link family as the spec describes
// it (written from the spec, independent of scripts/lib/sandbox.mjs, so that a mistake shared by
// the two cannot hide), and variants each breaking one rule, to prove `npm run contract` names
// the rule. Keys are compared without regard to case, as Partnero documents.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One rule broken on purpose. */
export type Break =
  | 'off-by-one-pages'
  | 'partial-search'
  | 'rename-overwrites'
  | 'get-without-key'
  | 'delete-keeps-in-list'
  | 'next-same-page'
  | 'case-sensitive-keys'
  | 'crash-on-dot'
  | 'limit-out-of-range'
  | 'stale-url-after-rename'
  | 'unknown-owner-200'
  | 'old-id-answers'
  | 'search-503'
  // A create stores the link but answers with another link (ref_123): the run must not touch ref_123.
  | 'create-answers-other'
  // A search shows every hit with the id ref_456: the clean-up must not delete ref_456.
  | 'search-foreign-id'
  // A page past the last is answered 404 instead of an empty data.
  | 'past-last-404'
  // Every create is refused (422): what rests on a created link is never exercised.
  | 'create-refused'
  // Any non-empty key is accepted, whatever its characters or length (the key rules are inferred).
  | 'any-key-rules'
  // Page 0 is answered as page 1 (that page 0 is refused is inferred).
  | 'page-zero';

interface Link {
  family: 'partner' | 'customer';
  owner: string;
  id: string;
  key: string;
  url: string;
  default: boolean;
  is_additional: boolean;
  direct_tracking: boolean;
  direct_tracking_redirect: boolean;
  direct_tracking_redirect_url: string | null;
}

export interface Fake {
  readonly url: string;
  readonly links: Link[];
  /** Every request: method and path (with the query). */
  readonly requests: { method: string; path: string }[];
  readonly close: () => Promise<void>;
}

const fold = (key: string): string => key.toLowerCase();

/** Starts the fake; `apiKey` is the only key it accepts. */
export async function startConformingFake(apiKey: string, brokenRules?: Break | Break[]): Promise<Fake> {
  const breaks = new Set<Break>(brokenRules === undefined ? [] : [brokenRules].flat());
  const is = (rule: Break): boolean => breaks.has(rule);
  const requests: { method: string; path: string }[] = [];
  const owners = { partner: ['partner_123', 'partner_456'], customer: ['customer_123'] };
  const prefix = { partner: 'https://partnero.test?aff=', customer: 'https://refer.test?ref=' };
  const links: Link[] = [];
  const deletedButListed: Link[] = [];
  const renamedFrom = new Map<string, Link>();
  const add = (family: Link['family'], owner: string, key: string, extra: Partial<Link> = {}): Link => {
    const link: Link = { family, owner, id: key, key, url: prefix[family] + encodeURIComponent(key), default: false, is_additional: false, direct_tracking: false, direct_tracking_redirect: false, direct_tracking_redirect_url: null, ...extra };
    links.push(link);
    return link;
  };
  ['ref_123', 'ref_456', 'ref_789', 'ref_abc', 'ref_def'].forEach((key, i) => add('partner', 'partner_123', key, { default: i === 0 }));
  ['cust_aaa', 'cust_bbb', 'cust_ccc'].forEach((key, i) => add('customer', 'customer_123', key, { default: i === 0 }));
  const domains = Array.from({ length: 4 }, (_, i) => ({ id: i === 0 ? null : i + 7, domain: `d${i}.test`, url: `https://d${i}.test?aff=`, is_additional: i > 0 }));
  const sameKey = (a: string, b: string): boolean => (is('case-sensitive-keys') ? a === b : fold(a) === fold(b));
  const findById = (family: string, id: string): Link | undefined => links.find((l) => l.family === family && sameKey(l.id, id));
  const keyRule = (key: unknown): string | undefined =>
    typeof key !== 'string' || key === '' ? 'The key field is required.' : is('any-key-rules') ? undefined : key.length > 64 ? 'The key may not be greater than 64 characters.' : /^[A-Za-z0-9._-]+$/.test(key) ? undefined : 'The key format is invalid.';

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? 'GET', path: req.url ?? '/' });
      const send = (status: number, body?: unknown): void => {
        if (body === undefined) res.writeHead(status).end();
        else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      const fail = (status: number, message: string, errors?: Record<string, string[]>): void => send(status, { message, ...(errors ? { errors } : {}), status: 0 });
      const url = new URL(req.url ?? '/', 'http://fake');
      const path = decodeURIComponent(url.pathname);
      const method = req.method ?? 'GET';
      const keyOk = req.headers.authorization === `Bearer ${apiKey}`;
      if (!keyOk && !(is('get-without-key') && method === 'GET')) return fail(401, 'Unauthenticated.');
      let body: Record<string, unknown> = {};
      if (chunks.length) {
        try {
          body = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
        } catch {
          return fail(400, 'Malformed JSON.');
        }
      }
      const page = (all: unknown[], defaultLimit: number): void => {
        const limitText = url.searchParams.get('limit');
        const pageText = url.searchParams.get('page');
        const limit = limitText === null ? defaultLimit : Number(limitText);
        const number = pageText === null ? 1 : is('page-zero') && pageText === '0' ? 1 : Number(pageText);
        const maxLimit = is('limit-out-of-range') ? 1000 : 250;
        if (!/^\d+$/.test(limitText ?? '1') || limit < 1 || limit > maxLimit) return fail(422, 'The limit must be between 1 and 250.', { limit: ['The limit must be between 1 and 250.'] });
        if (!/^\d+$/.test(pageText ?? '1') || number < 1) return fail(422, 'The page must be at least 1.', { page: ['The page must be at least 1.'] });
        const start = (number - 1) * limit - (is('off-by-one-pages') && number > 1 ? 1 : 0);
        const data = all.slice(start, start + limit);
        const base = `http://${req.headers.host}${url.pathname}`;
        const hasNext = start + limit < all.length;
        if (is('past-last-404') && number > 1 && data.length === 0) return fail(404, 'Not found.');
        send(200, {
          data,
          links: { first: `${base}?page=1`, last: null, prev: number > 1 ? `${base}?page=${number - 1}` : null, next: hasNext ? `${base}?page=${is('next-same-page') ? number : number + 1}` : null },
          meta: { current_page: number, from: data.length ? start + 1 : null, path: base, per_page: limit, to: data.length ? start + data.length : null },
          status: 1,
        });
      };
      let m: RegExpExecArray | null;
      if (method === 'GET' && path === '/v1/partner_referral_links:domains') return page(domains, 10);
      if (method === 'GET' && (m = /^\/v1\/(partner|customer)s\/([^/]+)\/referral_links$/.exec(path))) {
        const [, family, owner] = m as unknown as [string, 'partner' | 'customer', string];
        if (!owners[family].includes(owner)) return fail(404, `${family === 'partner' ? 'Partner' : 'Customer'} not found.`);
        return page([...links, ...deletedButListed].filter((l) => l.family === family && l.owner === owner).map(({ family: _f, owner: _o, ...link }) => link), 15);
      }
      const show = (link: Link): Record<string, unknown> => {
        const { family: _f, owner: _o, ...rest } = link;
        return rest;
      };
      if (method === 'GET' && (m = /^\/v1\/(partner|customer)_referral_links:search$/.exec(path))) {
        if (is('search-503')) return fail(503, 'Service Unavailable');
        const family = m[1] as string;
        const id = url.searchParams.get('id');
        const key = url.searchParams.get('key');
        if (id === null && key === null) return fail(422, 'Give id or key.', { key: ['Give id or key.'] });
        const hit = (link: Link): boolean => {
          const value = id !== null ? link.id : link.key;
          const wanted = (id ?? key) as string;
          return is('partial-search') ? fold(value).includes(fold(wanted)) : sameKey(value, wanted);
        };
        const shown = links.filter((l) => l.family === family && hit(l)).map(show);
        return send(200, { data: is('search-foreign-id') ? shown.map((l) => ({ ...l, id: 'ref_456' })) : shown, status: 1 });
      }
      if ((m = /^\/v1\/(partner|customer)_referral_links$/.exec(path)) && method === 'POST') {
        const family = m[1] as 'partner' | 'customer';
        const ref = body[family] as Record<string, unknown> | undefined;
        if (!ref || typeof ref !== 'object' || Array.isArray(ref) || !['id', 'key', 'email'].some((f) => typeof ref[f] === 'string' && ref[f] !== '')) return fail(422, `The ${family} field is required.`, { [family]: ['required'] });
        if (is('create-refused')) return fail(422, 'Creates are closed.', { key: ['Creates are closed.'] });
        const problem = keyRule(body.key);
        if (problem && !(is('crash-on-dot') && typeof body.key === 'string' && body.key.includes('.'))) return fail(422, problem, { key: [problem] });
        if (typeof body.key === 'string' && body.key.includes('.') && is('crash-on-dot')) return fail(500, 'Server Error');
        if ('domain_id' in body && typeof body.is_additional !== 'boolean') return fail(422, 'The is_additional field is required with domain_id.', { is_additional: ['required'] });
        if (!owners[family].includes(String(ref.id)) && !is('unknown-owner-200')) return fail(404, `${family === 'partner' ? 'Partner' : 'Customer'} not found.`);
        if (links.some((l) => sameKey(l.key, body.key as string))) return fail(422, 'The key has already been taken.', { key: ['The key has already been taken.'] });
        const link = add(family, String(ref.id), body.key as string);
        const answered = is('create-answers-other') ? (links.find((l) => l.family === family && l.key === (family === 'partner' ? 'ref_123' : 'cust_aaa')) ?? link) : link;
        return send(family === 'partner' ? 201 : 200, { data: show(answered), status: 1 });
      }
      if ((m = /^\/v1\/(partner|customer)_referral_links\/([^/]+)$/.exec(path))) {
        const [, family, id] = m as unknown as [string, string, string];
        let link = findById(family, id);
        if (!link && is('old-id-answers') && method === 'GET') link = renamedFrom.get(fold(id));
        if (!link) return fail(404, 'Referral link not found.');
        if (method === 'GET') return send(200, { data: show(link), status: 1 });
        if (method === 'PUT') {
          const problem = keyRule(body.key);
          if (problem) return fail(422, problem, { key: [problem] });
          const taken = links.find((l) => l !== link && sameKey(l.key, body.key as string));
          if (taken && !is('rename-overwrites')) return fail(422, 'The key has already been taken.', { key: ['The key has already been taken.'] });
          if (taken) {
            taken.url = `${prefix[taken.family]}overwritten`;
            taken.default = !taken.default;
          }
          renamedFrom.set(fold(link.id), { ...link });
          link.key = body.key as string;
          link.id = body.key as string;
          if (!is('stale-url-after-rename')) link.url = prefix[link.family] + encodeURIComponent(link.key);
          return send(200, { data: show(link), status: 1 });
        }
        if (method === 'DELETE') {
          links.splice(links.indexOf(link), 1);
          if (is('delete-keeps-in-list')) deletedButListed.push(link);
          return send(200, { status: 1 });
        }
      }
      fail(404, 'Not found.');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    links,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
