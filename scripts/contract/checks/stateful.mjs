// The checks that send requests of their own, each derived from the spec (its parameters'
// schemas, x-partnero-pagination, x-partnero-create and the x-partnero-method of each
// resource's operations): nothing here names an operation, a path or a field.
import { at, setAt } from '../pointer.mjs';

// The case generator (fast-check) is loaded when a check first needs it, not for --help.
const cases = () => import('../cases.mjs');

const same = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
const ok = (x) => x.status >= 200 && x.status < 300;
const refused = (x) => x.status >= 400 && x.status < 500;
const items = (x, pointer = '/data') => (Array.isArray(at(x.json, pointer)) ? at(x.json, pointer) : undefined);
const came = (x) => (x.error ? `no answer (${x.error})` : `${x.status}`);

export const negativeDataRejection = {
  name: 'negative_data_rejection',
  kind: 'stateful',
  verifies: 'values the spec forbids (bounds and one past them, wrong types, missing required fields, keys breaking the rules, unknown owners) are refused with a 4xx',
  async run(ctx) {
    const { negativeBodies, negativeQueryValues } = await cases();
    for (const op of ctx.spec.operations) {
      if (op.method !== 'GET' && !ctx.writes) continue;
      if (op.method !== 'GET') ctx.throwaway(op.resource, `${ctx.base}-n`);
      const path = ctx.pathValues(op, `${ctx.base}-n`);
      if (!path) continue;
      // Ids no path can address: "." and ".." (sent as they are, not resolved away) must find nothing.
      if (op.method === 'GET') {
        for (const parameter of op.parameters.filter((p) => p.in === 'path')) {
          for (const dots of ['.', '..']) {
            const x = await ctx.send(op, { path: { ...path, [parameter.name]: dots }, check: this.name, label: `${parameter.name} ${JSON.stringify(dots)}` });
            // A finding only: no inference of the spec speaks of these ids.
            if (!x.error && x.status < 500 && !refused(x)) ctx.finding(this.name, x, op, `a 4xx for the ${parameter.name} ${JSON.stringify(dots)} (no link or owner has it)`, `${x.status}${ok(x) ? ' with data' : ''}`, { pointers: [parameter.pointer] });
          }
        }
      }
      for (const parameter of op.parameters.filter((p) => p.in === 'query')) {
        for (const bad of negativeQueryValues(parameter.schema)) {
          const x = await ctx.send(op, { path, query: { [parameter.name]: bad.value }, check: this.name, label: `${parameter.name} ${bad.label}` });
          judge(ctx, this.name, x, op, `${parameter.name} ${bad.label}`, [parameter.pointer], { schemaAt: `${parameter.pointer}/schema` });
        }
      }
    }
    if (!ctx.writes) return;
    for (const [resource, methods] of ctx.resources) {
      const create = methods.create;
      // Each resource's own forbidden keys: a key one resource accepted (and holds) must not make
      // the other's create refuse it as taken rather than for the rule it breaks.
      const prefix = `${ctx.base}-${resource.slice(0, 1)}n`;
      const body = ctx.createBody(resource, prefix);
      if (!create || !body) continue;
      for (const bad of negativeBodies(create.requestBody.schema, body, (node) => ctx.spec.deref(node).node, prefix)) {
        const key = at(bad.body, `/${create.create.match}`);
        if (typeof key === 'string') ctx.throwaway(resource, key);
        const x = await ctx.send(create, { body: bad.body, check: this.name, label: bad.label });
        judge(ctx, this.name, x, create, `a body with ${bad.label}`, [`${create.requestBody.pointer}/properties/${bad.field.join('/properties/')}`], { atAnswer: keyRule(bad, create) });
      }
      // An owner that does not exist: refused, with whichever status the spec describes.
      const owner = ctx.createBody(resource, `${ctx.base}-u`, `contract-no-such-owner-${ctx.base.slice(-6)}`);
      ctx.throwaway(resource, `${ctx.base}-u`);
      const x = await ctx.send(create, { body: owner, check: this.name, label: 'an owner that does not exist' });
      judge(ctx, this.name, x, create, 'an owner that does not exist', [`${create.pointer}/x-partnero-create`], { atAnswer: true });
      // A rename to a forbidden key, on a throwaway link of this check's own.
      const update = methods.update;
      if (!update?.requestBody) continue;
      const link = await ctx.createThrowaway(resource, `${prefix}u`, this.name);
      if (!link) continue;
      let id = link.id;
      for (const bad of negativeBodies(update.requestBody.schema, { [create.create.match]: `${prefix}u2` }, (node) => ctx.spec.deref(node).node, `${prefix}r`)) {
        const key = at(bad.body, `/${create.create.match}`);
        if (typeof key === 'string') ctx.throwaway(resource, key);
        const r = await ctx.send(update, { path: { id }, body: bad.body, check: this.name, label: bad.label });
        judge(ctx, this.name, r, update, `a rename with ${bad.label}`, [`${update.requestBody.pointer}/properties/${bad.field.join('/properties/')}`], { atAnswer: keyRule(bad, create) });
        if (ok(r) && ctx.isOurs(at(r.json, '/data/id'))) id = at(r.json, '/data/id');
      }
      await ctx.deleteThrowaway(resource, id, this.name);
    }
  },
};

/** A negative case of the unique field's own rules (length, characters), not of its presence or type. */
const keyRule = (bad, create) => bad.field.join('.') === create.create.match && /characters|pattern|empty/.test(bad.label);

/** The schema keywords a forbidden value tested, by the case's label (cases.mjs): what --propose drops when the server accepts it. */
const RULES = [
  [/\(maxLength \d+\)/, ['maxLength']],
  [/\(minLength \d+\)/, ['minLength']],
  [/a character the pattern refuses/, ['pattern', 'x-partnero-pattern']],
  [/\(below the minimum -?[\d.]+\)/, ['minimum']],
  [/\(above the maximum -?[\d.]+\)/, ['maximum']],
];

function judge(ctx, check, x, op, what, pointers, { atAnswer = false, schemaAt = pointers[0] } = {}) {
  if (x.error || x.status >= 500) return; // not_a_server_error says it
  const drop = RULES.find(([label]) => label.test(what))?.[1];
  const change = !refused(x) && drop ? { at: schemaAt, drop, why: `${what} was answered ${x.status}` } : undefined;
  ctx.observe(pointers[0], check, refused(x), `${what}: ${op.method} ${x.shownPath} answered ${x.status}`, `say that ${what} is accepted (${x.status}), or drop the rule from the schema`, change);
  // The answer's own claims (a key breaking the rules is answered 422, an unknown owner 404 or 422).
  const response = op.responses[String(x.status)];
  if (atAnswer && response) ctx.observe(response.target, check, refused(x), `${what}: ${op.method} ${x.shownPath} answered ${x.status}`);
  if (!refused(x)) {
    ctx.finding(check, x, op, `a 4xx for ${what}`, `${x.status}${ok(x) ? ' (accepted)' : ''}`, { pointers, edit: `allow ${what} in the schema` });
  }
}

export const positiveDataAcceptance = {
  name: 'positive_data_acceptance',
  kind: 'stateful',
  verifies: 'values the spec allows at its edges (limit 1 and 250, the longest key, keys with . - _ and upper case, random allowed keys) are accepted',
  async run(ctx) {
    const { positiveKeys, positiveQueryValues } = await cases();
    for (const op of ctx.spec.operations.filter((o) => o.method === 'GET')) {
      const path = ctx.pathValues(op);
      if (!path) continue;
      for (const parameter of op.parameters.filter((p) => p.in === 'query')) {
        for (const good of positiveQueryValues(parameter.schema)) {
          const x = await ctx.send(op, { path, query: { [parameter.name]: good.value }, check: this.name, label: `${parameter.name} ${good.label}` });
          accept(ctx, this.name, x, op, `${parameter.name} ${good.label}`, parameter.pointer);
        }
      }
    }
    if (!ctx.writes) return;
    for (const [resource, methods] of ctx.resources) {
      const create = methods.create;
      const keySchema = create && ctx.spec.deref(create.requestBody?.schema?.properties?.[create.create?.match]).node;
      if (!create || !ctx.createBody(resource, 'x')) continue;
      for (const key of positiveKeys(keySchema, `${ctx.base}-${resource.slice(0, 1)}a-`, ctx.gen, 1)) {
        ctx.throwaway(resource, key.value);
        const x = await ctx.send(create, { body: ctx.createBody(resource, key.value), check: this.name, label: key.label });
        accept(ctx, this.name, x, create, `a create with ${key.label}`, `${create.requestBody.pointer}/properties/${create.create.match}`);
        const id = at(x.json, '/data/id');
        if (ok(x) && !same(at(x.json, '/data/key'), key.value)) ctx.finding(this.name, x, create, `the link with key ${JSON.stringify(key.value)} (in any case)`, `key ${JSON.stringify(at(x.json, '/data/key'))}`);
        if (ok(x) && typeof id === 'string' && !same(id, key.value)) ctx.finding(this.name, x, create, `the link created with the key ${JSON.stringify(key.value)} (its id the key)`, `id ${JSON.stringify(id)}: another link, left alone`);
        else if (ok(x) && typeof id === 'string') await ctx.deleteThrowaway(resource, id, this.name);
      }
    }
  },
};

function accept(ctx, check, x, op, what, pointer) {
  if (x.error || x.status >= 500) return;
  ctx.observe(pointer, check, ok(x), `${what}: ${op.method} ${x.shownPath} answered ${x.status}`);
  if (!ok(x)) ctx.finding(check, x, op, `a 2xx for ${what}`, `${x.status}${ctx.messageOf(x)}`, { pointers: [pointer], edit: `narrow the schema to refuse ${what}` });
}

export const ignoredAuth = {
  name: 'ignored_auth',
  kind: 'stateful',
  verifies: 'every operation that needs the key answers 401, never data, without a key and with a wrong one',
  async run(ctx) {
    for (const op of ctx.spec.operations) {
      if (!op.secured || (op.method !== 'GET' && !ctx.writes)) continue;
      const path = ctx.pathValues(op, `${ctx.base}-auth`);
      if (!path) continue;
      let body;
      if (op.requestBody) {
        body = op.create ? ctx.createBody(op.resource, `${ctx.base}-auth`) : { [ctx.matchField(op.resource) ?? 'key']: `${ctx.base}-auth2` };
        if (!body) continue;
        ctx.throwaway(op.resource, `${ctx.base}-auth2`);
      }
      if (op.method !== 'GET') ctx.throwaway(op.resource, `${ctx.base}-auth`);
      const query = {};
      const item = ctx.listed.get(op.resource);
      const searched = op.name === 'search' && op.parameters.find((q) => q.in === 'query' && item?.[q.name] !== undefined);
      if (searched) query[searched.name] = item[searched.name];
      const cases = [['none', 'no key'], ...(ctx.acceptsAnyKey ? [] : [[`contract-wrong-key-${ctx.base.slice(-6)}`, 'a wrong key']])];
      for (const [auth, label] of cases) {
        const x = await ctx.send(op, { path, query, body, auth, check: this.name, label });
        if (x.error || x.status >= 500) continue;
        const unauthorized = op.responses['401'];
        if (unauthorized) ctx.observe(unauthorized.pointer, this.name, x.status === 401, `${label}: ${op.method} ${x.shownPath} answered ${x.status}`);
        if (x.status !== 401) ctx.finding(this.name, x, op, `401 with ${label}`, `${x.status}${ok(x) ? ' with data: the operation ignores the key' : ''}`, { pointers: [op.pointer] });
      }
    }
  },
};

export const pagination = {
  name: 'pagination',
  kind: 'stateful',
  verifies: 'limit honoured, meta consistent with the items, no item twice and none skipped across a walk, links.next always a later page, a page past the last empty',
  async run(ctx) {
    for (const op of ctx.spec.operations.filter((o) => o.pagination)) {
      const p = op.pagination;
      const path = ctx.pathValues(op);
      if (!path) continue;
      const limitSchema = op.parameters.find((q) => q.name === p.limit)?.schema ?? {};
      const max = limitSchema.maximum ?? 100;
      const min = limitSchema.minimum ?? 1;
      const all = await ctx.send(op, { path, query: { [p.limit]: max }, check: this.name, label: `${p.limit} ${max}` });
      const everything = items(all, p.items);
      if (!ok(all) || !everything) continue;
      const complete = everything.length < max;
      const limit = Math.max(min, Math.ceil(everything.length / 3)) || 1;
      const seen = new Map();
      let page = 1;
      let pages = 0;
      let broken = false;
      let lastNext;
      const fail = (x, expected, got) => {
        broken = true;
        ctx.finding(this.name, x, op, expected, got, { pointers: [op.pointer] });
      };
      for (; pages < 12; pages += 1) {
        const x = await ctx.send(op, { path, query: { [p.limit]: limit, [p.page]: page }, check: this.name, label: `page ${page} of ${limit}` });
        const data = items(x, p.items);
        if (!ok(x) || !data) break;
        if (data.length > limit) fail(x, `at most ${limit} items (the limit)`, `${data.length}`);
        const perPage = at(x.json, p.perPage);
        const current = at(x.json, p.currentPage);
        if (perPage !== undefined && perPage !== limit) fail(x, `${p.perPage.slice(1).replace(/\//g, '.')} ${limit}`, JSON.stringify(perPage));
        if (current !== undefined && current !== page) fail(x, `${p.currentPage.slice(1).replace(/\//g, '.')} ${page}`, JSON.stringify(current));
        const meta = x.json?.meta;
        if (meta && typeof meta === 'object' && data.length && typeof meta.from === 'number') {
          const from = (page - 1) * limit + 1;
          if (meta.from !== from || meta.to !== from + data.length - 1) fail(x, `meta.from ${from} and meta.to ${from + data.length - 1} (${data.length} items)`, `${meta.from} and ${meta.to}`);
        }
        for (const item of data) {
          const id = JSON.stringify(item?.id ?? item);
          if (seen.has(id)) fail(x, 'no item twice across the pages', `${id} on page ${seen.get(id)} and again on page ${page}`);
          else seen.set(id, page);
        }
        const next = at(x.json, p.next);
        let nextPage;
        if (typeof next === 'string') {
          nextPage = Number(/[?&]page=(\d+)/.exec(next)?.[1]);
          if (!(nextPage > page)) {
            fail(x, `${p.next.slice(1).replace(/\//g, '.')} pointing at a page after ${page}`, `${JSON.stringify(next)} (page ${Number.isNaN(nextPage) ? '?' : nextPage})`);
            break;
          }
        }
        if (next === null && data.length === limit && complete && seen.size < everything.length) fail(x, `${p.next.slice(1).replace(/\//g, '.')} to a next page (${everything.length - seen.size} items are left)`, 'null');
        lastNext = next;
        if (data.length < limit || next === null || broken) break;
        page = nextPage ?? page + 1;
      }
      if (!broken && complete) {
        const missed = everything.filter((item) => !seen.has(JSON.stringify(item?.id ?? item)));
        if (missed.length) fail(all, `every item of the ${p.limit}=${max} answer in a walk of ${limit} a page`, `${missed.length} never shown (${missed.slice(0, 3).map((item) => JSON.stringify(item?.id ?? item)).join(', ')})`);
      }
      if (!broken && complete) {
        const past = Math.floor(everything.length / limit) + 2;
        const x = await ctx.send(op, { path, query: { [p.limit]: limit, [p.page]: past }, check: this.name, label: `page ${past}, past the last` });
        // Judged against the spec: the list's 200 (its items an array), empty; any other status
        // (a 404, say) is not what the spec describes for a page past the last.
        const data = items(x, p.items);
        if (!x.error && x.status < 500) {
          if (x.status !== 200 || !data) fail(x, `200 with an empty ${p.items.slice(1).replace(/\//g, '.')} (page ${past}, past the last)`, `${x.status}${ctx.messageOf(x)}`);
          else if (data.length) fail(x, `no items on page ${past}, past the last`, `${data.length} items`);
        }
      }
      ctx.observe(op.pointer, this.name, !broken, `a walk of ${seen.size} items, ${limit} a page, over ${pages + 1} pages`);
      // The documented pages (the 200 answer's examples) are claims about such a walk: links.next
      // to the next page, null on the last.
      const ok200 = op.responses['200'];
      const examples = ok200 && ctx.spec.resolve(ok200.target)?.content?.['application/json']?.examples;
      const held = !broken && (lastNext === null || lastNext === undefined);
      for (const name of Object.keys(examples ?? {})) {
        ctx.observe(`${ok200.target}/content/application~1json/examples/${name}`, this.name, held, `a walk of ${seen.size} items, ${limit} a page, over ${pages + 1} pages; links.next on the last page: ${JSON.stringify(lastNext ?? null)}`);
      }
      ctx.observe(`${op.pointer}/x-partnero-pagination`, this.name, !broken, `a walk of ${seen.size} items, ${limit} a page`);
    }
  },
};

export const searchConformance = {
  name: 'search_conformance',
  kind: 'stateful',
  verifies: 'a search by a field finds exactly the item that has it (at most one), nothing for a value no item has, nothing for part of a value',
  async run(ctx) {
    for (const [resource, methods] of ctx.resources) {
      const search = methods.search;
      const item = ctx.listed.get(resource);
      if (!search) continue;
      for (const parameter of search.parameters.filter((q) => q.in === 'query')) {
        const value = item?.[parameter.name];
        if (typeof value !== 'string' || value.length < 2) continue;
        const x = await ctx.send(search, { query: { [parameter.name]: value }, check: this.name, label: `${parameter.name} of a listed link` });
        const found = items(x);
        if (!ok(x) || !found) continue;
        const held = found.length === 1 && same(found[0]?.[parameter.name], value);
        ctx.observe(parameter.pointer, this.name, held, `${parameter.name}=${value} found ${found.length} item(s)`);
        ctx.observe(search.pointer, this.name, held, `${parameter.name}=${value} found ${found.length} item(s)`);
        if (!held) ctx.finding(this.name, x, search, `exactly the one link with ${parameter.name} ${JSON.stringify(value)}`, `${found.length} items${found.length ? ` (${found.slice(0, 3).map((i) => JSON.stringify(i?.[parameter.name])).join(', ')})` : ''}`, { pointers: [parameter.pointer] });
        const part = value.slice(0, -1);
        const y = await ctx.send(search, { query: { [parameter.name]: part }, check: this.name, label: `part of a ${parameter.name}` });
        const partial = items(y);
        if (ok(y) && partial) {
          const exact = partial.every((i) => same(i?.[parameter.name], part));
          ctx.observe(parameter.pointer, this.name, exact, `${parameter.name}=${part} (part of ${value}) found ${partial.length} item(s)`);
          ctx.observe(search.pointer, this.name, exact, `${parameter.name}=${part} (part of ${value}) found ${partial.length} item(s)`);
          if (!exact) ctx.finding(this.name, y, search, `an exact match: nothing for ${JSON.stringify(part)}, part of ${JSON.stringify(value)}`, `${partial.length} items (${partial.slice(0, 3).map((i) => JSON.stringify(i?.[parameter.name])).join(', ')})`, { pointers: [parameter.pointer], edit: `say in ${parameter.name}'s description that matching is partial` });
        }
      }
      const absent = await ctx.send(search, { query: { [search.parameters.find((q) => q.in === 'query')?.name ?? 'key']: `${ctx.base}-absent` }, check: this.name, label: 'a value no link has' });
      const none = items(absent);
      if (!absent.error) ctx.observe(search.pointer, this.name, ok(absent) && none?.length === 0, `a search for a value no link has answered ${absent.status} with ${none?.length ?? 'no'} items`);
      if (ok(absent) && none?.length) ctx.finding(this.name, absent, search, 'nothing for a value no link has', `${none.length} items`);
    }
  },
};

/**
 * The lifecycle of a link, derived from each resource's create (with x-partnero-create), get,
 * update, delete, search and owner's list; three checks report what it finds.
 */
export const ensureResourceAvailability = {
  name: 'ensure_resource_availability',
  kind: 'stateful',
  writes: true,
  verifies: "a created link is found by get, in the owner's list and by search; after a rename the new id answers and url carries the new key",
  run: (ctx) => lifecycle(ctx),
};
export const useAfterFree = {
  name: 'use_after_free',
  kind: 'stateful',
  writes: true,
  verifies: "after a rename the old id does not answer; after a delete get, the owner's list and search no longer show the link",
  run: (ctx) => lifecycle(ctx),
};
export const keyUniqueness = {
  name: 'key_uniqueness',
  kind: 'stateful',
  writes: true,
  verifies: 'a taken key is refused on create and on rename (the other link unchanged); keys differing only in case are the same key',
  run: (ctx) => lifecycle(ctx),
};

async function lifecycle(ctx) {
  if (ctx.lifecycleDone) return;
  ctx.lifecycleDone = true;
  for (const [resource, methods] of ctx.resources) {
    const { create, get, update, delete: remove, search } = methods;
    const owner = create && ctx.ownerOf(resource);
    if (!create || !get || !owner) continue;
    const listOp = ctx.spec.operations.find((o) => o.operationId === create.create.owner?.operation);
    const A = 'ensure_resource_availability';
    const U = 'use_after_free';
    const K = 'key_uniqueness';
    const k1 = `${ctx.base}-${resource.slice(0, 1)}l1`;
    const k2 = `${ctx.base}-${resource.slice(0, 1)}l2`;
    const k3 = `${ctx.base}-${resource.slice(0, 1)}l3`;
    ctx.say(`lifecycle of a ${resource} link (${k1})`);
    const created = await ctx.createThrowaway(resource, k1, A);
    if (!created) continue;
    let id = created.id;
    const expectLink = async (check, key, why, pointer) => {
      const x = await ctx.send(get, { path: { id: key }, check, label: why });
      const held = x.status === 200 && same(at(x.json, '/data/key'), key);
      const edit = `say that the server answers ${came(x)}${x.status === 200 ? ` with key ${JSON.stringify(at(x.json, '/data/key'))}` : ''} (${why})`;
      ctx.observe(pointer, check, held, `${why}: GET ${x.shownPath} answered ${came(x)}`, edit);
      ctx.observe(get.pointer, check, held, `${why}: GET ${x.shownPath} answered ${came(x)}`, edit);
      if (!held && !x.error) ctx.finding(check, x, get, `200 with the link ${key} (${why})`, `${x.status}${ctx.messageOf(x)}`, { pointers: [pointer] });
      return x;
    };
    const expectGone = async (check, key, why, pointer) => {
      const x = await ctx.send(get, { path: { id: key }, check, label: why });
      const held = x.status === 404;
      const edit = `say that the server answers ${came(x)}${ok(x) ? ' with the link' : ''} (${why})`;
      ctx.observe(pointer, check, held, `${why}: GET ${x.shownPath} answered ${came(x)}`, edit);
      if (get.responses['404']) ctx.observe(get.responses['404'].target, check, held, `${why}: GET ${x.shownPath} answered ${came(x)}`, edit);
      if (!held && !x.error) ctx.finding(check, x, get, `404 (${why})`, `${x.status}${ok(x) ? ` with the link ${JSON.stringify(at(x.json, '/data/key'))}` : ''}`, { pointers: [pointer] });
    };
    const inList = async (check, key, expected, why) => {
      if (!listOp) return;
      const pages = await ctx.walk(listOp, owner, check);
      // A list that did not answer (refused, say) is no evidence either way.
      if (!pages) return;
      const has = pages.some((link) => same(link?.key, key));
      ctx.observe(listOp.pointer, check, has === expected, `${why}: the owner's list ${has ? 'holds' : 'does not hold'} ${key}`);
      if (has !== expected) ctx.finding(check, ctx.lastExchange(), listOp, `the owner's list ${expected ? 'to hold' : 'no longer to hold'} ${key} (${why})`, has ? 'it is there' : 'it is not there', { pointers: [listOp.pointer] });
    };
    const searchFor = async (check, key, expected, why) => {
      if (!search) return;
      const x = await ctx.send(search, { query: { [create.create.match]: key }, check, label: why });
      const found = items(x, create.create.lookup?.items ?? '/data');
      if (!ok(x) || !found) return;
      const hits = found.filter((link) => same(link?.[create.create.match], key)).length;
      const held = expected ? found.length === 1 && hits === 1 : found.length === 0;
      ctx.observe(search.pointer, check, held, `${why}: a search for ${key} found ${found.length}`, `say that a search for the key finds ${found.length} links (${why})`);
      const parameter = search.parameters.find((q) => q.in === 'query' && q.name === create.create.match);
      if (parameter && key !== key.toLowerCase()) ctx.observe(parameter.pointer, check, held, `${why}: a search for ${key} found ${found.length}`);
      if (!held) ctx.finding(check, x, search, expected ? `exactly the link ${key} (${why})` : `nothing (${why})`, `${found.length} items`, { pointers: [search.pointer] });
    };
    // Created: found by get, in the owner's list, by search.
    await expectLink(A, id, 'the created link', create.pointer);
    await inList(A, k1, true, 'after the create');
    await searchFor(A, k1, true, 'after the create');
    // Keys differing only in case are the same key.
    const upper = k1.toUpperCase();
    ctx.throwaway(resource, upper);
    const twin = await ctx.send(create, { body: ctx.createBody(resource, upper), check: K, label: 'the same key in upper case' });
    if (!twin.error && twin.status < 500) {
      ctx.observe(`${create.pointer}/x-partnero-create`, K, refused(twin), `a create of ${upper} beside ${k1} answered ${twin.status}`);
      if (!refused(twin)) ctx.finding(K, twin, create, `a 4xx: ${upper} is the key ${k1}, which is taken (keys are not case sensitive)`, `${twin.status}${ok(twin) ? ' (a second link was created)' : ''}`, { pointers: [create.pointer] });
    }
    if (create.responses[String(twin.status)]) ctx.observe(create.responses[String(twin.status)].target, K, refused(twin), `a create of ${upper} beside ${k1} answered ${twin.status}`);
    if (ok(twin) && typeof at(twin.json, '/data/id') === 'string' && at(twin.json, '/data/id') !== id) await ctx.deleteThrowaway(resource, at(twin.json, '/data/id'), K);
    await searchFor(K, upper, true, 'the key in another case');
    // An id in another case finds the link (inferred: observed, the verdict says what came).
    const other_case = await ctx.send(get, { path: { id: id.toUpperCase() }, check: K, label: 'the id in another case' });
    if (!other_case.error) for (const parameter of get.parameters.filter((q) => q.in === 'path')) ctx.observe(parameter.pointer, K, other_case.status === 200 && same(at(other_case.json, '/data/id'), id), `GET ${other_case.shownPath} answered ${other_case.status}`);
    // Keys are unique across the program: the other resources' creates refuse this key too.
    for (const [otherResource, otherMethods] of ctx.resources) {
      const otherCreate = otherMethods.create;
      if (otherResource === resource || !otherCreate || !ctx.createBody(otherResource, k1)) continue;
      ctx.throwaway(otherResource, k1);
      const cross = await ctx.send(otherCreate, { body: ctx.createBody(otherResource, k1), check: K, label: `the key of a ${resource} link` });
      if (cross.error || cross.status >= 500) continue;
      for (const schemaPointer of [otherCreate.requestBody.pointer, create.requestBody.pointer]) ctx.observe(`${schemaPointer}/properties/${create.create.match}`, K, refused(cross), `a ${otherResource} create with the key of a ${resource} link answered ${cross.status}`);
      if (update?.requestBody) ctx.observe(`${update.requestBody.pointer}/properties/${create.create.match}`, K, refused(cross), `a ${otherResource} create with the key of a ${resource} link answered ${cross.status}`);
      if (ok(cross) && typeof at(cross.json, '/data/id') === 'string') await ctx.deleteThrowaway(otherResource, at(cross.json, '/data/id'), K);
    }
    // A rename onto a taken key is refused and the other link stays as it was.
    const other = update && (await ctx.createThrowaway(resource, k3, K));
    if (update && other) {
      const before = (await ctx.send(get, { path: { id: other.id }, check: K, label: 'the other link before' })).json?.data;
      const onto = await ctx.send(update, { path: { id }, body: { [create.create.match]: k3 }, check: K, label: 'a rename onto a taken key' });
      if (!onto.error && onto.status < 500) {
        ctx.observe(update.pointer, K, refused(onto), `a rename onto the taken ${k3} answered ${onto.status}`);
        if (update.responses[String(onto.status)]) ctx.observe(update.responses[String(onto.status)].target, K, refused(onto), `a rename onto the taken ${k3} answered ${onto.status}`);
        if (!refused(onto)) ctx.finding(K, onto, update, `a 4xx: ${k3} is taken by another link`, `${onto.status}`, { pointers: [update.pointer] });
      }
      if (ok(onto) && ctx.isOurs(at(onto.json, '/data/id'))) id = at(onto.json, '/data/id');
      const after = await ctx.send(get, { path: { id: other.id }, check: K, label: 'the other link after' });
      const unchanged = after.status === 200 && before && JSON.stringify(after.json?.data) === JSON.stringify(before);
      ctx.observe(update.pointer, K, Boolean(unchanged), `the link holding ${k3} after a rename onto its key: ${after.status}`);
      if (!unchanged) ctx.finding(K, after, get, `the link ${k3} unchanged after a refused rename onto its key`, after.status === 200 ? `it changed: ${JSON.stringify(after.json?.data).slice(0, 160)}` : `${after.status}`, { pointers: [update.pointer] });
    }
    // Rename: the new id answers, the old one does not, url carries the new key.
    if (update) {
      const renamed = await ctx.send(update, { path: { id }, body: { [create.create.match]: k2 }, check: A, label: 'a rename' });
      ctx.throwaway(resource, k2);
      if (ok(renamed)) {
        const newId = at(renamed.json, '/data/id');
        const url = at(renamed.json, '/data/url');
        const held = same(newId, k2) && same(at(renamed.json, '/data/key'), k2);
        ctx.observe(update.pointer, A, held, `a rename to ${k2} answered id ${JSON.stringify(newId)}`);
        if (!held) ctx.finding(A, renamed, update, `id and key ${k2} (the id follows the key)`, `id ${JSON.stringify(newId)}, key ${JSON.stringify(at(renamed.json, '/data/key'))}`, { pointers: [update.pointer] });
        if (typeof url === 'string' && !url.toLowerCase().includes(encodeURIComponent(k2).toLowerCase())) {
          ctx.finding(A, renamed, update, `url carrying the new key ${k2}`, JSON.stringify(url), { pointers: [update.pointer] });
        }
        const got = await expectLink(A, k2, 'the new id after a rename', update.pointer);
        const gotUrl = at(got.json, '/data/url');
        if (got.status === 200 && typeof gotUrl === 'string' && !gotUrl.toLowerCase().includes(encodeURIComponent(k2).toLowerCase())) {
          ctx.finding(A, got, get, `url carrying the new key ${k2}`, JSON.stringify(gotUrl), { pointers: [update.pointer] });
        }
        await expectGone(U, id, 'the old id after a rename', update.pointer);
        for (const parameter of get.parameters.filter((q) => q.in === 'path')) ctx.observe(parameter.pointer, U, true, 'the old id no longer answered after a rename');
        // The link is k2's now; an answer naming another id does not make that id the run's.
        id = same(newId, k2) ? newId : k2;
      } else if (!renamed.error) {
        ctx.finding(A, renamed, update, `a 2xx for a rename to the free key ${k2}`, `${renamed.status}${ctx.messageOf(renamed)}`, { pointers: [update.pointer] });
      }
    }
    // Delete: gone from get, the owner's list and search.
    if (remove) {
      const key = id;
      const deleted = await ctx.send(remove, { path: { id }, check: U, label: 'the delete' });
      if (ok(deleted)) {
        await expectGone(U, key, 'after the delete', remove.pointer);
        await inList(U, key, false, 'after the delete');
        await searchFor(U, key, false, 'after the delete');
      } else if (!deleted.error) {
        ctx.finding(U, deleted, remove, 'a 2xx for the delete of a link of the run', `${deleted.status}${ctx.messageOf(deleted)}`, { pointers: [remove.pointer] });
      }
      if (other) await ctx.deleteThrowaway(resource, other.id, K);
    }
  }
}

export const statefulChecks = [negativeDataRejection, positiveDataAcceptance, ignoredAuth, pagination, searchConformance, ensureResourceAvailability, useAfterFree, keyUniqueness];
