/**
 * The smallest x in [lo, Infinity) with cdf(x) >= p, found numerically.
 *
 * `lo` must be the support minimum or a point with cdf(lo) < p; `hi` is only a
 * first guess and is pushed outwards (doubling its distance from lo) until
 * cdf(hi) >= p, giving Infinity if that never happens.
 *
 * Plain bisection rather than Brent: the CDFs inverted here (mixtures, tables
 * with atoms) may have jumps and flat stretches, where interpolation steps
 * stall or miss the *smallest* crossing, while bisection keeps the invariant
 * cdf(lo) < p <= cdf(hi) and always converges to it. It costs about 50 CDF
 * evaluations, which only quantile (never sample) pays.
 */
export function invertCdf(
  cdf: (x: number) => number,
  p: number,
  lo: number,
  hi: number,
  relTol = 1e-12,
): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`invertCdf: p must be in [0, 1] (got ${p})`);
  if (!Number.isFinite(lo)) throw new RangeError(`invertCdf: lo must be finite (got ${lo})`);
  if (cdf(lo) >= p) return lo;
  if (!(hi > lo && hi < Number.POSITIVE_INFINITY)) hi = lo + Math.max(1, Math.abs(lo));
  let step = hi - lo;
  while (cdf(hi) < p) {
    if (hi === Number.POSITIVE_INFINITY) return hi;
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  // Stops at a relative width, or when the bracket is down to adjacent doubles;
  // the cap covers the full exponent range for answers that underflow to zero.
  for (let i = 0; i < 2200; i++) {
    const mid = lo + 0.5 * (hi - lo);
    if (mid <= lo || mid >= hi) break;
    if (hi - lo <= relTol * Math.max(Math.abs(lo), Math.abs(hi))) break;
    if (cdf(mid) >= p) hi = mid;
    else lo = mid;
  }
  return hi;
}
