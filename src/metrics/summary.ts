import type { Histogram } from './histogram.ts';

/** The percentiles coldtail reports, as (key, quantile) pairs, in increasing order. */
export const PERCENTILES = [
  ['p50', 0.5],
  ['p90', 0.9],
  ['p95', 0.95],
  ['p99', 0.99],
  ['p999', 0.999],
] as const;

export type PercentileKey = (typeof PERCENTILES)[number][0];

/**
 * The headline numbers of one latency histogram, in milliseconds. With no values, count is 0 and
 * every other field is null: JSON has no NaN, and a null says "no data" where 0 would lie.
 */
export type LatencySummary = {
  count: number;
  mean: number | null;
  max: number | null;
} & Record<PercentileKey, number | null>;

export function summarize(h: Histogram): LatencySummary {
  const empty = h.count === 0;
  // Built in the documented key order (count, mean, p50 ... p999, max): JSON and CSV follow it.
  const summary = { count: h.count, mean: empty ? null : h.mean } as LatencySummary;
  for (const [key, p] of PERCENTILES) summary[key] = empty ? null : h.quantile(p);
  summary.max = empty ? null : h.max;
  return summary;
}
