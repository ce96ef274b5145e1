import type { Distribution } from '../distribution.ts';
import type { Rng } from '../rng.ts';
import { requireProbability } from './requireProbability.ts';

class Empirical implements Distribution {
  readonly kind = 'empirical';
  readonly mean: number;
  private readonly ps: Float64Array;
  private readonly values: Float64Array;
  // slopes[i] = dValue/dp on segment i, so sampling needs no division.
  private readonly slopes: Float64Array;
  private readonly last: number;

  constructor(ps: Float64Array, values: Float64Array) {
    this.ps = ps;
    this.values = values;
    this.last = ps.length - 1;
    this.slopes = new Float64Array(this.last);
    let mean = 0;
    for (let i = 0; i < this.last; i++) {
      const dp = ps[i + 1] - ps[i];
      this.slopes[i] = (values[i + 1] - values[i]) / dp;
      // The quantile function is linear on each segment, so the trapezoid rule
      // integrates it exactly: E[X] is the integral of Q(p) over [0, 1].
      mean += 0.5 * dp * (values[i] + values[i + 1]);
    }
    this.mean = mean;
  }

  sample(rng: Rng): number {
    return this.at(rng());
  }

  cdf(x: number): number {
    const v = this.values;
    if (x < v[0]) return 0;
    if (x >= v[this.last]) return 1;
    // The last point with value <= x, so that a run of equal values (an atom)
    // counts in full: the CDF is right-continuous.
    let lo = 0;
    let hi = this.last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (v[mid] <= x) lo = mid;
      else hi = mid;
    }
    // v[lo] <= x < v[lo + 1], so this segment is not flat.
    const ps = this.ps;
    return ps[lo] + ((x - v[lo]) * (ps[lo + 1] - ps[lo])) / (v[lo + 1] - v[lo]);
  }

  quantile(p: number): number {
    requireProbability(this.kind, p);
    return this.at(p);
  }

  private at(p: number): number {
    if (p >= 1) return this.values[this.last];
    const ps = this.ps;
    let lo = 0;
    let hi = this.last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (ps[mid] <= p) lo = mid;
      else hi = mid;
    }
    return this.values[lo] + this.slopes[lo] * (p - ps[lo]);
  }
}

/**
 * A distribution given by its quantile function at a few points, e.g. measured
 * percentiles [[0, 3], [0.5, 8], [0.99, 40], [1, 120]], linearly interpolated in
 * between.
 *
 * Levels must strictly increase within [0, 1] and values must not decrease; a
 * repeated value is a point mass (an atom), e.g. a cached response time. If the
 * table does not start at p = 0 or end at p = 1, the missing tails are clamped,
 * not extrapolated: the first value extends down to p = 0 and the last up to
 * p = 1, making point masses at both ends (a table ending at p99 = 40 ms puts 1%
 * of the mass exactly at 40 ms and never exceeds it). Give explicit end points
 * for a spread-out tail.
 */
export function empirical(points: readonly (readonly [p: number, value: number])[]): Distribution {
  if (!Array.isArray(points) || points.length < 2) {
    throw new RangeError(`empirical: needs at least two points (got ${points?.length ?? 0})`);
  }
  const ps: number[] = [];
  const values: number[] = [];
  points.forEach(([p, value], i) => {
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`empirical: p must be in [0, 1] (got ${p} at point ${i})`);
    }
    if (!Number.isFinite(value)) {
      throw new RangeError(`empirical: values must be finite (got ${value} at point ${i})`);
    }
    if (i > 0 && !(p > ps[i - 1])) {
      throw new RangeError(
        `empirical: p must be strictly increasing (got ${p} after ${ps[i - 1]} at point ${i})`,
      );
    }
    if (i > 0 && !(value >= values[i - 1])) {
      throw new RangeError(
        `empirical: values must be non-decreasing (got ${value} after ${values[i - 1]} at point ${i})`,
      );
    }
    ps.push(p);
    values.push(value);
  });
  if (ps[0] > 0) {
    ps.unshift(0);
    values.unshift(values[0]);
  }
  if (ps[ps.length - 1] < 1) {
    ps.push(1);
    values.push(values[values.length - 1]);
  }
  return new Empirical(Float64Array.from(ps), Float64Array.from(values));
}
