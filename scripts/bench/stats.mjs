// Summaries of repeated measurements and the markdown table the bench prints.

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `{ median, min, max }` of `values`. */
export function summary(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * One row of the results: `target` is `{ max }` (or undefined for a figure reported without a
 * target), judged against the row's median unless `judge` names another field (e.g. `max`).
 */
export function row(id, figure, unit, stats, target, extra = {}) {
  const judged = target ? stats[target.judge ?? 'median'] : undefined;
  return {
    id,
    figure,
    unit,
    median: stats.median,
    min: stats.min,
    max: stats.max,
    target: target ? `≤ ${target.max}${target.judge && target.judge !== 'median' ? ` (${target.judge})` : ''}` : null,
    holds: target ? Number.isFinite(judged) && judged <= target.max : null,
    ...extra,
  };
}

/** A row for a figure that could not be measured (the error goes into the table). */
export function failedRow(id, figure, unit, error) {
  return { id, figure, unit, median: null, min: null, max: null, target: null, holds: false, error: String(error?.message ?? error) };
}

function format(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** The rows as a markdown table: figure, median, min, max, target, holds. */
export function markdownTable(rows) {
  const lines = ['| figure | median | min | max | target | holds |', '| --- | ---: | ---: | ---: | --- | --- |'];
  for (const r of rows) {
    const holds = r.error
      ? `failed: ${r.error.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 160)}`
      : r.skipped
        ? `skipped (${r.skipped})`
        : r.holds === null
          ? '–'
          : r.holds
            ? 'yes'
            : '**no**';
    lines.push(`| ${r.figure} | ${format(r.median)} | ${format(r.min)} | ${format(r.max)} | ${r.target ?? '–'} | ${holds} |`);
  }
  return lines.join('\n');
}
