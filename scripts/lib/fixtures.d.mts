import type { components } from '../../src/generated/schema.js';

type ReferralLink = components['schemas']['ReferralLink'];
type ReferralLinkList = components['schemas']['ReferralLinkList'];

/** The example response of Partnero's "List referral links" page, exactly as documented. */
export const seedPage: ReferralLinkList;
/** The request of the cURL example on Partnero's "List referral links" page (the seed), whose answer is `seedPage`. */
export const seedRequest: {
  readonly method: 'GET';
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
};
/** One valid referral link, numbered `n`. */
export function link(n: number): ReferralLink;
/** A list body of `count` links numbered from `from`, with `extra` top-level fields (links, meta, ...). */
export function linkPage(from: number, count: number, extra?: Record<string, unknown>): ReferralLinkList & Record<string, unknown>;
/** Page `page` of `limit` links out of `total` (numbered from 1), without links or meta. */
export function numberedPage(page: number, limit: number, total: number): ReferralLinkList;
