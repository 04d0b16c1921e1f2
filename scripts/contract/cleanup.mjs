// What the run created, and its removal: every throwaway key a request of the run could have
// made exist is registered before the request is sent; at the end (and on a failed step,
// Ctrl-C or SIGTERM) each is looked up, deleted, and looked up again. Only a lookup that
// answered and found nothing counts as "gone"; a link that could not be removed or checked is
// listed with the command that removes it.
import { at } from './pointer.mjs';

const same = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
const kebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

export function createRegistry() {
  const keys = new Map(); // resource -> Set of keys (as sent)
  return {
    add(resource, key) {
      if (!resource || typeof key !== 'string' || key === '') return;
      (keys.get(resource) ?? keys.set(resource, new Set()).get(resource)).add(key);
    },
    entries: () => [...keys].flatMap(([resource, set]) => [...set].map((key) => ({ resource, key }))),
    /** Whether `id` equals (ignoring case) a key registered for any resource. */
    has: (id) => typeof id === 'string' && [...keys.values()].some((set) => [...set].some((key) => same(key, id))),
  };
}

/**
 * Removes every registered link still there. `send(op, ...)` is the transport in clean-up mode.
 * @returns {Promise<{ resource: string, key: string, id?: string, state: 'absent' | 'deleted' | 'left' | 'unknown' | 'foreign', detail?: string, remove?: string }[]>}
 */
export async function cleanUp({ registry, resources, send, baseUrl }) {
  const out = [];
  const seen = new Set();
  for (const { resource, key } of registry.entries()) {
    // Exact keys, not folded: on a server that (wrongly) tells case apart, KEY and key are two links.
    const lower = `${resource}|${key}`;
    if (seen.has(lower)) continue;
    seen.add(lower);
    const { search, delete: remove, create } = resources.get(resource) ?? {};
    const match = create?.create?.match ?? 'key';
    const how = (id) => `partnero ${kebab(resource)} ${kebab(remove?.name ?? 'delete')} ${JSON.stringify(id ?? key)} --base-url ${baseUrl}`;
    if (!search || !remove) {
      out.push({ resource, key, state: 'unknown', detail: 'the spec has no search or delete for it', remove: how() });
      continue;
    }
    const lookup = async () => {
      const x = await send(search, { query: { [match]: key }, label: `clean-up: look up ${key}` });
      const found = Array.isArray(at(x.json, create?.create?.lookup?.items ?? '/data')) ? at(x.json, create?.create?.lookup?.items ?? '/data') : undefined;
      if (x.status !== 200 || !found) return { error: x.error ? `no answer (${x.error})` : `the search answered ${x.status}` };
      return { links: found.filter((link) => same(link?.[match], key)) };
    };
    try {
      const first = await lookup();
      if (first.error) {
        out.push({ resource, key, state: 'unknown', detail: `could not check: ${first.error}`, remove: how() });
        continue;
      }
      if (!first.links.length) {
        out.push({ resource, key, state: 'absent' });
        continue;
      }
      for (const link of first.links) {
        const id = String(link.id ?? key);
        // Only a link whose id is the key sent is the run's: a hit with another id (the server
        // answering with another link) is left alone and reported (issue 24).
        if (!same(id, key)) {
          out.push({ resource, key, id, state: 'foreign', detail: `the search for ${key} found a link with id ${JSON.stringify(id)}, not the key this run sent: left alone, not deleted; check it by hand` });
          continue;
        }
        const x = await send(remove, { path: { id }, label: `clean-up: delete ${id}` });
        const again = await lookup();
        const gone = !again.error && !again.links.some((l) => String(l.id) === id);
        out.push({
          resource,
          key,
          id,
          state: gone ? 'deleted' : again.error ? 'unknown' : 'left',
          detail: gone ? undefined : `the delete answered ${x.error ? `nothing (${x.error})` : x.status}; ${again.error ? `could not check again: ${again.error}` : 'it is still there'}`,
          remove: gone ? undefined : how(id),
        });
      }
    } catch (error) {
      out.push({ resource, key, state: 'unknown', detail: `could not check: ${error.message}`, remove: how() });
    }
  }
  return out;
}
