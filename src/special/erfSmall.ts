/**
 * erf(x) for |x| <= 0.46875 only: W. J. Cody's rational approximation for his
 * first interval, about 1e-16 relative.
 *
 * Separate from erfcx because near zero erf itself, not 1 - erfc, is the
 * quantity with full relative precision; normalQuantile needs it to refine
 * quantiles close to the median, where Phi(x) - 1/2 is tiny.
 */
export function erfSmall(x: number): number {
  // Below this y^2 is negligible next to the constant terms (and could underflow).
  const ysq = Math.abs(x) > 1.11e-16 ? x * x : 0;
  let num = 0.18577770618460315 * ysq;
  let den = ysq;
  num = (num + 3.1611237438705655) * ysq;
  den = (den + 23.601290952344122) * ysq;
  num = (num + 113.86415415105016) * ysq;
  den = (den + 244.02463793444417) * ysq;
  num = (num + 377.485237685302) * ysq;
  den = (den + 1282.6165260773723) * ysq;
  return (x * (num + 3209.3775891384694)) / (den + 2844.236833439171);
}
