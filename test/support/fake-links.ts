// A fake of the links API as an injected fetch, for the write tests: it stores links, answers
// the operations a write relies on, and fails where a test plans it (before or after acting).
// Every operation, path and field comes from the generated table: one family of links per
// operation with an x-partnero-create rule, with the rename and delete whose x-partnero-write
// rule reads the same get.
import { link } from '../../scripts/lib/fixtures.mjs';
import { operationTable, type OperationRow } from '../../src/resources.js';

export type Role = 'create' | 'lookup' | 'owner' | 'get' | 'update' | 'delete';

/** What goes wrong on one request: a reset, a 5xx or a hang, before or after the server acted; a stale lookup; a 404. */
export interface Fault {
  readonly kind: 'reset' | 'timeout' | 'status' | 'stale';
  /** Act first (store, rename, delete), then fail. */
  readonly after?: boolean;
  readonly status?: number;
  readonly headers?: Record<string, string>;
}

/** The operations of one family of links, found through the rules of the spec. */
export interface Family {
  readonly create: [string, OperationRow];
  readonly lookup: [string, OperationRow];
  readonly owner: [string, OperationRow];
  readonly get: [string, OperationRow];
  readonly update: [string, OperationRow];
  readonly delete: [string, OperationRow];
}

const entry = (id: string): [string, OperationRow] => [id, operationTable[id]!];

/** Every family of the spec: a create with its lookup and owner list, and the writes that read its get. */
export const families: Family[] = Object.entries(operationTable).flatMap(([id, row]) => {
  const create = row.create;
  if (!create?.addressedBy) return [];
  const writes = Object.entries(operationTable).filter(([, w]) => w.write && w.path === operationTable[create.addressedBy!]!.path);
  const update = writes.find(([, w]) => w.write!.verify);
  const remove = writes.find(([, w]) => w.write!.notFound === 'done');
  if (!update || !remove) return [];
  return [{ create: [id, row], lookup: entry(create.lookup.operation), owner: entry(create.owner.operation), get: entry(create.addressedBy), update, delete: remove }];
});

interface Stored {
  key: string;
  owner: string;
  /** Which of the rule's owner fields gave the owner (0: the one the owner's list is addressed by). */
  by?: number;
}

export interface FakeApi {
  readonly fetch: (request: Request) => Promise<Response>;
  /** Stored links by id (the key, as the server keeps it). */
  readonly links: Map<string, Stored>;
  /** `role` of every request, in order. */
  readonly sent: Role[];
  /** The requests themselves. */
  readonly requests: Request[];
  /** Plans the next faults of requests of `role`, one per request. */
  plan(role: Role, ...faults: Fault[]): void;
}

const pattern = (path: string): RegExp => new RegExp(`^${path.replace(/\{[^}]+\}/g, '([^/?]+)').replace(/[:.]/g, '\\$&')}$`);

/** The body's owner id, by the first pointer of the create rule that the body has (`partner.id`, ...). */
function ownerOf(row: OperationRow, body: Record<string, unknown>): [string, number] {
  const pointers = row.create!.owner.id;
  for (const [index, tokens] of pointers.entries()) {
    let value: unknown = body;
    for (const t of tokens) value = (value as Record<string, unknown> | undefined)?.[t];
    if (typeof value === 'string') return [value, index];
  }
  return ['(by another field)', -1];
}

/**
 * A fake server for `family`. `lowerCase`: keys are kept in lower case and compared ignoring
 * case (Partnero's keys are not case sensitive). `seed`: links there before, key to owner.
 * `validateFirst`: a rename checks its body (the key taken: 422) before finding the link (404).
 */
export function fakeLinks(family: Family, { lowerCase = false, validateFirst = false, seed = {} as Record<string, string> } = {}): FakeApi {
  const links = new Map<string, Stored>(Object.entries(seed).map(([key, owner]) => [key, { key, owner }]));
  const sent: Role[] = [];
  const requests: Request[] = [];
  const plans = new Map<Role, Fault[]>();
  const norm = (key: string): string => (lowerCase ? key.toLowerCase() : key);
  const find = (key: string): [string, Stored] | undefined => [...links].find(([, l]) => norm(l.key) === norm(key));
  const routes = (Object.keys(family) as Role[]).map((role) => ({ role, row: family[role][1], path: pattern(family[role][1].path) }));
  const answer = (body: unknown, status = 200): Response =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const item = (stored: Stored): Record<string, unknown> => ({ ...link(1), id: stored.key, key: stored.key });
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const route = routes.find((r) => r.row.method === request.method && r.path.test(url.pathname));
    if (!route) return answer({ message: 'Not found.', status: 0 }, 404);
    const { role, row } = route;
    requests.push(request);
    sent.push(role);
    const fault = plans.get(role)?.shift();
    const fail = (): Promise<Response> => {
      if (fault!.kind === 'status') return Promise.resolve(new Response(JSON.stringify({ message: 'Failed', status: 0 }), { status: fault!.status ?? 503, headers: { 'content-type': 'application/json', ...fault!.headers } }));
      if (fault!.kind === 'timeout') {
        return new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }));
      }
      return Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }));
    };
    if (fault && fault.kind !== 'stale' && !fault.after) return fail();
    const id = decodeURIComponent(pattern(row.path).exec(url.pathname)?.[1] ?? '');
    const body = request.method === 'GET' || request.method === 'DELETE' ? {} : ((await request.json()) as Record<string, unknown>);
    const match = family.create[1].create!.match;
    let response: Response;
    switch (role) {
      case 'create': {
        const key = body[match] as string;
        if (find(key)) response = answer({ message: 'The key has already been taken.', errors: { [match]: ['The key has already been taken.'] }, status: 0 }, 422);
        else {
          const [owner, by] = ownerOf(row, body);
          const stored = { key: norm(key), owner, by };
          links.set(stored.key, stored);
          response = answer({ data: item(stored), status: 1 }, 201);
        }
        break;
      }
      case 'lookup': {
        const key = url.searchParams.get(match) ?? '';
        const found = fault?.kind === 'stale' ? undefined : find(key);
        response = answer({ data: found ? [item(found[1])] : [], status: 1 });
        break;
      }
      case 'owner': {
        // The owner's list is addressed by the first owner field only (an id, not a key or email).
        const owners = new Set([...links.values()].filter((l) => (l.by ?? 0) === 0).map((l) => l.owner));
        if (!owners.has(id)) response = answer({ message: 'Not found.', status: 0 }, 404);
        else {
          const data = [...links.values()].filter((l) => l.owner === id).map(item);
          response = answer({ data, links: { next: null }, meta: { current_page: 1, per_page: 250 }, status: 1 });
        }
        break;
      }
      case 'get': {
        const found = find(id);
        response = found ? answer({ data: item(found[1]), status: 1 }) : answer({ message: 'Not found.', status: 0 }, 404);
        break;
      }
      case 'update': {
        const found = find(id);
        const key = body[match] as string;
        const taken = find(key);
        if (!found && !validateFirst) response = answer({ message: 'Not found.', status: 0 }, 404);
        else if (taken && taken[0] !== found?.[0]) response = answer({ message: 'The key has already been taken.', errors: { [match]: ['taken'] }, status: 0 }, 422);
        else if (!found) response = answer({ message: 'Not found.', status: 0 }, 404);
        else {
          links.delete(found[0]);
          const stored = { ...found[1], key: norm(key) };
          links.set(stored.key, stored);
          response = answer({ data: item(stored), status: 1 });
        }
        break;
      }
      case 'delete': {
        const found = find(id);
        if (found) links.delete(found[0]);
        response = found ? answer(undefined, 204) : answer({ message: 'Not found.', status: 0 }, 404);
        break;
      }
    }
    return fault && fault.kind !== 'stale' ? fail() : response;
  };
  return {
    fetch,
    links,
    sent,
    requests,
    plan: (role, ...faults) => plans.set(role, [...(plans.get(role) ?? []), ...faults]),
  };
}

/** A body for the create of `family`: `key`, the owner given by the rule's first owner field (or `by`). */
export function createBody(family: Family, key: string, owner = 'owner_1', by = 0): Record<string, unknown> {
  const rule = family.create[1].create!;
  const body: Record<string, unknown> = { [rule.match]: key };
  let at = body;
  const tokens = rule.owner.id[by]!;
  tokens.forEach((t, i) => {
    if (i === tokens.length - 1) at[t] = owner;
    else at = (at[t] ??= {}) as Record<string, unknown>;
  });
  return body;
}
