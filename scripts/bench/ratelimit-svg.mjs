// The rate-limit bench's pictures (issue 28): for one run, the rate sent and the rate the server
// let through over time, the server's limit, the rate the limiter learnt (its peak after each
// 429, when known) and a tick for every 429. Hand-written SVG text: no browser, no dependency.

const W = 720;
const H = 300;
const PAD = { left: 48, right: 16, top: 52, bottom: 40 };

/** Requests a second in bins of `binMs`, from `[ms, refused]` pairs: all sent, and those let through. */
export function binRates(times, binMs) {
  const end = times.length ? times.at(-1)[0] : 0;
  const bins = Math.max(1, Math.ceil((end + 1) / binMs));
  const sent = new Array(bins).fill(0);
  const accepted = new Array(bins).fill(0);
  for (const [ms, refused] of times) {
    const bin = Math.min(bins - 1, Math.floor(ms / binMs));
    sent[bin] += 1;
    if (!refused) accepted[bin] += 1;
  }
  const perSecond = (count) => (count * 1000) / binMs;
  return { sent: sent.map(perSecond), accepted: accepted.map(perSecond) };
}

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The SVG of one run. `times`: each request's ms since the first and 1 if refused; `limit`: the
 * server's rate (requests a second); `rates`: `[ms, rate]` the limiter reported (optional).
 */
export function rateLimitSvg({ title, times, limit, rates = [] }) {
  const end = Math.max(1, times.length ? times.at(-1)[0] : 1);
  const binMs = Math.max(1_000, Math.ceil(end / 120 / 1_000) * 1_000);
  const { sent, accepted } = binRates(times, binMs);
  const top = Math.max(limit * 1.6, ...sent.slice(0, -1), ...rates.map(([, rate]) => rate).filter((rate) => rate < limit * 4)) * 1.05;
  const x = (ms) => PAD.left + (ms / end) * (W - PAD.left - PAD.right);
  const y = (rate) => H - PAD.bottom - (Math.min(rate, top) / top) * (H - PAD.top - PAD.bottom);
  const steps = (values) => values.map((rate, i) => `${i === 0 ? 'M' : 'L'}${x(i * binMs).toFixed(1)},${y(rate).toFixed(1)} L${x(Math.min(end, (i + 1) * binMs)).toFixed(1)},${y(rate).toFixed(1)}`).join(' ');
  // The last bin is partial (the run ended in it): left out, it would read as a drop.
  const full = (values) => (values.length > 1 ? values.slice(0, -1) : values);
  const learnt = rates.length ? rates.map(([ms, rate], i) => `${i === 0 ? 'M' : 'L'}${x(ms).toFixed(1)},${y(rates[i - 1]?.[1] ?? rate).toFixed(1)} L${x(ms).toFixed(1)},${y(rate).toFixed(1)}`).join(' ') + ` L${x(end).toFixed(1)},${y(rates.at(-1)[1]).toFixed(1)}` : '';
  const ticks = times.filter(([, refused]) => refused).map(([ms]) => `<line x1="${x(ms).toFixed(1)}" x2="${x(ms).toFixed(1)}" y1="${H - PAD.bottom}" y2="${H - PAD.bottom + 8}"/>`).join('');
  const refused = times.filter(([, r]) => r).length;
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(top * f * 10) / 10);
  const seconds = end / 1000;
  const xStep = seconds > 600 ? 120 : seconds > 120 ? 30 : seconds > 30 ? 10 : seconds > 10 ? 2 : 1;
  const xTicks = Array.from({ length: Math.floor(seconds / xStep) + 1 }, (_, i) => i * xStep);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">
<title>${escape(title)}</title>
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="8" y="16" font-size="12" font-weight="bold">${escape(title)}</text>
<g stroke="#eee">${yTicks.map((rate) => `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(rate).toFixed(1)}" y2="${y(rate).toFixed(1)}"/>`).join('')}</g>
<g fill="#555" text-anchor="end">${yTicks.map((rate) => `<text x="${PAD.left - 4}" y="${(y(rate) + 4).toFixed(1)}">${rate}</text>`).join('')}</g>
<g fill="#555" text-anchor="middle">${xTicks.map((s) => `<text x="${x(s * 1000).toFixed(1)}" y="${H - PAD.bottom + 22}">${s} s</text>`).join('')}</g>
<text x="12" y="${PAD.top + 8}" fill="#555" transform="rotate(-90 12 ${PAD.top + 8})" text-anchor="end">requests / s</text>
<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(limit).toFixed(1)}" y2="${y(limit).toFixed(1)}" stroke="#888" stroke-dasharray="6 4"/>
<path d="${steps(full(sent))}" fill="none" stroke="#1f77b4" stroke-width="1.5"/>
<path d="${steps(full(accepted))}" fill="none" stroke="#2ca02c" stroke-width="1.5"/>
${learnt ? `<path d="${learnt}" fill="none" stroke="#ff7f0e" stroke-width="1.5" stroke-dasharray="3 2"/>` : ''}
<g stroke="#d62728" stroke-width="1">${ticks}</g>
<g transform="translate(${PAD.left},32)">
<line x1="0" x2="18" y1="0" y2="0" stroke="#1f77b4" stroke-width="2"/><text x="22" y="4">sent (per ${binMs / 1000} s)</text>
<line x1="120" x2="138" y1="0" y2="0" stroke="#2ca02c" stroke-width="2"/><text x="142" y="4">let through</text>
<line x1="220" x2="238" y1="0" y2="0" stroke="#888" stroke-dasharray="6 4"/><text x="242" y="4">server's limit (${Math.round(limit * 100) / 100}/s)</text>
${learnt ? `<line x1="370" x2="388" y1="0" y2="0" stroke="#ff7f0e" stroke-dasharray="3 2" stroke-width="2"/><text x="392" y="4">rate learnt (after each 429)</text>` : ''}
<line x1="${learnt ? 556 : 376}" x2="${learnt ? 556 : 376}" y1="-4" y2="4" stroke="#d62728"/><text x="${learnt ? 562 : 382}" y="4">a 429 (${refused})</text>
</g>
</svg>
`;
}
