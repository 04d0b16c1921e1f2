// Referral-link bodies shared by the tests and the benchmarks.

/** The example response of Partnero's "List referral links" page, exactly as documented. */
export const seedPage = {
  data: [
    {
      id: 'ref_123',
      key: 'ref_123',
      url: 'https://partnero.com?aff=ref_123',
      default: true,
      is_additional: false,
      direct_tracking: false,
      direct_tracking_redirect: false,
      direct_tracking_redirect_url: null,
    },
    {
      id: 'ref_456',
      key: 'ref_456',
      url: 'https://partnero.com?aff=ref_456',
      default: false,
      is_additional: false,
      direct_tracking: false,
      direct_tracking_redirect: false,
      direct_tracking_redirect_url: null,
    },
  ],
  status: 1,
};

/**
 * The request of the cURL example on Partnero's "List referral links" page (the seed), whose
 * answer is `seedPage`: `curl -H "Accept: application/json" -H "Authorization: Bearer YOUR_API_KEY"
 * https://api.partnero.com/v1/partners/partner_123/referral_links`.
 */
export const seedRequest = {
  method: 'GET',
  path: '/v1/partners/partner_123/referral_links',
  headers: { Accept: 'application/json', Authorization: 'Bearer YOUR_API_KEY' },
};

/** One valid referral link, numbered `n`. */
export function link(n) {
  return {
    id: `ref_${n}`,
    key: `ref_${n}`,
    url: `https://partnero.com?aff=ref_${n}`,
    default: n === 1,
    is_additional: false,
    direct_tracking: false,
    direct_tracking_redirect: false,
    direct_tracking_redirect_url: null,
  };
}

/** A list body of `count` links numbered from `from`, with `extra` top-level fields (links, meta, ...). */
export function linkPage(from, count, extra = {}) {
  return { data: Array.from({ length: count }, (_, i) => link(from + i)), status: 1, ...extra };
}

/** Page `page` of `limit` links out of `total` (numbered from 1), without links or meta. */
export function numberedPage(page, limit, total) {
  const from = (page - 1) * limit + 1;
  return linkPage(from, Math.max(0, Math.min(limit, total - from + 1)));
}
