import type { Rng } from './rng.ts';

/**
 * A distribution of non-negative durations (milliseconds) or other quantities.
 *
 * Plain closed forms where they exist; `quantile` falls back to numeric
 * inversion of `cdf` where they do not (gamma, mixture).
 */
export interface Distribution {
  /** The name of the family, e.g. "lognormal"; used in descriptions and errors. */
  readonly kind: string;
  /** Draws one value using `rng`; consumes a fixed or bounded number of draws. */
  sample(rng: Rng): number;
  /** The expected value; Infinity where it does not exist (e.g. Pareto with shape <= 1). */
  readonly mean: number;
  /** P(X <= x). */
  cdf(x: number): number;
  /** The smallest x with cdf(x) >= p, for p in [0, 1]. */
  quantile(p: number): number;
}
