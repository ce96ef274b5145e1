import { PERCENTILES, type PercentileKey } from '../metrics/summary.ts';
import { percentileName } from '../special/percentileName.ts';

export type { PercentileKey };

/** The end-to-end percentiles the charts draw: those the results hold (one list, in metrics). */
export const PERCENTILE_KEYS: readonly PercentileKey[] = PERCENTILES.map(([key]) => key);

/** The names people use for them: p999 is "p99.9". */
export const PERCENTILE_LABEL = Object.fromEntries(
  PERCENTILES.map(([key, p]) => [key, percentileName(p)]),
) as Record<PercentileKey, string>;

/** The four of coldtail's signature chart: the median and three steps into the tail. */
export const DEFAULT_PERCENTILES: readonly PercentileKey[] = ['p50', 'p90', 'p99', 'p999'];
