// The JSON bodies the bench servers send.

/** The two links of the spec's documented example (openapi/paths/v1_partners_{id}_referral_links.yaml). */
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

/** Page `page` of `limit` links out of `total` (links numbered from 1), without links/meta. */
export function numberedPage(page, limit, total) {
  const from = (page - 1) * limit + 1;
  const to = Math.min(page * limit, total);
  const data = [];
  for (let n = from; n <= to; n++) {
    data.push({
      id: `ref_${n}`,
      key: `ref_${n}`,
      url: `https://partnero.com?aff=ref_${n}`,
      default: n === 1,
      is_additional: false,
      direct_tracking: false,
      direct_tracking_redirect: false,
      direct_tracking_redirect_url: null,
    });
  }
  return { data, status: 1 };
}
