import { requireFinite } from '../../random/distributions/requireFinite.ts';
import { requireNonNegative } from '../../random/distributions/requireNonNegative.ts';
import type { RateShape } from './rateShape.ts';

export interface RatePoint {
  /** Milliseconds. */
  at: number;
  perSecond: number;
}

/**
 * A step function: each point's rate holds from its `at` until the next
 * point's, the last one forever. Before the first point the rate is 0. Points
 * must be in strictly increasing order of `at`.
 */
export function piecewiseRate(points: readonly RatePoint[]): RateShape {
  if (points.length === 0) throw new RangeError('piecewiseRate: needs at least one point');
  const at = new Float64Array(points.length);
  const perSecond = new Float64Array(points.length);
  points.forEach((p, i) => {
    requireFinite('piecewiseRate', `points[${i}].at`, p.at);
    requireNonNegative('piecewiseRate', `points[${i}].perSecond`, p.perSecond);
    if (i > 0 && !(p.at > at[i - 1])) {
      throw new RangeError(
        `piecewiseRate: points must be in increasing order of at (points[${i - 1}].at = ${at[i - 1]}, points[${i}].at = ${p.at})`,
      );
    }
    at[i] = p.at;
    perSecond[i] = p.perSecond;
  });

  // The index of the last point at or before t, or -1; a binary search so that
  // a rate table with thousands of steps (a replayed day) stays cheap.
  const segment = (t: number): number => {
    let lo = -1;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  return {
    rate: (t) => {
      const i = segment(t);
      return i < 0 ? 0 : perSecond[i];
    },
    bound: (t) => {
      const i = segment(t);
      return {
        max: i < 0 ? 0 : perSecond[i],
        until: i + 1 < at.length ? at[i + 1] : Number.POSITIVE_INFINITY,
      };
    },
    max: Math.max(...perSecond),
  };
}
