/** Finding points and reading their numbers, for the story's sentences. */
import type { ExperimentResults, PointResult } from '../../experiments/results.ts';
import { shareAbove } from '../cdf.ts';

/** The first point whose sweep values include all of `where`; undefined when none. */
export function pointWhere(
  results: ExperimentResults,
  where: Record<string, string | number>,
): PointResult | undefined {
  return results.points.find((p) => Object.entries(where).every(([k, v]) => p.params[k] === v));
}

/** A point's end-to-end estimate, or null without calls. */
export function stat(
  pt: PointResult | undefined,
  key: 'mean' | 'p50' | 'p90' | 'p99' | 'p999',
): number | null {
  if (!pt || pt.endToEnd.count === 0) return null;
  const v = pt.endToEnd[key].value;
  return v !== null && Number.isFinite(v) ? v : null;
}

/** The share of a point's calls slower than `ms`, from its stored CDF; null outside it. */
export function slowerThan(pt: PointResult, ms: number): number | null {
  return shareAbove(pt.cdf, ms);
}

/** Root calls that met at least one cold start (all replications). */
export function coldCalls(pt: PointResult): number {
  let n = 0;
  for (let k = 1; k < pt.cold.hopsCold.length; k += 1) n += pt.cold.hopsCold[k] ?? 0;
  return n;
}
