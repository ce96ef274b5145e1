/** The end-to-end percentiles the charts draw, with the names people use for them. */
export const PERCENTILE_KEYS = ['p50', 'p90', 'p95', 'p99', 'p999'] as const;
export type PercentileKey = (typeof PERCENTILE_KEYS)[number];

export const PERCENTILE_LABEL: Record<PercentileKey, string> = {
  p50: 'p50',
  p90: 'p90',
  p95: 'p95',
  p99: 'p99',
  p999: 'p99.9',
};

/** The four of coldtail's signature chart: the median and three steps into the tail. */
export const DEFAULT_PERCENTILES: readonly PercentileKey[] = ['p50', 'p90', 'p99', 'p999'];
