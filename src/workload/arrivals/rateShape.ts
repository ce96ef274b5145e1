/** An arrival rate (per second) as a function of simulated time (ms). */
export type RateFunction = (tMs: number) => number;

/**
 * An upper bound on a rate from time t on: the rate is at most `max` (per
 * second) on [t, until). `until` must be > t; Infinity means "from t on".
 */
export interface RateBound {
  max: number;
  until: number;
}

/** Gives the bound that holds from time t (ms). */
export type RateBoundFunction = (tMs: number) => RateBound;

/**
 * A rate over time with what thinning needs to be efficient: its overall
 * maximum and a local bound. Made by piecewiseRate, burstRate, onOffRate and
 * dailyCycle; consumed by RateFunctionArrivals.fromShape.
 */
export interface RateShape {
  rate: RateFunction;
  bound: RateBoundFunction;
  /** The maximum of `rate` over all time, per second. */
  max: number;
}
