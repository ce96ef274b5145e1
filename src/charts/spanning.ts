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
