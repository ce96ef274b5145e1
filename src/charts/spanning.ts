/**
 * Charts that draw one mark per sweep point (a CDF line, a bar) stop being
 * readable, and Vega's compiled spec stops being small, long before a sweep
 * stops being valid (up to 10,000 points). Such a chart shows a few points
 * spread evenly over the sweep, first and last included, and says so.
 */
import { formatCount } from './format.ts';

/** Lines in one CDF or tail panel: about as many as colours and dashes tell apart. */
export const MAX_LINES = 12;
/** Rows of a bar chart (stage breakdown, budgets) before it is taller than a page. */
export const MAX_ROWS = 24;
/** Panels of a chart split by a category (platform). */
export const MAX_PANELS = 8;
/** Sweep values a line is drawn through, at most: past a thousand a line is finer than its pixels. */
export const MAX_X = 1000;
/** Sweeps with more x values than this draw lines without a marker per point: over hundreds it is only ink. */
export const MAX_MARKED = 60;
/** Points of a scatter (one mark per sweep value, no line), per series. */
export const MAX_DOTS = 200;

/** Up to `max` items, evenly spread, first and last included, in their order. */
export function spanning<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  if (max <= 1) return items.slice(0, Math.max(0, max));
  const out: T[] = [];
  let last = -1;
  for (let k = 0; k < max; k += 1) {
    const i = Math.round((k * (items.length - 1)) / (max - 1));
    if (i !== last) out.push(items[i]);
    last = i;
  }
  return out;
}

/**
 * The sentence a chart prints when it shows `shown` of `total`: "too many
 * points for one CDF: showing the 12 of 1,000 that span the sweep".
 */
export function spanningNote(items: string, chart: string, shown: number, total: number): string {
  return `too many ${items} for one ${chart}: showing the ${formatCount(shown)} of ${formatCount(total)} that span the sweep`;
}

/**
 * Rows along a numeric sweep kept to at most `max` distinct x values that
 * span it (first and last included), with the sentence the chart prints
 * when it left some out: "lines drawn through the 1,000 of 10,000 values of
 * keep-alive that span the sweep". `what` names the marks ("lines drawn
 * through", "points at").
 */
export function thinAlong<R extends { x: number | string }>(
  rows: readonly R[],
  axisName: string,
  max: number,
  what: string,
): { rows: R[]; note: string | null; values: number } {
  const xs = [...new Set(rows.map((r) => r.x))];
  if (xs.length <= max) return { rows: [...rows], note: null, values: xs.length };
  const kept = new Set(spanning(xs, max));
  return {
    rows: rows.filter((r) => kept.has(r.x)),
    note: `${what} ${formatCount(kept.size)} of the ${formatCount(xs.length)} values of ${axisName}, spread over the sweep`,
    values: kept.size,
  };
}
