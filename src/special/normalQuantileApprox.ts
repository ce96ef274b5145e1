import { log } from './log.ts';
/**
 * Peter Acklam's rational approximation to the standard normal quantile,
 * relative error below 1.15e-9 over (0, 1).
 *
 * The fast path for sampling: it needs no exp or erfc in the central 95%, and
 * 1e-9 is far below any sampling noise. normalQuantile refines it when the
 * value itself matters. Returns -Infinity at 0 and Infinity at 1.
 */
export function normalQuantileApprox(p: number): number {
  if (p > 0.02425 && p < 0.97575) {
    const q = p - 0.5;
    const r = q * q;
    return (
      ((((((-39.69683028665376 * r + 220.9460984245205) * r - 275.9285104469687) * r +
        1.38357751867269e2) *
        r -
        30.66479806614716) *
        r +
        2.506628277459239) *
        q) /
      (((((-54.47609879822406 * r + 161.5858368580409) * r - 155.6989798598866) * r +
        66.80131188771972) *
        r -
        13.28068155288572) *
        r +
        1)
    );
  }
  if (!(p > 0 && p < 1)) {
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return Number.NaN;
  }
  // Tails: the sign flips so that both use the small tail probability, which
  // 1 - p would otherwise round away.
  const upper = p >= 0.97575;
  const q = Math.sqrt(-2 * log(upper ? 1 - p : p));
  const x =
    (((((-0.007784894002430293 * q - 0.3223964580411365) * q - 2.400758277161838) * q -
      2.549732539343734) *
      q +
      4.374664141464968) *
      q +
      2.938163982698783) /
    ((((0.007784695709041462 * q + 0.3224671290700398) * q + 2.445134137142996) * q +
      3.754408661907416) *
      q +
      1);
  return upper ? -x : x;
}
