import type { DistributionSpec } from '../../random/distributionSpec.ts';
import type { CountsSpread } from '../trace/countsToArrivals.ts';

/**
 * How one function of a region is called, as plain data (it crosses to worker threads and
 * is built into an ArrivalProcess by createFunctionArrivals):
 * - renewal: a drawn function of a population, at `perSecond` with gaps of this `cv`;
 * - counts: per-minute counts of a trace (minute m covers [m, m + 1) minutes);
 * - times: recorded arrival times of a trace, ms, sorted.
 */
export type FunctionArrivals =
  | { kind: 'renewal'; perSecond: number; cv: number }
  | { kind: 'counts'; counts: Uint32Array; spread: CountsSpread }
  | { kind: 'times'; times: Float64Array };

/**
 * One function of a workload of many functions (a population, or a trace replayed function by
 * function): it gets its own function and its own pool, and its root calls go to it alone.
 * Where `execution` or `memoryMB` is absent, the experiment's `function` settings apply.
 */
export interface RegionFunction {
  name: string;
  arrivals: FunctionArrivals;
  /** Its own execution time (ms), e.g. lognormal around its drawn mean. */
  execution?: DistributionSpec;
  /** Memory it holds, MB, before the platform's rounding to a size it offers. */
  memoryMB?: number;
}
