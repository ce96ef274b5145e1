import { joinPath, SpecError } from '../../spec/specError.ts';

// Percentile field names: p0 .. p100 with optional decimals (p99.9), and
// "median" for p50. Which of them a form accepts is checked after the pattern.
export const PERCENTILE_KEY = /^(p(100|\d{1,2}(\.\d+)?)|median)$/;
export const PERCENTILE_HINT = 'a percentile such as p50, p99 or p99.9, or median';

/** The percentile a field name stands for, in percent (0..100). */
function percentOf(key: string): number {
  return key === 'median' ? 50 : Number(key.slice(1));
}

/** p99.9 -> 0.999, computed in decimal so that it is the double nearest 0.999. */
function probabilityOf(key: string): number {
  return key === 'median' ? 0.5 : Number(`${key.slice(1)}e-2`);
}

export interface Quantile {
  key: string;
  p: number;
  x: number;
}

/** The table as quantiles sorted by p, refusing a percentile given twice ("median" and "p50"). */
export function sortedQuantiles(table: Record<string, number>, path: string): Quantile[] {
  const seen = new Map<number, string>();
  const out: Quantile[] = [];
  for (const [key, x] of Object.entries(table)) {
    const percent = percentOf(key);
    const first = seen.get(percent);
    if (first !== undefined) {
      throw new SpecError(joinPath(path, key), `same percentile as ${first}`);
    }
    seen.set(percent, key);
    out.push({ key, p: probabilityOf(key), x });
  }
  return out.sort((a, b) => a.p - b.p);
}

export function keyList(table: Record<string, unknown>): string {
  const keys = Object.keys(table);
  return `${keys.length}: ${keys.join(', ')}`;
}
