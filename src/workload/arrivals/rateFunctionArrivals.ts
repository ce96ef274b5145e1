import { requireNonNegative } from '../../random/distributions/requireNonNegative.ts';
import type { Rng } from '../../random/rng.ts';
import { log } from '../../special/log.ts';
import type { ArrivalProcess } from './arrivalProcess.ts';
import { type ArrivalWindow, arrivalWindow } from './arrivalWindow.ts';
import type { RateBoundFunction, RateFunction, RateShape } from './rateShape.ts';

export interface RateFunctionArrivalsOptions extends ArrivalWindow {
  /**
   * A local bound on the rate. Without it, candidates are drawn at
   * maxRatePerSecond everywhere, which wastes almost every draw on a shape that
   * is mostly far below its peak (a one-second burst in a day).
   */
  bound?: RateBoundFunction;
}

// Floating-point slack when checking that the rate respects its bound: a
// sinusoid evaluated at a segment end may exceed the bound computed there by an ulp.
const BOUND_SLACK = 1 + 1e-9;

/**
 * A non-homogeneous Poisson process with a rate that changes over time, by
 * thinning (Lewis and Shedler, 1979): candidates come from a homogeneous
 * process at a rate that bounds the true rate, and each is kept with
 * probability rate(t) / bound.
 *
 * The bound is piecewise: `bound(t)` gives a maximum valid until some time;
 * when a candidate falls past that time the process restarts there under the
 * next bound, which is exact because a Poisson process is memoryless. For step
 * shapes (piecewise, burst, on/off) the bound equals the rate, so no candidate
 * is rejected and stretches at rate 0 cost no draws at all.
 *
 * Errors if the rate ever exceeds its bound: thinning would silently produce
 * too few arrivals otherwise.
 */
export class RateFunctionArrivals implements ArrivalProcess {
  private readonly rate: RateFunction;
  private readonly maxRatePerSecond: number;
  private readonly bound: RateBoundFunction;
  private readonly start: number;
  private readonly end: number;
  private readonly rng: Rng;
  private done = false;

  /** A process for a shape made by piecewiseRate, burstRate, onOffRate or dailyCycle. */
  static fromShape(shape: RateShape, rng: Rng, window: ArrivalWindow = {}): RateFunctionArrivals {
    return new RateFunctionArrivals(shape.rate, shape.max, rng, { ...window, bound: shape.bound });
  }

  constructor(
    rate: RateFunction,
    maxRatePerSecond: number,
    rng: Rng,
    options: RateFunctionArrivalsOptions = {},
  ) {
    requireNonNegative('RateFunctionArrivals', 'maxRatePerSecond', maxRatePerSecond);
    ({ start: this.start, end: this.end } = arrivalWindow('RateFunctionArrivals', options));
    this.rate = rate;
    this.maxRatePerSecond = maxRatePerSecond;
    this.bound =
      options.bound ?? (() => ({ max: maxRatePerSecond, until: Number.POSITIVE_INFINITY }));
    this.rng = rng;
    // Without this, a periodic shape that is zero throughout (a daily cycle of
    // mean 0) would step from segment to segment for ever.
    if (maxRatePerSecond === 0) this.done = true;
  }

  next(now: number): number {
    if (this.done) return Number.POSITIVE_INFINITY;
    let t = Math.max(now, this.start);
    while (t < this.end) {
      const { max, until } = this.bound(t);
      this.checkBound(t, max, until);
      if (max === 0) {
        if (until === Number.POSITIVE_INFINITY) break;
        t = until;
        continue;
      }
      const candidate = t - (1000 / max) * log(1 - this.rng());
      if (candidate >= until) {
        t = until;
        continue;
      }
      if (candidate >= this.end) break;
      const r = this.rate(candidate);
      if (!(r >= 0) || r > max * BOUND_SLACK) {
        throw new RangeError(
          `RateFunctionArrivals: rate at ${candidate} ms is ${r}/s, outside [0, ${max}] (its bound)`,
        );
      }
      if (this.rng() * max < r) return candidate;
      t = candidate;
    }
    this.done = true;
    return Number.POSITIVE_INFINITY;
  }

  private checkBound(t: number, max: number, until: number): void {
    if (!(max >= 0) || max > this.maxRatePerSecond * BOUND_SLACK) {
      throw new RangeError(
        `RateFunctionArrivals: bound at ${t} ms is ${max}/s, outside [0, ${this.maxRatePerSecond}]`,
      );
    }
    if (!(until > t)) {
      throw new RangeError(
        `RateFunctionArrivals: bound at ${t} ms must hold until a later time (got until ${until})`,
      );
    }
  }
}
