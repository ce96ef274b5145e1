/** The percentile table of the report: one row per point, latencies in ms. */
import type { ExperimentResults } from '../experiments/results.ts';
import { displayName } from './axes.ts';

export interface PercentileRow {
  label: string;
  /** Completed root calls. */
  count: number;
  /** The mean, shown beside the percentiles (optional for tables built by hand). */
  mean?: number | null;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  p999: number | null;
  max: number | null;
  /** Share of completed calls that met at least one cold start. */
  coldShare: number | null;
  /** Share of arrived calls that were throttled. */
  throttledShare: number | null;
}

export function percentileTable(results: ExperimentResults): PercentileRow[] {
  return results.points.map((p) => ({
    label: displayName(results, p),
    count: p.endToEnd.count,
    mean: p.endToEnd.mean.value,
    p50: p.endToEnd.p50.value,
    p90: p.endToEnd.p90.value,
    p99: p.endToEnd.p99.value,
    p999: p.endToEnd.p999.value,
    max: p.endToEnd.max,
    coldShare: p.cold.share.value,
    throttledShare: p.calls.arrivals > 0 ? p.calls.throttled / p.calls.arrivals : null,
  }));
}
