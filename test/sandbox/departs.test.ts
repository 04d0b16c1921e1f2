// `npm run sandbox -- --departs MODES` (scripts/lib/sandbox-departs.mjs): each mode departs from
// one rule of the spec, and only that one; an unknown mode is refused naming the allowed ones.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startSandbox } from '../../scripts/lib/sandbox.mjs';
import { DEPARTURES, parseDepartures } from '../../scripts/lib/sandbox-departs.mjs';

/** The status an accepted create answers: the spec's x-partnero-example-status of the partner-link create. */
const CREATED = Number((parseYaml(readFileSync('openapi/paths/v1_partner_referral_links.yaml', 'utf8')) as { post: { 'x-partnero-example-status': string } }).post['x-partnero-example-status']);

const auth = { authorization: 'Bearer sandbox-key', 'content-type': 'application/json' };

async function probe(departs: string[]): Promise<Record<string, number>> {
  const sandbox = await startSandbox({ port: 0, departs });
  try {
    const status = async (path: string, body?: object): Promise<number> => (await fetch(`${sandbox.url}${path}`, { method: body ? 'POST' : 'GET', headers: auth, ...(body ? { body: JSON.stringify(body) } : {}) })).status;
    return {
      longKey: await status('/v1/partner_referral_links', { partner: { id: 'partner_123' }, key: 'k'.repeat(70) }),
      upperTwin: await status('/v1/partner_referral_links', { partner: { id: 'partner_123' }, key: 'REF_123' }),
      pageZero: await status('/v1/partners/partner_456/referral_links?page=0'),
      limit250: await status('/v1/partners/partner_456/referral_links?limit=250'),
    };
  } finally {
    await sandbox.close();
  }
}

describe('the sandbox --departs', () => {
  it('keeps every rule without a mode, and each mode breaks its own rule only', async () => {
    const rules = { longKey: 422, upperTwin: 422, pageZero: 422, limit250: 200 };
    expect(await probe([])).toEqual(rules);
    expect(await probe(['key-rules'])).toEqual({ ...rules, longKey: CREATED });
    expect(await probe(['case-sensitive-keys'])).toEqual({ ...rules, upperTwin: CREATED });
    expect(await probe(['page-zero'])).toEqual({ ...rules, pageZero: 200 });
    expect(await probe(['limit-cap'])).toEqual({ ...rules, limit250: 422 });
  });

  it('refuses an unknown mode, naming every allowed one', () => {
    expect(() => parseDepartures('key-rules,bogus')).toThrow(new RegExp(`--departs takes ${Object.keys(DEPARTURES).join(', ')} .*"bogus"`));
    expect(parseDepartures(' key-rules , page-zero ')).toEqual(['key-rules', 'page-zero']);
  });
});
